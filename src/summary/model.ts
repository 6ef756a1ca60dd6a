// The summary.json model: one zod schema from which the TypeScript types derive, the JSON Schema
// for users (schema/summary.schema.json, `npm run schema`) is generated, and summary.json files
// given on the command line (--baseline, compare, report, merge) are checked.
//
// Fields are only ever added, never renamed or removed: a nightly job's baseline written by an
// earlier version must still be read. Objects strip unknown keys when read (a newer file's
// additions are ignored); summaryDrift() reports them, so a field added to the summary without
// updating this model fails the tests (see writeSummaryFile).
import { z } from 'zod';
import { OUTCOME_KINDS, TARGET_KINDS } from '../types.js';
import { IntervalSummarySchema, PercentilesSchema, countSchema } from '../recorder/shapes.js';
import { GateResultSchema } from '../gates/result.js';

export { IntervalSummarySchema, PercentilesSchema };
export type { IntervalSummary, Percentiles } from '../recorder/shapes.js';
export type { GateResult } from '../gates/result.js';

const OperationSummarySchema = z.object({
  count: countSchema.describe('every finished operation in the measured (non-warm-up) phases, whatever its outcome'),
  errors: countSchema.describe('outcomes that are errors (not ok / conditional-failed / transaction-canceled)'),
  throttles: countSchema.describe('operations that ended throttled after retries'),
  throttledAttempts: countSchema.describe('throttled attempts, including those a retry then got through'),
  retries: countSchema,
  retryDelayMs: z.number(),
  conditionalFailures: countSchema,
  transactionCancellations: countSchema,
  outcomes: z.partialRecord(z.enum(OUTCOME_KINDS), countSchema),
  errorNames: z.record(z.string(), countSchema),
  rateOpsPerSec: z.number().describe('operations that completed inside the measured phases\' windows, per second of them (never count over duration: the drain is left out)'),
  drainCount: countSchema.optional().describe('operations that completed after the last phase\'s window (the drain of a backlog): in the latency, not in the rate'),
  latencyUs: PercentilesSchema.describe('from the intended start (coordinated-omission corrected), microseconds'),
  serviceTimeUs: PercentilesSchema.describe('from the actual send, microseconds'),
  consumedRcu: z.number(),
  consumedWcu: z.number(),
  latencyHistogram: z.string().describe('HdrHistogram, compressed base64, latency (all outcomes, measured phases) for exact merges'),
  serviceTimeHistogram: z.string(),
});
export type OperationSummary = z.infer<typeof OperationSummarySchema>;

const PhaseOperationSummarySchema = z.object({
  count: countSchema,
  errors: countSchema,
  latencyUs: PercentilesSchema,
  serviceTimeUs: PercentilesSchema,
  latencyHistogram: z.string().optional().describe("encoded HdrHistogram of this phase (as in operations), so `ddbench merge` combines phases exactly"),
  serviceTimeHistogram: z.string().optional(),
});
export type PhaseOperationSummary = z.infer<typeof PhaseOperationSummarySchema>;

const PhaseSummarySchema = z.object({
  name: z.string(),
  warmup: z.boolean(),
  durationMs: z.number(),
  targetRateOpsPerSec: z.number().optional(),
  rampToOpsPerSec: z.number().optional(),
  workers: countSchema.optional(),
  achievedRateOpsPerSec: z.number().describe('operations (of any phase) that completed inside this phase\'s window, per second of it'),
  count: countSchema,
  drainCount: countSchema.optional().describe('of count, operations that completed after the load\'s last window (the drain)'),
  errors: countSchema,
  latencyUs: PercentilesSchema,
  serviceTimeUs: PercentilesSchema,
  operations: z.record(z.string(), PhaseOperationSummarySchema),
});
export type PhaseSummary = z.infer<typeof PhaseSummarySchema>;

// Branded: the workload's 0-based Shard (src/workload/keyspace.ts) cannot be passed for it.
export const ShardInfoSchema = z
  .object({ index: countSchema, count: countSchema })
  .describe('one shard of a multi-machine run: `--shard 3/20` is { index: 3, count: 20 } (1-based, as the flag)')
  .brand<'ShardInfo (1-based)'>();
export type ShardInfo = z.infer<typeof ShardInfoSchema>;

/** Shard `index` of `count`, 1-based as the --shard flag and summary.json write it. */
export function shardInfo(index: number, count: number): ShardInfo {
  return { index, count } as ShardInfo;
}

const MergeInfoSchema = z
  .object({
    count: countSchema.describe('shards in the run (the n of --shard i/n)'),
    shards: z.array(countSchema).describe('shard indexes merged (1-based), ascending'),
    missing: z.array(countSchema).describe('shard indexes absent from the merge (the merged load is short by their share)'),
  })
  .describe('what `ddbench merge` combined into this summary');
