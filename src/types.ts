// Every type shared between ddbench's stages lives here, so that the one-way flow
// scenario -> workload -> scheduler -> driver -> recorder -> summary -> gates -> report
// is visible in one file. Stages import types from here, never from each other's internals.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Histogram } from 'hdr-histogram-js';

// ---------------------------------------------------------------------------
// Scenario (the validated, normalised form of a scenario file)
// ---------------------------------------------------------------------------

export type KeyType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  type: KeyType;
}

export type Projection = 'ALL' | 'KEYS_ONLY' | { include: string[] };

export interface IndexSpec {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** default 'ALL' */
  projection: Projection;
}

export interface TableSpec {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** global secondary indexes */
  indexes: IndexSpec[];
  /** default PAY_PER_REQUEST (on-demand) */
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  /** only with PROVISIONED */
  readCapacityUnits?: number;
  writeCapacityUnits?: number;
}

export type DistributionName =
  | 'uniform'
  | 'zipfian'
  | 'scrambled-zipfian'
  | 'hotspot'
  | 'latest'
  | 'sequential';

/** A named key space: `{player}` in a template draws an integer in [0, count) from it. */
export interface KeySpaceSpec {
  count: number;
  distribution: DistributionName;
  /** zipfian / scrambled-zipfian / latest skew, default 0.99 */
  theta: number;
  /** hotspot: fraction of the key space that is hot, default 0.2 */
  hotFraction: number;
  /** hotspot: fraction of draws that go to the hot set, default 0.8 */
  hotOpFraction: number;
}

/**
 * A template value as written in the scenario. Strings may hold `{...}` placeholders:
 * `{player}` (a draw from key space `player`), `{player.seq}` (the next key in order),
 * `{int(0,100)}`, `{float(0,1)}`, `{text(200)}`, `{uuid()}`, `{timestamp()}`, `{choice(a,b)}`...
 * A string that is exactly one placeholder keeps the generator's native type (a number stays a number).
 */
export type Template = string | number | boolean | null | Template[] | { [name: string]: Template };
export type TemplateMap = Record<string, Template>;

export type OpType =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'BatchWriteItem'
  | 'TransactWriteItems'
  | 'TransactGetItems';

export type TransactItemType = 'Put' | 'Update' | 'Delete' | 'ConditionCheck' | 'Get';

/** One element of a TransactWriteItems / TransactGetItems operation. */
export interface TransactItemSpec {
  type: TransactItemType;
  /** defaults to the scenario's table */
  table?: string;
  key?: TemplateMap;
  item?: TemplateMap;
  update?: string;
  condition?: string;
  projection?: string;
  names?: Record<string, string>;
  values?: TemplateMap;
}

export interface OperationSpec {
  name: string;
  weight: number;
  type: OpType;
  /** GetItem, UpdateItem, DeleteItem; BatchGetItem / BatchWriteItem (delete) element key */
  key?: TemplateMap;
  /** PutItem; BatchWriteItem (put) element item */
  item?: TemplateMap;
  update?: string;
  condition?: string;
  filter?: string;
  projection?: string;
  keyCondition?: string;
  names?: Record<string, string>;
  values?: TemplateMap;
  /** Query / Scan on a GSI */
  index?: string;
  limit?: number;
  scanForward?: boolean;
  consistentRead?: boolean;
  /** BatchGetItem / BatchWriteItem: number of elements per request (<= 100 / 25) */
  count?: number;
  /** TransactWriteItems / TransactGetItems */
  items?: TransactItemSpec[];
}

export interface SeedSpec {
  items: number;
  item: TemplateMap;
}

export interface PhaseSpec {
  name: string;
  durationMs: number;
  /** open loop: arrival rate at the start of the phase (operations per second) */
  rateOpsPerSec?: number;
  /** open loop: ramp linearly from rateOpsPerSec to this rate over the phase */
  rampToOpsPerSec?: number;
  /** closed loop: number of workers (defaults to the scenario's concurrency) */
  workers?: number;
  /** closed loop: pause between a worker's operations */
  thinkTimeMs?: number;
  /** recorded, but left out of verdicts and gates */
  warmup: boolean;
}

