// Inconclusive (harness floor): a latency gate whose actual value lies within the harness floor
// of its threshold cannot say anything about the target: ddbench's own noise (its p99 against a
// null endpoint at the same rate and driver) is as large as the margin. Such a gate is marked
// inconclusive; it keeps its pass/fail so a reader sees which side it fell on.
//
// Whether inconclusive fails the run is the judge's decision (one place); the choice made here:
// it does not fail the run by default (a nightly CI job would otherwise go red on a coin toss of
// ddbench's own GC), it is shown everywhere a gate is shown, and `--strict-floor` makes it fail
// (for a gate that must be proven, not merely not disproven). Pure.
import type { GateResult } from './result.js';

/** What the floor check needs of the harness floor (summary/model.ts HarnessFloor has more). */
export interface FloorLatency {
  latencyUs: { p99: number };
}

const LATENCY_UNITS: Record<string, number> = { us: 1, ms: 1000, s: 1_000_000 };

/** The margin within which a gate is decided by ddbench's own noise: the floor's p99, in the gate's unit. */
export function floorMargin(gate: Pick<GateResult, 'unit'>, floor: FloorLatency): number | undefined {
  const perUnit = LATENCY_UNITS[gate.unit];
  return perUnit === undefined ? undefined : floor.latencyUs.p99 / perUnit;
}

export function markInconclusive(gates: GateResult[], floor: FloorLatency | undefined): GateResult[] {
  if (floor === undefined) return gates;
  return gates.map((g) => {
    const margin = floorMargin(g, floor);
    if (margin === undefined || g.actual === null) return g;
    if (Math.abs(g.actual - g.threshold) > margin) return g;
    return { ...g, inconclusive: true, message: `${g.message.replace(/ \((PASS|FAIL)\)$/, '')} (INCONCLUSIVE: within the harness floor of ${margin.toFixed(g.unit === 'us' ? 0 : 2)} ${g.unit}; ${g.pass ? 'passes' : 'fails'} by less than ddbench's own p99)` };
  });
}

/** Does an inconclusive gate fail the run? Only with --strict-floor. */
export function inconclusiveFails(gates: readonly GateResult[], strictFloor: boolean): boolean {
  return strictFloor && gates.some((g) => g.inconclusive === true);
}

/** How a gate reads to a person: the inconclusive ones are neither a pass nor a fail of the target. */
export type GateOutcome = 'pass' | 'fail' | 'inconclusive';

export function gateOutcome(g: Pick<GateResult, 'pass' | 'inconclusive'>): GateOutcome {
  return g.inconclusive === true ? 'inconclusive' : g.pass ? 'pass' : 'fail';
}

/** The label every output uses for an inconclusive result, so CI logs and pages read the same. */
export const INCONCLUSIVE_LABEL = 'INCONCLUSIVE (harness floor)';

export function tallyGates(gates: readonly Pick<GateResult, 'pass' | 'inconclusive'>[]): Record<GateOutcome, number> {
  const out: Record<GateOutcome, number> = { pass: 0, fail: 0, inconclusive: 0 };
  for (const g of gates) out[gateOutcome(g)]++;
  return out;
}

/**
 * The p99 < 10 ms verdict under the same rule as the gates: a p99 whose distance to the verdict's
 * threshold is within the floor's p99 says nothing about the target. False without a floor.
 */
export function verdictWithinFloor(p99Us: number, thresholdUs: number, floor: (FloorLatency & { saturated?: boolean | undefined }) | undefined): boolean {
  // a floor whose lane could not keep its rate is a ceiling, not a floor: it makes nothing inconclusive (as for gates)
  return floor !== undefined && floor.saturated !== true && Math.abs(p99Us - thresholdUs) <= floor.latencyUs.p99;
}

/** The run-wide single-digit-millisecond answer: yes, no, or inside ddbench's own noise. */
export interface SingleDigitClaim {
  outcome: 'yes' | 'no' | 'inconclusive';
  /** operations over the threshold by more than the floor, or with no samples */
  failing: string[];
  /** operations within the floor of the threshold, on either side */
  unsure: string[];
}

/**
 * The headline every output shows ("single-digit-ms p99 for every operation?") under the rule of
 * each operation's own verdict row: an operation within the floor of the threshold is neither a
 * yes nor a no; any operation clearly over it (or with no samples) makes the answer no; otherwise
 * any unsure operation makes it inconclusive. One function, so the headline can never contradict
 * the rows below it.
 */
export function singleDigitClaim(
  verdict: { thresholdUs: number; operations: Record<string, { pass: boolean; p99Us: number }> },
  countOf: (op: string) => number,
  floor: (FloorLatency & { saturated?: boolean | undefined }) | undefined,
): SingleDigitClaim {
  const failing: string[] = [];
  const unsure: string[] = [];
  for (const [name, v] of Object.entries(verdict.operations)) {
    if (countOf(name) === 0) failing.push(name);
    else if (verdictWithinFloor(v.p99Us, verdict.thresholdUs, floor)) unsure.push(name);
    else if (!v.pass) failing.push(name);
  }
  return { outcome: failing.length > 0 ? 'no' : unsure.length > 0 ? 'inconclusive' : 'yes', failing, unsure };
}
