// The change-point detector on synthetic series with known shifts: seeded noise, so every
// expectation below is exact and the same on every machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eDivisive } from '../../src/trend/e-divisive.js';
import { analyseSeries, TREND_DEFAULTS } from '../../src/trend/analyse.js';
import type { Series, MetricName } from '../../src/trend/series.js';
import { Rng } from '../../src/workload/rng.js';

/** Normal noise (Box-Muller) from the project's seeded generator. */
function noise(seed: number): () => number {
  const rng = new Rng(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
}

function series(values: number[], metric: MetricName = 'p99'): Series {
  return { op: 'get', metric, points: values.map((value, run) => ({ run, value })) };
}

const OPTS = { pValue: TREND_DEFAULTS.pValue, permutations: TREND_DEFAULTS.permutations, minSize: TREND_DEFAULTS.minLevelRuns, seed: 7 };

test('a step is found at the run where it starts', () => {
  const n = noise(1);
  const values = Array.from({ length: 30 }, (_, i) => (i < 18 ? 10 : 13) + 0.5 * n());
  const cps = eDivisive(values, OPTS);
  assert.deepEqual(cps.map((c) => c.index), [18]);
  assert.ok(cps[0]!.pValue <= 0.01);
});

test('two steps (up, then back down) are both found', () => {
  const n = noise(2);
  const values = Array.from({ length: 36 }, (_, i) => (i >= 12 && i < 24 ? 20 : 10) + n());
  assert.deepEqual(eDivisive(values, OPTS).map((c) => c.index), [12, 24]);
});

test('pure noise gives no change point, whatever the seed of the noise', () => {
  for (const seed of [3, 4, 5, 6]) {
    const n = noise(seed);
    const values = Array.from({ length: 40 }, () => 10 + n());
    assert.deepEqual(eDivisive(values, OPTS), [], `noise seed ${seed}`);
  }
});

test('a single outlier night is not a change', () => {
  const n = noise(8);
  const values = Array.from({ length: 25 }, (_, i) => (i === 12 ? 40 : 10) + 0.5 * n());
  const trend = analyseSeries(series(values), TREND_DEFAULTS);
  assert.deepEqual(trend.changes, []);
  assert.equal(trend.newest, undefined);
});

test('a constant series has no change and no NaN', () => {
  assert.deepEqual(eDivisive(Array(20).fill(5), OPTS), []);
});

test('the same series and seed give the same change points and p-values', () => {
  const n = noise(9);
  const values = Array.from({ length: 30 }, (_, i) => (i < 15 ? 10 : 11.5) + n());
  assert.deepEqual(eDivisive(values, OPTS), eDivisive(values, OPTS));
});

test('a slow ramp (2% a run) is a regression of the newest level, although each step is small', () => {
  const n = noise(10);
  const values = Array.from({ length: 40 }, (_, i) => 10 * (1 + 0.02 * i) + 0.2 * n());
  const trend = analyseSeries(series(values), TREND_DEFAULTS);
  assert.ok(trend.changes.length >= 2, `ramp cut into levels: ${JSON.stringify(trend.changes)}`);
  assert.ok(trend.changes.every((c) => c.after > c.before), 'every step goes up');
  assert.equal(trend.newest?.regressed, true);
  assert.ok(trend.newest!.changePct > 10);
  assert.equal(trend.newest!.sinceRun, trend.changes[0]!.run, 'the drift is dated from its first step');
});

test('a latency step up is a regression; a throughput step up is an improvement', () => {
  const n = noise(11);
  const values = Array.from({ length: 20 }, (_, i) => (i < 12 ? 100 : 150) + 2 * n());
  const latency = analyseSeries(series(values, 'p99'), TREND_DEFAULTS);
  assert.equal(latency.changes[0]?.kind, 'regression');
  assert.equal(latency.changes[0]?.run, 12);
  assert.equal(latency.newest?.regressed, true);
  const throughput = analyseSeries(series(values, 'throughput'), TREND_DEFAULTS);
  assert.equal(throughput.changes[0]?.kind, 'improvement');
  assert.equal(throughput.newest?.regressed, false);
});

test('a regression that was fixed leaves the newest level passing', () => {
  const n = noise(12);
  const values = Array.from({ length: 30 }, (_, i) => (i >= 10 && i < 20 ? 15 : 10) + 0.3 * n());
  const trend = analyseSeries(series(values), TREND_DEFAULTS);
  assert.deepEqual(trend.changes.map((c) => [c.run, c.kind]), [[10, 'regression'], [20, 'improvement']]);
  assert.equal(trend.newest?.regressed, false);
});

test('a significant shift smaller than --min-change is reported as small and does not fail', () => {
  const n = noise(13);
  const values = Array.from({ length: 40 }, (_, i) => (i < 20 ? 100 : 105) + 0.5 * n());
  const trend = analyseSeries(series(values), TREND_DEFAULTS);
  assert.deepEqual(trend.changes.map((c) => c.kind), ['small']);
  assert.equal(trend.newest?.regressed, false);
  const strict = analyseSeries(series(values), { ...TREND_DEFAULTS, minChangePct: 3 });
  assert.equal(strict.newest?.regressed, true);
});

test('an error rate rising by less than 0.1 points is not a regression, however large in %', () => {
  const values = Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 0.05 + (i % 2) * 0.001));
  const trend = analyseSeries(series(values, 'errors'), TREND_DEFAULTS);
  assert.equal(trend.changes.length, 1);
  assert.equal(trend.changes[0]!.kind, 'small');
  assert.equal(trend.newest?.regressed, false);
});
