// The load phase: wires the lanes (src/engine/lane.ts) to the recorder and its .hlog, and
// watches the run through the interval ticker (progress line, abort rules) and the generator's
// own health. With --workers N > 1 the lanes run in N worker threads (src/engine/worker-pool.ts),
// each with 1/N of the rate, and this thread only records (every sample, into one recorder).
import { FLOW_OP_PREFIX } from '../types.js';
import type { Scenario } from '../types.js';
import type { PhaseSnapshot, RecordedRun } from '../recorder/types.js';
import type { GeneratorHealth } from '../summary/model.js';
import type { Workload } from '../workload/index.js';
import type { DriverKind, DriverOptions } from '../drivers/index.js';
import { createDriver } from '../drivers/index.js';
import { Recorder } from '../recorder/recorder.js';
import { warmUpIntervals } from '../recorder/warm-up.js';
import { openHlogFile } from '../report/hlog.js';
import { monotonicClock } from '../scheduler/clock.js';
import type { Clock } from '../scheduler/clock.js';
import { newLoadStats } from '../scheduler/load.js';
import { planPhases, plannedArrivals } from '../scheduler/arrivals.js';
import { sharePhases } from '../scheduler/share.js';
import { monitorThread, assessHealth } from './health.js';
import { watchGc } from './gc-watch.js';
import { laneView } from './lane-monitor.js';
import type { HarnessLane } from '../summary/model.js';
import { createProgress } from './progress.js';
import { plannedDurationMs } from './plan.js';
import type { Shard } from '../workload/index.js';
import type { EngineIO } from './io.js';
import type { RunControl } from './run-state.js';
import { AbortWatch } from '../abort/evaluate.js';
import type { AbortRule } from '../abort/parse.js';
import { requestCrashStop } from './guard.js';
import { laneConcurrency, runLane } from './lane.js';
import { startWorkerPool } from './worker-pool.js';
import type { PoolResult } from './worker-pool.js';
import { startTicker } from './ticker.js';
import { watchSelfUsage } from './self-usage.js';
import { flowErrorPrinter } from './script-lane.js';

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
  /** every GC pause of the recording thread and the load workers, on the run clock (a sweep weighs them per step) */
  onGcPause?: (atUs: number, durationMs: number) => void;
  /** each phase's data once it has ended and its operations are back (a sweep judges its steps here) */
  onPhaseEnd?: (snapshot: PhaseSnapshot) => void;
  /** abort rules, checked on every interval as it closes; the first to fire stops the run */
  abortRules?: AbortRule[];
  /**
   * Called once the recorder runs, with a synchronous way to end it now: what a process that must
   * quit at once (a second signal) still writes. Its generator statistics are not collected.
   */
  onRecording?: (finishNow: () => LoadOutput) => void;
}

export interface LoadOutput {
  recorded: RecordedRun;
  health: GeneratorHealth;
  /** every load lane's view of itself (event-loop delay, GC pauses), measured inside its thread */
  lanes: HarnessLane[];
  durationMs: number;
  driverName: string;
}

/** Queued operations may still be sent this long after the last phase ends; the rest count as dropped. */
const DRAIN_MS = 10_000;
/** With workers, samples arrive up to a flush late: close intervals this far behind now. */
const WORKER_CLOSE_LAG_US = 500_000;

