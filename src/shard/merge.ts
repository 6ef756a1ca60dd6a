// `ddbench merge`: the shards of one run (each a summary.json and its .hlog) into one summary,
// exactly: per-operation and per-phase histograms are added from their encodings, counters and
// rates summed, intervals merged by absolute time from the logs, and gates and verdict judged
// again on the merged numbers (a shard's own gates saw only its share of the load). Pure.
//
// Refused (UsageError, exit 2): outputs of different scenarios, a summary that is not a shard's,
// shards that disagree on the shard count, the same shard twice, different phases or modes.
// Missing shards are a warning: the merge is exact for the shards it has, and marked incomplete.
import type { MergeInfo, Summary } from '../summary/model.js';
import { UsageError } from '../errors.js';
import { isFlowOp } from '../types.js';
import { evaluateGates } from '../gates/evaluate.js';
import { markInconclusive } from '../gates/floor.js';
import { mergeHarness } from './merge-harness.js';
import { buildVerdict } from '../summary/verdict.js';
import type { HlogContent } from './hlog-read.js';
import { mergeFlows, mergeGenerator, mergeOperationMaps, mergeOperationSummaries, mergePhases, mergeSeed } from './merge-ops.js';
import { mergeTimelines } from './merge-intervals.js';
import type { UnjudgedSummary } from '../summary/summary.js';

export interface ShardOutput {
  /** where it was read from, for messages */
  label: string;
  summary: Summary;
  hlog: HlogContent;
}

export interface MergeOptions {
  /** gates to judge besides the shards' own (their scenario's and --gate) */
  extraGates?: string[];
}

export interface MergeResult {
  /** gates evaluated on the merged numbers; `ddbench merge` has the judge decide `pass` */
  summary: UnjudgedSummary;
  /** the merged latency.hlog, line by line */
  hlogLines: string[];
  warnings: string[];
}

/** Throws UsageError when the outputs are not shards of one run; returns warnings otherwise. */
export function checkShards(outputs: ShardOutput[]): { info: MergeInfo; warnings: string[] } {
  if (outputs.length === 0) throw new UsageError('nothing to merge: name the folders of the shards (each with summary.json and latency.hlog)');
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const o of outputs) if (o.summary.shard === undefined) problems.push(`${o.label} is not a shard's output (no "shard" in its summary.json): only runs made with --shard i/n can be merged`);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const first = outputs[0]!;
  const names = new Set(outputs.map((o) => o.summary.scenario.name));
  if (names.size > 1) problems.push(`the shards are of different scenarios (${[...names].join(', ')}): ${outputs.map((o) => `${o.label}: ${o.summary.scenario.name}`).join('; ')}`);
  const counts = new Set(outputs.map((o) => o.summary.shard!.count));
  if (counts.size > 1) problems.push(`the shards disagree on the shard count (${[...counts].join(' vs ')}): ${outputs.map((o) => `${o.label}: ${o.summary.shard!.index}/${o.summary.shard!.count}`).join('; ')}`);
  const seen = new Map<number, string>();
  for (const o of outputs) {
    const i = o.summary.shard!.index;
    const other = seen.get(i);
    if (other !== undefined) problems.push(`shard ${i} appears twice: ${other} and ${o.label}`);
    else seen.set(i, o.label);
  }
  const phasesOf = (s: Summary) => s.phases.map((p) => `${p.name}${p.warmup ? ' (warm-up)' : ''}`).join(', ');
  for (const o of outputs.slice(1)) {
    if (o.summary.mode !== first.summary.mode) problems.push(`${o.label} ran a ${o.summary.mode} loop, ${first.label} a ${first.summary.mode} loop`);
    if (phasesOf(o.summary) !== phasesOf(first.summary)) problems.push(`${o.label} ran other phases (${phasesOf(o.summary)}) than ${first.label} (${phasesOf(first.summary)})`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));

  const count = first.summary.shard!.count;
  const shards = [...seen.keys()].sort((a, b) => a - b);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) warnings.push(`${missing.length} of ${count} shards missing (${missing.join(', ')}): the merged run has only ${shards.length}/${count} of the planned load and is marked incomplete`);
  const sources = new Set(outputs.map((o) => JSON.stringify(o.summary.scenario.source)));
  if (sources.size > 1) warnings.push('the shards ran different versions of the scenario file (same name, different content)');
  const versions = new Set(outputs.map((o) => o.summary.ddbenchVersion));
  if (versions.size > 1) warnings.push(`the shards ran different ddbench versions (${[...versions].join(', ')})`);
  for (const o of outputs) if (!o.summary.complete) warnings.push(`shard ${o.summary.shard!.index} (${o.label}) did not complete: ${o.summary.stopReason ?? 'interrupted'}`);
  return { info: { count, shards, missing }, warnings };
}

