// Timers, injected like the Clock: the schedulers wait only through this interface, so the unit
// tests drive them with a fake clock and fake timers (test/support/fake-time.ts) and never sleep.
export interface Timers {
  /** Calls fn once, after about `us` microseconds (real timers: whole milliseconds, at least 1); returns a cancel. */
  after(us: number, fn: () => void): () => void;
}

/** Node's timers. Never a setImmediate spin: a spin burns a whole core waiting for sub-millisecond deadlines. */
export const realTimers: Timers = {
  after(us, fn) {
    const t = setTimeout(fn, Math.max(1, Math.floor(us / 1000)));
    return () => clearTimeout(t);
  },
};

export function sleep(timers: Timers, us: number): Promise<void> {
  return new Promise((resolve) => void timers.after(us, resolve));
}
