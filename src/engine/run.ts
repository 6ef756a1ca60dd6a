// The engine: the one place that knows every concrete piece and wires them in order:
// scenario -> target -> table -> seed -> load (scheduler + driver + recorder) -> summary -> files.
// Every exit path (success, gate failure, bad input, runtime error, interrupt) stops what it started.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Scenario } from '../types.js';
import type { PhaseSnapshot } from '../recorder/types.js';
import type { RunningEndpoint } from '../endpoints/running.js';
import type { Summary } from '../summary/model.js';
import { formatProblems } from '../scenario/load.js';
import { validateScenarioFile } from './validate.js';
import { parseGate } from '../gates/parse.js';
import { createWorkload } from '../workload/index.js';
import { resolveTarget } from '../endpoints/index.js';
import { createDynamoClient } from '../drivers/sdk.js';
import type { DriverKind } from '../drivers/index.js';
import { defaultDriver, driverProblem } from '../drivers/index.js';
import { prepareTable, deleteTableIfOwned } from '../table/lifecycle.js';
import { seedTable } from '../table/seed.js';
import { unsupportedOperations, withTargetLimits } from '../table/capabilities.js';
import { UsageError } from '../errors.js';
import { applyOverrides, autoWorkers, expectedRequests, plannedDurationMs } from './plan.js';
import type { PlanOverrides } from './plan.js';
import { executeLoad } from './load.js';
import type { EngineIO } from './io.js';

export type { EngineIO } from './io.js';
import { CALIBRATION, calibrateFloor } from './calibrate.js';
import { watchGc } from './gc-watch.js';
import { mergeLanes } from './lane-monitor.js';
import type { HarnessFloor } from '../summary/model.js';
import { captureLibraryOutput, type LibraryCapture, type LibraryMessage } from '../drivers/library-output.js';
import { buildSummary } from '../summary/summary.js';
import type { UnjudgedSummary } from '../summary/summary.js';
import { judgeSummary } from './judge.js';
import { writeOutputs } from '../report/outputs.js';
import { captureEnvironment } from '../summary/environment.js';
import { writeSummaryFileSync } from '../summary/file.js';
import type { Prices } from '../pricing/cost.js';
import { VERSION } from '../version.js';
import { applyBaseline, loadBaseline } from '../compare/baseline.js';
import type { BaselineOptions, LoadedBaseline } from '../compare/baseline.js';
import { shardLabel, workloadShard } from '../shard/shard.js';
import { setupDoneMessage, tableRoleProblem } from '../shard/table.js';
import { seedShare } from '../scheduler/share.js';
import { parseAbortRules } from '../abort/parse.js';
import { ruleOperationNames } from '../scenario/rule-names.js';
import type { AbortRule } from '../abort/parse.js';
import { estimateCost, formatCostEstimate } from './estimate.js';
import { planLimitProblems } from '../scenario/limits.js';
import { measureCacheAfterWarmup } from './cache-window.js';
import { isComplete } from './run-state.js';
import type { RunControl, RunState } from './run-state.js';
import { CLEANUP_AFTER_STOP_MS, settlesWithin } from './cleanup.js';
import type { LoadOutput } from './load.js';

