import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_STEPS, parseStepRule, stepName, stepPhases, sweepRates } from '../../src/sweep/steps.js';
import { percentFlag, resolveSweep } from '../../src/sweep/settings.js';
import { UsageError } from '../../src/errors.js';

test('x2 doubles the rate from --from and stops at the last rate not above --to', () => {
  assert.deepEqual(sweepRates(500, 20_000, parseStepRule('x2')!), [500, 1000, 2000, 4000, 8000, 16_000]);
});

test('the --to bound is inclusive: a step that lands on it runs', () => {
  assert.deepEqual(sweepRates(500, 16_000, parseStepRule('x2')!), [500, 1000, 2000, 4000, 8000, 16_000]);
  assert.deepEqual(sweepRates(500, 2000, parseStepRule('+500')!), [500, 1000, 1500, 2000]);
  assert.deepEqual(sweepRates(100, 100, parseStepRule('x2')!), [100]);
});

test('+500 adds a fixed amount each step', () => {
  assert.deepEqual(sweepRates(500, 2600, parseStepRule('+500')!), [500, 1000, 1500, 2000, 2500]);
});

test('fractional factors land on clean rates, computed from the first rate, not accumulated', () => {
  assert.deepEqual(sweepRates(1000, 1331, parseStepRule('x1.1')!), [1000, 1100, 1210, 1331]);
  assert.deepEqual(sweepRates(0.1, 0.3, parseStepRule('+0.1')!), [0.1, 0.2, 0.3]);
});

test('step rules: x, * and × multiply, + adds; factors must exceed 1 and amounts 0', () => {
  assert.deepEqual(parseStepRule('x2'), { kind: 'multiply', factor: 2 });
  assert.deepEqual(parseStepRule('*1.5'), { kind: 'multiply', factor: 1.5 });
  assert.deepEqual(parseStepRule('×3'), { kind: 'multiply', factor: 3 });
  assert.deepEqual(parseStepRule(' + 250 '), { kind: 'add', amountOpsPerSec: 250 });
  for (const bad of ['x1', 'x0.5', '+0', '2', 'x', '-500', 'x2x']) assert.equal(parseStepRule(bad), undefined, bad);
});

test('a rule that would make too many steps stops one past the limit, for the caller to refuse', () => {
  assert.equal(sweepRates(1, 1_000_000, parseStepRule('+1')!).length, MAX_STEPS + 1);
});

test('steps become phases named step-<rate>, after a warm-up at the first rate that is left out of the measured phases', () => {
  const phases = stepPhases([500, 1000, 1687.5], 30_000, 5_000);
  assert.deepEqual(
    phases.map((p) => [p.name, p.rateOpsPerSec, p.durationMs, p.warmup]),
    [
      ['warmup', 500, 5_000, true],
      ['step-500', 500, 30_000, false],
      ['step-1000', 1000, 30_000, false],
      ['step-1687.5', 1687.5, 30_000, false],
    ],
  );
  assert.deepEqual(stepPhases([500], 1000, 0).map((p) => p.name), ['step-500']);
  assert.equal(stepName(665.5000000000001), 'step-665.5');
});

test('command-line flags override the scenario sweep block, which overrides the defaults', () => {
  const s = resolveSweep({ toOpsPerSec: 4000, slo: ['get.p99 < 5ms'] }, { fromOpsPerSec: 500, toOpsPerSec: 20_000, step: '+500', maxErrorRatePct: 0.5 }, ['get']);
  assert.equal(s.fromOpsPerSec, 500);
  assert.equal(s.toOpsPerSec, 4000);
  assert.equal(s.step, '+500');
  assert.deepEqual(s.slo, ['get.p99 < 5ms']);
  assert.equal(s.gates[0]!.operation, 'get');
  assert.equal(s.maxErrorRatePct, 0.5);
  assert.equal(s.minAchievedPct, 90);
  assert.equal(s.stepDurationMs, 30_000);
  assert.equal(s.warmupMs, 5_000);
  assert.deepEqual(s.rates, [500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
});

test('without SLOs a sweep holds p99 under 10 ms', () => {
  assert.deepEqual(resolveSweep({ fromOpsPerSec: 1, toOpsPerSec: 2 }, undefined, ['get']).slo, ['p99 < 10ms']);
});

test('every problem with the sweep settings is reported at once', () => {
  assert.throws(
    () => resolveSweep({ step: 'x1', slo: ['nope.p99 < 5', 'p99 == 3'], maxErrorRatePct: 150 }, undefined, ['get']),
    (e: unknown) => {
      assert.ok(e instanceof UsageError);
      for (const part of ['--from', '--to', '--step "x1"', 'unknown operation `nope`', 'p99 == 3', '--max-error-rate']) assert.match(e.message, new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), part);
      return true;
    },
  );
  assert.throws(() => resolveSweep({ fromOpsPerSec: 1000, toOpsPerSec: 10 }, undefined, ['get']), /below --from/);
  assert.throws(() => resolveSweep({ fromOpsPerSec: 1, toOpsPerSec: 1_000_000, step: '+1' }, undefined, ['get']), /more than 100 steps/);
});

test('percent flags take 1%, 0.5 % or a bare number, from 0 to 100', () => {
  assert.equal(percentFlag('1%', '--max-error-rate'), 1);
  assert.equal(percentFlag('0.5 %', '--max-error-rate'), 0.5);
  assert.equal(percentFlag('90', '--min-achieved'), 90);
  assert.equal(percentFlag(undefined, '--min-achieved'), undefined);
  for (const bad of ['101%', 'abc', '-1', '']) assert.throws(() => percentFlag(bad, '--max-error-rate'), UsageError, bad);
});