export type MergeInfo = z.infer<typeof MergeInfoSchema>;

const GeneratorHealthSchema = z.object({
  saturated: z.boolean().describe('true when numbers may be bent by the load generator itself'),
  warnings: z.array(z.string()),
  eventLoopDelayP99Ms: z.number(),
  eventLoopDelayMaxMs: z.number(),
  sendLagP99Us: z.number().describe("time between intended start and send for operations that had a free slot (the generator's own lateness)"),
  maxQueueDepth: countSchema.describe('largest number of due operations waiting for a free slot'),
  queuedOps: countSchema.describe('operations whose start waited for a free concurrency slot'),
  droppedOps: countSchema.describe('operations never sent because the run ended before a slot freed'),
  generatorBound: z
    .boolean()
    .optional()
    .describe("ddbench's own noise (noiseUs) is larger than a latency gate's margin to its limit: that verdict may be the generator's, not the target's (gates/noise.ts); absent: not bound"),
  noiseUs: z
    .number()
    .optional()
    .describe("ddbench's own noise: the largest of event-loop delay p99 beyond the monitor's 10 ms resolution, send lag p99 and the harness floor p99 (µs); present when a gate was judged"),
  abandonedOps: countSchema
    .optional()
    .describe('operations given up without an answer, recorded as timeouts (errorName OperationAbandoned): past their deadline, at the drain deadline or after a stop\'s grace; absent in summaries written before ddbench had deadlines'),
});
export type GeneratorHealth = z.infer<typeof GeneratorHealthSchema>;

const HarnessFloorSchema = z
  .object({
    driver: z.string(),
    rateOpsPerSec: z.number(),
    durationMs: z.number(),
    count: countSchema,
    latencyUs: z.object({ p50: z.number(), p99: z.number(), p999: z.number(), max: z.number() }),
    achievedOpsPerSec: z.number().optional().describe('answers the null endpoint gave per second of the measured calibration: what one lane of this driver drove'),
    saturated: z
      .boolean()
      .optional()
      .describe('true when one lane could not keep the asked rate against an endpoint that answers at once (achieved under 90%): its latencies are queueing, not a floor, and ddbench cannot drive that rate per lane with this driver'),
  })
  .describe("the harness floor: latency ddbench itself adds at this rate with this driver, measured against a null endpoint that answers at once (ddbench calibrate)");
export type HarnessFloor = z.infer<typeof HarnessFloorSchema>;

const GcPausesSchema = z.object({ count: countSchema, totalMs: z.number(), maxMs: z.number() });

const HarnessLaneSchema = z
  .object({
    name: z.string().describe('the thread: "load generator" (one lane in the recording thread) or "load worker i/n"'),
    eventLoopDelayP99Ms: z.number(),
    eventLoopDelayMaxMs: z.number(),
    gcPauses: GcPausesSchema.describe('garbage-collection pauses of this lane\'s thread during the load'),
  })
  .describe("one load lane's view of itself: a late event loop or a GC pause delays every send and completion on it");
export type HarnessLane = z.infer<typeof HarnessLaneSchema>;

const HarnessSchema = z
  .object({
    floor: HarnessFloorSchema.optional().describe('absent with --no-calibrate or when no gate was judged'),
    gcPauses: GcPausesSchema.optional().describe('garbage-collection pauses of the recording thread during the load'),
    lanes: z.array(HarnessLaneSchema).optional().describe('each load lane measured inside its own thread; absent in summaries written before ddbench measured per lane'),
    laneGcPauses: GcPausesSchema.optional().describe('GC pauses of every load lane: counts and totals summed, the longest of any lane'),
    laneEventLoopDelayP99Ms: z.number().optional().describe('the worst lane\'s event-loop delay p99'),
    laneEventLoopDelayMaxMs: z.number().optional().describe('the worst lane\'s event-loop delay max'),
    eventLoopDelayP99Ms: z.number(),
    eventLoopDelayMaxMs: z.number(),
    strictFloor: z.boolean().optional().describe('--strict-floor: an inconclusive gate fails the run (by default it is shown and does not)'),
  })
  .describe("ddbench's own contribution: what a verdict's margin must exceed to be about the target");
export type Harness = z.infer<typeof HarnessSchema>;

const VerdictSchema = z.object({
  thresholdUs: z.number().describe('p99 under 10 ms in the measured phases'),
  pass: z.boolean(),
  operations: z.record(z.string(), z.object({ p50Us: z.number(), p99Us: z.number(), p999Us: z.number(), maxUs: z.number(), pass: z.boolean() })),
});
export type Verdict = z.infer<typeof VerdictSchema>;


