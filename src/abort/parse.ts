/**
 * Abort rules: conditions that stop a run early, from the scenario's `abort:` list and from
 * `--abort` on the command line. Where a gate judges the whole run at the end, an abort rule
 * watches each closed interval (1 s) while the run goes on, and fires when its condition has
 * held for its whole `for` window: the run then stops, writes everything measured so far
 * (marked complete: false, with the rule in stopReason) and exits 1.
 *
 * Grammar (whitespace is free; metric names, units and `for` are case-insensitive):
 *
 *   rule       := condition "for" duration
 *   condition  := "unreachable"                      no successful response (ok, conditional-failed,
 *                                                    transaction-canceled) while operations were due or failed
 *               | [operation "."] metric comparator number [unit]   (the gate syntax, src/gates/parse.ts)
 *   metric     := "errors"                           % of the interval's completed operations that are errors
 *               | "throttles" | "conditional_failures"   % of completed operations (all operations only)
 *               | "p50" | "p99" | "max"             latency from the intended start, in the interval
 *               | "service.p50" | "service.p99"     service time (all operations only)
 *               | "rate" | "throughput"             operations completed per second
 *   comparator := "<" | "<=" | ">" | ">="
 *   duration   := "500ms" | "10s" | "2m" | "1m30s" ... (above 0; rounded up to whole intervals)
 *
 * Examples: `errors > 50% for 10s`, `unreachable for 5s`, `p99 > 1s for 10s`,
 * `get-profile.errors >= 90% for 5s`, `throughput < 10 for 30s`.
 *
 * `unreachable for 10s` is on by default (DEFAULT_UNREACHABLE): a run against a target that died
 * or hangs ends by itself instead of running out its plan on timeouts. An `unreachable` rule of
 * the user's replaces it; `unreachable for off` turns it off. It stops the run as a runtime fault
 * of the target (exit 3), not a failed criterion (exit 1).
 *
 * An interval in which no operation completed has no error rate or latency: it neither starts
 * nor breaks a streak of those rules (a stall between two bad seconds does not reset the
 * clock), while for `unreachable` it counts as a second with no success. `rate` always has a
 * value (0 in an empty interval).
 */
import type { Gate } from '../gates/parse.js';
import { parseGate } from '../gates/parse.js';
import { durationToMs } from '../grammar/duration.js';

export interface AbortRule {
  /** the rule as written */
  expr: string;
  /** the condition; absent for `unreachable` */
  gate?: Gate;
  /** how long the condition must hold (ms) */
  forMs: number;
  /** added by ddbench, not written by the user (the default `unreachable` rule) */
  byDefault?: true;
}

/** The rule every run has unless it says otherwise: nothing succeeded for this long ends the run. */
export const DEFAULT_UNREACHABLE: AbortRule = { expr: 'unreachable for 10s', forMs: 10_000, byDefault: true };

/** `unreachable for off`: the user's way to turn the default rule off. */
const UNREACHABLE_OFF = /^\s*unreachable\s+for\s+off\s*$/i;

export function isUnreachableOff(expr: string): boolean {
  return UNREACHABLE_OFF.test(expr);
}

export type ParseAbortResult = { ok: true; rule: AbortRule } | { ok: false; message: string };

const SUPPORTED = 'unreachable, errors, throttles, conditional_failures (percent), p50, p99, max, service.p50, service.p99 (latency), rate / throughput';

export function parseAbortRule(expr: string, operationNames: string[]): ParseAbortResult {
  const fail = (why: string): ParseAbortResult => ({ ok: false, message: `abort rule \`${expr}\`: ${why}` });
  const m = /^(.*?)\s+for\s+(\S+)\s*$/is.exec(expr.trim());
  if (m === null) return fail('expected `<condition> for <duration>`, e.g. `errors > 50% for 10s` or `unreachable for 5s`');
  const condition = m[1]!.trim();
  const forText = m[2]!;
  const forMs = durationToMs(/^\d+(\.\d+)?$/.test(forText) ? Number(forText) : forText);
  if (forMs === undefined || !(forMs > 0) || !Number.isFinite(forMs)) return fail(`expected a duration above 0 after \`for\` (like 10s, 500ms, 2m), got \`${forText}\``);
  if (forMs > 24 * 3_600_000) return fail(`\`for ${forText}\` is longer than a day`);
  if (/^unreachable$/i.test(condition)) return { ok: true, rule: { expr, forMs } };

  const parsed = parseGate(condition, operationNames);
  if (!parsed.ok) return fail(parsed.message.replace(/^gate `[^`]*`: /, ''));
  const gate = parsed.gate;
  const unsupported = unsupportedWhy(gate);
  if (unsupported !== undefined) return fail(`${unsupported} (abort rules can use: ${SUPPORTED})`);
  return { ok: true, rule: { expr, gate, forMs } };
}

/** Only what every interval keeps (src/recorder/interval.ts) can be watched while the run goes on. */
function unsupportedWhy(gate: Gate): string | undefined {
  const scoped = gate.operation !== undefined;
  switch (gate.metric) {
    case 'count':
      return '`count` is a whole-run total; watch `rate` instead';
    case 'throttles':
    case 'conditional_failures':
    case 'service':
      if (scoped) return `${gate.metric === 'service' ? 'service time' : `\`${gate.metric}\``} is kept per interval for all operations only, not per operation`;
      break;
    case 'errors':
    case 'rate':
      return undefined;
  }
  if (gate.metric === 'latency' || gate.metric === 'service') {
    const allowed = gate.metric === 'latency' ? [50, 99, 'max'] : [50, 99];
    if (!allowed.includes(gate.stat as number | 'max')) {
      const shown = typeof gate.stat === 'number' ? `p${gate.stat}` : String(gate.stat);
      return `${gate.metric === 'service' ? 'service.' : ''}${shown} is not kept per interval (only ${allowed.map((s) => (s === 'max' ? 'max' : `p${s}`)).join(', ')})`;
    }
  }
  return undefined;
}

/**
 * Parses every rule; problems name the rule. Adds DEFAULT_UNREACHABLE unless the list has an
 * `unreachable` rule of its own or `unreachable for off`.
 */
export function parseAbortRules(exprs: readonly string[], operationNames: string[]): { rules: AbortRule[]; problems: string[] } {
  const rules: AbortRule[] = [];
  const problems: string[] = [];
  let unreachableOff = false;
  for (const expr of exprs) {
    if (isUnreachableOff(expr)) {
      unreachableOff = true;
      continue;
    }
    const parsed = parseAbortRule(expr, operationNames);
    if (parsed.ok) rules.push(parsed.rule);
    else problems.push(parsed.message);
  }
  const unreachableRules = rules.filter(isUnreachable);
  if (unreachableOff && unreachableRules.length > 0) problems.push(`\`unreachable for off\` and \`${unreachableRules[0]!.expr}\` contradict each other: keep one`);
  if (!unreachableOff && unreachableRules.length === 0) rules.push(DEFAULT_UNREACHABLE);
  return { rules, problems };
}

/** `unreachable for N`: a rule about the target being down, not about its numbers. */
export function isUnreachable(rule: AbortRule): boolean {
  return rule.gate === undefined;
}
