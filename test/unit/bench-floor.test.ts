// The measurement-floor section's arithmetic: hey's CSV, its rate split, the goals' verdicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heyCsvLatencies, heyWorkers } from '../../bench/hey.js';
import { countAt, floorVerdict, medianRow } from '../../bench/sections/floor.js';

const P = (p50: number, p99: number, p999: number) => ({ p50, p90: p50, p99, p999, max: p999, min: 0, mean: p50 });

test("hey's CSV: response times in seconds become µs; rows before the warm-up offset and the header are left out; non-200 counted", () => {
  const csv = [
    'response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset',
    '0.0500,0.0004,0.0000,0.0001,0.0010,0.0001,200,0.5000',
    '0.0002,0.0000,0.0000,0.0000,0.0001,0.0000,200,1.0100',
    '0.0004,0.0000,0.0000,0.0000,0.0003,0.0000,500,1.5000',
    '',
  ].join('\n');
  const r = heyCsvLatencies(csv, 1);
  assert.equal(r.count, 2);
  assert.equal(r.failures, 1);
  assert.ok(r.latencyUs.max >= 399 && r.latencyUs.max <= 401, String(r.latencyUs.max));
  assert.ok(r.latencyUs.min >= 199 && r.latencyUs.min <= 201, String(r.latencyUs.min));
});

test("hey's -q is per worker: the workers times their rate is the asked rate", () => {
  for (const rate of [1000, 5000, 250, 50]) {
    const { workers, perWorkerRate } = heyWorkers(rate);
    assert.equal(workers * perWorkerRate, rate);
    assert.ok(perWorkerRate <= 100);
  }
});

test('floor goals: http against hey on p50, p99 and p99.9; sdk has no p50 goal', () => {
  assert.equal(floorVerdict('http', P(250, 700, 1500), P(200, 500, 1000)), 'met');
  assert.equal(floorVerdict('http', P(400, 900, 2500), P(200, 500, 1000)), 'NOT met (p50 +0.200 > +0.1, p99 +0.400 > +0.3, p99.9 +1.500 > +1)');
  assert.equal(floorVerdict('sdk', P(5000, 800, 1500), P(200, 500, 1000)), 'met');
});

test("the endpoint's count at an instant is interpolated between the polls around it", () => {
  const marks: [number, number][] = [[1000, 0], [1010, 100], [1020, 300]];
  assert.equal(countAt(marks, 1005), 50);
  assert.equal(countAt(marks, 1015), 200);
  assert.equal(countAt(marks, 2000), 300);
});

test('repeated floor runs: each percentile is the median of the runs, the count their sum, the p99 range their lowest and highest', () => {
  const run = (p50: number, p99: number, p999: number, count = 100) => ({ client: 'ddbench run --driver http', count, latencyUs: P(p50, p99, p999) });
  const row = medianRow([run(150, 1000, 3500), run(120, 1400, 3000), run(160, 900, 4200)]);
  assert.equal(row.count, 300);
  assert.deepEqual([row.latencyUs.p50, row.latencyUs.p99, row.latencyUs.p999], [150, 1000, 3500]);
  assert.deepEqual(row.p99RangeUs, [900, 1400]);
  assert.equal(medianRow([run(100, 800, 2000), run(200, 1000, 3000)]).latencyUs.p99, 900, 'an even number of runs: the mean of the middle two');
});
