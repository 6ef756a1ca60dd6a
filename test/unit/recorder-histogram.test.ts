import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../src/workload/rng.js';
import { decode, encode, mergeInto, newHistogram, percentiles, recordUs, toRecordableUs } from '../../src/recorder/histogram.js';

/** Deterministic pseudo-random numbers (the workload's seeded generator), so the merge test is reproducible. */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.nextFloat();
}

const within = (actual: number, expected: number, relative: number) =>
  assert.ok(Math.abs(actual - expected) <= expected * relative, `${actual} not within ${relative * 100}% of ${expected}`);

test('percentiles of 1..10000 us are within HdrHistogram precision (3 significant digits)', () => {
  const h = newHistogram();
  for (let v = 1; v <= 10_000; v++) recordUs(h, v);
  const p = percentiles(h);
  within(p.p50, 5000, 0.001);
  within(p.p90, 9000, 0.001);
  within(p.p99, 9900, 0.001);
  within(p.p999, 9990, 0.001);
  within(p.max, 10_000, 0.001);
  assert.equal(p.min, 1);
  within(p.mean, 5000.5, 0.001);
});

test('an empty histogram reports all-zero percentiles, not sentinel values', () => {
  assert.deepEqual(percentiles(newHistogram()), { p50: 0, p90: 0, p99: 0, p999: 0, max: 0, min: 0, mean: 0 });
});

test('values are recorded as whole microseconds, at least 1', () => {
  assert.equal(toRecordableUs(0), 1);
  assert.equal(toRecordableUs(-250), 1);
  assert.equal(toRecordableUs(Number.NaN), 1);
  assert.equal(toRecordableUs(2.6), 3);
  const h = newHistogram();
  recordUs(h, -3);
  recordUs(h, 0.2);
  assert.equal(h.totalCount, 2);
  assert.equal(percentiles(h).max, 1);
});

test('values above one hour are recorded (the histogram resizes instead of throwing)', () => {
  const h = newHistogram();
  recordUs(h, 7_200_000_000);
  assert.equal(h.totalCount, 1);
  within(percentiles(h).max, 7_200_000_000, 0.001);
});

test('encode then decode keeps every count and percentile', () => {
  const h = newHistogram();
  const r = rng(7);
  for (let i = 0; i < 20_000; i++) recordUs(h, 1 + Math.floor(r() * r() * 200_000));
  const back = decode(encode(h));
  assert.equal(back.totalCount, h.totalCount);
  assert.deepEqual(percentiles(back), percentiles(h));
});

test('merging two encoded histograms equals the histogram of all values', () => {
  const r = rng(42);
  const a = newHistogram();
  const b = newHistogram();
  const all = newHistogram();
  for (let i = 0; i < 30_000; i++) {
    const v = 1 + Math.floor(r() * r() * r() * 5_000_000);
    recordUs(i % 3 === 0 ? a : b, v);
    recordUs(all, v);
  }
  const merged = mergeInto(decode(encode(a)), decode(encode(b)));
  assert.equal(merged.totalCount, all.totalCount);
  assert.deepEqual(percentiles(merged), percentiles(all));
  for (let q = 1; q <= 100; q += 0.5) assert.equal(merged.getValueAtPercentile(q), all.getValueAtPercentile(q), `percentile ${q}`);
});

test('merging an empty histogram changes nothing', () => {
  const a = newHistogram();
  recordUs(a, 1234);
  mergeInto(a, newHistogram());
  assert.equal(a.totalCount, 1);
  assert.equal(percentiles(a).max, 1234);
});
