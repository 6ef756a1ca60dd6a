// The documented limits as the forecast takes them: the hot-key example forecast with
// limits.ts's own values and sources, and the table-level defaults named as defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyHeat, resourceId } from '../../src/capacity/key-heat.js';
import { forecast } from '../../src/capacity/forecast.js';
import { documentedForecastLimits } from '../../src/capacity/forecast-limits.js';
import { PARTITION_WRITE_UNITS_PER_SEC } from '../../src/capacity/limits.js';

test('documented limits: a key with 10% of 1 KB writes at 200 ops/s binds at 10,000 ops/s, the warm throughput at 4,000, each line with its source', () => {
  const limits = documentedForecastLimits();
  assert.equal(limits.perKey.writeUnitsPerSec, 1000);
  assert.equal(limits.perKey.readUnitsPerSec, 3000);
  const created = KeyHeat.create({ capacity: 1000, perKeyLimits: limits.perKey });
  assert.ok(created.ok);
  const table = resourceId({ table: 'orders' });
  for (let i = 0; i < 2_000; i++) created.value.record(table, i % 10 === 0 ? 'user#42' : `user#${1000 + i}`, { reads: 0, writes: 1, readUnits: 0, writeUnits: 1 });
  const f = forecast({ heat: created.value.resources(), durationMs: 10_000, measuredRateOpsPerSec: 200, limits });
  assert.ok(f.ok);
  const hot = f.value.limits.find((l) => l.kind === 'per-key' && l.direction === 'write')!;
  assert.equal(hot.key, 'user#42');
  assert.ok(Math.abs(hot.bindsAtOpsPerSec! - 10_000) <= 100);
  assert.equal(hot.source, PARTITION_WRITE_UNITS_PER_SEC.source);
  const warm = f.value.limits.find((l) => l.kind === 'resource' && l.direction === 'write' && l.limitUnitsPerSec === 4000)!;
  assert.ok(Math.abs(warm.bindsAtOpsPerSec! - 4_000) <= 40, `warm throughput binds at ${warm.bindsAtOpsPerSec}`);
  assert.match(warm.source, /documented default: no DescribeTable value/);
  // the earliest limit of this workload is the table's warm throughput, not the hot key
  assert.equal(f.value.first?.kind, 'resource');
});
