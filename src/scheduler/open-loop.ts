// Open-loop scheduler (constant arrival rate, as wrk2 and k6's constant-arrival-rate):
// every operation has an intended start from the phase's arrival rate, whatever the target
// does. At most `concurrency` are in flight; due operations that find no free slot wait, and
// their wait is part of their latency (coordinated-omission correction), never hidden.
import type { Clock } from './clock.js';
import type { PlannedPhase } from './arrivals.js';
import { intendedUs, plannedArrivals, arrivalsBy } from './arrivals.js';
import type { LoadHooks, LoadStats } from './load.js';
import { newLoadStats } from './load.js';
import { realTimers, sleep } from './timers.js';
import type { Timers } from './timers.js';

/** Node's timers resolve to 1 ms: operations due sooner than this are sent at once. */
const EARLY_SEND_US = 1000;

export interface OpenLoopOptions {
  phases: PlannedPhase[];
  concurrency: number;
  clock: Clock;
  /** default: Node's timers */
  timers?: Timers;
  /** how long after the last phase's end queued operations may still be sent; the rest are dropped */
  drainMs: number;
  shouldStop(): boolean;
  onPhase?(index: number, nowUs: number): void;
}

export async function runOpenLoop<W extends { op: string }>(opts: OpenLoopOptions, hooks: LoadHooks<W>): Promise<LoadStats> {
  const { phases, concurrency, clock } = opts;
  const timers = opts.timers ?? realTimers;
  const stats = newLoadStats();
  const planned = phases.map(plannedArrivals);
  const scheduleEndUs = phases.length > 0 ? phases[phases.length - 1]!.endUs : 0;
  let inflight = 0;
  let wake: (() => void) | null = null;
  // latest moment we saw a due operation with every slot taken: operations due before it waited for a slot
  let capacityBlockedAtUs = -1;

  const start = (phaseIndex: number, dueUs: number, nowUs: number): void => {
    const request = hooks.next();
    if (dueUs <= capacityBlockedAtUs) stats.queuedOps++;
    else stats.sendLagUs.recordValue(Math.max(1, nowUs - dueUs));
    inflight++;
    void hooks.execute(request).then((result) => {
      hooks.onSample({ op: request.op, phaseIndex, intendedStartUs: dueUs, sentUs: nowUs, endUs: clock.nowUs(), result });
      inflight--;
      stats.completedOps++;
      if (wake) {
        const w = wake;
        wake = null;
        w();
      }
    });
  };
  const waitForCompletion = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  // One timer for the drain deadline, armed once while every slot is busy, not one per
  // completion: re-arming a timer on each completion was the open loop's largest own cost in a
  // CPU profile of a run whose slots filled (Node's timer-list insert, 5% of the thread).
  const drainEndUs = scheduleEndUs + opts.drainMs * 1000;
  let cancelDeadline: (() => void) | undefined;
  const armDeadline = (nowUs: number): void => {
    if (cancelDeadline !== undefined) return;
    cancelDeadline = timers.after(Math.max(1000, drainEndUs - nowUs + 1000), () => {
      cancelDeadline = undefined;
      if (wake) {
        const w = wake;
        wake = null;
        w();
      }
    });
  };

  let phaseIndex = 0;
  let i = 0;
  if (phases.length > 0) opts.onPhase?.(0, clock.nowUs());
  while (phaseIndex < phases.length) {
    if (opts.shouldStop()) break;
    if (i >= planned[phaseIndex]!) {
      phaseIndex++;
      i = 0;
      if (phaseIndex < phases.length) opts.onPhase?.(phaseIndex, clock.nowUs());
      continue;
    }
    const phase = phases[phaseIndex]!;
    const plannedUs = intendedUs(phase, i);
    const nowUs = clock.nowUs();
    if (plannedUs - nowUs >= EARLY_SEND_US) {
      // sleep on a timer, waking a little early: timers fire late, never early
      await sleep(timers, plannedUs - nowUs - EARLY_SEND_US / 2);
      continue;
    }
    // Within the timer's resolution an operation goes now rather than spin the CPU on a
    // sub-millisecond wait; one sent early counts its latency from its real send, so the
    // early start never shortens a measured latency.
    const dueUs = Math.min(plannedUs, nowUs);
    if (inflight < concurrency) {
      start(phaseIndex, dueUs, nowUs);
      i++;
      continue;
    }
    // every slot is busy and operations are due: they queue (counted, and their wait is latency)
    const backlog = arrivalsBy(phase, nowUs - phase.startUs) - i;
    if (backlog > stats.maxQueueDepth) stats.maxQueueDepth = backlog;
    if (nowUs > drainEndUs) {
      stats.droppedOps = planned.slice(phaseIndex).reduce((a, b) => a + b, 0) - i;
      break;
    }
    // wake on a completion, or when the drain deadline passes with every slot still stuck
    armDeadline(nowUs);
    await waitForCompletion();
    capacityBlockedAtUs = clock.nowUs();
  }
  cancelDeadline?.();
  while (inflight > 0) await waitForCompletion();
  return stats;
}
