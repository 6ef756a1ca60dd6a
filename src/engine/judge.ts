// Whether a run passed is decided here and nowhere else. Every other part reports a fact: the
// gates' results (summary/), a baseline comparison (compare/), a sweep's outcome (sweep/), how the
// run ended (run-state.ts); the judge weighs them. summary.json's `pass` is its answer, and the exit
// code (cli/exit-codes.ts exitCodeFor) starts from it.
//
// It lives in engine/ because it reads the RunState, which the engine owns; it is pure.
import type { Summary, SweepSummary } from '../summary/model.js';
import type { UnjudgedSummary } from '../summary/summary.js';
import type { RunState } from './run-state.js';

export interface JudgeFacts {
  /** every gate's result (the scenario's and --gate); no gates is a pass */
  gates: readonly { pass: boolean; inconclusive?: boolean | undefined }[];
  /** --strict-floor: a gate within the harness floor (inconclusive) fails; by default it neither passes nor fails, so it does not fail the run */
  strictFloor?: boolean | undefined;
  /** --baseline or `ddbench compare`: whether nothing regressed */
  comparison?: { pass: boolean } | undefined;
  /** `ddbench sweep`: its SLOs judge each step, in place of the gates (the sweep clears them) */
  sweep?: { outcome: SweepSummary['outcome'] } | undefined;
  /** how this process's run ended; absent when judging runs made elsewhere (merge, compare) */
  state?: RunState | undefined;
}

/**
 * The run passed when
 *  - it was neither aborted (an abort rule is a failed criterion) nor crashed: whatever its gates
 *    say about the part that ran, and
 *  - its criteria hold: every gate, or for a sweep a knee was found (or every step passed, or the
 *    failing step was generator-bound: like an inconclusive gate, ddbench's noise is no failure of
 *    the target unless --strict-floor), and
 *  - nothing regressed against the baseline, when there is one.
 * An interrupted run is judged on what it measured (its exit code, 130, says it was interrupted).
 */
export function judge(facts: JudgeFacts): boolean {
  const kind = facts.state?.kind;
  if (kind === 'aborted' || kind === 'crashed') return false;
  const criteria = facts.sweep !== undefined ? facts.sweep.outcome === 'knee' || facts.sweep.outcome === 'all-passed' || (facts.sweep.outcome === 'generator-bound' && facts.strictFloor !== true) : facts.gates.every((g) => (g.inconclusive === true ? facts.strictFloor !== true : g.pass));
  return criteria && (facts.comparison?.pass ?? true);
}

/** The summary with the judge's `pass`, placed right after `gates`, where summary.json has always had it. */
export function judgeSummary(summary: UnjudgedSummary, state?: RunState): Summary {
  const pass = judge({ gates: summary.gates, comparison: summary.comparison, sweep: summary.sweep, state, strictFloor: summary.harness?.strictFloor });
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'pass') continue;
    out[key] = value;
    if (key === 'gates') out['pass'] = pass;
  }
  return out as unknown as Summary;
}
