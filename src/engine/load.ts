// The load phase: connects the workload, the scheduler, the driver and the recorder, runs
// the live progress line, and watches the generator's own health. With --workers N > 1 the
// schedulers and drivers run in N worker threads, each with 1/N of the rate, and this thread
// only records (every sample, into one recorder: merging is exact by construction).
import { Worker } from 'node:worker_threads';
import { FLOW_OP_PREFIX } from '../types.js';
import type { Driver, PhaseSnapshot, RecordedRun, Sample, Scenario } from '../types.js';
import type { GeneratorHealth } from '../summary/model.js';
import type { Workload } from '../workload/index.js';
import type { DriverKind, DriverOptions } from '../drivers/index.js';
import { createDriver } from '../drivers/index.js';
import { Recorder } from '../recorder/recorder.js';
import { decode, mergeInto } from '../recorder/histogram.js';
import { openHlogFile } from '../report/hlog.js';
import { monotonicClock } from '../scheduler/clock.js';
import type { Clock } from '../scheduler/clock.js';
import { runOpenLoop } from '../scheduler/open-loop.js';
import { runClosedLoop } from '../scheduler/closed-loop.js';
import { newLoadStats } from '../scheduler/load.js';
import { planPhases, plannedArrivals } from '../scheduler/arrivals.js';
import { sharePhases } from '../scheduler/share.js';
import type { LoadHooks, LoadStats } from '../scheduler/load.js';
import { flowErrorPrinter, scriptLane } from './script-lane.js';
import { monitorThread, assessHealth } from './health.js';
import type { ThreadHealth } from './health.js';
import { createProgress } from './progress.js';
import { plannedDurationMs } from './plan.js';
import { unpackSamples } from './sample-codec.js';
import type { WorkerInput, WorkerMessage } from './load-worker.js';
import type { Shard } from '../workload/index.js';
import { plannedLane } from '../shard/shard.js';
import type { EngineIO } from './run.js';
import type { RunControl } from './run-state.js';
import { AbortWatch } from '../abort/evaluate.js';
import type { AbortRule } from '../abort/parse.js';
import { CRASHED, guardDriver, requestCrashStop } from './guard.js';

export interface LoadInput {
  scenario: Scenario;
  workload: Workload;
  driverKind: DriverKind;
  driverOptions: DriverOptions;
  /** load worker threads; 1 runs everything in this thread */
  workers: number;
  io: EngineIO;
  control: RunControl;
  hlogPath: string;
  /** --shard: the workload shard (0-based); the workers draw its keys and interleave with the other shards */
  shard?: Shard;
  /** each phase's data once it has ended and its operations are back (a sweep judges its steps here) */
  onPhaseEnd?: (snapshot: PhaseSnapshot) => void;
  /** abort rules, checked on every interval as it closes; the first to fire stops the run */
  abortRules?: AbortRule[];
}

export interface LoadOutput {
  recorded: RecordedRun;
  health: GeneratorHealth;
  durationMs: number;
  driverName: string;
}

/** Queued operations may still be sent this long after the last phase ends; the rest count as dropped. */
const DRAIN_MS = 10_000;
/** With workers, samples arrive up to a flush late: close intervals this far behind now. */
const WORKER_CLOSE_LAG_US = 500_000;

