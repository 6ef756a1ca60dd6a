// The contract between a scenario script and ddbench: the model a module exports and the
// context every flow receives. Types only (no runtime code), so src/public.ts stays tiny.

/** A plain JavaScript value as @aws-sdk/lib-dynamodb users write items and keys. */
export type Doc = Record<string, unknown>;

/**
 * How a step ended. `ok`, `conditional-failed` and `transaction-canceled` are expected outcomes a
 * flow branches on; `throttled` (after retries), `timeout`, `connection`, `server`, `client` and
 * `malformed` are errors (counted against the step, still returned, never thrown).
 */
export type StepOutcome = 'ok' | 'conditional-failed' | 'transaction-canceled' | 'throttled' | 'timeout' | 'connection' | 'server' | 'client' | 'malformed';

export interface StepResult {
  outcome: StepOutcome;
  ok: boolean;
  /** GetItem; the old/new item with ReturnValues (document form) */
  Item?: Doc;
  Attributes?: Doc;
  /** Query / Scan */
  Items?: Doc[];
  Count?: number;
  LastEvaluatedKey?: Doc;
  /** BatchGetItem: items by table; TransactGetItems: one entry per item (undefined when absent) */
  Responses?: Record<string, Doc[]> | (Doc | undefined)[];
  /** transaction-canceled: one code per transaction item (`None`, `ConditionalCheckFailed`...) */
  reasons?: string[];
  /** the error's name and message when outcome is not ok */
  errorName?: string;
  errorMessage?: string;
  /** the raw response (AttributeValue form), for anything not lifted above */
  raw?: Record<string, unknown>;
}

/** Any DynamoDB input, in document or AttributeValue form; TableName defaults to the scenario's table. */
export type StepInput = Record<string, unknown> & { TableName?: string };

export interface FlowContext {
  get(step: string, input: StepInput): Promise<StepResult>;
  put(step: string, input: StepInput): Promise<StepResult>;
  update(step: string, input: StepInput): Promise<StepResult>;
  delete(step: string, input: StepInput): Promise<StepResult>;
  query(step: string, input: StepInput): Promise<StepResult>;
  scan(step: string, input: StepInput): Promise<StepResult>;
  /** RequestItems keyed by table name (the scenario's table name, or any table it declares) */
  batchGet(step: string, input: StepInput): Promise<StepResult>;
  batchWrite(step: string, input: StepInput): Promise<StepResult>;
  transactGet(step: string, input: StepInput): Promise<StepResult>;
  transactWrite(step: string, input: StepInput): Promise<StepResult>;
  /** a draw from key space `space` (its distribution), as `{space}` in YAML */
  key(space: string): number;
  /** the next key in order from key space `space`, as `{space.seq}` */
  seq(space: string): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  /** float in [min, max) */
  float(min: number, max: number): number;
  /** random printable text of `length` characters */
  text(length: number): string;
  uuid(): string;
  choice<T>(values: readonly T[]): T;
  /** think time: not counted in any step's latency (it is part of the flow's) */
  sleep(ms: number): Promise<void>;
  /** the scenario's table name */
  readonly table: string;
  /** this flow's state for its whole iteration (plain object, free to use) */
  readonly vars: Record<string, unknown>;
}

export type FlowFn = (ctx: FlowContext) => Promise<void> | void;

export interface FlowSpec {
  /** relative share of flow starts, default 1 */
  weight?: number;
  run: FlowFn;
}

/**
 * A scripted scenario: every field of a YAML scenario except `operations`, plus `flows`.
 * The model is checked by the same schema as YAML (see schema/scenario.schema.json).
 */
export interface ScenarioModule {
  name: string;
  description?: string;
  table: {
    name: string;
    partitionKey: { name: string; type: 'S' | 'N' | 'B' };
    sortKey?: { name: string; type: 'S' | 'N' | 'B' };
    indexes?: { name: string; partitionKey: { name: string; type: 'S' | 'N' | 'B' }; sortKey?: { name: string; type: 'S' | 'N' | 'B' }; projection?: unknown }[];
    billingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
    readCapacityUnits?: number;
    writeCapacityUnits?: number;
  };
  keys?: Record<string, { count: number; distribution?: string; theta?: number; hotFraction?: number; hotOpFraction?: number }>;
  seed?: { items: number; item: Record<string, unknown> };
  phases: { name: string; duration: string | number; rate?: number; rampTo?: number; workers?: number; thinkTime?: string | number; warmup?: boolean }[];
  mode?: 'open' | 'closed';
  concurrency?: number;
  gates?: string[];
  retries?: { maxAttempts?: number; mode?: 'standard' | 'adaptive' };
  randomSeed?: number;
  requestTimeout?: string | number;
  sweep?: Record<string, unknown>;
  abort?: string[];
  /**
   * The DynamoDB operations the flows call (`['GetItem', 'TransactWriteItems']`). Optional; when
   * given, a target that cannot run one is refused before anything is created (dynalite has no
   * transactions), and a call of any kind not listed is a flow error.
   */
  uses?: ('GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'Scan' | 'BatchGetItem' | 'BatchWriteItem' | 'TransactWriteItems' | 'TransactGetItems')[];
  flows: Record<string, FlowSpec | FlowFn>;
}