export interface RetrySpec {
  /** total attempts including the first, default 3 (the SDK's standard mode) */
  maxAttempts: number;
  mode: 'standard' | 'adaptive';
}

export interface Scenario {
  name: string;
  description?: string;
  table: TableSpec;
  keys: Record<string, KeySpaceSpec>;
  seed?: SeedSpec;
  operations: OperationSpec[];
  phases: PhaseSpec[];
  /** 'open' (arrival rate, default) or 'closed' (N workers, optional think time) */
  mode: 'open' | 'closed';
  /** maximum operations in flight (open loop), default workers (closed loop) */
  concurrency: number;
  gates: string[];
  retries: RetrySpec;
  /** seed of every random generator; same seed, same sequence of operations */
  randomSeed: number;
  /** per-request timeout (ms) given to the driver, default 5000 */
  requestTimeoutMs: number;
  /** `sweep:` block: defaults for `ddbench sweep` (its flags override them) */
  sweep?: SweepSpec;
  /** `abort:` rules (src/abort/parse.ts): stop the run early when one holds for its window */
  abort?: string[];
  /** scenario scripts (src/scenario/module.ts): the module and its flows; the functions stay in the module */
  script?: ScriptInfo;
}

/** A scripted scenario's module and flows, cloneable so load workers can load the same module. */
export interface ScriptInfo {
  /** absolute path of the module */
  file: string;
  flows: { name: string; weight: number }[];
}

/** A scenario's `sweep:` block, normalised. Every field optional: the command line fills in or overrides. */
export interface SweepSpec {
  fromOpsPerSec?: number;
  toOpsPerSec?: number;
  /** `x2` (multiply the rate) or `+500` (add to it) */
  step?: string;
  stepDurationMs?: number;
  warmupMs?: number;
  slo?: string[];
  maxErrorRatePct?: number;
  minAchievedPct?: number;
  maxLateSendsPct?: number;
}

export interface ScenarioProblem {
  /** e.g. `phases[1].rate` */
  path: string;
  /** 1-based line in the file, when known */
  line?: number;
  message: string;
}

export type LoadResult =
  | { ok: true; scenario: Scenario; source: unknown }
  | { ok: false; problems: ScenarioProblem[] };

// ---------------------------------------------------------------------------
// Workload -> driver: a request is plain DynamoDB low-level API input (the JSON
// protocol's shape), so any driver (SDK, raw HTTP, DAX) can execute it.
// ---------------------------------------------------------------------------

export type AttributeMap = Record<string, AttributeValue>;

export interface Request {
  /** operation name from the scenario (`get-profile`) */
  op: string;
  type: OpType;
  /** input of the DynamoDB API call, TableName(s) resolved, ReturnConsumedCapacity set */
  input: Record<string, unknown>;
  /** flows read what a step returned: the driver then hands back the response in OpResult.output */
  keepOutput?: boolean;
}

// ---------------------------------------------------------------------------
// Driver -> recorder: every request ends in an outcome value, never a throw.
// ---------------------------------------------------------------------------

export type OutcomeKind =
  | 'ok'
  | 'conditional-failed' // ConditionalCheckFailedException: expected in many workloads
  | 'transaction-canceled' // TransactionCanceledException
  | 'throttled' // ProvisionedThroughputExceeded, Throttling, RequestLimitExceeded (after retries)
  | 'timeout'
  | 'connection' // refused, reset, DNS
  | 'server' // 5xx
  | 'client' // other 4xx (validation, missing table...)
  | 'malformed'; // response that could not be parsed

export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  'ok',
  'conditional-failed',
  'transaction-canceled',
  'throttled',
  'timeout',
  'connection',
  'server',
  'client',
  'malformed',
];

/** Outcomes that are not errors: the request did what the workload asked of DynamoDB. */
export const EXPECTED_OUTCOMES: ReadonlySet<OutcomeKind> = new Set(['ok', 'conditional-failed', 'transaction-canceled']);

