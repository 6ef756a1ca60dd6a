// A harness floor whose lane could not keep the asked rate (floor.saturated) is a ceiling: one
// lane of this driver drove only floor.achievedOpsPerSec against an endpoint that answers at
// once. A measured phase that asked 90% of that or more (the lanes at their limit: the same rule
// as a sweep step's) measured ddbench's queue, not the target:
// the run is flagged saturated with the figures. Phases that never ran (a sweep that stopped
// earlier) do not count. Pure.
import type { HarnessFloor, PhaseSummary } from './model.js';
import { KEPT_UP_SHARE } from './kept-up.js';

export function ceilingWarning(floor: HarnessFloor, phases: readonly PhaseSummary[], lanes: number): string | undefined {
  const capacity = (floor.achievedOpsPerSec ?? 0) * lanes;
  const over = phases.filter((p) => !p.warmup && p.count > 0 && Math.max(p.targetRateOpsPerSec ?? 0, p.rampToOpsPerSec ?? 0) > capacity * KEPT_UP_SHARE);
  if (over.length === 0) return undefined;
  const worst = over.reduce((a, b) => (Math.max(b.targetRateOpsPerSec ?? 0, b.rampToOpsPerSec ?? 0) > Math.max(a.targetRateOpsPerSec ?? 0, a.rampToOpsPerSec ?? 0) ? b : a));
  const asked = Math.max(worst.targetRateOpsPerSec ?? 0, worst.rampToOpsPerSec ?? 0);
  return (
    `generator ceiling: against a null endpoint one ${floor.driver} lane answered only ${floor.achievedOpsPerSec ?? 0} ops/s (asked ${Math.round(floor.rateOpsPerSec)}), ` +
    `about ${Math.round(capacity)} ops/s with ${lanes} lane${lanes > 1 ? 's' : ''}; phase ${worst.name} asked ${Math.round(asked)} ops/s, so its latencies are ddbench's own queue; add --workers or use --driver http`
  );
}
