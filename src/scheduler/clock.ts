// The run clock: microseconds since the start of load, monotonic. Injected everywhere
// so that schedulers and recorders can be driven by a fake clock in tests.
export interface Clock {
  nowUs(): number;
}

/**
 * process.hrtime is one monotonic clock for the whole process, worker threads included, so
 * workers given the main thread's origin share its run clock exactly.
 */
export function monotonicClock(originNs: bigint = process.hrtime.bigint()): Clock {
  return { nowUs: () => Number((process.hrtime.bigint() - originNs) / 1000n) };
}
