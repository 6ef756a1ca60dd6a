// The scenario FILE format (what users write), as a zod schema. Objects are strict: an
// unknown key is an error, since a misspelt option silently ignored is a wrong benchmark.
// Only the shape of each value is checked here; rules that span fields (an op's required
// fields, placeholders, key attributes...) are in check*.ts, so all problems come out together.
// Defaults are filled in by normalise.ts, not here, so this schema is also the published
// JSON Schema (input side) without transforms.

import { z } from 'zod';
import { OP_TYPES, TRANSACT_ITEM_TYPES, type Template } from '../types.js';
import { DURATION_PATTERN } from '../grammar/duration.js';
import { LIMITS, LIMIT_TEXT } from './limits.js';

export const SCENARIO_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** DynamoDB's rule for table and index names */
export const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;
/** no dots: gates address an operation's statistics as `name.p99` */
export const OPERATION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const KEY_SPACE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const VALUE_PLACEHOLDER_PATTERN = /^:[A-Za-z0-9_]+$/;
export const NAME_PLACEHOLDER_PATTERN = /^#[A-Za-z0-9_]+$/;

export { OP_TYPES, TRANSACT_ITEM_TYPES };

/** Accepted spellings of distributions; normalise.ts maps the aliases to the canonical name. */
export const DISTRIBUTION_NAMES = [
  'uniform',
  'zipfian',
  'scrambled-zipfian',
  'scrambled_zipfian',
  'scrambledZipfian',
  'hotspot',
  'latest',
  'sequential',
] as const;

const e = (message: string) => ({ error: message });

const positiveNumber = (what = 'a positive number') => z.number(e(`expected ${what}`)).positive(e(`expected ${what}`));
const positiveInt = (what = 'a positive integer') =>
  z.number(e(`expected ${what}`)).int(e(`expected ${what}`)).positive(e(`expected ${what}`));
const intIn = (min: number, max: number) => {
  const m = `expected an integer from ${min} to ${max}`;
  return z.number(e(m)).int(e(m)).min(min, e(m)).max(max, e(m));
};
/** a number in an interval: the bounds are inclusive unless marked exclusive */
const between = (what: string, min: number, max: number, exclusive: { min?: boolean; max?: boolean } = {}) => {
  const m = `expected ${what}`;
  const n = z.number(e(m));
  const low = exclusive.min === true ? n.gt(min, e(m)) : n.min(min, e(m));
  return exclusive.max === true ? low.lt(max, e(m)) : low.max(max, e(m));
};
const nonEmpty = (what: string) => z.string(e(`expected ${what}`)).regex(/\S/, e(`expected ${what}`));
const pattern = (re: RegExp, what: string) => z.string(e(`expected ${what}`)).regex(re, e(`expected ${what}`));

const DURATION_HELP = 'a duration like "500ms", "5s", "2m", "1h" or a number of seconds';
const duration = (positive: boolean) => {
  // the message goes on each branch too: zod reports the branch whose type matched
  const m = e(`expected ${DURATION_HELP}`);
  const seconds = positive ? z.number(m).positive(m) : z.number(m).min(0, m);
  return z.union([z.string(m).regex(DURATION_PATTERN, m), seconds], m).meta({ description: DURATION_HELP });
};

export const TemplateSchema: z.ZodType<Template> = z
  .lazy(() =>
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(TemplateSchema), z.record(z.string(), TemplateSchema)], e('expected a string, number, boolean, null, list or mapping')),
  )
  .meta({
    id: 'Template',
    description: 'A value; strings may hold placeholders: {keySpace}, {keySpace.seq}, {int(a,b)}, {float(a,b)}, {text(n)}, {bytes(n)}, {uuid()}, {timestamp()}, {timestampMs()}, {ttl(s)}, {choice(a,b,...)}. {{ and }} are literal braces.',
  });

const TemplateMapSchema = z.record(z.string(), TemplateSchema);
const ValuesSchema = z.record(pattern(VALUE_PLACEHOLDER_PATTERN, 'a value placeholder like ":name"'), TemplateSchema);
const NamesSchema = z.record(pattern(NAME_PLACEHOLDER_PATTERN, 'a name placeholder like "#name"'), nonEmpty('an attribute name'));
const expression = (what: string) => nonEmpty(what);

const KeyAttributeSchema = z.strictObject({
  // DynamoDB: a key attribute's name is 1 to 255 bytes
  name: nonEmpty('an attribute name').refine((n) => Buffer.byteLength(n, 'utf8') <= 255, e('expected a key attribute name of at most 255 bytes')),
  type: z.enum(['S', 'N', 'B'], e('expected S, N or B')),
});

const ProjectionSchema = z.union(
  [z.enum(['ALL', 'KEYS_ONLY']), z.strictObject({ include: z.array(nonEmpty('an attribute name')).min(1) })],
  e('expected ALL, KEYS_ONLY or { include: [attribute, ...] }'),
);

