// The run clock: microseconds since the start of load, monotonic. Injected everywhere
// so that schedulers and recorders can be driven by a fake clock in tests.
export interface Clock {
  nowUs(): number;
}

export function monotonicClock(): Clock {
  const originNs = process.hrtime.bigint();
  return { nowUs: () => Number((process.hrtime.bigint() - originNs) / 1000n) };
}