export interface RunOptions extends PlanOverrides {
  file: string;
  target: string;
  region?: string;
  /** DAX targets: the DynamoDB endpoint for table setup and seeding */
  dynamodbEndpoint?: string;
  /** --driver; absent: defaultDriver (http, or sdk for adaptive retries) */
  driver?: DriverKind;
  /** load worker threads (default: autoWorkers) */
  workers?: number;
  gates: string[];
  /** --abort rules, added to the scenario's `abort:` list */
  abort?: string[];
  keepTable: boolean;
  reuseTable: boolean;
  yes: boolean;
  outDir?: string;
  /** --baseline: compare with this run when done (read and checked before anything starts) */
  baseline?: BaselineOptions;
  /** --junit FILE; --junit-verdict makes a verdict miss a failure there */
  junitFile?: string;
  junitVerdictFailures?: boolean;
  /** --markdown FILE, and $GITHUB_STEP_SUMMARY (the same Markdown is appended to it) */
  markdownFile?: string;
  stepSummaryFile?: string;
  /** --price-read / --price-write: on-demand prices for report.html's cost estimate */
  prices?: Prices;
  /** --setup-only: create the table and seed every item for the shards to --reuse-table, keep it, send no load */
  setupOnly?: boolean;
  /** `ddbench sweep`: replaces the phases with its steps, judges each as it ends, and has the last word on the summary */
  controller?: RunController;
  io: EngineIO;
  /** the run's stop state: signals, abort rules, crashes and a sweep's knee stop it */
  control: RunControl;
  /** --no-calibrate: skip the harness-floor calibration before a judged run */
  noCalibrate?: boolean;
  /** --strict-floor: a gate within the harness floor (inconclusive) fails the run */
  strictFloor?: boolean;
}

/** Steers a run from outside the engine (a sweep) through three hooks; see src/engine/sweep-controller.ts. */
export interface RunController {
  /** the scenario that will run (called before anything starts; throw UsageError for bad input) */
  prepare(scenario: Scenario): Scenario;
  /** the harness floor, when calibrated before the load (a sweep counts it in each step's noise) */
  onFloor?(floor: HarnessFloor): void;
  /** the load lanes the run uses, once known (before the load starts) */
  onLanes?(lanes: number): void;
  /** every GC pause of the recording thread and the load lanes during the load, on the run clock */
  onGcPause?(atUs: number, durationMs: number): void;
  /** each phase once it has ended and its operations are back; may stop the run (a planned stop) */
  onPhaseEnd(snapshot: PhaseSnapshot): void;
  /** the summary before it is judged and written: the controller adds its results (the judge reads them) */
  finish(summary: UnjudgedSummary): UnjudgedSummary;
}

/** What a run came to: facts for the exit code (cli/exit-codes.ts exitCodeFor), never the code itself. */
export interface RunResult {
  /** how the run ended (the RunControl's state when it finished) */
  state: RunState;
  /** the judge's answer (engine/judge.ts); absent when nothing was judged (--setup-only, a bad scenario) */
  pass?: boolean;
  /** the scenario file had problems (printed): nothing was run */
  invalidInput?: true;
  summary?: Summary;
  outDir?: string;
}

/** What runs, once every input has been checked: nothing has been started or sent yet. */
export interface RunPlan {
  scenario: Scenario;
  source: unknown;
  workload: ReturnType<typeof createWorkload>;
  baseline?: LoadedBaseline;
  abortRules: AbortRule[];
}

export async function runScenario(o: RunOptions): Promise<RunResult> {
  const log = (msg: string) => o.io.err(`${msg}\n`);
  const planned = await planRun(o);
  if (!planned.ok) return { state: o.control.state, invalidInput: true };
  const { scenario, source, workload, baseline, abortRules } = planned.plan;
  // from here on, what client libraries print is counted and shown once (see library-output.ts)
  const capture = captureLibraryOutput((m) => log(libraryLine(m)));
  try {
    const endpoint = await resolveTarget(o.target, { ...(o.region ? { region: o.region } : {}), ...(o.dynamodbEndpoint ? { dynamodbEndpoint: o.dynamodbEndpoint } : {}), log });
    try {
      return await runOnTarget(o, scenario, source, workload, endpoint, log, capture, baseline, abortRules);
    } finally {
      // after a stop, a stuck endpoint must not hold the exit: the exit hook (endpoints/registry.ts) signals what is left
      const bound = o.control.stopping ? CLEANUP_AFTER_STOP_MS : undefined;
      if (!(await settlesWithin(endpoint.stop(), bound))) log(`the ${endpoint.info.kind} endpoint was still stopping after ${bound} ms; it is signalled to stop as ddbench exits`);
    }
  } finally {
    capture.stop();
  }
}