const SweepStepStatsSchema = z
  .object({ count: countSchema, errors: countSchema, p50Us: z.number(), p99Us: z.number(), p999Us: z.number(), maxUs: z.number() })
  .describe("one step's numbers, all operations or one operation: latency from the intended start (µs)");
export type SweepStepStats = z.infer<typeof SweepStepStatsSchema>;

const SweepStepSchema = z.object({
  phaseIndex: countSchema.describe("the step's phase in phases[] (named step-<rate>)"),
  targetOpsPerSec: z.number(),
  achievedOpsPerSec: z.number().describe("operations completed / the step's measured duration"),
  durationMs: z.number(),
  pass: z.boolean().describe('every SLO held, the error rate stayed under its bound and the target kept up'),
  reasons: z.array(z.string()).describe('one line per broken bound; empty when the step passed'),
  noiseUs: z.number().optional().describe("ddbench's own event-loop delay during the step beyond the monitor's 10 ms resolution (µs): its p99, or its longest stall when that lasted 1% of the step; how far the generator alone could move a percentile"),
  generatorBound: z.boolean().optional().describe('the step failed, and ddbench\'s own noise explains every bound it broke: the generator, not the target, may have stopped it (no knee is named)'),
  operations: z.record(z.string(), SweepStepStatsSchema),
  total: SweepStepStatsSchema,
});
export type SweepStep = z.infer<typeof SweepStepSchema>;

export const SWEEP_OUTCOMES = ['knee', 'all-passed', 'none-passed', 'interrupted', 'generator-bound'] as const;

const SweepSummarySchema = z.object({
  fromOpsPerSec: z.number(),
  toOpsPerSec: z.number(),
  step: z.string().describe('x2 or +500, as given'),
  stepDurationMs: z.number(),
  warmupMs: z.number().describe('warm-up step at fromOpsPerSec before the first measured step (0: none); never judged'),
  slo: z.array(z.string()).describe('gate expressions every step must meet'),
  maxErrorRatePct: z.number(),
  minAchievedPct: z.number().describe('achieved / target below this (%) means the target cannot keep up'),
  maxLateSendsPct: z.number().describe("more than this share (%) of a step's operations sent over 5 ms after their intended start also means it cannot keep up"),
  steps: z.array(SweepStepSchema).describe('the measured steps that ran to their end, in order'),
  kneeOpsPerSec: z.number().nullable().describe('achieved rate of the highest step that met every bound; null when none did, or when the failing step was generator-bound'),
  outcome: z.enum(SWEEP_OUTCOMES),
  stopReason: z.string(),
});
export type SweepSummary = z.infer<typeof SweepSummarySchema>;

const CacheOperationStatsSchema = z
  .object({
    hits: countSchema,
    misses: countSchema,
    hitRatio: z.number(),
    hitLatencyUs: PercentilesSchema.optional(),
    missLatencyUs: PercentilesSchema.optional(),
    hitRequests: countSchema.optional().describe('requests timed in the hit histogram'),
    missRequests: countSchema.optional(),
    hitLatencyHistogram: z.string().optional().describe('HdrHistogram, compressed base64, of the hit processing times'),
    missLatencyHistogram: z.string().optional(),
  })
  .describe(
    "one DAX operation's cache behaviour on the local DAX server; counts are per key for BatchGetItem (per request otherwise); latencies are the server's own processing time (µs)",
  );
export type CacheOperationStats = z.infer<typeof CacheOperationStatsSchema>;

const CacheStatsSummarySchema = z.object({
  operations: z.record(z.string(), CacheOperationStatsSchema),
  hits: countSchema,
  misses: countSchema,
  hitRatio: z.number().describe('hits / (hits + misses); 0 when there were no cached reads'),
});
export type CacheStatsSummary = z.infer<typeof CacheStatsSummarySchema>;

