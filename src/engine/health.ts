// Watches the load generator itself. Numbers from a saturated generator are flagged in the
// console and the summary, never silently reported: when the event loop is late, intended
// start times slip and "latency" partly measures ddbench, not the target.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { GeneratorHealth } from '../types.js';
import type { LoadStats } from '../scheduler/load.js';

/** Generator lateness beyond which measured latencies include ddbench's own delay. */
const SEND_LAG_P99_LIMIT_US = 5_000;
const EVENT_LOOP_P99_LIMIT_MS = 20;
const CPU_BUSY_LIMIT = 0.9;

export interface HealthMonitor {
  stop(stats: LoadStats | null, totalOps: number, loadDurationMs: number): GeneratorHealth;
  /** event-loop delay p99 (ms) since the last call, for the live progress line */
  sampleLagMs(): number;
}

export function startHealthMonitor(): HealthMonitor {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuStart = process.cpuUsage();
  const wallStartMs = performance.now();
  let lastP99Ms = 0;
  return {
    sampleLagMs() {
      lastP99Ms = loop.percentile(99) / 1e6;
      return lastP99Ms;
    },
    stop(stats, totalOps, loadDurationMs) {
      loop.disable();
      const cpu = process.cpuUsage(cpuStart);
      const wallMs = Math.max(1, performance.now() - wallStartMs);
      const cpuBusy = (cpu.user + cpu.system) / 1000 / wallMs;
      const eventLoopDelayP99Ms = round(loop.percentile(99) / 1e6);
      const eventLoopDelayMaxMs = round(loop.max / 1e6);
      const sendLagP99Us = stats && stats.sendLagUs.totalCount > 0 ? stats.sendLagUs.getValueAtPercentile(99) : 0;
      const warnings: string[] = [];
      let saturated = false;
      if (sendLagP99Us > SEND_LAG_P99_LIMIT_US) {
        saturated = true;
        warnings.push(`load generator fell behind its schedule: p99 send lag ${(sendLagP99Us / 1000).toFixed(1)} ms (limit ${SEND_LAG_P99_LIMIT_US / 1000} ms); latencies include ddbench's own delay`);
      }
      if (eventLoopDelayP99Ms > EVENT_LOOP_P99_LIMIT_MS) {
        saturated = true;
        warnings.push(`event loop delay p99 ${eventLoopDelayP99Ms} ms (limit ${EVENT_LOOP_P99_LIMIT_MS} ms): the generator's process was too busy to keep time`);
      }
      if (cpuBusy > CPU_BUSY_LIMIT) {
        saturated = true;
        warnings.push(`load generator CPU at ${(cpuBusy * 100).toFixed(0)}% of one core: add workers or machines, or lower the rate`);
      }
      const queued = stats?.queuedOps ?? 0;
      if (totalOps > 0 && queued / totalOps > 0.01) {
        warnings.push(`${queued} operations (${((queued / totalOps) * 100).toFixed(1)}%) waited for a free concurrency slot (max queue ${stats?.maxQueueDepth ?? 0}): the target answered slower than rate x concurrency allows; their latency includes the wait (coordinated-omission corrected)`);
      }
      if ((stats?.droppedOps ?? 0) > 0) {
        warnings.push(`${stats!.droppedOps} scheduled operations were never sent: the run ended with every slot still busy`);
      }
      void loadDurationMs;
      return {
        saturated,
        warnings,
        eventLoopDelayP99Ms,
        eventLoopDelayMaxMs,
        sendLagP99Us,
        maxQueueDepth: stats?.maxQueueDepth ?? 0,
        queuedOps: queued,
        droppedOps: stats?.droppedOps ?? 0,
      };
    },
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