function libraryLine(m: LibraryMessage): string {
  return `${m.source ?? 'a library'} printed: ${m.firstLine}  (shown once; repeats are counted in summary.json)`;
}

/**
 * Every check of the input before anything starts: the scenario file, the command-line overrides,
 * gates, abort rules, limits, the driver, the baseline. Throws UsageError (exit 2), or prints the
 * scenario's problems and returns `ok: false` (exit 2 too). Exported for the command-line fuzz test.
 */
export async function planRun(o: RunOptions): Promise<{ ok: true; plan: RunPlan } | { ok: false }> {
  const loaded = await validateScenarioFile(o.file);
  if (!loaded.ok) {
    o.io.err(`${formatProblems(loaded.problems, o.file)}\n${loaded.problems.length} problem(s) in ${o.file}; nothing was run.\n`);
    return { ok: false };
  }
  const overridden = applyOverrides(loaded.scenario, o);
  const scenario = o.controller ? o.controller.prepare(overridden) : overridden;
  const gateProblems = o.gates.flatMap((g) => {
    const parsed = parseGate(g, scenario.operations.map((op) => op.name));
    return parsed.ok ? [] : [`--gate "${g}": ${parsed.message}`];
  });
  if (gateProblems.length > 0) throw new UsageError(gateProblems.join('\n'));
  const limits = planLimitProblems(scenario);
  if (limits.length > 0) throw new UsageError(`${limits.join('\n')}\n(the plan after the command-line options; nothing was run)`);
  const abortExprs = [...(scenario.abort ?? []), ...(o.abort ?? [])];
  const abort = parseAbortRules(abortExprs, ruleOperationNames(scenario, abortExprs));
  if (abort.problems.length > 0) throw new UsageError(abort.problems.map((p) => `--abort: ${p}`).join('\n'));
  const driverIssue = driverProblem(o.driver ?? defaultDriver(scenario.retries.mode), scenario.retries.mode);
  if (driverIssue !== undefined) throw new UsageError(driverIssue);
  const tableRole = tableRoleProblem(o);
  if (tableRole !== undefined) throw new UsageError(tableRole);
  const baseline = o.baseline ? await loadBaseline(o.baseline, scenario.name) : undefined;
  const shard = workloadShard(o.shard);
  const workload = createWorkload(scenario, { seed: scenario.randomSeed, ...(shard ? { shard } : {}) });
  return { ok: true, plan: { scenario, source: loaded.source, workload, ...(baseline ? { baseline } : {}), abortRules: abort.rules } };
}

