// Abort rules, evaluated on interval summaries as they close. Pure: the engine feeds the
// intervals its recorder closes (see src/engine/load.ts); the unit tests feed fabricated ones.
// Each rule keeps a streak: consecutive intervals in which its condition held. The rule fires
// when the streak covers its `for` window. Semantics of empty intervals: see parse.ts.
import type { Gate } from '../gates/parse.js';
import type { IntervalSummary } from '../recorder/shapes.js';
import type { AbortRule } from './parse.js';
import { compare } from '../gates/evaluate.js';

export interface AbortTrigger {
  /** the rule as written */
  rule: string;
  /** `aborted: errors 100% > 50% for 10s`: goes to summary.stopReason and the console */
  reason: string;
  /** end of the interval that completed the window (seconds since load start) */
  atSec: number;
  /** an `unreachable` rule: the target is down or stuck, a runtime fault (exit 3) rather than a failed criterion */
  targetFault: boolean;
  /** what to do about it, for the console (unreachable rules) */
  hint?: string;
}

interface Streak {
  /** intervals in the current streak (empty ones included once it started) */
  intervals: number;
  /** operations and matching ones over the streak, for percentages */
  count: number;
  matched: number;
  /** the last value seen in the streak */
  last: number | null;
  /** when the streak started (seconds since load start) */
  sinceSec: number;
}

const fresh = (): Streak => ({ intervals: 0, count: 0, matched: 0, last: null, sinceSec: 0 });

export class AbortWatch {
  private readonly streaks: Streak[];
  private fired: AbortTrigger | undefined;

  constructor(
    private readonly rules: readonly AbortRule[],
    private readonly intervalMs = 1000,
  ) {
    this.streaks = rules.map(fresh);
  }

  /** Feeds intervals in order; returns the first rule that fired (then, always that one). */
  observe(intervals: readonly IntervalSummary[]): AbortTrigger | undefined {
    for (const iv of intervals) {
      if (this.fired !== undefined) break;
      this.rules.forEach((rule, i) => {
        if (this.fired !== undefined) return;
        const streak = this.streaks[i]!;
        if (!this.step(rule, streak, iv)) return;
        if (streak.intervals * this.intervalMs >= rule.forMs) {
          const atSec = iv.startSec + this.intervalMs / 1000;
          this.fired = { rule: rule.expr, reason: `aborted: ${describe(rule, streak, atSec)}`, atSec, targetFault: rule.gate === undefined, ...(rule.gate === undefined ? { hint: unreachableHint(rule) } : {}) };
        }
      });
    }
    return this.fired;
  }

  /** Advances one rule's streak by one interval; true when the condition held (the streak grew). */
  private step(rule: AbortRule, streak: Streak, iv: IntervalSummary): boolean {
    if (rule.gate === undefined) {
      const successes = iv.count - iv.errors;
      // a second with nothing due and nothing back says nothing either way (a ramp from 0, a lull):
      // it never starts a streak, but extends one (a closed loop whose every slot hangs sends
      // nothing and gets nothing back between its timeouts, and that is the target being down)
      const tried = iv.count > 0 || iv.targetRateOpsPerSec > 0;
      if (successes > 0) {
        Object.assign(streak, fresh());
        return false;
      }
      if (!tried) {
        if (streak.intervals === 0) return false;
        streak.intervals++;
        return true;
      }
      if (streak.intervals === 0) streak.sinceSec = iv.startSec;
      streak.intervals++;
      streak.count += iv.count;
      streak.matched += iv.errors;
      return true;
    }
    const value = intervalValue(rule.gate, iv, this.intervalMs);
    if (value === null) {
      // no data: extends a running streak, never starts one
      if (streak.intervals === 0) return false;
      streak.intervals++;
      return true;
    }
    if (!compare(value.value, rule.gate)) {
      Object.assign(streak, fresh());
      return false;
    }
    if (streak.intervals === 0) streak.sinceSec = iv.startSec;
    streak.intervals++;
    streak.count += value.count;
    streak.matched += value.matched;
    streak.last = value.value;
    return true;
  }
}

