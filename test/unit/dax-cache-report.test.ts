// The DAX cache numbers from the server's counters and histograms to the summary, the HTML
// report's "DAX cache" section and the console's cache lines; and the server's fault schedule.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyMeter } from '../../src/dax-server/meter.js';
import { emptyStats } from '../../src/dax-server/backend.js';
import { statsSince, summariseCacheStats } from '../../src/dax-server/stats.js';
import { Faults } from '../../src/dax-server/faults.js';
import { leadingWarmupMs, measureCacheAfterWarmup } from '../../src/engine/cache-window.js';
import { renderReport } from '../../src/report/html/report.js';
import { formatOperationTable } from '../../src/report/console-table.js';
import type { CacheStatsSummary } from '../../src/summary/model.js';
import { standardRun } from './summary-fixture.js';
import { section } from './report-html-support.js';

function cacheFixture(): CacheStatsSummary {
  const meter = new LatencyMeter();
  for (let i = 0; i < 90; i++) meter.record('GetItem', 'hit', 100 + i);
  for (let i = 0; i < 10; i++) meter.record('GetItem', 'miss', 5000 + 100 * i);
  for (let i = 0; i < 4; i++) meter.record('Query', 'miss', 8000);
  const counts = emptyStats();
  counts.GetItem = { hits: 90, misses: 10 };
  counts.Query = { hits: 0, misses: 4 };
  return summariseCacheStats(counts, meter.take());
}

test('cache stats give per-operation hit ratio and hit/miss latency percentiles from the histograms', () => {
  const cache = cacheFixture();
  const get = cache.operations['GetItem']!;
  assert.equal(get.hitRatio, 0.9);
  assert.equal(get.hitRequests, 90);
  assert.equal(get.missRequests, 10);
  assert.ok(get.hitLatencyUs!.p50 >= 140 && get.hitLatencyUs!.p50 <= 146, String(get.hitLatencyUs!.p50));
  assert.ok(get.missLatencyUs!.min >= 4995 && get.missLatencyUs!.max >= 5900);
  assert.equal(cache.operations['Query']!.hitRequests, 0);
  assert.equal(cache.operations['Scan'], undefined, 'operations with no cached reads are left out');
  assert.equal(cache.hits, 90);
  assert.equal(cache.misses, 14);
});

test('the latency meter starts afresh after each take', () => {
  const meter = new LatencyMeter();
  meter.record('Scan', 'hit', 10);
  assert.ok(meter.take().Scan !== undefined);
  assert.deepEqual(meter.take(), {});
});

test('counts since a baseline subtract the earlier snapshot', () => {
  const before = emptyStats();
  before.GetItem = { hits: 5, misses: 2 };
  const now = emptyStats();
  now.GetItem = { hits: 8, misses: 3 };
  assert.deepEqual(statsSince(now, before).GetItem, { hits: 3, misses: 1 });
});

test('faults fail every Nth data request and none when not configured', () => {
  const f = new Faults({ everyN: 3, action: { error: 'ThrottlingException' } });
  const fired = Array.from({ length: 7 }, () => f.next() !== undefined);
  assert.deepEqual(fired, [false, false, true, false, false, true, false]);
  assert.equal(new Faults(undefined).next(), undefined);
});

test('a report of a DAX run has a DAX cache section with hit ratio and hit vs miss latency', () => {
  const page = renderReport({ ...standardRun(), cache: cacheFixture() });
  const s = section(page, 'dax-cache');
  assert.match(s, /<h2>DAX cache<\/h2>/);
  assert.match(s, /90\.0%/);
  assert.match(s, /GetItem/);
  assert.match(s, /all cached reads/);
  assert.match(s, /server&#39;s own processing time|server's own processing time/);
  assert.match(s, /<svg class="ratio"/);
});

test('a report without cache numbers has no DAX cache section', () => {
  assert.ok(!renderReport(standardRun()).includes('id="dax-cache"'));
});

test('operation names in the DAX cache section are escaped', () => {
  const cache = cacheFixture();
  cache.operations['<img src=x onerror=alert(1)>'] = { hits: 1, misses: 1, hitRatio: 0.5 };
  const s = section(renderReport({ ...standardRun(), cache }), 'dax-cache');
  assert.ok(!s.includes('<img src=x'));
  assert.match(s, /&lt;img src=x onerror=alert\(1\)&gt;/);
});

test('the console table adds a short cache account for DAX runs only', () => {
  const text = formatOperationTable({ ...standardRun(), cache: cacheFixture() });
  assert.match(text, /^cache {4}DAX hit ratio 86\.5% \(90 hits, 14 misses; latency is the DAX server/m);
  assert.match(text, /GetItem: 90\.0% hits \(90\/100\), p50 hit 0\.14 \/ miss 5\.\d\d ms/);
  assert.match(text, /Query: 0\.0% hits \(0\/4\), p50 hit - \/ miss 8\.00 ms/);
  assert.ok(!formatOperationTable(standardRun()).includes('DAX hit ratio'));
});

test('only leading warm-up phases count as warm-up for the cache window', () => {
  const phase = (warmup: boolean, durationMs: number) => ({ name: 'p', durationMs, rateOpsPerSec: 1, warmup });
  assert.equal(leadingWarmupMs([phase(true, 5000), phase(true, 1000), phase(false, 20000), phase(true, 9000)]), 6000);
  assert.equal(leadingWarmupMs([phase(false, 1000)]), 0);
});

test('the cache window drops the stats read when the warm-up ends, and nothing when the load ends first', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let reads = 0;
    const endpoint = { cacheStats: async () => (reads++, undefined) };
    const phases = [{ name: 'w', durationMs: 5000, rateOpsPerSec: 1, warmup: true }, { name: 's', durationMs: 5000, rateOpsPerSec: 1, warmup: false }];
    const early = measureCacheAfterWarmup(endpoint, phases);
    mock.timers.tick(4999);
    await early.settle();
    mock.timers.tick(10);
    assert.equal(reads, 0);
    const full = measureCacheAfterWarmup(endpoint, phases);
    mock.timers.tick(5000);
    await full.settle();
    assert.equal(reads, 1);
  } finally {
    mock.timers.reset();
  }
});