async function runOnTarget(
  o: RunOptions,
  scenario: Scenario,
  source: unknown,
  workload: ReturnType<typeof createWorkload>,
  endpoint: RunningEndpoint,
  log: (msg: string) => void,
  capture: LibraryCapture,
  baseline?: LoadedBaseline,
  abortRules: AbortRule[] = [],
): Promise<RunResult> {
  const target = endpoint.info;
  const unsupported = unsupportedOperations(scenario, target, { file: o.file });
  if (unsupported.length > 0) throw new UsageError(`${unsupported.join('\n')}\nnothing was created on ${target.endpoint}.`);
  await confirmRemote(o, scenario, target.endpoint, target.loopback);

  // DAX has no control plane: the table is set up through the DynamoDB endpoint behind it.
  const client = createDynamoClient(target.dynamodbEndpoint ?? target.endpoint, target.region);
  const driverKind: DriverKind = target.kind === 'dax' ? 'dax' : (o.driver ?? defaultDriver(scenario.retries.mode));
  if (driverKind === 'dax' && target.kind !== 'dax') throw new UsageError('--driver dax needs a DAX target: --target dax-local, dax://host:port or daxs://host');
  const runId = `${scenario.name}-${Date.now().toString(36)}`;
  const startedAt = new Date();
  const outDir = resolve(o.outDir ?? join('reports', `${scenario.name}-${stamp(startedAt)}${o.shard ? `-${shardLabel(o.shard)}` : ''}`));
  let created = false;
  let summary: UnjudgedSummary | undefined;
  // the table goes after the files are written: deleting it may hang on the target that stopped the run
  const cleanUp = async (): Promise<void> => {
    try {
      if (created && !o.keepTable && !o.setupOnly) await deleteTable(o, client, scenario.table.name, runId, target.endpoint, log);
      else if (created) log(`kept table ${scenario.table.name} (${o.setupOnly ? '--setup-only' : '--keep-table'})`);
    } finally {
      client.destroy();
    }
  };
  try {
    ({ created } = await prepareTable(client, scenario.table, { reuse: o.reuseTable, runId, log }));
    let seedStats: Summary['seed'];
    if (scenario.seed && scenario.seed.items > 0 && !o.reuseTable && !o.control.stopping) {
      const seedItems = seedShare(scenario.seed.items, workloadShard(o.shard));
      log(`seeding ${seedItems} items into ${scenario.table.name}${o.shard ? ` (shard ${o.shard.index}/${o.shard.count}'s share)` : ''}...`);
      seedStats = await seedTable(client, scenario.table.name, workload.seedItems(), seedItems, {
        keyAttributes: [scenario.table.partitionKey.name, ...(scenario.table.sortKey ? [scenario.table.sortKey.name] : [])],
        onProgress: (done: number, total: number) => {
          if (o.io.isTTY) o.io.err(`\r\x1b[2Kseeded ${done}/${total}`);
        },
      });
      if (o.io.isTTY) o.io.err('\r\x1b[2K');
      log(`seeded ${seedStats!.items} items in ${(seedStats!.durationMs / 1000).toFixed(1)}s (${seedStats!.retries} batch retries)`);
    }
    if (o.setupOnly) {
      log(setupDoneMessage(scenario.table.name, seedStats?.items ?? 0, o.target));
      return { state: o.control.state };
    }
    await mkdir(outDir, { recursive: true });
    const driverOptions = {
      endpoint: target.endpoint,
      region: target.region,
      concurrency: scenario.concurrency,
      maxAttempts: scenario.retries.maxAttempts,
      retryMode: scenario.retries.mode,
      requestTimeoutMs: scenario.requestTimeoutMs,
    };
    const workers = Math.max(1, Math.min(o.workers ?? autoWorkers(scenario, driverKind), scenario.concurrency));
    // the floor is measured before the load line: whoever waits for `load:` (a user, a test that then
    // kills the endpoint or sends a signal) sees the load itself start, not the calibration
    o.controller?.onLanes?.(workers);
    const floor = await harnessFloor(o, scenario, driverKind, workers, log);
    if (floor !== undefined) o.controller?.onFloor?.(floor);
    log(`load: ${scenario.phases.map((p) => `${p.name} ${p.durationMs / 1000}s${p.rateOpsPerSec ? ` @ ${p.rateOpsPerSec.toFixed(0)} ops/s` : ''}${p.warmup ? ' (warm-up)' : ''}`).join(', ')}; ${scenario.mode} loop, concurrency ${scenario.concurrency}, driver ${driverKind}, ${workers} worker${workers > 1 ? 's' : ''}, target ${target.kind} ${target.endpoint}`);
    const cacheWindow = measureCacheAfterWarmup(endpoint, scenario.phases);
    const gc = watchGc();
    const summarize = (load: LoadOutput, stopReason?: string): UnjudgedSummary => {
      const state = o.control.state;
      return buildSummary({
      ddbenchVersion: VERSION,
      recorded: load.recorded,
      scenario,
      scenarioFile: o.file,
      scenarioSource: source,
      target,
      driver: load.driverName,
      loadWorkers: workers,
      ...(o.shard ? { shard: o.shard } : {}),
      generator: load.health,
      harness: { ...(floor !== undefined ? { floor } : {}), gcPauses: gc.finish(), eventLoopDelayP99Ms: load.health.eventLoopDelayP99Ms, eventLoopDelayMaxMs: load.health.eventLoopDelayMaxMs, ...mergeLanes(load.lanes) },
      ...(o.strictFloor === true ? { strictFloor: true } : {}),
      startedAt: startedAt.toISOString(),
      durationMs: load.durationMs,
      complete: stopReason === undefined && isComplete(state),
      ...(stopReason !== undefined ? { stopReason } : state.kind !== 'running' ? { stopReason: state.reason } : {}),
      ...(seedStats ? { seed: seedStats } : {}),
      extraGates: o.gates,
      environment: captureEnvironment(),
      });
    };
    // a second signal quits at once: it still leaves a summary of what was recorded (cli/main.ts)
    const lastWords = (finishNow: () => LoadOutput) =>
      o.control.setLastWords(() => {
        const state = o.control.state;
        const reason = `${state.kind === 'running' ? 'quit' : state.reason}; quit at once on a second signal`;
        writeSummaryFileSync(outDir, judgeSummary(summarize(finishNow(), reason), state));
        o.io.err(`results (written on the way out): ${join(outDir, 'summary.json')}\n`);
      });
    const load = await executeLoad({ scenario: withTargetLimits(scenario, target), workload, driverKind, driverOptions, workers, io: o.io, control: o.control, hlogPath: join(outDir, 'latency.hlog'), abortRules, onRecording: lastWords, ...(o.controller ? { onPhaseEnd: (p: PhaseSnapshot) => o.controller!.onPhaseEnd(p), onGcPause: (atUs: number, ms: number) => o.controller!.onGcPause?.(atUs, ms) } : {}), ...(o.shard ? { shard: workloadShard(o.shard)! } : {}) });
    summary = summarize(load);
    await cacheWindow.settle();
    const cache = await endpoint.cacheStats?.();
    if (cache !== undefined) summary = { ...summary, cache };
    const libraryMessages = capture.messages();
    if (libraryMessages.length > 0) summary = { ...summary, libraryMessages };
  } finally {
    // no summary (a failure, --setup-only): clean up now; otherwise once the files are written
    if (summary === undefined) await cleanUp();
  }
  try {
    return await writeRunFiles(o, summary, outDir, baseline);
  } finally {
    await cleanUp();
  }
}

/** After a stop the target may be the reason: deleting the table gets a bound, and a table left behind is named. */
async function deleteTable(o: RunOptions, client: ReturnType<typeof createDynamoClient>, name: string, runId: string, endpoint: string, log: (msg: string) => void): Promise<void> {
  const bound = o.control.stopping ? CLEANUP_AFTER_STOP_MS : undefined;
  const deleting = deleteTableIfOwned(client, name, runId, true, { log }).catch((e: unknown) => {
    log(`could not delete table ${name}: ${String(e)}`);
  });
  if (!(await settlesWithin(deleting, bound))) {
    log(`table ${name} was not deleted: ${endpoint} did not answer within ${bound} ms of the stop; delete it yourself (aws dynamodb delete-table --table-name ${name} --endpoint-url ${endpoint})`);
  }
}

/** Judges the summary and writes every output; the table is still there (see cleanUp). */
async function writeRunFiles(o: RunOptions, built: UnjudgedSummary, outDir: string, baseline: LoadedBaseline | undefined): Promise<RunResult> {
  let summary = built;
  if (o.controller) summary = o.controller.finish(summary);
  if (baseline) summary = applyBaseline(summary, baseline, join(outDir, 'summary.json'));
  const state = o.control.state;
  const judged = judgeSummary(summary, state);
  await writeOutputs(judged, {
    outDir,
    prices: o.prices,
    baseline: baseline?.summary,
    junitFile: o.junitFile,
    junitVerdictFailures: o.junitVerdictFailures,
    markdownFile: o.markdownFile,
    stepSummaryFile: o.stepSummaryFile,
  }, (line) => o.io.out(`${line}\n`));
  o.control.setLastWords(undefined);
  if (state.kind !== 'running' && state.kind !== 'planned-stop') {
    o.io.out(`run stopped early (${state.reason}): the summary is partial and marked complete: false\n`);
  }
  return { state, pass: judged.pass, summary: judged, outDir };
}

async function confirmRemote(o: RunOptions, scenario: Scenario, endpoint: string, loopback: boolean): Promise<void> {
  if (loopback || o.yes) return;
  const req = expectedRequests(scenario);
  const question =
    `${endpoint} is not on this machine. This run will create table ${scenario.table.name}` +
    `${o.reuseTable ? ' (reused, not created)' : ''}, write ${req.seedBatches} seed batches and send ` +
    `${req.load === null ? 'a closed-loop number of' : `about ${req.load}`} requests over ${(plannedDurationMs(scenario) / 1000).toFixed(0)}s; ` +
    `${formatCostEstimate(estimateCost(scenario, o.prices), o.prices)}. Continue?`;
  if (!o.io.confirm) throw new UsageError(`${question}\nno terminal to ask on: pass --yes to confirm.`);
  if (!(await o.io.confirm(question))) throw new UsageError('not confirmed; nothing was sent.');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * The harness floor before a judged open-loop run (gates, a baseline or a sweep): at one lane's
 * share of the run's peak rate, with its driver, against a null endpoint. A lane that cannot keep
 * that rate has no floor but a ceiling (floor.saturated): the summary and a sweep weigh it. Costs
 * about four seconds (one of warm-up, three measured); on by default, --no-calibrate skips it. A
 * run that judges nothing skips it: there is no margin for the floor to make inconclusive.
 */
async function harnessFloor(o: RunOptions, scenario: Scenario, driverKind: DriverKind, lanes: number, log: (m: string) => void): Promise<HarnessFloor | undefined> {
  const judged = scenario.gates.length + o.gates.length > 0 || o.baseline !== undefined || o.controller !== undefined;
  if (o.noCalibrate === true || !judged || scenario.mode !== 'open' || o.control.stopping) return undefined;
  const peak = Math.max(0, ...scenario.phases.map((p) => Math.max(p.rateOpsPerSec ?? 0, p.rampToOpsPerSec ?? 0)));
  if (!(peak > 0)) return undefined;
  // one lane's share of the peak: each lane (thread) sends its share, and the floor is a lane's
  const floor = await calibrateFloor({ driver: driverKind, rateOpsPerSec: peak / lanes, concurrency: Math.max(1, Math.ceil(scenario.concurrency / lanes)), ...CALIBRATION });
  const ms = (us: number) => (us / 1000).toFixed(2);
  const at = `${floor.driver} at ${floor.rateOpsPerSec.toFixed(0)} ops/s${lanes > 1 ? ' per lane' : ''} against a null endpoint`;
  if (floor.saturated === true) {
    log(
      `harness floor (${at}): one lane answered only ${floor.achievedOpsPerSec ?? 0} ops/s: ddbench cannot drive ${floor.rateOpsPerSec.toFixed(0)} ops/s per lane with --driver ${floor.driver}, ` +
        `so latencies measured above about ${((floor.achievedOpsPerSec ?? 0) * lanes).toFixed(0)} ops/s are its own; add --workers or use --driver http`,
    );
    return floor;
  }
  log(`harness floor (${at}): p50 ${ms(floor.latencyUs.p50)} ms, p99 ${ms(floor.latencyUs.p99)} ms, p99.9 ${ms(floor.latencyUs.p999)} ms; gates closer than its p99 to their limit are inconclusive `);
  return floor;
}
