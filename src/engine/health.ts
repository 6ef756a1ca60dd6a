// Watches the load generator itself. Numbers from a saturated generator are flagged in the
// console and the summary, never silently reported: when a thread's event loop is late or
// always busy, intended start times slip and "latency" partly measures ddbench, not the target.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { GeneratorHealth } from '../summary/model.js';
import type { LoadStats } from '../scheduler/load.js';

/** Generator lateness beyond which measured latencies include ddbench's own delay. */
const SEND_LAG_P99_LIMIT_US = 5_000;
const EVENT_LOOP_P99_LIMIT_MS = 20;
/** share of wall time a thread's event loop was busy */
const UTILIZATION_LIMIT = 0.9;

/** One thread's view of its own health (the recording thread, or a load worker). */
export interface ThreadHealth {
  name: string;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  utilization: number;
}

export interface ThreadMonitor {
  /** event-loop delay p99 (ms) so far, for the live progress line */
  lagMs(): number;
  finish(): ThreadHealth;
}

export function monitorThread(name: string): ThreadMonitor {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const elu = performance.eventLoopUtilization();
  return {
    lagMs: () => loop.percentile(99) / 1e6,
    finish() {
      loop.disable();
      return {
        name,
        eventLoopDelayP99Ms: round(loop.percentile(99) / 1e6),
        eventLoopDelayMaxMs: round(loop.max / 1e6),
        utilization: round(performance.eventLoopUtilization(elu).utilization),
      };
    },
  };
}

/** Pure: the verdict on the generator from every thread's health and the schedulers' statistics. */
export function assessHealth(threads: ThreadHealth[], stats: LoadStats, totalOps: number): GeneratorHealth {
  const warnings: string[] = [];
  let saturated = false;
  const sendLagP99Us = stats.sendLagUs.totalCount > 0 ? stats.sendLagUs.getValueAtPercentile(99) : 0;
  if (sendLagP99Us > SEND_LAG_P99_LIMIT_US) {
    saturated = true;
    warnings.push(`load generator fell behind its schedule: p99 send lag ${(sendLagP99Us / 1000).toFixed(1)} ms (limit ${SEND_LAG_P99_LIMIT_US / 1000} ms); latencies include ddbench's own delay`);
  }
  for (const t of threads) {
    if (t.eventLoopDelayP99Ms > EVENT_LOOP_P99_LIMIT_MS) {
      saturated = true;
      warnings.push(`${t.name}: event loop delay p99 ${t.eventLoopDelayP99Ms} ms (limit ${EVENT_LOOP_P99_LIMIT_MS} ms): too busy to keep time`);
    }
    if (t.utilization > UTILIZATION_LIMIT) {
      saturated = true;
      warnings.push(`${t.name}: event loop busy ${(t.utilization * 100).toFixed(0)}% of the time: add --workers or machines, or lower the rate`);
    }
  }
  if (totalOps > 0 && stats.queuedOps / totalOps > 0.01) {
    warnings.push(`${stats.queuedOps} operations (${((stats.queuedOps / totalOps) * 100).toFixed(1)}%) waited for a free concurrency slot (max queue ${stats.maxQueueDepth}): the target answered slower than rate x concurrency allows; their latency includes the wait (coordinated-omission corrected)`);
  }
  if (stats.abandonedOps > 0) {
    warnings.push(`${stats.abandonedOps} operations got no answer within their deadline (or before the run ended) and were abandoned: recorded as timeouts (OperationAbandoned)`);
  }
  if (stats.droppedOps > 0) {
    warnings.push(`${stats.droppedOps} scheduled operations were never sent: the run ended with every slot still busy`);
  }
  return {
    saturated,
    warnings,
    eventLoopDelayP99Ms: Math.max(0, ...threads.map((t) => t.eventLoopDelayP99Ms)),
    eventLoopDelayMaxMs: Math.max(0, ...threads.map((t) => t.eventLoopDelayMaxMs)),
    sendLagP99Us,
    maxQueueDepth: stats.maxQueueDepth,
    queuedOps: stats.queuedOps,
    droppedOps: stats.droppedOps,
    abandonedOps: stats.abandonedOps,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
