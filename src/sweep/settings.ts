// What a sweep will do: the command line's flags over the scenario's `sweep:` block over the
// defaults, checked all at once (every problem in one UsageError, exit 2, nothing started).
import type { SweepSpec } from '../types.js';
import type { Gate } from '../gates/parse.js';
import { parseGate } from '../gates/parse.js';
import { UsageError } from '../errors.js';
import { formatStepRule, MAX_STEPS, parseStepRule, sweepRates } from './steps.js';
import type { StepRule } from './steps.js';

/** The same fields as a `sweep:` block: set only when the flag was given. */
export type SweepFlags = SweepSpec;

export interface SweepSettings {
  fromOpsPerSec: number;
  toOpsPerSec: number;
  rule: StepRule;
  /** the rule as text: `x2`, `+500` */
  step: string;
  stepDurationMs: number;
  /** warm-up step at fromOpsPerSec; 0 for none */
  warmupMs: number;
  slo: string[];
  gates: Gate[];
  maxErrorRatePct: number;
  minAchievedPct: number;
  maxLateSendsPct: number;
  /** every measured step's target rate, in order */
  rates: number[];
}

export const SWEEP_DEFAULTS = {
  step: 'x2',
  stepDurationMs: 30_000,
  warmupMs: 5_000,
  slo: ['p99 < 10ms'],
  maxErrorRatePct: 1,
  minAchievedPct: 90,
  maxLateSendsPct: 5,
} as const;

export function resolveSweep(flags: SweepFlags, spec: SweepSpec | undefined, operationNames: string[]): SweepSettings {
  const file = spec ?? {};
  const problems: string[] = [];
  const from = flags.fromOpsPerSec ?? file.fromOpsPerSec;
  const to = flags.toOpsPerSec ?? file.toOpsPerSec;
  if (from === undefined) problems.push('no first rate: pass --from (ops/s) or set sweep.from in the scenario');
  if (to === undefined) problems.push('no last rate: pass --to (ops/s) or set sweep.to in the scenario');
  if (from !== undefined && to !== undefined && to < from) problems.push(`--to ${to} is below --from ${from}: a sweep climbs`);

  const stepText = flags.step ?? file.step ?? SWEEP_DEFAULTS.step;
  const rule = parseStepRule(stepText);
  if (rule === undefined) problems.push(`--step ${JSON.stringify(stepText)}: expected x<factor above 1> (multiply, e.g. x2) or +<ops/s> (add, e.g. +500)`);

  const slo = flags.slo ?? file.slo ?? [...SWEEP_DEFAULTS.slo];
  const gates: Gate[] = [];
  for (const expr of slo) {
    const parsed = parseGate(expr, operationNames);
    if (parsed.ok) gates.push(parsed.gate);
    else problems.push(`--slo "${expr}": ${parsed.message}`);
  }
  if (slo.length === 0) problems.push('no SLO: a sweep needs at least one (--slo "p99 < 10ms")');

  const maxErrorRatePct = flags.maxErrorRatePct ?? file.maxErrorRatePct ?? SWEEP_DEFAULTS.maxErrorRatePct;
  const minAchievedPct = flags.minAchievedPct ?? file.minAchievedPct ?? SWEEP_DEFAULTS.minAchievedPct;
  const maxLateSendsPct = flags.maxLateSendsPct ?? file.maxLateSendsPct ?? SWEEP_DEFAULTS.maxLateSendsPct;
  for (const [flag, v] of [['--max-error-rate', maxErrorRatePct], ['--min-achieved', minAchievedPct], ['--max-late-sends', maxLateSendsPct]] as const) {
    if (!(v >= 0 && v <= 100)) problems.push(`${flag}: expected a percentage from 0 to 100, got ${v}`);
  }

  let rates: number[] = [];
  if (from !== undefined && to !== undefined && rule !== undefined && to >= from) {
    rates = sweepRates(from, to, rule);
    if (rates.length > MAX_STEPS) problems.push(`--from ${from} --to ${to} --step ${stepText} makes more than ${MAX_STEPS} steps: use a larger step`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return {
    fromOpsPerSec: from!,
    toOpsPerSec: to!,
    rule: rule!,
    step: formatStepRule(rule!),
    stepDurationMs: flags.stepDurationMs ?? file.stepDurationMs ?? SWEEP_DEFAULTS.stepDurationMs,
    warmupMs: flags.warmupMs ?? file.warmupMs ?? SWEEP_DEFAULTS.warmupMs,
    slo,
    gates,
    maxErrorRatePct,
    minAchievedPct,
    maxLateSendsPct,
    rates,
  };
}

/** `1%`, `0.5 %`, `1` (percent); UsageError for anything else. */
export function percentFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  const n = m === null ? NaN : Number(m[1]);
  if (!(n >= 0 && n <= 100)) throw new UsageError(`${flag}: expected a percentage from 0 to 100 like 1% or 0.5%, got ${JSON.stringify(value)}`);
  return n;
}
