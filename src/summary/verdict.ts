// The verdict answers ddbench's question: does each operation get single-digit-millisecond
// latency (p99 from the intended start under 10 ms) in the measured phases? It is information,
// not a gate: only gates decide `pass` and the exit code (add `p99 < 10ms` as a gate to enforce it).
import type { OperationSummary, Verdict } from './model.js';

export const VERDICT_THRESHOLD_US = 10_000;

/** An operation with no measured samples does not pass: no evidence is not a pass. */
export function buildVerdict(operations: Record<string, OperationSummary>, thresholdUs = VERDICT_THRESHOLD_US): Verdict {
  const out: Verdict['operations'] = {};
  for (const [name, s] of Object.entries(operations)) {
    const l = s.latencyUs;
    out[name] = { p50Us: l.p50, p99Us: l.p99, p999Us: l.p999, maxUs: l.max, pass: s.count > 0 && l.p99 < thresholdUs };
  }
  const all = Object.values(out);
  return { thresholdUs, pass: all.length > 0 && all.every((o) => o.pass), operations: out };
}
