// A load worker thread: one lane (src/engine/lane.ts) with its own workload stream and driver,
// and its share of the rate. It records nothing itself: samples go to the recording thread in
// packed batches, so the run's histograms are built exactly once, from every sample.
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../types.js';
import { createWorkload } from '../workload/index.js';
import { createDriver } from '../drivers/index.js';
import type { DriverKind, DriverOptions } from '../drivers/index.js';
import { FLOW_ERRORS_PRINTED } from './script-lane.js';
import { encode } from '../recorder/histogram.js';
import { SampleBatcher } from './sample-codec.js';
import { observeGcPauses, watchGc } from './gc-watch.js';
import { perfToRunClock } from './self-usage.js';
import { monitorThread } from './health.js';
import { laneConcurrency, runLane } from './lane.js';
import { RunControl } from './run-state.js';

export interface WorkerInput {
  scenario: Scenario;
  driverKind: DriverKind;
  driverOptions: DriverOptions;
  index: number;
  count: number;
  drainMs: number;
  /** --shard: this process's workload shard (0-based) */
  shard?: import('../workload/index.js').Shard;
}

export type WorkerMessage =
  /** gcPauses: this thread's GC pauses since the last batch, flat [start on the run clock µs, length ms, ...] */
  | { type: 'samples'; batch: import('./sample-codec.js').SampleBatch; gcPauses?: number[] }
  | { type: 'ready' }
  | { type: 'phase'; index: number; nowUs: number }
  | { type: 'done'; stats: EncodedStats; health: import('./health.js').ThreadHealth; gc: import('./gc-watch.js').GcPauses }
  | { type: 'failed'; message: string }
  | { type: 'flow-error'; message: string };

export interface EncodedStats {
  sendLagUs: string;
  queuedOps: number;
  maxQueueDepth: number;
  droppedOps: number;
  completedOps: number;
  abandonedOps: number;
}

const FLUSH_MS = 100;

async function main(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  const { scenario, index, count } = input;
  const monitor = monitorThread(`load worker ${index + 1}/${count}`);
  const gc = watchGc();
  const workload = createWorkload(scenario, { stream: `worker:${index}/${count}`, ...(input.shard ? { shard: input.shard } : {}) });
  // this worker's view of the run's state: the recording thread says when to stop
  const control = new RunControl();
  // the driver is built (and the SDK client with it) before the clock starts
  const driver = createDriver(input.driverKind, { ...input.driverOptions, concurrency: laneConcurrency(scenario, index, count) });
  const batcher = new SampleBatcher(new Map(workload.operationNames.map((n, i) => [n, i])));
  // GC pauses ride with the sample batches (a few a second): the recording thread files them per interval
  let gcPauses: number[] = [];
  let stopGcPauses: (() => void) | undefined;
  const flush = () => {
    if (batcher.size === 0 && gcPauses.length === 0) return;
    const batch = batcher.take();
    const m: WorkerMessage = { type: 'samples', batch };
    if (gcPauses.length > 0) {
      m.gcPauses = gcPauses;
      gcPauses = [];
    }
    post(m, [batch.numbers.buffer as ArrayBuffer]);
  };
  const timer = setInterval(flush, FLUSH_MS);
  // set up everything slow (modules, SDK client) before the clock starts: the recording thread
  // sends the run clock's origin once every worker is ready, so no arrival is late from birth
  const origin = new Promise<bigint>((resolve) => {
    port.on('message', (m: { type: string; originNs?: string }) => {
      if (m.type === 'stop') control.stop('interrupted', 'stopped by the recording thread');
      if (m.type === 'start') resolve(BigInt(m.originNs!));
    });
  });
  // the clock object reads the origin when it arrives: the lane is built (a script's module
  // loaded) before `ready`, and the schedule starts once the origin is known
  let originNs = 0n;
  const clock = { nowUs: () => Number((process.hrtime.bigint() - originNs) / 1000n) };
  let flowErrors = 0;
  const { stats } = await runLane({
    scenario,
    index,
    count,
    ...(input.shard ? { shard: input.shard } : {}),
    workload,
    scriptStream: `worker:${index}/${count}${input.shard ? `:shard:${input.shard.index}` : ''}`,
    onFlowError: (message) => (++flowErrors <= FLOW_ERRORS_PRINTED ? post({ type: 'flow-error', message }) : undefined),
    driver,
    clock,
    whenBuilt: async () => {
      post({ type: 'ready' });
      originNs = await origin;
      // pauses before the run clock started (module loading, driver set-up) are no interval's
      stopGcPauses = observeGcPauses(perfToRunClock(clock, (atUs, durationMs) => gcPauses.push(atUs, durationMs)));
    },
    drainMs: input.drainMs,
    control,
    onSample: (s) => batcher.add(s),
    // one worker reports phase starts for all: they share the run clock and the plan
    onPhase: (i, nowUs) => (index === 0 ? post({ type: 'phase', index: i, nowUs }) : undefined),
    // a driver that throws stops this worker (it drains and reports) and, through the recording thread, the run
    onCrash: (e) => {
      control.stop('crashed', 'driver failed');
      post({ type: 'failed', message: `driver failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
    },
  });
  clearInterval(timer);
  stopGcPauses?.();
  flush();
  post({
    type: 'done',
    stats: { sendLagUs: encode(stats.sendLagUs), queuedOps: stats.queuedOps, maxQueueDepth: stats.maxQueueDepth, droppedOps: stats.droppedOps, completedOps: stats.completedOps, abandonedOps: stats.abandonedOps },
    health: monitor.finish(),
    gc: gc.finish(),
  });
}

main(workerData as WorkerInput).catch((error: unknown) => {
  parentPort!.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
  // nothing more will come from this worker: end the thread, or the recording thread waits for it forever
  process.exit(1);
});
