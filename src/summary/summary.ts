// buildSummary: the recorded run plus run facts -> the Summary model (summary.json) every
// report is made from. Pure apart from reading the histograms it is given.
//
// - "Measured" means the non-warm-up phases: operations, total, verdict and gates use only those;
//   phases[] lists every phase, warm-up included and flagged.
// - Rates are completions inside the phases' windows over the windows' measured durations
//   (recorder/completion-windows.ts); operations completed in the drain after the last window
//   count in the latency and as `drainCount`, never in a rate.
// - The gates are evaluated here; whether the run passed is the judge's call (engine/judge.ts),
//   made once every fact is in. The verdict is informational.
import type { Scenario, TargetInfo } from '../types.js';
import type { RecordedRun } from '../recorder/types.js';
import type { FlowSummary, GeneratorHealth, Harness, OperationSummary, PhaseSummary, ShardInfo, Summary } from './model.js';
import { isFlowOp } from '../types.js';
import { evaluateGates } from '../gates/evaluate.js';
import { flagGeneratorBound } from './generator-bound.js';
import { startUpNote } from './start-up.js';
import { ceilingWarning } from './ceiling.js';
import { markInconclusive } from '../gates/floor.js';
import { encode, percentiles } from '../recorder/histogram.js';
import { addMeasured, errorCount, newMeasured, operationSummary } from './operation.js';
import { opsTotal } from '../recorder/completion-windows.js';
import type { Measured } from './operation.js';
import { buildVerdict } from './verdict.js';

/** What the engine hands to buildSummary: the recorded run and the facts around it. */
export interface SummaryInput {
  recorded: RecordedRun;
  scenario: Scenario;
  /** path of the scenario file, as given */
  scenarioFile?: string;
  /** the scenario as parsed from the file, before normalisation */
  scenarioSource: unknown;
  target: TargetInfo;
  driver: string;
  loadWorkers?: number;
  shard?: ShardInfo;
  generator: GeneratorHealth;
  /** ddbench's own contribution (engine/calibrate.ts); its floor makes close gates inconclusive */
  harness?: Harness;
  /** --strict-floor: an inconclusive gate fails the run (gates/floor.ts says why it does not by default) */
  strictFloor?: boolean;
  /** ISO-8601 time at load start */
  startedAt: string;
  durationMs: number;
  complete: boolean;
  stopReason?: string;
  seed?: { items: number; durationMs: number; retries: number };
  /** gates from the command line (--gate), evaluated after the scenario's own */
  extraGates: string[];
  ddbenchVersion: string;
  environment: Summary['environment'];
}

/** A summary before the judge has spoken (engine/judge.ts judgeSummary adds `pass`): every fact, no verdict on the run. */
export type UnjudgedSummary = Omit<Summary, 'pass'>;

export function buildSummary(input: SummaryInput): UnjudgedSummary {
  const { recorded: run, scenario } = input;
  const names = operationNames(scenario, run);
  const measuredPhases = run.phases.filter((_, i) => scenario.phases[i]?.warmup !== true);
  const measuredSec = measuredPhases.reduce((sum, p) => sum + p.actualDurationMs, 0) / 1000;

  const operations: Record<string, OperationSummary> = {};
  const total = newMeasured();
  for (const name of names) {
    const m = newMeasured();
    for (const p of measuredPhases) addMeasured(m, p.latency[name], p.service[name], p.counts[name]);
    operations[name] = operationSummary(m, measuredSec, sumOf(measuredPhases, 'windowCounts', name), sumOf(measuredPhases, 'drainCounts', name));
    // a flow (`flow:<name>`) is its steps end to end: the total counts the steps once
    if (!isFlowOp(name)) addMeasured(total, m.latency, m.service, m.counters);
  }
  const totalWindow = measuredPhases.reduce((n, p) => n + opsTotal(p.windowCounts), 0);
  const totalDrain = measuredPhases.reduce((n, p) => n + opsTotal(p.drainCounts), 0);

  const base: Omit<Summary, 'gates' | 'pass'> = {
    ddbenchVersion: input.ddbenchVersion,
    complete: input.complete,
    ...(input.stopReason !== undefined ? { stopReason: input.stopReason } : {}),
    scenario: {
      name: scenario.name,
      ...(scenario.description !== undefined ? { description: scenario.description } : {}),
      ...(input.scenarioFile !== undefined ? { file: input.scenarioFile } : {}),
      source: input.scenarioSource,
    },
    target: { kind: input.target.kind, endpoint: input.target.endpoint, region: input.target.region },
    driver: input.driver,
    mode: scenario.mode,
    concurrency: scenario.concurrency,
    ...(input.loadWorkers !== undefined ? { loadWorkers: input.loadWorkers } : {}),
    ...(input.shard !== undefined ? { shard: input.shard } : {}),
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    phases: phaseSummaries(run, scenario, names),
    operations,
    total: operationSummary(total, measuredSec, totalWindow, totalDrain),
    intervals: run.intervals,
    generator: input.generator,
    ...(input.harness !== undefined ? { harness: { ...input.harness, ...(input.strictFloor === true ? { strictFloor: true } : {}) } } : {}),
    ...(scenario.script !== undefined ? { flows: flowSummaries(measuredPhases, operations) } : {}),
    verdict: buildVerdict(Object.fromEntries(Object.entries(operations).filter(([name]) => !isFlowOp(name)))),
    environment: input.environment,
  };
  // a gate within the harness floor is marked inconclusive; the judge (engine/judge.ts) weighs it
  // a floor whose lane could not keep the rate is a ceiling, not a floor: it marks nothing inconclusive
  const calibrated = input.harness?.floor;
  const floor = calibrated?.saturated === true ? undefined : calibrated;
  const gates = markInconclusive(evaluateGates([...scenario.gates, ...input.extraGates], base), floor);
  const ceiling = calibrated?.saturated === true ? ceilingWarning(calibrated, base.phases, input.loadWorkers ?? 1) : undefined;
  const judged = { verdict: base.verdict, countOf: (op: string) => base.operations[op]?.count ?? 0 };
  const bound = flagGeneratorBound(input.generator, gates, floor?.latencyUs.p99, judged, input.harness?.laneEventLoopDelayP99Ms);
  const generator = ceiling === undefined ? bound : { ...bound, saturated: true, warnings: [...bound.warnings, ceiling] };
  const startUp = startUpNote(run.intervals, (i) => scenario.phases[i]?.warmup !== true);
  return { ...base, generator: startUp === undefined ? generator : { ...generator, warnings: [...generator.warnings, startUp] }, gates };
}