export function mergeShards(input: ShardOutput[], opts: MergeOptions = {}): MergeResult {
  const { info, warnings } = checkShards(input);
  const outputs = [...input].sort((a, b) => a.summary.shard!.index - b.summary.shard!.index);
  const summaries = outputs.map((o) => o.summary);
  const labels = summaries.map((s) => `shard ${s.shard!.index}`);
  const first = summaries[0]!;
  const timeline = mergeTimelines(outputs.map((o) => ({ label: o.label, summary: o.summary, hlog: o.hlog })));
  const operations = mergeOperationMaps(summaries.map((s) => s.operations));
  const complete = info.missing.length === 0 && summaries.every((s) => s.complete);
  const stopReasons = [
    ...(info.missing.length > 0 ? [`shards missing: ${info.missing.join(', ')}`] : []),
    ...summaries.filter((s) => !s.complete).map((s) => `shard ${s.shard!.index}: ${s.stopReason ?? 'interrupted'}`),
  ];
  const seed = mergeSeed(summaries.map((s) => s.seed));
  const loadWorkers = summaries.some((s) => s.loadWorkers !== undefined) ? summaries.reduce((a, s) => a + (s.loadWorkers ?? 1), 0) : undefined;
  const flows = mergeFlows(summaries.map((s) => s.flows));
  const harness = mergeHarness(summaries.map((s) => s.harness), labels);
  const base: Omit<Summary, 'gates' | 'pass'> = {
    ddbenchVersion: first.ddbenchVersion,
    complete,
    ...(stopReasons.length > 0 ? { stopReason: stopReasons.join('; ') } : {}),
    scenario: first.scenario,
    target: { kind: first.target.kind, endpoint: joinDistinct(summaries.map((s) => s.target.endpoint)), region: joinDistinct(summaries.map((s) => s.target.region)) },
    driver: joinDistinct(summaries.map((s) => s.driver)),
    mode: first.mode,
    concurrency: summaries.reduce((a, s) => a + s.concurrency, 0),
    ...(loadWorkers !== undefined ? { loadWorkers } : {}),
    merged: info,
    startedAt: new Date(timeline.startEpochMs).toISOString(),
    durationMs: timeline.durationMs,
    ...(seed !== undefined ? { seed } : {}),
    phases: mergePhases(summaries.map((s) => s.phases), labels),
    operations,
    total: mergeOperationSummaries(summaries.map((s) => s.total)),
    intervals: timeline.intervals,
    generator: mergeGenerator(summaries.map((s) => s.generator), labels),
    ...(harness !== undefined ? { harness } : {}),
    ...(flows !== undefined ? { flows } : {}),
    // a flow's latency is its steps end to end: the verdict judges operations, as a run's does
    verdict: buildVerdict(Object.fromEntries(Object.entries(operations).filter(([name]) => !isFlowOp(name))), first.verdict.thresholdUs),
    environment: {
      ...first.environment,
      cpus: summaries.reduce((a, s) => a + s.environment.cpus, 0),
      totalMemMb: summaries.reduce((a, s) => a + s.environment.totalMemMb, 0),
      hostname: joinDistinct(summaries.map((s) => s.environment.hostname)),
    },
  };
  const gateExprs = [...new Set([...summaries.flatMap((s) => s.gates.map((g) => g.expr)), ...(opts.extraGates ?? [])])];
  // the shards' rule holds for the merged run: a gate within ddbench's own noise (the noisiest
  // shard's floor) of its threshold is inconclusive, and a ceiling marks nothing (summary/summary.ts)
  const floor = harness?.floor?.saturated === true ? undefined : harness?.floor;
  const gates = markInconclusive(evaluateGates(gateExprs, base), floor);
  return { summary: { ...base, gates }, hlogLines: timeline.hlogLines, warnings };
}

/** `a` when all agree, else the distinct values (the first three, then how many more). */
function joinDistinct(values: string[]): string {
  const distinct = [...new Set(values)];
  if (distinct.length <= 3) return distinct.join(', ');
  return `${distinct.slice(0, 3).join(', ')} (+${distinct.length - 3} more)`;
}
