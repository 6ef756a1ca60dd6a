// Samples cross from load workers to the recording thread in batches packed into one
// Float64Array (transferred, not copied), so recording stays exact (every sample goes into
// the one recorder) at tens of thousands of samples per second. Rare strings (error names,
// reasons) travel beside the numbers.
import type { OpResult, OutcomeKind, Sample } from '../types.js';
import { OUTCOME_KINDS } from '../types.js';

// 12: the flow a script's step ran in (operation index, -1: none); 13: a flow's think time (µs)
const FIELDS = 14;

export interface SampleBatch {
  numbers: Float64Array;
  count: number;
  /** per sample index with an error: [name, message, reasons joined by \u0001] */
  strings: [number, string, string, string][];
  /** operation names first seen in this batch (a script's steps are named at run time), indexed after the known ones */
  newOps?: string[];
}

export class SampleBatcher {
  private numbers: Float64Array;
  private count = 0;
  private strings: SampleBatch['strings'] = [];
  private newOps: string[] = [];

  private capacity: number;

  constructor(
    private readonly opIndex: Map<string, number>,
    initialCapacity = 4096,
  ) {
    this.capacity = initialCapacity;
    this.numbers = new Float64Array(initialCapacity * FIELDS);
  }

  get size(): number {
    return this.count;
  }

  add(s: Sample): void {
    if (this.count === this.capacity) this.grow();
    const r = s.result;
    const o = this.count * FIELDS;
    const n = this.numbers;
    n[o] = this.indexOf(s.op);
    n[o + 1] = s.phaseIndex;
    n[o + 2] = s.intendedStartUs;
    n[o + 3] = s.sentUs;
    n[o + 4] = s.endUs;
    n[o + 5] = OUTCOME_KINDS.indexOf(r.kind);
    n[o + 6] = r.attempts;
    n[o + 7] = r.retryDelayMs;
    n[o + 8] = r.consumedRcu;
    n[o + 9] = r.consumedWcu;
    n[o + 10] = r.throttledAttempts;
    n[o + 11] = r.unprocessed ?? -1;
    n[o + 12] = s.flow !== undefined ? this.indexOf(s.flow) : -1;
    n[o + 13] = r.thinkUs ?? -1;
    if (r.errorName !== undefined || r.reasons !== undefined) {
      this.strings.push([this.count, r.errorName ?? '', r.errorMessage ?? '', (r.reasons ?? []).join('\u0001')]);
    }
    this.count++;
  }

  private indexOf(op: string): number {
    let index = this.opIndex.get(op);
    if (index === undefined) {
      index = this.opIndex.size;
      this.opIndex.set(op, index);
      this.newOps.push(op);
    }
    return index;
  }

  /** The batch so far, handing over its buffer; the batcher starts a fresh one. */
  take(): SampleBatch {
    const batch: SampleBatch = { numbers: this.numbers.subarray(0, this.count * FIELDS).slice(), count: this.count, strings: this.strings };
    if (this.newOps.length > 0) batch.newOps = this.newOps;
    this.count = 0;
    this.strings = [];
    this.newOps = [];
    return batch;
  }

  private grow(): void {
    const bigger = new Float64Array(this.numbers.length * 2);
    bigger.set(this.numbers);
    this.numbers = bigger;
    this.capacity *= 2;
  }
}

/** `opNames` is the sending worker's own list: names new in the batch are appended to it. */
export function unpackSamples(batch: SampleBatch, opNames: string[], visit: (s: Sample) => void): void {
  if (batch.newOps !== undefined) opNames.push(...batch.newOps);
  const strings = new Map(batch.strings.map(([i, name, message, reasons]) => [i, { name, message, reasons }]));
  const n = batch.numbers;
  for (let i = 0; i < batch.count; i++) {
    const o = i * FIELDS;
    const extra = strings.get(i);
    const result: OpResult = {
      kind: OUTCOME_KINDS[n[o + 5]!] as OutcomeKind,
      attempts: n[o + 6]!,
      retryDelayMs: n[o + 7]!,
      consumedRcu: n[o + 8]!,
      consumedWcu: n[o + 9]!,
      throttledAttempts: n[o + 10]!,
      ...(n[o + 11]! >= 0 ? { unprocessed: n[o + 11]! } : {}),
      ...(extra?.name ? { errorName: extra.name } : {}),
      ...(extra?.message ? { errorMessage: extra.message } : {}),
      ...(extra?.reasons ? { reasons: extra.reasons.split('\u0001') } : {}),
      ...(n[o + 13]! >= 0 ? { thinkUs: n[o + 13]! } : {}),
    };
    const flow = n[o + 12]! >= 0 ? opNames[n[o + 12]!] : undefined;
    visit({ op: opNames[n[o]!] ?? '?', phaseIndex: n[o + 1]!, intendedStartUs: n[o + 2]!, sentUs: n[o + 3]!, endUs: n[o + 4]!, result, ...(flow !== undefined ? { flow } : {}) });
  }
}
