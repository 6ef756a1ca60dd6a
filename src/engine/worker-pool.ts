// The load worker threads (--workers N > 1): each runs one lane (src/engine/load-worker.ts) with
// 1/N of the plan and sends its samples here, where one recorder records them all (merging is
// exact by construction). The pool starts the run clock only once every worker is ready.
import { Worker } from 'node:worker_threads';
import type { DriverKind, DriverOptions } from '../drivers/index.js';
import type { Scenario } from '../types.js';
import type { Shard } from '../workload/index.js';
import type { Recorder } from '../recorder/recorder.js';
import { decode, mergeInto } from '../recorder/histogram.js';
import { newLoadStats } from '../scheduler/load.js';
import type { LoadStats } from '../scheduler/load.js';
import type { ThreadHealth } from './health.js';
import { laneView } from './lane-monitor.js';
import type { HarnessLane } from '../summary/model.js';
import { unpackSamples } from './sample-codec.js';
import type { WorkerInput, WorkerMessage } from './load-worker.js';
import type { RunControl } from './run-state.js';

export interface PoolOptions {
  scenario: Scenario;
  operationNames: string[];
  driverKind: DriverKind;
  driverOptions: DriverOptions;
  workers: number;
  drainMs: number;
  shard?: Shard;
  /** the run's state: the workers are told to stop (they drain and report) once it stops */
  control: RunControl;
  /** a worker failed: the run stops (the others drain and report) and is written as incomplete */
  onFailure(what: string): void;
  /** a flow of a scenario script failed in a worker */
  onFlowError(message: string): void;
  /** a worker's GC pause: its start on the run clock (µs) and length (ms), for the per-interval figures */
  onGcPause?(atUs: number, durationMs: number): void;
}

export interface PoolResult {
  stats: LoadStats;
  threads: ThreadHealth[];
  /** each worker's view of itself (lane-monitor.ts); empty when the lane ran in the recording thread */
  lanes: HarnessLane[];
  driverName: string;
}

export interface WorkerPool {
  run(recorder: Recorder, originNs: bigint): Promise<PoolResult>;
}

/** Starts the workers; resolves once every one has loaded its modules and built its driver. */
export async function startWorkerPool(o: PoolOptions): Promise<WorkerPool> {
  const stats = newLoadStats();
  const threads: ThreadHealth[] = [];
  const lanes: HarnessLane[] = [];
  let recorder: Recorder | null = null;
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  const exited: Promise<void>[] = [];
  for (let index = 0; index < o.workers; index++) {
    const data: WorkerInput = { scenario: o.scenario, driverKind: o.driverKind, driverOptions: o.driverOptions, index, count: o.workers, drainMs: o.drainMs, ...(o.shard ? { shard: o.shard } : {}) };
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: data });
    // each worker's own names: a script's steps get their indexes in the order that worker meets them
    const workerOpNames = [...o.operationNames];
    workers.push(worker);
    let markReady: () => void = () => undefined;
    ready.push(new Promise<void>((resolve) => (markReady = resolve)));
    exited.push(
      new Promise<void>((resolve) => {
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'samples') {
            unpackSamples(m.batch, workerOpNames, (s) => recorder?.record(s));
            const gc = m.gcPauses;
            if (gc !== undefined && o.onGcPause !== undefined) for (let i = 0; i + 1 < gc.length; i += 2) o.onGcPause(gc[i]!, gc[i + 1]!);
          }
          else if (m.type === 'ready') markReady();
          else if (m.type === 'flow-error') o.onFlowError(m.message);
          else if (m.type === 'phase') recorder?.startPhase(m.index, m.nowUs);
          else if (m.type === 'done') {
            mergeInto(stats.sendLagUs, decode(m.stats.sendLagUs));
            stats.queuedOps += m.stats.queuedOps;
            stats.maxQueueDepth += m.stats.maxQueueDepth;
            stats.droppedOps += m.stats.droppedOps;
            stats.completedOps += m.stats.completedOps;
            stats.abandonedOps += m.stats.abandonedOps;
            threads.push(m.health);
            lanes.push(laneView(m.health, m.gc));
            void worker.terminate();
          } else o.onFailure(`load worker ${index + 1}: ${m.message}`);
        });
        worker.on('error', (e) => o.onFailure(`load worker ${index + 1}: ${e.stack ?? e.message}`));
        worker.on('exit', () => {
          markReady();
          resolve();
        });
      }),
    );
  }
  await Promise.all(ready);
  return {
    async run(rec, originNs) {
      recorder = rec;
      for (const w of workers) w.postMessage({ type: 'start', originNs: originNs.toString() });
      const unsubscribe = o.control.onStop(() => {
        for (const w of workers) w.postMessage({ type: 'stop' });
      });
      try {
        await Promise.all(exited);
      } finally {
        unsubscribe();
      }
      return { stats, threads, lanes, driverName: o.driverKind };
    },
  };
}
