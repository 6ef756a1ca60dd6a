// One load lane: a driver (guarded), a scheduler and a sample sink, with the workload's requests
// or a scenario script's flows as what it starts. The same lane runs in this thread (--workers 1)
// and in every load worker thread; only where its samples go differs (the recorder here, a packed
// batch to the recording thread there).
import type { Driver, Sample, Scenario } from '../types.js';
import type { Shard, Workload } from '../workload/index.js';
import type { LoadHooks } from '../scheduler/load.js';
import type { Clock } from '../scheduler/clock.js';
import type { Timers } from '../scheduler/timers.js';
import { realTimers } from '../scheduler/timers.js';
import type { LoadStats } from '../scheduler/load.js';
import { runOpenLoop } from '../scheduler/open-loop.js';
import { runClosedLoop } from '../scheduler/closed-loop.js';
import { plannedLane, sharePhases, splitEvenly } from '../scheduler/share.js';
import { operationDeadlineMs, withDeadline } from './deadline.js';
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
  /**
   * how long after the schedule's end queued operations may still be sent (open loop); whatever is
   * still in flight then is abandoned, so a lane ends by its planned end + drainMs whatever the target does
   */
  drainMs: number;
  /** default: operationDeadlineMs(scenario.requestTimeoutMs, scenario.retries.maxAttempts) */
  deadlineMs?: number;
  /** the run's stop state (a RunControl, or a worker's own): once stopping, nothing more is sent */
  control: LaneControl;
  /** every measured sample (crashed requests are not samples) */
  onSample(sample: Sample): void;
  onPhase?(index: number, nowUs: number): void;
  /** a driver threw (its contract is to return an outcome): called once, with the first error */
  onCrash(error: unknown): void;
}

/** What a lane needs of the run's state (RunControl has it). */
export interface LaneControl {
  readonly stopping: boolean;
  onStop(listener: () => void): () => void;
}

/** After a stop, operations still in flight get this long to answer, then they are abandoned. */
export const STOP_GRACE_MS = 2000;
/** A driver's close (its client's sockets) may take this long; a client that hangs is left behind. */
const CLOSE_BOUND_MS = 1000;
/** The lane abandons what is in flight just after the open loop's own drain check (1 ms after the deadline). */
const ABANDON_AFTER_DRAIN_US = 10_000;

export interface LaneResult {
  stats: LoadStats;
  driverName: string;
}

/** The concurrency (open loop: slots; closed loop: workers) of lane `index` of `count`. */
export function laneConcurrency(scenario: Scenario, index: number, count: number): number {
  return Math.max(1, splitEvenly(scenario.concurrency, index, count));
}

/** When the lane's plan ends on its own clock (open loop: its last arrival's phase end; closed loop: the phases' sum). */
function planEndUs(scenario: Scenario, phases: ReturnType<typeof plannedLane> | undefined): number {
  if (phases !== undefined && phases.length > 0) return phases[phases.length - 1]!.endUs;
  return scenario.phases.reduce((a, p) => a + p.durationMs, 0) * 1000;
}

export async function runLane(o: LaneOptions): Promise<LaneResult> {
  const { scenario, index, count, clock } = o;
  const timers = o.timers ?? realTimers;
  const deadlineMs = o.deadlineMs ?? operationDeadlineMs(scenario.requestTimeoutMs, scenario.retries.maxAttempts);
  const driver = withDeadline(guardDriver(o.driver, o.onCrash), deadlineMs, clock, timers);
  const cancels: (() => void)[] = [];
  try {
    const onSample = (s: Sample) => (s.result === CRASHED ? undefined : o.onSample(s));
    const flows = scenario.script
      ? await scriptLane(scenario, { workload: o.workload, driver, clock, onSample, ...(o.onFlowError ? { onFlowError: o.onFlowError } : {}), ...(o.scriptStream !== undefined ? { stream: o.scriptStream } : {}) })
      : undefined;
    const hooks = (flows?.hooks ?? { next: () => o.workload.next(), execute: driver.execute.bind(driver), onSample }) as LoadHooks<{ op: string }>;
    const onPhase = (i: number, nowUs: number) => {
      flows?.onPhase(i);
      o.onPhase?.(i, nowUs);
    };
    await o.whenBuilt?.();
    const phases = count > 1 ? sharePhases(scenario.phases, index, count) : scenario.phases;
    const planned = scenario.mode === 'open' ? plannedLane(phases, o.shard, index, count) : undefined;
    // bounded end: at the drain deadline, or STOP_GRACE_MS after a stop, what is still in flight is abandoned
    const drainEndUs = planEndUs(scenario, planned) + o.drainMs * 1000 + ABANDON_AFTER_DRAIN_US;
    cancels.push(timers.after(drainEndUs - clock.nowUs(), () => driver.abandonAll(`still in flight at the drain deadline (${o.drainMs} ms after the schedule): abandoned`)));
    cancels.push(o.control.onStop(() => cancels.push(timers.after(STOP_GRACE_MS * 1000, () => driver.abandonAll(`still in flight ${STOP_GRACE_MS} ms after the run was stopped: abandoned`)))));
    const common = { clock, timers, shouldStop: () => o.control.stopping, onPhase };
    const stats =
      planned !== undefined
        ? await runOpenLoop({ ...common, phases: planned, concurrency: laneConcurrency(scenario, index, count), drainMs: o.drainMs }, hooks)
        : await runClosedLoop({ ...common, phases, defaultWorkers: splitEvenly(scenario.concurrency, index, count) }, hooks);
    stats.abandonedOps = driver.abandonedOps;
    return { stats, driverName: driver.name };
  } finally {
    for (const cancel of cancels) cancel();
    await closeWithin(driver, timers);
  }
}

/** Closes the driver, waiting at most CLOSE_BOUND_MS: a client with operations it never settles may never close. */
function closeWithin(driver: { close(): Promise<void> }, timers: Timers): Promise<void> {
  return new Promise<void>((resolve) => {
    const cancel = timers.after(CLOSE_BOUND_MS * 1000, resolve);
    void driver.close().then(
      () => {
        cancel();
        resolve();
      },
      () => {
        cancel();
        resolve();
      },
    );
  });
}
