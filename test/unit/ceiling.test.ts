// A saturated calibration is a ceiling (src/summary/ceiling.ts): phases that ran above what the
// lanes could drive are named; phases below it, warm-ups and phases that never ran are not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ceilingWarning } from '../../src/summary/ceiling.js';
import type { HarnessFloor, PhaseSummary } from '../../src/summary/model.js';

const floor: HarnessFloor = { driver: 'sdk', rateOpsPerSec: 12_800, durationMs: 3000, count: 120, latencyUs: { p50: 2e6, p99: 2.6e6, p999: 2.6e6, max: 2.6e6 }, achievedOpsPerSec: 3000, saturated: true };
const phase = (name: string, rate: number, count: number, warmup = false) => ({ name, warmup, targetRateOpsPerSec: rate, count }) as unknown as PhaseSummary;

test('a measured phase that ran above the lanes\' capacity is named, with the figures', () => {
  assert.equal(
    ceilingWarning(floor, [phase('warmup', 200, 1000, true), phase('step-800', 800, 4800), phase('step-6400', 6400, 30_000)], 2),
    'generator ceiling: against a null endpoint one sdk lane answered only 3000 ops/s (asked 12800), about 6000 ops/s with 2 lanes; ' +
      'phase step-6400 asked 6400 ops/s, so its latencies are ddbench\'s own queue; add --workers or use --driver http',
  );
});

test('phases within the capacity, warm-ups and phases that never ran say nothing', () => {
  assert.equal(ceilingWarning(floor, [phase('step-800', 800, 4800), phase('step-12800', 12_800, 0)], 2), undefined);
  assert.equal(ceilingWarning(floor, [phase('warmup', 20_000, 9000, true)], 1), undefined);
});
