import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accepted, base, hasProblem, load, withOps } from './scenario-support.js';
test('open-loop phases need a rate; closed-loop phases take workers instead', () => {
    const phases = (mode, ...list) => ({ ...base(), mode, phases: list });
    hasProblem(phases('open', { name: 'a', duration: '1s' }), /^phases\[0\]\.rate: missing, every phase needs a rate in open mode/);
    hasProblem(phases('open', { name: 'a', duration: '1s', rate: 1, workers: 4 }), /^phases\[0\]\.workers: only used in closed mode/);
    hasProblem(phases('closed', { name: 'a', duration: '1s', rate: 5 }), /^phases\[0\]\.rate: not used in closed mode/);
    hasProblem(phases('open', { name: 'a', duration: '1s', rate: 1, warmup: true }), /^phases: every phase is a warm-up/);
    hasProblem(phases('open', { name: 'a', duration: '0ms', rate: 1 }), /^phases\[0\]\.duration: expected a duration above 0, got "0ms"$/);
    hasProblem(phases('open', { name: 'a', duration: '1s', rate: 1 }, { name: 'a', duration: '1s', rate: 1 }), /^phases\[1\]\.name: duplicate phase name "a"/);
    hasProblem({ ...phases('closed', { name: 'a', duration: '1s', workers: 9 }), concurrency: 8 }, /^phases\[0\]\.workers: 9 workers is more than concurrency 8$/);
});
test('a ramp needs the rate it starts from', () => {
    const doc = { ...base(), phases: [{ name: 'a', duration: '1s', rampTo: 50 }] };
    hasProblem(doc, /^phases\[0\]\.rampTo: needs rate/);
    const s = accepted({ ...base(), phases: [{ name: 'a', duration: '1s', rate: 10, rampTo: 50 }] });
    assert.equal(s.phases[0]?.rampToOpsPerSec, 50);
});
test('durations are normalised to milliseconds and closed-loop workers default to concurrency', () => {
    const s = accepted({
        ...base(),
        mode: 'closed',
        concurrency: 16,
        requestTimeout: 2.5,
        phases: [
            { name: 'a', duration: '1m30s', thinkTime: '250ms' },
            { name: 'b', duration: 0.5, workers: 4, thinkTime: 0 },
            { name: 'c', duration: '1h' },
        ],
    });
    assert.deepEqual(s.phases, [
        { name: 'a', durationMs: 90_000, warmup: false, workers: 16, thinkTimeMs: 250 },
        { name: 'b', durationMs: 500, warmup: false, workers: 4, thinkTimeMs: 0 },
        { name: 'c', durationMs: 3_600_000, warmup: false, workers: 16 },
    ]);
    assert.equal(s.requestTimeoutMs, 2500);
    assert.equal(s.concurrency, 16);
});
test('closed loop without a concurrency takes the largest phase as concurrency', () => {
    const s = accepted({ ...base(), mode: 'closed', phases: [{ name: 'a', duration: '1s', workers: 200 }, { name: 'b', duration: '1s', workers: 8 }] });
    assert.equal(s.concurrency, 200);
});
test('distribution aliases are normalised and parameters apply only where they mean something', () => {
    const keys = (k) => ({ ...base(), keys: { player: { count: 100, ...k }, game: { count: 5, distribution: 'uniform' } } });
    for (const alias of ['scrambled_zipfian', 'scrambledZipfian', 'scrambled-zipfian']) {
        assert.equal(accepted(keys({ distribution: alias, theta: 0.9999 })).keys.player?.distribution, 'scrambled-zipfian');
    }
    assert.equal(accepted(keys({ distribution: 'hotspot', hotFraction: 0.1, hotOpFraction: 0.9 })).keys.player?.hotFraction, 0.1);
    hasProblem(keys({ distribution: 'zipfian', theta: 1 }), /^keys\.player\.theta: expected a number above 0 and at most 0\.9999, got 1$/);
    hasProblem(keys({ distribution: 'uniform', theta: 0.5 }), /^keys\.player\.theta: only used by zipfian, scrambled-zipfian and latest, not uniform$/);
    hasProblem(keys({ distribution: 'zipfian', hotFraction: 0.5 }), /^keys\.player\.hotFraction: only used by hotspot, not zipfian$/);
    hasProblem({ ...base(), keys: { 'bad-name': { count: 1, distribution: 'uniform' } } }, /^keys\["bad-name"\]: expected a key space name/);
});
test('billing mode decides whether capacities are required or refused', () => {
    const table = (extra) => ({ ...base(), table: { ...base().table, ...extra } });
    const s = accepted(table({ billingMode: 'PROVISIONED', readCapacity: 5, writeCapacity: 10 }));
    assert.equal(s.table.readCapacityUnits, 5);
    assert.equal(s.table.writeCapacityUnits, 10);
    hasProblem(table({ billingMode: 'PROVISIONED', readCapacity: 5 }), /^table\.writeCapacity: missing, required with billingMode PROVISIONED$/);
    hasProblem(table({ readCapacity: 5 }), /^table\.readCapacity: only used with billingMode PROVISIONED/);
});
test('an attribute cannot have two types across the table and index key schemas', () => {
    const doc = base();
    doc.table.indexes = [{ name: 'by-pk', partitionKey: { name: 'pk', type: 'N' } }];
    hasProblem(doc, /^table\.indexes\[0\]\.partitionKey\.type: "pk" is type S in the table key; one attribute has one type$/);
});
test('operation names are unique and safe to use in gates', () => {
    hasProblem(withOps({ name: 'a', weight: 1, type: 'Scan' }, { name: 'a', weight: 2, type: 'Scan' }), /^operations\[1\]\.name: duplicate operation name "a" \(also operations\[0\]\)$/);
    hasProblem(withOps({ name: 'a.b', weight: 1, type: 'Scan' }), /^operations\[0\]\.name: expected an operation name/);
});
test('each gate is checked with the operation names, problems at the gate index', () => {
    const calls = [];
    const r = load({ ...base(), gates: ['good', 'bad'] }, {
        parseGate: (expr, names) => {
            calls.push([expr, names]);
            return expr === 'bad' ? { ok: false, message: 'gate `bad`: nonsense' } : { ok: true };
        },
    });
    assert.deepEqual(calls, [
        ['good', ['get']],
        ['bad', ['get']],
    ]);
    assert.ok(!r.ok);
    assert.deepEqual(r.problems.map((p) => `${p.path}: ${p.message}`), ['gates[1]: gate `bad`: nonsense']);
});
test('the real gate parser accepts the issue gates and rejects malformed ones', () => {
    accepted({ ...base(), gates: ['p99 < 10ms', 'get.p50 < 5ms', 'errors < 0.1%'] });
    hasProblem({ ...base(), gates: ['p99 <'] }, /^gates\[0\]: /);
});
//# sourceMappingURL=scenario-checks.test.js.map