import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOverrides, expectedRequests } from '../../src/engine/plan.js';
import type { Scenario } from '../../src/types.js';

const scenario = {
  name: 's',
  mode: 'open',
  concurrency: 64,
  randomSeed: 1,
  seed: { items: 1000, item: {} },
  phases: [
    { name: 'warm', durationMs: 5000, rateOpsPerSec: 100, warmup: true },
    { name: 'a', durationMs: 10_000, rateOpsPerSec: 150, warmup: false },
    { name: 'b', durationMs: 30_000, rateOpsPerSec: 300, warmup: false },
  ],
} as unknown as Scenario;

test('--duration spreads over the measured phases in proportion and leaves warm-up alone', () => {
  const s = applyOverrides(scenario, { durationMs: 8000 });
  assert.deepEqual(s.phases.map((p) => p.durationMs), [5000, 2000, 6000]);
});

test('--rate sets the measured peak and scales every phase by the same factor', () => {
  const s = applyOverrides(scenario, { rateOpsPerSec: 600 });
  assert.deepEqual(s.phases.map((p) => p.rateOpsPerSec), [200, 300, 600]);
});

test('--no-warmup drops warm-up phases; --seed-items overrides the seed count', () => {
  const s = applyOverrides(scenario, { noWarmup: true, seedItems: 10 });
  assert.deepEqual(s.phases.map((p) => p.name), ['a', 'b']);
  assert.equal(s.seed!.items, 10);
});

test('the expected request count covers load and seed batches', () => {
  assert.deepEqual(expectedRequests(scenario), { load: 500 + 1500 + 9000, seedBatches: 40 });
});

test('default workers follow the peak rate, capped by the cores and the concurrency', async () => {
  const { autoWorkers } = await import('../../src/engine/plan.js');
  const at = (rate: number) => ({ ...scenario, phases: [{ name: 'x', durationMs: 1000, rateOpsPerSec: rate, warmup: false }] }) as Scenario;
  assert.equal(autoWorkers(at(300), 'sdk', 8), 1);
  assert.equal(autoWorkers(at(4000), 'sdk', 8), 3);
  assert.equal(autoWorkers(at(100_000), 'sdk', 2), 2);
  assert.equal(autoWorkers(at(20_000), 'http', 8), 2);
  assert.equal(autoWorkers({ ...at(100_000), concurrency: 1 } as Scenario, 'sdk', 8), 1);
});

test('the default driver is http (lowest harness floor), and sdk for a scenario that asks for adaptive retries', async () => {
  const { defaultDriver, driverProblem } = await import('../../src/drivers/index.js');
  assert.equal(defaultDriver('standard'), 'http');
  assert.equal(defaultDriver('adaptive'), 'sdk');
  for (const mode of ['standard', 'adaptive'] as const) assert.equal(driverProblem(defaultDriver(mode), mode), undefined, `${mode}: the default never refuses the scenario`);
});
