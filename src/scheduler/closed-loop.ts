// Closed-loop scheduler (YCSB's default, k6's VUs): N workers each send, wait for the
// answer, optionally think, and send again. Throughput follows latency, so there is no
// intended start: latency and service time are the same thing here, and docs/drivers-and-noise.md says so.
import type { Clock } from './clock.js';
import type { PhaseSpec } from '../types.js';
import type { LoadHooks, LoadStats } from './load.js';
import { newLoadStats } from './load.js';
import { realTimers, sleep } from './timers.js';
import type { Timers } from './timers.js';

export interface ClosedLoopOptions {
  phases: PhaseSpec[];
  defaultWorkers: number;
  clock: Clock;
  /** default: Node's timers (think time) */
  timers?: Timers;
  shouldStop(): boolean;
  onPhase?(index: number, nowUs: number): void;
}

export async function runClosedLoop<W extends { op: string }>(opts: ClosedLoopOptions, hooks: LoadHooks<W>): Promise<LoadStats> {
  const stats = newLoadStats();
  const { clock } = opts;
  const timers = opts.timers ?? realTimers;
  for (let phaseIndex = 0; phaseIndex < opts.phases.length; phaseIndex++) {
    if (opts.shouldStop()) break;
    const phase = opts.phases[phaseIndex]!;
    const startUs = clock.nowUs();
    opts.onPhase?.(phaseIndex, startUs);
    const endUs = startUs + phase.durationMs * 1000;
    const workers = phase.workers ?? opts.defaultWorkers;
    const thinkMs = phase.thinkTimeMs ?? 0;
    const worker = async (): Promise<void> => {
      while (!opts.shouldStop() && clock.nowUs() < endUs) {
        const request = hooks.next();
        const sentUs = clock.nowUs();
        const result = await hooks.execute(request);
        hooks.onSample({ op: request.op, phaseIndex, intendedStartUs: sentUs, sentUs, endUs: clock.nowUs(), result });
        stats.completedOps++;
        if (thinkMs > 0) await sleep(timers, thinkMs * 1000);
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
  }
  return stats;
}
