import { OUTCOME_KINDS } from '../types.js';
const FIELDS = 12;
export class SampleBatcher {
    opIndex;
    numbers;
    count = 0;
    strings = [];
    capacity;
    constructor(opIndex, initialCapacity = 4096) {
        this.opIndex = opIndex;
        this.capacity = initialCapacity;
        this.numbers = new Float64Array(initialCapacity * FIELDS);
    }
    get size() {
        return this.count;
    }
    add(s) {
        if (this.count === this.capacity)
            this.grow();
        const r = s.result;
        const o = this.count * FIELDS;
        const n = this.numbers;
        n[o] = this.opIndex.get(s.op) ?? -1;
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
        if (r.errorName !== undefined || r.reasons !== undefined) {
            this.strings.push([this.count, r.errorName ?? '', r.errorMessage ?? '', (r.reasons ?? []).join('\u0001')]);
        }
        this.count++;
    }
    /** The batch so far, handing over its buffer; the batcher starts a fresh one. */
    take() {
        const batch = { numbers: this.numbers.subarray(0, this.count * FIELDS).slice(), count: this.count, strings: this.strings };
        this.count = 0;
        this.strings = [];
        return batch;
    }
    grow() {
        const bigger = new Float64Array(this.numbers.length * 2);
        bigger.set(this.numbers);
        this.numbers = bigger;
        this.capacity *= 2;
    }
}
export function unpackSamples(batch, opNames, visit) {
    const strings = new Map(batch.strings.map(([i, name, message, reasons]) => [i, { name, message, reasons }]));
    const n = batch.numbers;
    for (let i = 0; i < batch.count; i++) {
        const o = i * FIELDS;
        const extra = strings.get(i);
        const result = {
            kind: OUTCOME_KINDS[n[o + 5]],
            attempts: n[o + 6],
            retryDelayMs: n[o + 7],
            consumedRcu: n[o + 8],
            consumedWcu: n[o + 9],
            throttledAttempts: n[o + 10],
            ...(n[o + 11] >= 0 ? { unprocessed: n[o + 11] } : {}),
            ...(extra?.name ? { errorName: extra.name } : {}),
            ...(extra?.message ? { errorMessage: extra.message } : {}),
            ...(extra?.reasons ? { reasons: extra.reasons.split('\u0001') } : {}),
        };
        visit({ op: opNames[n[o]] ?? '?', phaseIndex: n[o + 1], intendedStartUs: n[o + 2], sentUs: n[o + 3], endUs: n[o + 4], result });
    }
}
//# sourceMappingURL=sample-codec.js.map