export interface OpResult {
  kind: OutcomeKind;
  /** attempts made, 1 when there was no retry */
  attempts: number;
  /** total time the driver spent waiting between attempts */
  retryDelayMs: number;
  /** consumed capacity as reported by the target (0 when it reports none) */
  consumedRcu: number;
  consumedWcu: number;
  /** throttled attempts seen, including ones later retried successfully */
  throttledAttempts: number;
  /** error name (`ProvisionedThroughputExceededException`, `ECONNRESET`...) when kind !== 'ok' */
  errorName?: string;
  errorMessage?: string;
  /** `ThrottlingReasons` / `CancellationReasons` codes when the target sent them */
  reasons?: string[];
  /** UnprocessedItems / UnprocessedKeys left after the call */
  unprocessed?: number;
  /** the response (AttributeValue form), only when the request asked for it (Request.keepOutput) */
  output?: Record<string, unknown>;
}

/**
 * A scenario script's flow is recorded as the operation `flow:<name>` beside its steps. Its
 * end-to-end latency must not be counted again in the totals, which add up the steps.
 */
export const FLOW_OP_PREFIX = 'flow:';

export function isFlowOp(op: string): boolean {
  return op.startsWith(FLOW_OP_PREFIX);
}

export interface Driver {
  readonly name: string;
  execute(request: Request): Promise<OpResult>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

export type TargetKind = 'dynamodb-local' | 'dynalite' | 'http' | 'aws' | 'dax';

export interface TargetInfo {
  kind: TargetKind;
  /** http(s)://host:port; for aws the regional endpoint; never holds credentials */
  endpoint: string;
  region: string;
  /** true for loopback endpoints (embedded or given) */
  loopback: boolean;
  /** what the target can do: dynalite has no transactions */
  supportsTransactions: boolean;
  /** DAX targets: the DynamoDB endpoint behind the cluster, for table setup and seeding (DAX has no control plane) */
  dynamodbEndpoint?: string;
}

export interface RunningEndpoint {
  info: TargetInfo;
  /** child process id, when ddbench started it */
  pid?: number;
  /** local DAX server: its cache hit/miss counts so far */
  cacheStats?: () => Promise<CacheStatsSummary | undefined>;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Scheduler -> recorder
// ---------------------------------------------------------------------------

/** One finished operation, as the scheduler hands it to the recorder. Times in microseconds on the run's clock. */
export interface Sample {
  op: string;
  phaseIndex: number;
  /** when the schedule said it should start */
  intendedStartUs: number;
  /** when the request was actually handed to the driver */
  sentUs: number;
  /** when the outcome came back */
  endUs: number;
  result: OpResult;
}

// ---------------------------------------------------------------------------
// Summary (summary.json): what every report is made from
// ---------------------------------------------------------------------------

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  min: number;
  mean: number;
}

export interface OperationSummary {
  /** every finished operation in the measured (non-warm-up) phases, whatever its outcome */
  count: number;
  /** outcomes that are errors (not ok / conditional-failed / transaction-canceled) */
  errors: number;
  /** operations that ended throttled after retries */
  throttles: number;
  /** throttled attempts, including those a retry then got through */
  throttledAttempts: number;
  retries: number;
  retryDelayMs: number;
  conditionalFailures: number;
  transactionCancellations: number;
  outcomes: Partial<Record<OutcomeKind, number>>;
  errorNames: Record<string, number>;
  rateOpsPerSec: number;
  /** from the intended start (coordinated-omission corrected), microseconds */
  latencyUs: Percentiles;
  /** from the actual send, microseconds */
  serviceTimeUs: Percentiles;
  consumedRcu: number;
  consumedWcu: number;
  /** HdrHistogram, compressed base64, latency (all outcomes, measured phases) for exact merges */
  latencyHistogram: string;
  serviceTimeHistogram: string;
}

export interface PhaseSummary {
  name: string;
  warmup: boolean;
  durationMs: number;
  targetRateOpsPerSec?: number;
  rampToOpsPerSec?: number;
  workers?: number;
  achievedRateOpsPerSec: number;
  count: number;
  errors: number;
  latencyUs: Percentiles;
  serviceTimeUs: Percentiles;
  operations: Record<string, PhaseOperationSummary>;
}

export interface PhaseOperationSummary {
  count: number;
  errors: number;
  latencyUs: Percentiles;
  serviceTimeUs: Percentiles;
  /** encoded HdrHistograms of this phase (as in OperationSummary), so `ddbench merge` combines phases exactly */
  latencyHistogram?: string;
  serviceTimeHistogram?: string;
}

/** One shard of a multi-machine run: `--shard 3/20` is `{ index: 3, count: 20 }` (1-based, as the flag). */
export interface ShardInfo {
  index: number;
  count: number;
}

/** What `ddbench merge` combined into this summary. */
export interface MergeInfo {
  /** shards in the run (the `n` of `--shard i/n`) */
  count: number;
  /** shard indexes merged (1-based), ascending */
  shards: number[];
  /** shard indexes absent from the merge (the merged load is short by their share) */
  missing: number[];
}

export interface IntervalSummary {
  /** seconds since the start of load */
  startSec: number;
  phaseIndex: number;
  count: number;
  errors: number;
  throttles: number;
  retries: number;
  conditionalFailures: number;
  targetRateOpsPerSec: number;
  latencyP50Us: number;
  latencyP99Us: number;
  latencyMaxUs: number;
  serviceP50Us: number;
  serviceP99Us: number;
  /** per operation: count, p50, p99, max latency */
  operations: Record<string, { count: number; errors: number; p50Us: number; p99Us: number; maxUs: number }>;
}

export interface GeneratorHealth {
  /** true when numbers may be bent by the load generator itself */
  saturated: boolean;
  warnings: string[];
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** time between intended start and send for operations that had a free slot (the generator's own lateness) */
  sendLagP99Us: number;
  /** largest number of due operations waiting for a free slot */
  maxQueueDepth: number;
  /** operations whose start waited for a free concurrency slot */
  queuedOps: number;
  /** operations never sent because the run ended before a slot freed */
  droppedOps: number;
}

export interface Verdict {
  /** p99 under 10 ms in the measured phases */
  thresholdUs: number;
  pass: boolean;
  operations: Record<string, { p50Us: number; p99Us: number; p999Us: number; maxUs: number; pass: boolean }>;
}

export interface GateResult {
  expr: string;
  pass: boolean;
  /** measured value, in the gate's unit (ms for latency, % for rates, ops/s for throughput) */
  actual: number | null;
  threshold: number;
  unit: string;
  message: string;
}

/** One step's numbers, all operations or one operation: latency from the intended start (µs). */
export interface SweepStepStats {
  count: number;
  errors: number;
  p50Us: number;
  p99Us: number;
  p999Us: number;
  maxUs: number;
}

export interface SweepStep {
  /** the step's phase in `phases[]` (named `step-<rate>`) */
  phaseIndex: number;
  targetOpsPerSec: number;
  /** operations completed / the step's measured duration */
  achievedOpsPerSec: number;
  durationMs: number;
  /** every SLO held, the error rate stayed under its bound and the target kept up */
  pass: boolean;
  /** one line per broken bound (`broke p99 < 10ms (12.3 ms)`); empty when the step passed */
  reasons: string[];
  operations: Record<string, SweepStepStats>;
  total: SweepStepStats;
}

export interface SweepSummary {
  fromOpsPerSec: number;
  toOpsPerSec: number;
  /** `x2` or `+500`, as given */
  step: string;
  stepDurationMs: number;
  /** warm-up step at fromOpsPerSec before the first measured step (0: none); never judged */
  warmupMs: number;
  /** gate expressions every step must meet */
  slo: string[];
  maxErrorRatePct: number;
  /** achieved / target below this (%) means the target cannot keep up */
  minAchievedPct: number;
  /** more than this share (%) of a step's operations sent over 5 ms after their intended start also means it cannot keep up */
  maxLateSendsPct: number;
  /** the measured steps that ran to their end, in order */
  steps: SweepStep[];
  /** achieved rate of the highest step that met every bound; null when none did */
  kneeOpsPerSec: number | null;
  /**
   * knee: a step broke a bound after at least one passed; all-passed: every step up to `to` passed
   * (the knee is above it); none-passed: the first measured step already broke one;
   * interrupted: stopped by a signal or an error before a step broke a bound
   */
  outcome: 'knee' | 'all-passed' | 'none-passed' | 'interrupted';
  stopReason: string;
}

/**
 * One DAX operation's cache behaviour on the local DAX server. Counts are per key for
 * BatchGetItem (per request otherwise). The latencies are the server's own processing time
 * (request received -> answer handed to the socket, microseconds): no network hop, no client
 * encoding; a BatchGetItem request is a hit only when every key was.
 */
export interface CacheOperationStats {
  hits: number;
  misses: number;
  hitRatio: number;
  hitLatencyUs?: Percentiles;
  missLatencyUs?: Percentiles;
  /** requests timed in each histogram */
  hitRequests?: number;
  missRequests?: number;
  /** HdrHistogram, compressed base64, of the hit and miss processing times */
  hitLatencyHistogram?: string;
  missLatencyHistogram?: string;
}

/** Cache hits and misses of a (local) DAX server, by DAX operation and overall. */
export interface CacheStatsSummary {
  operations: Record<string, CacheOperationStats>;
  hits: number;
  misses: number;
  /** hits / (hits + misses); 0 when there were no cached reads */
  hitRatio: number;
}

export interface Summary {
  ddbenchVersion: string;
  /** false when the run was interrupted or aborted before its last phase ended */
  complete: boolean;
  stopReason?: string;
  scenario: { name: string; description?: string; file?: string; source: unknown };
  target: { kind: TargetKind; endpoint: string; region: string };
  driver: string;
  mode: 'open' | 'closed';
  concurrency: number;
  /** load threads that sent the operations (their samples were recorded into one recorder) */
  loadWorkers?: number;
  /** with --shard i/n: which part of a multi-machine run this is */
  shard?: ShardInfo;
  /** written by `ddbench merge`: the shards this summary combines */
  merged?: MergeInfo;
  startedAt: string;
  durationMs: number;
  seed?: { items: number; durationMs: number; retries: number };
  phases: PhaseSummary[];
  operations: Record<string, OperationSummary>;
  /** all operations together, measured phases */
  total: OperationSummary;
  intervals: IntervalSummary[];
  generator: GeneratorHealth;
  verdict: Verdict;
  gates: GateResult[];
  /** every gate passed and, with --baseline, nothing regressed */
  pass: boolean;
  /** with --baseline: the comparison with the baseline run (its regressions count against `pass`) */
  comparison?: Comparison;
  /** `ddbench sweep` only: each step (one phase per arrival rate), its verdict and the knee */
  sweep?: SweepSummary;
  /** DAX runs against the local DAX server: item/query cache hits, misses and hit/miss latency in the measured phases */
  cache?: CacheStatsSummary;
  environment: { node: string; platform: string; cpus: number; cpuModel: string; totalMemMb: number; hostname: string };
}

// ---------------------------------------------------------------------------
// Recorder contract (implemented in src/recorder/, used by the engine)
// ---------------------------------------------------------------------------

export interface RecorderOptions {
  operations: string[];
  phases: PhaseSpec[];
  /** closed loop has no target arrival rate (interval targetRateOpsPerSec = 0); default 'open' */
  mode?: 'open' | 'closed';
  /** length of one interval (default 1000 ms) */
  intervalMs?: number;
  /** wall-clock epoch ms at load start (run clock 0), for the .hlog StartTime header */
  startEpochMs: number;
  /** receives each line of the HdrHistogram interval log (.hlog) as intervals close, without its newline */
  hlogSink?: (line: string) => void;
  /**
   * Called once per phase, in phase order, when the phase has ended (the next one started, or
   * the load finished) and every operation it planned has been recorded. A sweep judges its steps here.
   */
  onPhaseEnd?: (snapshot: PhaseSnapshot) => void;
  /** operations each phase's schedule plans (open loop), so onPhaseEnd waits for a phase's last ones */
  plannedPhaseCounts?: readonly number[];
}

/** One phase as recorded when it ended (RecorderOptions.onPhaseEnd). The histograms are live: read them in the callback. */
export interface PhaseSnapshot {
  index: number;
  actualDurationMs: number;
  latency: Record<string, Histogram>;
  service: Record<string, Histogram>;
  counts: Record<string, OpCounters>;
  /** operations recorded in the phase */
  count: number;
  /** operations its schedule planned (open loop); a smaller `count` means the phase was cut short */
  plannedCount?: number;
  /** operations sent more than `lateSendUs` after their intended start: they waited for a free slot, or the generator was late */
  lateSends: number;
  lateSendUs: number;
}

/** What the recorder holds when the run ends: the input of buildSummary(). */
export interface RecordedRun {
  /** run clock of the first and last sample / finish call (µs) */
  durationUs: number;
  phases: {
    /** measured duration of the phase (ms); shorter than planned when interrupted */
    actualDurationMs: number;
    /** per operation, all outcomes together (µs) */
    latency: Record<string, Histogram>;
    service: Record<string, Histogram>;
    counts: Record<string, OpCounters>;
  }[];
  intervals: IntervalSummary[];
}

export interface OpCounters {
  count: number;
  outcomes: Partial<Record<OutcomeKind, number>>;
  errorNames: Record<string, number>;
  retries: number;
  retryDelayMs: number;
  throttledAttempts: number;
  consumedRcu: number;
  consumedWcu: number;
}

// ---------------------------------------------------------------------------
// Summary input (what the engine hands to buildSummary) and gates
// ---------------------------------------------------------------------------

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

export type GateComparator = '<' | '<=' | '>' | '>=';

/**
 * A parsed gate. `latency`/`service` compare a statistic of the latency (from intended start)
 * or service-time histogram; `errors`/`throttles`/`conditional_failures` a percentage of count;
 * `rate` achieved ops/s; `count` the operation count.
 */
export interface Gate {
  expr: string;
  /** operation name; undefined means all operations together (summary.total) */
  operation?: string;
  metric: 'latency' | 'service' | 'errors' | 'throttles' | 'conditional_failures' | 'rate' | 'count';
  /** latency / service only: a percentile in (0, 100], or max / mean / min */
  stat?: number | 'max' | 'mean' | 'min';
  comparator: GateComparator;
  /** threshold in `unit` */
  threshold: number;
  /** 'us' | 'ms' | 's' for latency, '%' for percentages, 'ops/s' for rate, '' for count */
  unit: string;
}

// ---------------------------------------------------------------------------
// Baseline comparison (src/compare/, rendered by src/report/)
// ---------------------------------------------------------------------------

export type ComparedMetric = 'p50' | 'p90' | 'p99' | 'p999' | 'max' | 'rateOpsPerSec' | 'errorRatePct';

export interface ComparisonRow {
  /** operation name, or '(all)' for the total */
  op: string;
  metric: ComparedMetric;
  /** latency metrics in µs, rate in ops/s, error rate in % */
  baseline: number;
  current: number;
  deltaAbs: number;
  /** (current - baseline) / baseline * 100; null when the baseline is 0 */
  deltaPct: number | null;
  /** worse beyond both the relative tolerance and the absolute floor */
  regression: boolean;
  /** better beyond both */
  improvement: boolean;
  /** whether this row could fail the comparison (false: max, too few samples, different target rate); set by compareSummaries */
  gating?: boolean;
  /** why the row does not gate or how to read it ("too few samples (42 < 100)"); set by compareSummaries */
  note?: string;
  /** measured operations behind the row in each run */
  samples?: { baseline: number; current: number };
}

export interface RunRef {
  scenario: string;
  startedAt: string;
  target: string;
  driver: string;
  file?: string;
}

export interface Comparison {
  baseline: RunRef;
  current: RunRef;
  /** tolerance: a percentile may grow by this much before it is a regression */
  maxRegressionPct: number;
  /** noise floor: a latency change smaller than this (µs) is never a regression */
  floorUs: number;
  rows: ComparisonRow[];
  regressions: ComparisonRow[];
  /** true when nothing regressed */
  pass: boolean;
  /** operations present in only one of the two runs */
  onlyInBaseline: string[];
  onlyInCurrent: string[];
  /** error-rate noise floor: the error rate may grow by this many percentage points; set by compareSummaries */
  floorPct?: number;
  /** operations needed in both runs before a percentile gates; set by compareSummaries */
  minSamples?: number;
  /** run-level remarks: different target rates, forced scenario mismatch, incomplete runs */
  notes?: string[];
}
