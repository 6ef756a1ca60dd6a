// The sweep's schedule: from a first rate, multiply (`x2`) or add (`+500`) until the next rate
// would pass `to` (a step that lands exactly on `to` runs). Each rate becomes one phase named
// `step-<rate>`, after an optional warm-up phase at the first rate. Pure.
import type { PhaseSpec } from '../types.js';

export type StepRule = { kind: 'multiply'; factor: number } | { kind: 'add'; amountOpsPerSec: number };

/** More steps than this is a typo (`+1` from 500 to 20000), not a plan. */
export const MAX_STEPS = 100;

/** `x2`, `*1.5`, `×2` or `+500`; undefined for anything else, or for a rule that would not climb. */
export function parseStepRule(text: string): StepRule | undefined {
  const m = /^\s*([x*×+])\s*(\d+(?:\.\d+)?)\s*$/i.exec(text);
  if (m === null) return undefined;
  const n = Number(m[2]);
  if (m[1] === '+') return n > 0 ? { kind: 'add', amountOpsPerSec: n } : undefined;
  return n > 1 ? { kind: 'multiply', factor: n } : undefined;
}

/** `x2` / `+500`: how a rule reads in messages and summary.json. */
export function formatStepRule(rule: StepRule): string {
  return rule.kind === 'multiply' ? `x${rule.factor}` : `+${rule.amountOpsPerSec}`;
}

/**
 * Every step's rate, from `fromOpsPerSec` up to `toOpsPerSec` inclusive. Each rate is computed
 * from the first (from x factor^k, from + k x amount), not from the previous one, so float
 * error does not pile up and a step meant to land on `to` does.
 */
export function sweepRates(fromOpsPerSec: number, toOpsPerSec: number, rule: StepRule, maxSteps = MAX_STEPS): number[] {
  if (!(fromOpsPerSec > 0) || !(toOpsPerSec >= fromOpsPerSec)) return [];
  const limit = toOpsPerSec * (1 + 1e-9);
  const rates: number[] = [];
  for (let k = 0; rates.length <= maxSteps; k++) {
    const rate = clean(rule.kind === 'multiply' ? fromOpsPerSec * rule.factor ** k : fromOpsPerSec + k * rule.amountOpsPerSec);
    if (rate > limit) break;
    rates.push(rate);
  }
  return rates;
}

/** The phase name of a step: `step-4000`, `step-1687.5`. */
export function stepName(rateOpsPerSec: number): string {
  return `step-${clean(rateOpsPerSec)}`;
}

export const WARMUP_PHASE = 'warmup';

/** The phases that replace the scenario's: a warm-up at the first rate (when warmupMs > 0), then one per rate. */
export function stepPhases(rates: readonly number[], stepDurationMs: number, warmupMs: number): PhaseSpec[] {
  const phases: PhaseSpec[] = [];
  if (warmupMs > 0 && rates.length > 0) phases.push({ name: WARMUP_PHASE, durationMs: warmupMs, rateOpsPerSec: rates[0]!, warmup: true });
  for (const rate of rates) phases.push({ name: stepName(rate), durationMs: stepDurationMs, rateOpsPerSec: rate, warmup: false });
  return phases;
}

/** 12 significant digits: 500 x 1.1^3 is 665.5, not 665.5000000000001. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}
