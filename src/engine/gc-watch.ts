// Garbage-collection pauses of this thread while the load runs (perf_hooks 'gc' entries): a
// pause stops every timer and completion on the thread, so it lands in the measured latency.
import { PerformanceObserver } from 'node:perf_hooks';

export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

/**
 * Calls `onPause` with each GC pause of this thread: its start (performance.now() ms of this
 * thread) and length (ms). Entries arrive in batches a little after the pause. Returns the stop, which
 * hands over the entries still buffered first.
 */
export function observeGcPauses(onPause: (startMs: number, durationMs: number) => void): () => void {
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) onPause(e.startTime, e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    // entries still buffered (not yet delivered) would be lost with the observer
    for (const e of observer.takeRecords()) onPause(e.startTime, e.duration);
    observer.disconnect();
  };
}

export function watchGc(): { finish(): GcPauses } {
  const pauses: GcPauses = { count: 0, totalMs: 0, maxMs: 0 };
  const stop = observeGcPauses((_startMs, durationMs) => {
    pauses.count++;
    pauses.totalMs += durationMs;
    if (durationMs > pauses.maxMs) pauses.maxMs = durationMs;
  });
  return {
    finish() {
      stop();
      return { count: pauses.count, totalMs: Math.round(pauses.totalMs * 100) / 100, maxMs: Math.round(pauses.maxMs * 100) / 100 };
    },
  };
}