export const IndexSchema = z.strictObject({
  name: pattern(TABLE_NAME_PATTERN, 'an index name of 3 to 255 characters a-z A-Z 0-9 _ - .'),
  partitionKey: KeyAttributeSchema,
  sortKey: KeyAttributeSchema.optional(),
  projection: ProjectionSchema.optional().meta({ description: 'default ALL' }),
});

export const TableSchema = z.strictObject({
  name: pattern(TABLE_NAME_PATTERN, 'a table name of 3 to 255 characters a-z A-Z 0-9 _ - .'),
  partitionKey: KeyAttributeSchema,
  sortKey: KeyAttributeSchema.optional(),
  indexes: z.array(IndexSchema).optional().meta({ description: 'global secondary indexes' }),
  billingMode: z.enum(['PAY_PER_REQUEST', 'PROVISIONED'], e('expected PAY_PER_REQUEST or PROVISIONED')).optional(),
  readCapacity: positiveInt().optional().meta({ description: 'read capacity units, PROVISIONED only' }),
  writeCapacity: positiveInt().optional().meta({ description: 'write capacity units, PROVISIONED only' }),
});

export const KeySpaceSchema = z.strictObject({
  count: positiveInt().max(Number.MAX_SAFE_INTEGER, e('expected a positive integer')),
  distribution: z.enum(DISTRIBUTION_NAMES, e(`expected one of uniform, zipfian, scrambled-zipfian, hotspot, latest, sequential`)),
  theta: between('a number above 0 and at most 0.9999', 0, 0.9999, { min: true })
    .optional()
    .meta({ description: 'skew of zipfian, scrambled-zipfian and latest; default 0.99' }),
  hotFraction: between('a number above 0 and below 1', 0, 1, { min: true, max: true })
    .optional()
    .meta({ description: 'hotspot: share of keys that are hot; default 0.2' }),
  hotOpFraction: between('a number from 0 to 1', 0, 1)
    .optional()
    .meta({ description: 'hotspot: share of draws that go to hot keys; default 0.8' }),
});

export const SeedSchema = z.strictObject({
  items: z.number(e('expected an integer >= 0')).int(e('expected an integer >= 0')).min(0, e('expected an integer >= 0')),
  item: TemplateMapSchema,
});

export const TransactItemSchema = z.strictObject({
  type: z.enum(TRANSACT_ITEM_TYPES, e(`expected one of ${TRANSACT_ITEM_TYPES.join(', ')}`)),
  table: pattern(TABLE_NAME_PATTERN, 'a table name').optional().meta({ description: "default: the scenario's table" }),
  key: TemplateMapSchema.optional(),
  item: TemplateMapSchema.optional(),
  update: expression('an update expression').optional(),
  condition: expression('a condition expression').optional(),
  projection: expression('a projection expression').optional(),
  names: NamesSchema.optional(),
  values: ValuesSchema.optional(),
});

export const OperationSchema = z.strictObject({
  name: pattern(OPERATION_NAME_PATTERN, 'an operation name of 1 to 64 characters a-z A-Z 0-9 _ -'),
  weight: positiveNumber(),
  type: z.enum(OP_TYPES, e(`expected one of ${OP_TYPES.join(', ')}`)),
  key: TemplateMapSchema.optional(),
  item: TemplateMapSchema.optional(),
  update: expression('an update expression').optional(),
  condition: expression('a condition expression').optional(),
  filter: expression('a filter expression').optional(),
  projection: expression('a projection expression').optional(),
  keyCondition: expression('a key condition expression').optional(),
  names: NamesSchema.optional(),
  values: ValuesSchema.optional(),
  index: nonEmpty('an index name').optional(),
  limit: positiveInt().optional(),
  scanForward: z.boolean(e('expected true or false')).optional(),
  consistentRead: z.boolean(e('expected true or false')).optional(),
  count: positiveInt().optional().meta({ description: 'BatchGetItem (1-100) / BatchWriteItem (1-25) elements per request; default 1' }),
  items: z.array(TransactItemSchema).optional(),
});

export const PhaseSchema = z.strictObject({
  name: nonEmpty('a phase name'),
  duration: duration(true),
  rate: positiveNumber().max(LIMITS.rateOpsPerSec, e(`expected ${LIMIT_TEXT.rate}`)).optional().meta({ description: 'open loop: operations per second' }),
  rampTo: positiveNumber().max(LIMITS.rateOpsPerSec, e(`expected ${LIMIT_TEXT.rate}`)).optional().meta({ description: 'open loop: ramp linearly from rate to this rate' }),
  workers: positiveInt().max(LIMITS.concurrency, e(`expected ${LIMIT_TEXT.concurrency}`)).optional().meta({ description: 'closed loop: workers, default concurrency' }),
  thinkTime: duration(false).optional().meta({ description: "closed loop: pause between a worker's operations" }),
  warmup: z.boolean(e('expected true or false')).optional().meta({ description: 'left out of verdicts and gates' }),
});

/** `x2` / `*1.5` (multiply the rate each step) or `+500` (add to it) */
export const SWEEP_STEP_PATTERN = /^\s*(?:[x*×]\s*\d+(?:\.\d+)?|\+\s*\d+(?:\.\d+)?)\s*$/;
/** `1%`, `0.5 %` or a bare number of percent */
export const PERCENT_PATTERN = /^\s*\d+(?:\.\d+)?\s*%?\s*$/;

