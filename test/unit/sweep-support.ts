// Fabricated sweep steps for the sweep's unit tests: a phase's recorded data built from lists of
// latencies, without a recorder or a clock.
import { newCounters, countResult } from '../../src/recorder/counters.js';
import { newHistogram, recordUs } from '../../src/recorder/histogram.js';
import type { Histogram } from '../../src/recorder/histogram.js';
import type { OutcomeKind } from '../../src/types.js';
import type { OpCounters, PhaseSnapshot } from '../../src/recorder/types.js';
import { parseGate } from '../../src/gates/parse.js';
import type { Gate } from '../../src/gates/parse.js';
import { result } from './summary-fixture.js';

export interface OpData {
  /** latency (from intended start) of each operation, µs */
  latenciesUs: number[];
  /** outcome of the first N operations (the rest are ok) */
  failures?: { kind: OutcomeKind; count: number };
}

export function stepData(index: number, durationMs: number, ops: Record<string, OpData>, lateSends = 0): PhaseSnapshot {
  const latency: Record<string, Histogram> = {};
  const service: Record<string, Histogram> = {};
  const counts: Record<string, OpCounters> = {};
  let count = 0;
  for (const [name, d] of Object.entries(ops)) {
    latency[name] = newHistogram();
    service[name] = newHistogram();
    counts[name] = newCounters();
    d.latenciesUs.forEach((us, i) => {
      recordUs(latency[name]!, us);
      recordUs(service[name]!, us);
      const failed = d.failures !== undefined && i < d.failures.count;
      countResult(counts[name]!, result(failed ? { kind: d.failures!.kind, errorName: 'Boom' } : {}));
    });
    count += d.latenciesUs.length;
  }
  return { index, actualDurationMs: durationMs, latency, service, counts, count, windowCount: count, plannedCount: count, lateSends, lateSendUs: 5_000 };
}

/** n latencies: all `baseUs` except the slowest `slow` ones at `slowUs`. */
export function latencies(n: number, baseUs: number, slow = 0, slowUs = baseUs): number[] {
  return Array.from({ length: n }, (_, i) => (i < n - slow ? baseUs : slowUs));
}

export function gates(exprs: string[], ops: string[]): Gate[] {
  return exprs.map((e) => {
    const p = parseGate(e, ops);
    if (!p.ok) throw new Error(p.message);
    return p.gate;
  });
}
