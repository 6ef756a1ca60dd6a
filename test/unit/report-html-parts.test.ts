import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode, newHistogram, recordUs } from '../../src/recorder/histogram.js';
import { costUsd, DEFAULT_PRICES } from '../../src/pricing/cost.js';
import { formatSec, msFromUs, usd } from '../../src/report/html/format.js';
import { scenarioYaml, withoutCredentials } from '../../src/report/html/sections/context.js';
import { maxNinesFor, spectrumPoints } from '../../src/report/html/spectrum-data.js';
import { downsample } from '../../src/report/html/svg/downsample.js';
import { pathData } from '../../src/report/html/svg/line-chart.js';
import { linearTicks, logDomain, logScale, logTicks, niceCeil, timeTicks } from '../../src/report/html/svg/scale.js';

test('downsampling to one point per bucket keeps a single-interval spike on max lines and averages mean lines', () => {
  const points = Array.from({ length: 3600 }, (_, i) => [i, i === 1234 ? 500 : 5] as const);
  const max = downsample(points, 900, 'max');
  assert.equal(max.length, 900);
  assert.equal(Math.max(...max.map(([, y]) => y)), 500);
  const mean = downsample(points, 900, 'mean');
  assert.equal(Math.max(...mean.map(([, y]) => y)), (500 + 5 * 3) / 4);
  assert.deepEqual(downsample(points.slice(0, 10), 900, 'max'), points.slice(0, 10), 'short series are left alone');
});

test('downsampling keeps a gap only where a whole bucket had no data', () => {
  const points = [[0, 1], [1, NaN], [2, NaN], [3, NaN], [4, 2], [5, NaN]] as const;
  assert.deepEqual(downsample(points, 3, 'max').map(([, y]) => y), [1, NaN, 2]);
});

test('path data breaks at missing points, collapses flat runs to their ends and keeps lone points as dots', () => {
  assert.equal(pathData([[0, 10], [1, 10], [2, 10], [3, 10], [4, 5]]), 'M0 10L3 10L4 5');
  assert.equal(pathData([[0, 1], [1, 2], [2, NaN], [3, 4], [4, NaN]]), 'M0 1L1 2M3 4h0.1');
  assert.equal(pathData([]), '');
});

test('log axes tick at 1-2-5 over few decades and at decades over many; domains widen to those values', () => {
  assert.deepEqual(logTicks(0.5, 20), [0.5, 1, 2, 5, 10, 20]);
  assert.deepEqual(logTicks(0.1, 1000), [0.1, 1, 10, 100, 1000]);
  assert.deepEqual(logDomain(0.73, 12.4), [0.5, 20]);
  assert.deepEqual(logDomain(0, 0), [0.1, 1], 'no data still gives an axis');
  const s = logScale([1, 100], [200, 0]);
  assert.equal(s.map(10), 100);
  assert.ok(Number.isNaN(s.map(0)), 'zero has no place on a log axis');
});

test('linear and time axes tick on round steps', () => {
  assert.deepEqual(linearTicks(0, 500), [0, 100, 200, 300, 400, 500]);
  assert.equal(niceCeil(312), 500);
  assert.equal(niceCeil(0.7), 1);
  assert.deepEqual(timeTicks(0, 3600, formatSec).map((t) => t.label), ['0s', '10m', '20m', '30m', '40m', '50m', '1h']);
  assert.deepEqual(timeTicks(0, 25, formatSec).map((t) => t.label), ['0s', '5s', '10s', '15s', '20s', '25s']);
});

test('the percentile spectrum reads latency at each "nines" step from the encoded histogram', () => {
  const h = newHistogram();
  for (let us = 1; us <= 10_000; us++) recordUs(h, us * 10); // 10 µs .. 100 ms, uniform
  const points = spectrumPoints(encode(h), 4, 4); // at 0%, 90%, 99%, 99.9%, 99.99%
  assert.deepEqual(points.map(([x]) => x), [0, 1, 2, 3, 4]);
  const ms = points.map(([, y]) => y);
  for (const [got, want] of [[ms[0], 0.01], [ms[1], 90], [ms[2], 99], [ms[3], 99.9], [ms[4], 99.99]] as const) {
    assert.ok(Math.abs(got! - want) / want < 0.002, `${got} ~ ${want}`);
  }
  assert.deepEqual(spectrumPoints(encode(newHistogram()), 4), [], 'empty histogram, no line');
  assert.deepEqual(spectrumPoints('not a histogram', 4), [], 'unreadable histogram, no line and no crash');
  assert.equal(maxNinesFor(5), 2);
  assert.equal(maxNinesFor(330_000), 6);
  assert.equal(maxNinesFor(1000), 3);
});

test('cost is consumed units times the price per million', () => {
  assert.equal(costUsd(1_000_000, 0, DEFAULT_PRICES), 0.125);
  assert.equal(costUsd(0, 2_000_000, DEFAULT_PRICES), 1.25);
  assert.equal(usd(0.00039375), '$0.000394');
  assert.equal(usd(12.345), '$12.35');
  assert.equal(usd(0), '$0');
});

test('formats: milliseconds from microseconds, durations', () => {
  assert.equal(msFromUs(1234), '1.23');
  assert.equal(msFromUs(123_456), '123.5');
  assert.equal(msFromUs(2_924_540), '2925');
  assert.equal(formatSec(90), '1m30s');
  assert.equal(formatSec(3900), '1h05m');
});

test('the echoed scenario is YAML with small maps on one line, and endpoints never show credentials', () => {
  const yaml = scenarioYaml({ name: 'gaming', table: { name: 't', partitionKey: { name: 'pk', type: 'S' } }, gates: ['p99 < 10ms'] });
  assert.equal(yaml, 'name: gaming\ntable:\n  name: t\n  partitionKey: { name: pk, type: S }\ngates: [ p99 < 10ms ]');
  assert.equal(scenarioYaml(undefined), '(not recorded)');
  assert.equal(withoutCredentials('http://AKIA:secret@127.0.0.1:8000'), 'http://127.0.0.1:8000');
  assert.equal(withoutCredentials('https://dynamodb.us-east-1.amazonaws.com'), 'https://dynamodb.us-east-1.amazonaws.com');
});