export const COMPARED_METRICS = ['p50', 'p90', 'p99', 'p999', 'max', 'rateOpsPerSec', 'errorRatePct'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

const ComparisonRowSchema = z.object({
  op: z.string().describe("operation name, or '(all)' for the total"),
  metric: z.enum(COMPARED_METRICS),
  baseline: z.number().describe('latency metrics in µs, rate in ops/s, error rate in %'),
  current: z.number(),
  deltaAbs: z.number(),
  deltaPct: z.number().nullable().describe('(current - baseline) / baseline * 100; null when the baseline is 0'),
  regression: z.boolean().describe('worse beyond both the relative tolerance and the absolute floor'),
  improvement: z.boolean(),
  gating: z.boolean().optional().describe('whether this row could fail the comparison (false: max, too few samples, different target rate)'),
  note: z.string().optional(),
  samples: z.object({ baseline: countSchema, current: countSchema }).optional(),
});
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

const RunRefSchema = z.object({ scenario: z.string(), startedAt: z.string(), target: z.string(), driver: z.string(), file: z.string().optional() });
export type RunRef = z.infer<typeof RunRefSchema>;

const ComparisonSchema = z.object({
  baseline: RunRefSchema,
  current: RunRefSchema,
  maxRegressionPct: z.number().describe('tolerance: a percentile may grow by this much before it is a regression'),
  floorUs: z.number().describe('noise floor: a latency change smaller than this (µs) is never a regression'),
  rows: z.array(ComparisonRowSchema),
  regressions: z.array(ComparisonRowSchema),
  pass: z.boolean().describe('true when nothing regressed'),
  onlyInBaseline: z.array(z.string()),
  onlyInCurrent: z.array(z.string()),
  floorPct: z.number().optional().describe('error-rate noise floor, percentage points'),
  minSamples: countSchema.optional().describe('operations needed in both runs before a percentile gates'),
  notes: z.array(z.string()).optional().describe('run-level remarks: different target rates, forced scenario mismatch, incomplete runs'),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

const FlowSummarySchema = z
  .object({
    count: countSchema.describe('iterations of the flow in the measured phases (as operations["flow:<name>"].count)'),
    thinkTimeUs: z.number().describe('time all those iterations spent in ctx.sleep (think time), µs'),
    steps: z.record(z.string(), countSchema).describe('calls of each step made inside this flow, by step (operation) name, in order of first call'),
  })
  .describe("one scripted flow's make-up: its steps' latencies are their own operations' (shared when flows share a step name)");
export type FlowSummary = z.infer<typeof FlowSummarySchema>;

const LibraryMessageSchema = z.object({
  source: z.string().optional().describe('the package that printed it, when known'),
  firstLine: z.string().describe("the message's first line, as first printed"),
  count: countSchema.describe('how many times a message of this kind was printed'),
});
export type LibraryMessageSummary = z.infer<typeof LibraryMessageSchema>;

const EnvironmentSchema = z.object({ node: z.string(), platform: z.string(), cpus: countSchema, cpuModel: z.string(), totalMemMb: z.number(), hostname: z.string() });

export const SummarySchema = z
  .object({
    ddbenchVersion: z.string(),
    complete: z.boolean().describe('false when the run was interrupted or aborted before its last phase ended'),
    stopReason: z.string().optional(),
    scenario: z.object({ name: z.string(), description: z.string().optional(), file: z.string().optional(), source: z.unknown().describe('the scenario file as parsed') }),
    target: z.object({ kind: z.enum(TARGET_KINDS), endpoint: z.string(), region: z.string() }),
    driver: z.string(),
    mode: z.enum(['open', 'closed']),
    concurrency: countSchema,
    loadWorkers: countSchema.optional().describe('load threads that sent the operations'),
    shard: ShardInfoSchema.optional().describe('with --shard i/n: which part of a multi-machine run this is'),
    merged: MergeInfoSchema.optional().describe('written by `ddbench merge`: the shards this summary combines'),
    startedAt: z.string(),
    durationMs: z.number(),
    seed: z.object({ items: countSchema, durationMs: z.number(), retries: countSchema }).optional(),
    phases: z.array(PhaseSummarySchema),
    operations: z.record(z.string(), OperationSummarySchema),
    total: OperationSummarySchema.describe('all operations together, measured phases'),
    intervals: z.array(IntervalSummarySchema),
    generator: GeneratorHealthSchema,
    harness: HarnessSchema.optional(),
    verdict: VerdictSchema,
    gates: z.array(GateResultSchema),
    pass: z.boolean().describe('every gate passed and, with --baseline, nothing regressed'),
    comparison: ComparisonSchema.optional().describe('with --baseline: the comparison with the baseline run'),
    sweep: SweepSummarySchema.optional().describe('`ddbench sweep` only: each step (one phase per arrival rate), its verdict and the knee'),
    flows: z
      .record(z.string(), FlowSummarySchema)
      .optional()
      .describe('scenario scripts: per flow (`flow:<name>`), which steps it made and its think time, measured phases (where its time goes)'),
    cache: CacheStatsSummarySchema.optional().describe('DAX runs against the local DAX server: cache hits, misses and hit/miss latency in the measured phases'),
    libraryMessages: z
      .array(LibraryMessageSchema)
      .optional()
      .describe('what client libraries (the DAX client, the SDK, Node warnings) printed during the run, captured instead of shown: each distinct message (grouped by its first line, numbers stripped) with its count, most frequent first'),
    environment: EnvironmentSchema,
  })
  .describe('summary.json: everything a ddbench run measured; every report is made from it');
export type Summary = z.infer<typeof SummarySchema>;