export async function executeLoad(input: LoadInput): Promise<LoadOutput> {
  const { scenario, io } = input;
  // workers load their modules and build their drivers first; the run clock starts when all are ready
  const pool = input.workers > 1 ? await startWorkers(input) : null;
  const hlog = openHlogFile(input.hlogPath);
  const originNs = process.hrtime.bigint();
  const clock = monotonicClock(originNs);
  const recorder = new Recorder({
    operations: [...input.workload.operationNames, ...(scenario.script?.flows.map((f) => `${FLOW_OP_PREFIX}${f.name}`) ?? [])],
    phases: scenario.phases,
    mode: scenario.mode,
    startEpochMs: Date.now(),
    hlogSink: (line: string) => hlog.write(line),
    ...(input.onPhaseEnd ? { onPhaseEnd: input.onPhaseEnd, ...(scenario.mode === 'open' ? { plannedPhaseCounts: plannedPerPhase(scenario, input.workers) } : {}) } : {}),
  });
  const monitor = monitorThread(pool ? 'recording thread' : 'load generator');
  const progress = createProgress({ phases: scenario.phases, totalMs: plannedDurationMs(scenario), tty: io.isTTY, write: io.err });
  const closeLagUs = pool ? WORKER_CLOSE_LAG_US : 0;
  const abort = input.abortRules && input.abortRules.length > 0 ? new AbortWatch(input.abortRules) : undefined;
  const ticker = setInterval(() => {
    const nowUs = clock.nowUs();
    const closed = recorder.closeIntervals(nowUs - closeLagUs);
    progress.onIntervals(closed, nowUs / 1000, monitor.lagMs());
    const hit = abort?.observe(closed);
    if (hit && input.control.stop('aborted', hit.reason)) {
      progress.clear();
      io.err(`\n${hit.reason}: stopping; writing what was measured\n`);
    }
  }, 250);
  let result: { stats: LoadStats; threads: ThreadHealth[]; driverName: string };
  try {
    result = pool ? await pool.run(recorder, originNs) : await loadHere(input, recorder, clock);
  } catch (error) {
    // the scheduler or the workload threw: keep what was recorded, the engine writes it as incomplete
    requestCrashStop(input.control, io.err, `load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    result = { stats: newLoadStats(), threads: [], driverName: input.driverKind };
  } finally {
    clearInterval(ticker);
    progress.clear();
  }
  const endUs = clock.nowUs();
  const recorded = recorder.finish(endUs);
  await hlog.close();
  const health = assessHealth([monitor.finish(), ...result.threads], result.stats, result.stats.completedOps);
  return { recorded, health, durationMs: Math.round(endUs / 1000), driverName: result.driverName };
}

/** Operations each phase's open-loop schedule sends, summed over the workers' shares (each plans its own). */
export function plannedPerPhase(scenario: Scenario, workers: number): number[] {
  const totals = scenario.phases.map(() => 0);
  for (let k = 0; k < workers; k++) {
    planPhases(workers > 1 ? sharePhases(scenario.phases, k, workers) : scenario.phases).forEach((p, i) => (totals[i]! += plannedArrivals(p)));
  }
  return totals;
}

async function loadHere(input: LoadInput, recorder: Recorder, clock: Clock) {
  const { scenario, workload, control } = input;
  const driver: Driver = guardDriver(createDriver(input.driverKind, input.driverOptions), (e) =>
    requestCrashStop(control, input.io.err, `driver failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  );
  const onSample = (s: Sample) => (s.result === CRASHED ? undefined : recorder.record(s));
  const lane = scenario.script ? await scriptLane(scenario, { workload, driver, clock, onSample, onFlowError: flowErrorPrinter(input.io.err), ...(input.shard ? { stream: `shard:${input.shard.index}` } : {}) }) : undefined;
  const hooks = lane?.hooks ?? { next: () => workload.next(), execute: driver.execute.bind(driver), onSample };
  const shouldStop = () => control.stopping;
  const onPhase = (index: number, nowUs: number) => {
    lane?.onPhase(index);
    recorder.startPhase(index, nowUs);
  };
  try {
    const stats =
      scenario.mode === 'open'
        ? await runOpenLoop<{ op: string }>({ phases: plannedLane(scenario.phases, input.shard, 0, 1), concurrency: scenario.concurrency, clock, drainMs: DRAIN_MS, shouldStop, onPhase }, hooks as LoadHooks<{ op: string }>)
        : await runClosedLoop<{ op: string }>({ phases: scenario.phases, defaultWorkers: scenario.concurrency, clock, shouldStop, onPhase }, hooks as LoadHooks<{ op: string }>);
    return { stats, threads: [], driverName: driver.name };
  } finally {
    await driver.close();
  }
}

interface WorkerPool {
  run(recorder: Recorder, originNs: bigint): Promise<{ stats: LoadStats; threads: ThreadHealth[]; driverName: string }>;
}

async function startWorkers(input: LoadInput): Promise<WorkerPool> {
  const { scenario, control } = input;
  const opNames = input.workload.operationNames;
  const stats = newLoadStats();
  const threads: ThreadHealth[] = [];
  // a failed worker stops the others (they drain and report), and the run is written as incomplete
  const fail = (what: string) => requestCrashStop(control, input.io.err, what);
  const printFlowError = flowErrorPrinter(input.io.err);
  let recorder: Recorder | null = null;
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  const exited: Promise<void>[] = [];
  for (let index = 0; index < input.workers; index++) {
    const data: WorkerInput = { scenario, driverKind: input.driverKind, driverOptions: input.driverOptions, index, count: input.workers, drainMs: DRAIN_MS, ...(input.shard ? { shard: input.shard } : {}) };
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: data });
    // each worker's own names: a script's steps get their indexes in the order that worker meets them
    const workerOpNames = [...opNames];
    workers.push(worker);
    let markReady: () => void = () => undefined;
    ready.push(new Promise<void>((resolve) => (markReady = resolve)));
    exited.push(
      new Promise<void>((resolve) => {
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'samples') unpackSamples(m.batch, workerOpNames, (s) => recorder?.record(s));
          else if (m.type === 'ready') markReady();
          else if (m.type === 'flow-error') printFlowError(m.message);
          else if (m.type === 'phase') recorder?.startPhase(m.index, m.nowUs);
          else if (m.type === 'done') {
            mergeInto(stats.sendLagUs, decode(m.stats.sendLagUs));
            stats.queuedOps += m.stats.queuedOps;
            stats.maxQueueDepth += m.stats.maxQueueDepth;
            stats.droppedOps += m.stats.droppedOps;
            stats.completedOps += m.stats.completedOps;
            threads.push(m.health);
            void worker.terminate();
          } else fail(`load worker ${index + 1}: ${m.message}`);
        });
        worker.on('error', (e) => fail(`load worker ${index + 1}: ${e.stack ?? e.message}`));
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
      const stopWatch = setInterval(() => {
        if (control.stopping) for (const w of workers) w.postMessage({ type: 'stop' });
      }, 100);
      try {
        await Promise.all(exited);
      } finally {
        clearInterval(stopWatch);
      }
      return { stats, threads, driverName: input.driverKind };
    },
  };
}
