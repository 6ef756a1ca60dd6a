// The load phase: connects the workload, the scheduler, the driver and the recorder,
// runs the live progress line, and watches the generator's own health.
import type { Driver, GeneratorHealth, RecordedRun, Scenario } from '../types.js';
import type { Workload } from '../workload/index.js';
import { Recorder } from '../recorder/recorder.js';
import { openHlogFile } from '../report/hlog.js';
import { monotonicClock } from '../scheduler/clock.js';
import { planPhases } from '../scheduler/arrivals.js';
import { runOpenLoop } from '../scheduler/open-loop.js';
import { runClosedLoop } from '../scheduler/closed-loop.js';
import type { LoadStats } from '../scheduler/load.js';
import { startHealthMonitor } from './health.js';
import { createProgress } from './progress.js';
import { plannedDurationMs } from './plan.js';
import type { EngineIO, StopSignal } from './run.js';

export interface LoadInput {
  scenario: Scenario;
  workload: Workload;
  driver: Driver;
  io: EngineIO;
  stop: StopSignal;
  hlogPath: string;
  startedAt: Date;
}

export interface LoadOutput {
  recorded: RecordedRun;
  health: GeneratorHealth;
  durationMs: number;
}

/** Queued operations may still be sent this long after the last phase ends; the rest count as dropped. */
const DRAIN_MS = 10_000;

export async function executeLoad(input: LoadInput): Promise<LoadOutput> {
  const { scenario, workload, driver, io, stop } = input;
  const hlog = openHlogFile(input.hlogPath);
  const clock = monotonicClock();
  const recorder = new Recorder({
    operations: workload.operationNames,
    phases: scenario.phases,
    mode: scenario.mode,
    startEpochMs: Date.now(),
    hlogSink: (line: string) => hlog.write(line),
  });
  const health = startHealthMonitor();
  const progress = createProgress({ phases: scenario.phases, totalMs: plannedDurationMs(scenario), tty: io.isTTY, write: io.err });
  const ticker = setInterval(() => {
    const nowUs = clock.nowUs();
    progress.onIntervals(recorder.closeIntervals(nowUs), nowUs / 1000, health.sampleLagMs());
  }, 250);
  const hooks = {
    next: () => workload.next(),
    execute: (request: Parameters<Driver['execute']>[0]) => driver.execute(request),
    onSample: (sample: Parameters<Recorder['record']>[0]) => recorder.record(sample),
  };
  const shouldStop = () => stop.requested;
  const onPhase = (index: number, nowUs: number) => recorder.startPhase(index, nowUs);
  let stats: LoadStats;
  try {
    stats =
      scenario.mode === 'open'
        ? await runOpenLoop({ phases: planPhases(scenario.phases), concurrency: scenario.concurrency, clock, drainMs: DRAIN_MS, shouldStop, onPhase }, hooks)
        : await runClosedLoop({ phases: scenario.phases, defaultWorkers: scenario.concurrency, clock, shouldStop, onPhase }, hooks);
  } finally {
    clearInterval(ticker);
    progress.clear();
  }
  const endUs = clock.nowUs();
  const recorded = recorder.finish(endUs);
  await hlog.close();
  const totalOps = stats.completedOps;
  return { recorded, health: health.stop(stats, totalOps, endUs / 1000), durationMs: Math.round(endUs / 1000) };
}
