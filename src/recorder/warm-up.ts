// Runs the recorder's interval path (record, close, .hlog encoding) on throwaway intervals before
// the run clock starts, so V8 has optimised it by the first real close. Measured on one pinned
// core: cold, the first two closes of a 1,000-sample interval took 5.0 and 3.8 ms, warm 0.15 ms.
// With --workers 1 they run on the lane's own thread, so each was a stall that every send and
// completion due then waited out: the run's second and third seconds had p99 4-6 ms against
// 0.3-1.1 ms later on. Costs ~30 ms; records nothing any run reports.
import type { OpResult } from '../types.js';
import { HistogramPool } from './histogram.js';
import { IntervalState } from './interval.js';

/** Enough closes for V8's optimising tier (measured: the ninth close onwards runs at its steady 0.1-0.2 ms). */
export const WARM_UP_CYCLES = 8;
export const WARM_UP_SAMPLES = 1000;

export function warmUpIntervals(op: string, cycles = WARM_UP_CYCLES, samplesPerCycle = WARM_UP_SAMPLES): { lines: number } {
  const pool = new HistogramPool();
  const result: OpResult = { kind: 'ok', attempts: 1, retryDelayMs: 0, consumedRcu: 0, consumedWcu: 0, throttledAttempts: 0 };
  let lines = 0;
  for (let c = 0; c < cycles; c++) {
    const interval = new IntervalState(c, pool);
    for (let i = 0; i < samplesPerCycle; i++) {
      // a spread like a real interval's: mostly sub-millisecond, a tail of milliseconds
      const latencyUs = 50 + ((i * 7919) % 900) + (i % 97 === 0 ? 4000 + i : 0);
      interval.record({ op, phaseIndex: 0, intendedStartUs: 0, sentUs: i % 3, endUs: latencyUs, result }, latencyUs, latencyUs - 1);
    }
    interval.close({ startSec: c, lengthSec: 1, phaseIndex: 0, targetRateOpsPerSec: samplesPerCycle }, () => void lines++);
  }
  return { lines };
}