const percent = (what: string) =>
  z.union([between(what, 0, 100), pattern(PERCENT_PATTERN, what)], e(`expected ${what}`)).meta({ description: `${what}: a number or "1%"` });

export const SweepSchema = z.strictObject({
  from: positiveNumber().optional().meta({ description: 'first measured step, ops/s (--from)' }),
  to: positiveNumber().optional().meta({ description: 'highest step, ops/s, inclusive (--to)' }),
  step: pattern(SWEEP_STEP_PATTERN, 'a step like "x2" (multiply the rate) or "+500" (add to it)').optional().meta({ description: 'default x2 (--step)' }),
  stepDuration: duration(true).optional().meta({ description: 'length of each step, default 30s (--step-duration)' }),
  warmup: duration(false).optional().meta({ description: 'warm-up step at `from` before the first measured step, default 5s; 0 for none (--warmup)' }),
  slo: z.array(nonEmpty('a gate like "p99 < 10ms"')).optional().meta({ description: 'gates every step must meet, default ["p99 < 10ms"] (--slo)' }),
  maxErrorRate: percent('a percentage from 0 to 100').optional().meta({ description: 'highest error rate a step may have, default 1% (--max-error-rate)' }),
  minAchieved: percent('a percentage from 0 to 100').optional().meta({ description: 'achieved / target rate below which the target cannot keep up, default 90% (--min-achieved)' }),
  maxLateSends: percent('a percentage from 0 to 100')
    .optional()
    .meta({ description: 'share of operations that may leave over 5 ms after their intended start before the target (or the load generator) counts as not keeping up, default 5% (--max-late-sends)' }),
});

export const RetriesSchema = z.strictObject({
  maxAttempts: intIn(1, 10).optional().meta({ description: 'attempts including the first, default 3' }),
  mode: z.enum(['standard', 'adaptive'], e('expected standard or adaptive')).optional(),
});

export const ScenarioFileSchema = z
  .strictObject({
    $schema: z.string(e('expected a string')).optional(),
    name: pattern(SCENARIO_NAME_PATTERN, 'a name of 1 to 64 characters a-z A-Z 0-9 . _ -'),
    description: z.string(e('expected a string')).optional(),
    table: TableSchema,
    keys: z
      .record(pattern(KEY_SPACE_NAME_PATTERN, 'a key space name like player or game_id'), KeySpaceSchema)
      .optional()
      .meta({ description: 'key spaces that templates draw from: {player}' }),
    seed: SeedSchema.optional(),
    operations: z.array(OperationSchema).min(1, e('expected at least one operation')),
    phases: z.array(PhaseSchema).min(1, e('expected at least one phase')),
    mode: z.enum(['open', 'closed'], e('expected open or closed')).optional().meta({ description: 'default open' }),
    concurrency: positiveInt().max(LIMITS.concurrency, e(`expected ${LIMIT_TEXT.concurrency}`)).optional().meta({ description: 'operations in flight at most, default 64' }),
    gates: z.array(z.string(e('expected a gate like "p99 < 10ms"'))).optional(),
    retries: RetriesSchema.optional(),
    randomSeed: z.number(e('expected an integer')).int(e('expected an integer')).optional().meta({ description: 'default 1' }),
    requestTimeout: duration(true).optional().meta({ description: 'default 5s' }),
    sweep: SweepSchema.optional().meta({ description: 'defaults for `ddbench sweep` (its flags override them); `run` ignores this block' }),
    abort: z
      .array(nonEmpty('an abort rule like "errors > 50% for 10s" or "unreachable for 5s"'))
      .optional()
      .meta({ description: 'stop the run early when a rule holds for its window: "errors > 50% for 10s", "unreachable for 5s", "p99 > 1s for 10s"' }),
  })
  .meta({ title: 'ddbench scenario' });

export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
export type TableFile = z.infer<typeof TableSchema>;
export type KeySpaceFile = z.infer<typeof KeySpaceSchema>;
export type OperationFile = z.infer<typeof OperationSchema>;
export type TransactItemFile = z.infer<typeof TransactItemSchema>;
export type PhaseFile = z.infer<typeof PhaseSchema>;
export type SeedFile = z.infer<typeof SeedSchema>;
export type SweepFile = z.infer<typeof SweepSchema>;

/** A scenario script's model (src/scenario/module.ts): as the file format, with flows in code instead of operations. */
export const ScriptFileSchema = ScenarioFileSchema.omit({ operations: true }).extend({
  operations: z.array(OperationSchema).max(0, e('a script has flows instead of operations')).optional(),
  uses: z
    .array(z.enum(OP_TYPES, e(`expected a DynamoDB operation: ${OP_TYPES.join(', ')}`)))
    .optional()
    .meta({ description: "the DynamoDB operations the flows call, so a target that cannot run one is refused before load; when given, a call of any other kind is a flow error" }),
});