interface Measured {
  /** in the gate's unit */
  value: number;
  /** operations and the matching ones, for a percentage over the streak */
  count: number;
  matched: number;
}

/** The gate's metric in one interval, in the gate's unit; null when the interval has no data for it. */
export function intervalValue(gate: Gate, iv: IntervalSummary, intervalMs = 1000): Measured | null {
  const op = gate.operation === undefined ? undefined : iv.operations[gate.operation];
  const count = gate.operation === undefined ? iv.count : (op?.count ?? 0);
  if (gate.metric === 'rate') return { value: count / (intervalMs / 1000), count, matched: 0 };
  if (count === 0) return null;
  const percent = (matched: number): Measured => ({ value: (matched / count) * 100, count, matched });
  switch (gate.metric) {
    case 'errors':
      return percent(gate.operation === undefined ? iv.errors : (op?.errors ?? 0));
    case 'throttles':
      return percent(iv.throttles);
    case 'conditional_failures':
      return percent(iv.conditionalFailures);
    case 'latency': {
      const us = gate.stat === 50 ? (op ? op.p50Us : iv.latencyP50Us) : gate.stat === 99 ? (op ? op.p99Us : iv.latencyP99Us) : op ? op.maxUs : iv.latencyMaxUs;
      return { value: fromUs(us, gate.unit), count, matched: 0 };
    }
    case 'service':
      return { value: fromUs(gate.stat === 50 ? iv.serviceP50Us : iv.serviceP99Us, gate.unit), count, matched: 0 };
    case 'count':
      return null;
  }
}

function fromUs(us: number, unit: string): number {
  return unit === 'us' ? us : unit === 's' ? us / 1e6 : us / 1000;
}

function describe(rule: AbortRule, streak: Streak, endSec: number): string {
  const window = formatMs(rule.forMs);
  if (rule.gate === undefined) {
    const errors = streak.matched > 0 ? `, ${streak.matched} error${streak.matched === 1 ? '' : 's'}` : '';
    return `unreachable for ${window} (no successful response from ${streak.sinceSec.toFixed(0)}s to ${endSec.toFixed(0)}s${errors})`;
  }
  const g = rule.gate;
  const subject = `${g.operation !== undefined ? `${g.operation}.` : ''}${subjectName(g)}`;
  // percentages over the whole streak; latency and rate as in the last interval that had data
  const actual = g.unit === '%' ? (streak.count > 0 ? (streak.matched / streak.count) * 100 : 0) : (streak.last ?? 0);
  return `${subject} ${formatValue(actual, g.unit)} ${g.comparator} ${formatValue(g.threshold, g.unit)} for ${window}`;
}

function unreachableHint(rule: AbortRule): string {
  const window = formatMs(rule.forMs);
  return (
    `no operation succeeded for ${window}: the target is unreachable or stuck (is it running, and is this its address?); ` +
    `the run ends as a runtime error (exit 3). ${rule.byDefault ? 'This rule is on by default: ' : ''}` +
    `add "unreachable for off" to the scenario's abort: list or to --abort to keep running against a target that does not answer, or set another window ("unreachable for 60s")`
  );
}

function subjectName(g: Gate): string {
  if (g.metric === 'latency' || g.metric === 'service') {
    const stat = typeof g.stat === 'number' ? `p${g.stat}` : String(g.stat);
    return g.metric === 'service' ? `service.${stat}` : stat;
  }
  return g.metric;
}

function formatValue(v: number, unit: string): string {
  const n = Number.isInteger(v) ? String(v) : v >= 10 ? v.toFixed(0) : v.toFixed(v >= 1 ? 1 : 2);
  if (unit === '%') return `${n}%`;
  if (unit === 'ops/s') return `${n} ops/s`;
  return `${n}${unit}`;
}

function formatMs(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