export async function executeLoad(input: LoadInput): Promise<LoadOutput> {
  const { scenario, io, control } = input;
  const crash = (what: string) => requestCrashStop(control, io.err, what);
  // ddbench's own CPU and GC pauses per interval (workers report their pauses with their samples)
  const usage = watchSelfUsage(input.onGcPause);
  // workers load their modules and build their drivers first; the run clock starts when all are ready
  const pool =
    input.workers > 1
      ? await startWorkerPool({
          scenario,
          operationNames: input.workload.operationNames,
          driverKind: input.driverKind,
          driverOptions: input.driverOptions,
          workers: input.workers,
          drainMs: DRAIN_MS,
          ...(input.shard ? { shard: input.shard } : {}),
          control,
          onFailure: crash,
          onFlowError: flowErrorPrinter(io.err),
          onGcPause: usage.addPause,
        })
      : null;
  // the recorder's interval path, optimised before the clock starts (src/recorder/warm-up.ts)
  warmUpIntervals(input.workload.operationNames[0] ?? 'warm-up');
  const hlog = openHlogFile(input.hlogPath);
  const originNs = process.hrtime.bigint();
  const clock = monotonicClock(originNs);
  usage.start(clock);
  const recorder = new Recorder({
    operations: [...input.workload.operationNames, ...(scenario.script?.flows.map((f) => `${FLOW_OP_PREFIX}${f.name}`) ?? [])],
    phases: scenario.phases,
    mode: scenario.mode,
    startEpochMs: Date.now(),
    hlogSink: (line: string) => hlog.write(line),
    selfUsage: usage.usage,
    ...(input.onPhaseEnd ? { onPhaseEnd: input.onPhaseEnd, ...(scenario.mode === 'open' ? { plannedPhaseCounts: plannedPerPhase(scenario, input.workers) } : {}) } : {}),
  });
  const monitor = monitorThread(pool ? 'recording thread' : 'load generator');
  // with one lane in this thread, this thread's GC pauses are the lane's
  const gc = pool ? undefined : watchGc();
  const progress = createProgress({ phases: scenario.phases, totalMs: plannedDurationMs(scenario), tty: io.isTTY, write: io.err });
  const ticker = startTicker(usage.around(recorder), clock, pool ? WORKER_CLOSE_LAG_US : 0);
  ticker.on('intervals', (closed, nowUs) => progress.onIntervals(closed, nowUs / 1000, monitor.lagMs()));
  if (input.abortRules && input.abortRules.length > 0) {
    const abort = new AbortWatch(input.abortRules);
    ticker.on('intervals', (closed) => {
      const hit = abort.observe(closed);
      if (hit && control.stop('aborted', hit.reason, { targetFault: hit.targetFault })) {
        progress.clear();
        io.err(`\n${hit.reason}: stopping; writing what was measured\n`);
        if (hit.hint !== undefined) io.err(`ddbench: ${hit.hint}\n`);
      }
    });
  }
  input.onRecording?.(() => {
    const nowUs = clock.nowUs();
    usage.readNow();
    const health = assessHealth([monitor.finish()], newLoadStats(), 0);
    const warning = 'the run quit at once (a second signal): the load threads\' statistics (queued, dropped, abandoned operations) were not collected';
    return { recorded: recorder.finish(nowUs), health: { ...health, warnings: [...health.warnings, warning] }, lanes: [], durationMs: Math.round(nowUs / 1000), driverName: input.driverKind };
  });
  let result: PoolResult;
  try {
    result = pool ? await pool.run(recorder, originNs) : await loadHere(input, recorder, clock);
  } catch (error) {
    // the scheduler or the workload threw: keep what was recorded, the engine writes it as incomplete
    crash(`load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    result = { stats: newLoadStats(), threads: [], lanes: [], driverName: input.driverKind };
  } finally {
    ticker.stop();
    progress.clear();
  }
  const endUs = clock.nowUs();
  usage.readNow();
  const recorded = recorder.finish(endUs);
  usage.stop();
  await hlog.close();
  const own = monitor.finish();
  const lanes = gc !== undefined ? [laneView(own, gc.finish())] : result.lanes;
  const health = assessHealth([own, ...result.threads], result.stats, result.stats.completedOps);
  return { recorded, health, lanes, durationMs: Math.round(endUs / 1000), driverName: result.driverName };
}

/** Operations each phase's open-loop schedule sends, summed over the workers' shares (each plans its own). */
export function plannedPerPhase(scenario: Scenario, workers: number): number[] {
  const totals = scenario.phases.map(() => 0);
  for (let k = 0; k < workers; k++) {
    planPhases(workers > 1 ? sharePhases(scenario.phases, k, workers) : scenario.phases).forEach((p, i) => (totals[i]! += plannedArrivals(p)));
  }
  return totals;
}

/** --workers 1: one lane in this thread, recording straight into the recorder. */
async function loadHere(input: LoadInput, recorder: Recorder, clock: Clock): Promise<PoolResult> {
  const { scenario, workload, control } = input;
  const { stats, driverName } = await runLane({
    scenario,
    index: 0,
    count: 1,
    ...(input.shard ? { shard: input.shard } : {}),
    workload,
    ...(input.shard ? { scriptStream: `shard:${input.shard.index}` } : {}),
    onFlowError: flowErrorPrinter(input.io.err),
    driver: createDriver(input.driverKind, { ...input.driverOptions, concurrency: laneConcurrency(scenario, 0, 1) }),
    clock,
    drainMs: DRAIN_MS,
    control,
    onSample: (s) => recorder.record(s),
    onPhase: (index, nowUs) => recorder.startPhase(index, nowUs),
    onCrash: (e) => requestCrashStop(control, input.io.err, `driver failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  });
  return { stats, threads: [], lanes: [], driverName };
}
