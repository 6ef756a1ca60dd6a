// The contract between ddbench's stages, and only that: the scenario model, the Request a workload
// makes, the outcome (OpResult) a driver returns, the Driver itself, the Sample the scheduler
// records, and the target a run is pointed at. Everything else lives with the stage that owns it:
// the summary.json model in summary/model.ts, the recorder's contract in recorder/types.ts, gates
// in gates/parse.ts... This file imports nothing, so every stage can depend on it.

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

/** Every DynamoDB operation a scenario can name. */
export const OP_TYPES = [
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'TransactGetItems',
] as const;

export const TRANSACT_ITEM_TYPES = ['Put', 'Update', 'Delete', 'ConditionCheck', 'Get'] as const;

export type OpType = (typeof OP_TYPES)[number];

export type TransactItemType = (typeof TRANSACT_ITEM_TYPES)[number];

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
  /** `uses:` the operation types the flows call, checked against the target before load; a call of another type is a flow error */
  uses?: OpType[];
  /** set by the engine for the run's target: the operation types it cannot run (a call is a flow error that says so) */
  unsupported?: { types: OpType[]; target: string };
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

// ---------------------------------------------------------------------------
// Workload -> driver: a request is plain DynamoDB low-level API input (the JSON
// protocol's shape), so any driver (SDK, raw HTTP, DAX) can execute it.
// ---------------------------------------------------------------------------

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

/** How a request ended. Every driver maps what the target said to one of these. */
export const OUTCOME_KINDS = [
  'ok',
  'conditional-failed', // ConditionalCheckFailedException: expected in many workloads
  'transaction-canceled', // TransactionCanceledException
  'throttled', // ProvisionedThroughputExceeded, Throttling, RequestLimitExceeded (after retries)
  'timeout',
  'connection', // refused, reset, DNS
  'server', // 5xx
  'client', // other 4xx (validation, missing table...)
  'malformed', // response that could not be parsed
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

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
  /** a scenario script's flow: time it spent in ctx.sleep (think time), µs */
  thinkUs?: number;
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

export const TARGET_KINDS = ['dynamodb-local', 'dynalite', 'http', 'aws', 'dax'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

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
  /** a scenario script's step: the flow (`flow:<name>`) it ran in, so the summary knows where a flow's time goes */
  flow?: string;
}
