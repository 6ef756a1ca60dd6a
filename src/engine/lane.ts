// One load lane: a driver (guarded), a scheduler and a sample sink, with the workload's requests
// or a scenario script's flows as what it starts. The same lane runs in this thread (--workers 1)
// and in every load worker thread; only where its samples go differs (the recorder here, a packed
// batch to the recording thread there).
import type { Driver, Sample, Scenario } from '../types.js';
import type { Shard, Workload } from '../workload/index.js';
import type { LoadHooks } from '../scheduler/load.js';
import type { Clock } from '../scheduler/clock.js';
import type { Timers } from '../scheduler/timers.js';
import type { LoadStats } from '../scheduler/load.js';
import { runOpenLoop } from '../scheduler/open-loop.js';
import { runClosedLoop } from '../scheduler/closed-loop.js';
import { plannedLane, sharePhases, splitEvenly } from '../scheduler/share.js';
import { CRASHED, guardDriver } from './guard.js';
import { scriptLane } from './script-lane.js';

export interface LaneOptions {
  /** the process's plan (a --shard's share already applied) */
  scenario: Scenario;
  /** this lane among the process's load lanes (0-based): it runs 1/count of the plan */
  index: number;
  count: number;
  /** --shard: the workload shard, so this lane's arrivals interleave with the other shards' */
  shard?: Shard;
  workload: Workload;
  /** a script's flows pick on their own stream per worker and shard */
  scriptStream?: string;
  /** a flow failed (the summary counts it; the caller decides what to print) */
  onFlowError?(message: string): void;
  /** the lane's driver, built for laneConcurrency(); the lane guards it and closes it at the end */
  driver: Driver;
  /** the run clock; a worker's may learn its origin only in whenBuilt */
  clock: Clock;
  /**
   * Called once the lane is built (driver guarded, a script's module loaded), before the schedule
   * starts: a worker reports ready here and waits for the run clock's origin.
   */
  whenBuilt?(): Promise<void>;
  /** default: Node's timers */
  timers?: Timers;
  /** how long after the schedule's end queued operations may still be sent (open loop) */
  drainMs: number;
  shouldStop(): boolean;
  /** every measured sample (crashed requests are not samples) */
  onSample(sample: Sample): void;
  onPhase?(index: number, nowUs: number): void;
  /** a driver threw (its contract is to return an outcome): called once, with the first error */
  onCrash(error: unknown): void;
}

export interface LaneResult {
  stats: LoadStats;
  driverName: string;
}

/** The concurrency (open loop: slots; closed loop: workers) of lane `index` of `count`. */
export function laneConcurrency(scenario: Scenario, index: number, count: number): number {
  return Math.max(1, splitEvenly(scenario.concurrency, index, count));
}

export async function runLane(o: LaneOptions): Promise<LaneResult> {
  const { scenario, index, count } = o;
  const driver = guardDriver(o.driver, o.onCrash);
  try {
    const onSample = (s: Sample) => (s.result === CRASHED ? undefined : o.onSample(s));
    const flows = scenario.script
      ? await scriptLane(scenario, { workload: o.workload, driver, clock: o.clock, onSample, ...(o.onFlowError ? { onFlowError: o.onFlowError } : {}), ...(o.scriptStream !== undefined ? { stream: o.scriptStream } : {}) })
      : undefined;
    const hooks = (flows?.hooks ?? { next: () => o.workload.next(), execute: driver.execute.bind(driver), onSample }) as LoadHooks<{ op: string }>;
    const onPhase = (i: number, nowUs: number) => {
      flows?.onPhase(i);
      o.onPhase?.(i, nowUs);
    };
    await o.whenBuilt?.();
    const phases = count > 1 ? sharePhases(scenario.phases, index, count) : scenario.phases;
    const common = { clock: o.clock, ...(o.timers ? { timers: o.timers } : {}), shouldStop: o.shouldStop, onPhase };
    const stats =
      scenario.mode === 'open'
        ? await runOpenLoop({ ...common, phases: plannedLane(phases, o.shard, index, count), concurrency: laneConcurrency(scenario, index, count), drainMs: o.drainMs }, hooks)
        : await runClosedLoop({ ...common, phases, defaultWorkers: count > 1 ? splitEvenly(scenario.concurrency, index, count) : scenario.concurrency }, hooks);
    return { stats, driverName: driver.name };
  } finally {
    await driver.close();
  }
}
