// What each load lane measures of itself (event-loop delay, GC pauses through perf_hooks), and
// how the lanes' views merge into summary.harness. Each lane watches its own thread: a worker's
// GC pause is invisible to the recording thread, yet it delays that worker's sends and
// completions, so it is part of the latency the worker reports.
import type { HarnessLane } from '../summary/model.js';
import type { GcPauses } from './gc-watch.js';
import type { ThreadHealth } from './health.js';

export function laneView(health: ThreadHealth, gcPauses: GcPauses): HarnessLane {
  return { name: health.name, eventLoopDelayP99Ms: health.eventLoopDelayP99Ms, eventLoopDelayMaxMs: health.eventLoopDelayMaxMs, gcPauses };
}

export interface MergedLanes {
  lanes: HarnessLane[];
  laneGcPauses: GcPauses;
  laneEventLoopDelayP99Ms: number;
  laneEventLoopDelayMaxMs: number;
}

/** Pure: counts and totals add up over the lanes; delays and the longest pause are the worst lane's. */
export function mergeLanes(lanes: readonly HarnessLane[]): MergedLanes | undefined {
  if (lanes.length === 0) return undefined;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    lanes: [...lanes],
    laneGcPauses: {
      count: lanes.reduce((s, l) => s + l.gcPauses.count, 0),
      totalMs: round(lanes.reduce((s, l) => s + l.gcPauses.totalMs, 0)),
      maxMs: Math.max(...lanes.map((l) => l.gcPauses.maxMs)),
    },
    laneEventLoopDelayP99Ms: Math.max(...lanes.map((l) => l.eventLoopDelayP99Ms)),
    laneEventLoopDelayMaxMs: Math.max(...lanes.map((l) => l.eventLoopDelayMaxMs)),
  };
}