function sumOf(phases: RecordedRun['phases'], field: 'windowCounts' | 'drainCounts', op: string): number {
  return phases.reduce((n, p) => n + (p[field][op] ?? 0), 0);
}

/** Each flow's steps and think time over the measured phases; count as its operation's. */
function flowSummaries(phases: RecordedRun['phases'], operations: Record<string, OperationSummary>): Record<string, FlowSummary> {
  const flows: Record<string, FlowSummary> = {};
  for (const name of Object.keys(operations).filter(isFlowOp)) flows[name] = { count: operations[name]!.count, thinkTimeUs: 0, steps: {} };
  for (const p of phases) {
    for (const [name, f] of Object.entries(p.flows ?? {})) {
      const into = (flows[name] ??= { count: operations[name]?.count ?? 0, thinkTimeUs: 0, steps: {} });
      into.thinkTimeUs += f.thinkUs;
      for (const [step, n] of Object.entries(f.steps)) into.steps[step] = (into.steps[step] ?? 0) + n;
    }
  }
  return flows;
}

/** The scenario's operations in file order, then any the run saw that the scenario does not name. */
function operationNames(scenario: Scenario, run: RecordedRun): string[] {
  const names = scenario.operations.map((o) => o.name);
  const known = new Set(names);
  const extra = new Set<string>();
  for (const p of run.phases) for (const name of Object.keys(p.counts)) if (!known.has(name)) extra.add(name);
  return [...names, ...[...extra].sort()];
}

function phaseSummaries(run: RecordedRun, scenario: Scenario, names: string[]): PhaseSummary[] {
  return scenario.phases.map((spec, i) => {
    const p = run.phases[i];
    const durationMs = p?.actualDurationMs ?? 0;
    const all = newMeasured();
    const operations: PhaseSummary['operations'] = {};
    for (const name of names) {
      const m: Measured = newMeasured();
      if (p !== undefined) addMeasured(m, p.latency[name], p.service[name], p.counts[name]);
      operations[name] = {
        count: m.counters.count,
        errors: errorCount(m.counters.outcomes),
        latencyUs: percentiles(m.latency),
        serviceTimeUs: percentiles(m.service),
        // per phase too, so `ddbench merge` can rebuild every phase's percentiles exactly
        latencyHistogram: encode(m.latency),
        serviceTimeHistogram: encode(m.service),
      };
      if (!isFlowOp(name)) addMeasured(all, m.latency, m.service, m.counters);
    }
    const summary: PhaseSummary = {
      name: spec.name,
      warmup: spec.warmup,
      durationMs,
      achievedRateOpsPerSec: durationMs > 0 && p !== undefined ? opsTotal(p.windowCounts) / (durationMs / 1000) : 0,
      ...(p !== undefined && opsTotal(p.drainCounts) > 0 ? { drainCount: opsTotal(p.drainCounts) } : {}),
      count: all.counters.count,
      errors: errorCount(all.counters.outcomes),
      latencyUs: percentiles(all.latency),
      serviceTimeUs: percentiles(all.service),
      operations,
    };
    if (scenario.mode === 'open') {
      if (spec.rateOpsPerSec !== undefined) summary.targetRateOpsPerSec = spec.rateOpsPerSec;
      if (spec.rampToOpsPerSec !== undefined) summary.rampToOpsPerSec = spec.rampToOpsPerSec;
    } else {
      summary.workers = spec.workers ?? scenario.concurrency;
    }
    return summary;
  });
}
