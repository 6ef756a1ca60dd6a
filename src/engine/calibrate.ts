// The harness floor: how much latency ddbench itself adds at this rate with this driver. Before
// the load, the lane's own parts (the open-loop scheduler and the run's driver, on this thread)
// send GetItem at the run's rate to a null endpoint that answers at once, in a worker thread of
// its own; whatever latency comes back is ddbench's (plus the loopback), not any target's.
// A verdict whose margin to its limit is within this floor cannot be told apart from ddbench's
// own noise (gates/floor.ts).
import type { DriverKind } from '../drivers/index.js';
import { createDriver } from '../drivers/index.js';
import { startNullEndpointThread } from '../endpoints/null-endpoint-thread.js';
import { newHistogram, percentiles, recordUs } from '../recorder/histogram.js';
import { planPhases } from '../scheduler/arrivals.js';
import { monotonicClock } from '../scheduler/clock.js';
import { runOpenLoop } from '../scheduler/open-loop.js';
import type { HarnessFloor } from '../summary/model.js';
import { KEPT_UP_SHARE } from '../summary/kept-up.js';
import type { Request } from '../types.js';

export interface CalibrateOptions {
  driver: DriverKind;
  rateOpsPerSec: number;
  concurrency: number;
  /** measured time, after `warmupMs` for the JIT and the connection pool */
  durationMs: number;
  warmupMs: number;
}

/** Default calibration before a judged run: short, so it costs seconds, long enough for a p99.9 at 1,000/s. */
export const CALIBRATION = { durationMs: 3000, warmupMs: 1000 };
/** The floor is measured at the run's rate, capped: above this a lane is past one thread anyway (--workers). */
export const CALIBRATION_MAX_RATE = 20_000;

const REQUEST: Request = { op: 'calibrate', type: 'GetItem', input: { TableName: 'ddbench-calibrate', Key: { pk: { S: 'calibrate' } } } };

export async function calibrateFloor(o: CalibrateOptions): Promise<HarnessFloor> {
  const endpoint = await startNullEndpointThread();
  const rate = Math.min(Math.max(1, o.rateOpsPerSec), CALIBRATION_MAX_RATE);
  const driver = createDriver(o.driver === 'dax' ? 'http' : o.driver, {
    endpoint: endpoint.url,
    region: 'us-east-1',
    concurrency: o.concurrency,
    maxAttempts: 1,
    retryMode: 'standard',
    requestTimeoutMs: 5000,
    credentials: { accessKeyId: 'calibrate', secretAccessKey: 'calibrate' },
  });
  const latency = newHistogram();
  const warmupUs = o.warmupMs * 1000;
  const windowEndUs = warmupUs + o.durationMs * 1000;
  // answers inside the measured window: what one lane of this driver actually drove
  let answered = 0;
  try {
    // the driver's lazy parts (modules, first connection) load before the clock starts
    for (let i = 0; i < 20; i++) await driver.execute(REQUEST);
    const phases = planPhases([
      { name: 'warmup', durationMs: o.warmupMs, rateOpsPerSec: rate, warmup: true },
      { name: 'measure', durationMs: o.durationMs, rateOpsPerSec: rate, warmup: false },
    ]);
    await runOpenLoop(
      { phases, concurrency: o.concurrency, clock: monotonicClock(), drainMs: 1000, shouldStop: () => false },
      {
        next: () => REQUEST,
        execute: (r) => driver.execute(r),
        onSample: (s) => {
          if (s.intendedStartUs >= warmupUs && s.result.kind === 'ok') recordUs(latency, s.endUs - s.intendedStartUs);
          if (s.endUs >= warmupUs && s.endUs < windowEndUs) answered++;
        },
      },
    );
  } finally {
    await driver.close();
    await endpoint.close();
  }
  const p = percentiles(latency);
  const achievedOpsPerSec = Math.round(answered / (o.durationMs / 1000));
  return {
    driver: o.driver === 'dax' ? 'http' : o.driver,
    rateOpsPerSec: rate,
    durationMs: o.durationMs,
    count: latency.totalCount,
    latencyUs: { p50: p.p50, p99: p.p99, p999: p.p999, max: p.max },
    achievedOpsPerSec,
    ...(achievedOpsPerSec < KEPT_UP_SHARE * rate ? { saturated: true } : {}),
  };
}
