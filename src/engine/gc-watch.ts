// Garbage-collection pauses of this thread while the load runs (perf_hooks 'gc' entries): a
// pause stops every timer and completion on the thread, so it lands in the measured latency.
import { PerformanceObserver } from 'node:perf_hooks';

export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

export function watchGc(): { finish(): GcPauses } {
  const pauses: GcPauses = { count: 0, totalMs: 0, maxMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      pauses.count++;
      pauses.totalMs += e.duration;
      if (e.duration > pauses.maxMs) pauses.maxMs = e.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    finish() {
      observer.disconnect();
      return { count: pauses.count, totalMs: Math.round(pauses.totalMs * 100) / 100, maxMs: Math.round(pauses.maxMs * 100) / 100 };
    },
  };
}
