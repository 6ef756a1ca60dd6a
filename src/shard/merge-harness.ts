// ddbench's own noise across the shards of one run: what a merged gate's margin must exceed. The
// merged percentiles hold every shard's samples, so any shard's noise can move them: the merged
// floor is the noisiest shard's (the largest p99 among floors that are floors; a ceiling, a lane
// that could not keep its rate, stands only when every shard's was one). Pauses add up, delays
// are the worst shard's, and --strict-floor on any shard holds for the merged run. Pure.
import type { Harness } from '../summary/model.js';

type GcPauses = NonNullable<Harness['gcPauses']>;

function mergePauses(list: (GcPauses | undefined)[]): GcPauses | undefined {
  const present = list.filter((p): p is GcPauses => p !== undefined);
  if (present.length === 0) return undefined;
  return { count: present.reduce((a, p) => a + p.count, 0), totalMs: present.reduce((a, p) => a + p.totalMs, 0), maxMs: Math.max(...present.map((p) => p.maxMs)) };
}

function worstFloor(list: Harness[]): Harness['floor'] {
  const floors = list.map((h) => h.floor).filter((f): f is NonNullable<Harness['floor']> => f !== undefined);
  const real = floors.filter((f) => f.saturated !== true);
  const pool = real.length > 0 ? real : floors;
  return pool.reduce<Harness['floor']>((worst, f) => (worst === undefined || f.latencyUs.p99 > worst.latencyUs.p99 ? f : worst), undefined);
}

/** The merged run's harness facts, or undefined when no shard recorded any. */
export function mergeHarness(list: (Harness | undefined)[], labels: string[]): Harness | undefined {
  const present = list.map((h, i) => ({ h, label: labels[i] ?? `shard ${i + 1}` })).filter((x): x is { h: Harness; label: string } => x.h !== undefined);
  if (present.length === 0) return undefined;
  const hs = present.map((x) => x.h);
  const max = (f: (h: Harness) => number | undefined): number | undefined => {
    const values = hs.map(f).filter((v): v is number => v !== undefined);
    return values.length > 0 ? Math.max(...values) : undefined;
  };
  const floor = worstFloor(hs);
  const gcPauses = mergePauses(hs.map((h) => h.gcPauses));
  const laneGcPauses = mergePauses(hs.map((h) => h.laneGcPauses));
  const lanes = present.flatMap((x) => (x.h.lanes ?? []).map((l) => ({ ...l, name: `${x.label}: ${l.name}` })));
  const laneP99 = max((h) => h.laneEventLoopDelayP99Ms);
  const laneMax = max((h) => h.laneEventLoopDelayMaxMs);
  return {
    ...(floor !== undefined ? { floor } : {}),
    ...(gcPauses !== undefined ? { gcPauses } : {}),
    ...(lanes.length > 0 ? { lanes } : {}),
    ...(laneGcPauses !== undefined ? { laneGcPauses } : {}),
    ...(laneP99 !== undefined ? { laneEventLoopDelayP99Ms: laneP99 } : {}),
    ...(laneMax !== undefined ? { laneEventLoopDelayMaxMs: laneMax } : {}),
    eventLoopDelayP99Ms: max((h) => h.eventLoopDelayP99Ms) ?? 0,
    eventLoopDelayMaxMs: max((h) => h.eventLoopDelayMaxMs) ?? 0,
    ...(hs.some((h) => h.strictFloor === true) ? { strictFloor: true } : {}),
  };
}
