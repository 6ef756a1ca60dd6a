// Makes a DAX run's cache numbers cover the measured phases only, like the rest of its summary:
// when the leading warm-up phases are over (they are timed, so their end is known in advance),
// read the local DAX server's stats once and drop them, so the read after the load holds only
// what came after. Requests in flight at that moment fall on either side, as at any interval
// boundary. Does nothing for targets without cache stats or scenarios without warm-up.

import type { PhaseSpec } from '../types.js';
import type { RunningEndpoint } from '../endpoints/running.js';

export interface CacheWindow {
  /** waits for a mark in progress, or cancels one not yet due (the load ended early) */
  settle(): Promise<void>;
}

/** Milliseconds of warm-up before the first measured phase. */
export function leadingWarmupMs(phases: PhaseSpec[]): number {
  let ms = 0;
  for (const p of phases) {
    if (!p.warmup) break;
    ms += p.durationMs;
  }
  return ms;
}

export function measureCacheAfterWarmup(endpoint: Pick<RunningEndpoint, 'cacheStats'>, phases: PhaseSpec[]): CacheWindow {
  const read = endpoint.cacheStats;
  const warmupMs = leadingWarmupMs(phases);
  if (read === undefined || warmupMs <= 0) return { settle: async () => undefined };
  let marking: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    marking = read().catch(() => undefined);
  }, warmupMs);
  timer.unref();
  return {
    settle: async () => {
      clearTimeout(timer);
      await marking;
    },
  };
}
