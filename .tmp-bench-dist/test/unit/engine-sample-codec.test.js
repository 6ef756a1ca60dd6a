import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SampleBatcher, unpackSamples } from '../../src/engine/sample-codec.js';
const ops = ['get', 'put'];
function sample(i) {
    return {
        op: ops[i % 2],
        phaseIndex: i % 3,
        intendedStartUs: i * 1000,
        sentUs: i * 1000 + 5,
        endUs: i * 1000 + 900,
        result: i % 5 === 0
            ? { kind: 'throttled', attempts: 3, retryDelayMs: 620, consumedRcu: 0, consumedWcu: 0, throttledAttempts: 3, errorName: 'ThrottlingException', errorMessage: 'slow down', reasons: ['TableReadKeyRangeThroughputExceeded'] }
            : { kind: 'ok', attempts: 1, retryDelayMs: 0, consumedRcu: 0.5, consumedWcu: 1, throttledAttempts: 0, unprocessed: i % 7 === 0 ? 2 : undefined },
    };
}
test('samples survive packing into a batch and unpacking, strings and all, across buffer growth', () => {
    const batcher = new SampleBatcher(new Map(ops.map((n, i) => [n, i])), 4);
    const input = Array.from({ length: 50 }, (_, i) => sample(i));
    for (const s of input)
        batcher.add(s);
    const batch = batcher.take();
    assert.equal(batch.count, 50);
    assert.equal(batcher.size, 0);
    const out = [];
    unpackSamples(batch, ops, (s) => out.push(s));
    const clean = (s) => JSON.parse(JSON.stringify(s));
    assert.deepEqual(out.map(clean), input.map(clean));
});
//# sourceMappingURL=engine-sample-codec.test.js.map