// Semantic checks that span fields, run after (and independently of) the zod shape check, on
// whatever parts of the file are well formed, so that every problem is reported in one go.

import { checkOperation, type OpContext, type TableView } from './check-ops.js';
import { checkSweep } from './check-sweep.js';
import { isUnreachableOff, parseAbortRule } from '../abort/parse.js';
import type { GateParser } from '../gates/parse.js';
import { checkItemSize, checkItemTemplate, checkTemplate, keyRoles, type KeyRole } from './check-templates.js';
import { durationToMs } from '../grammar/duration.js';
import { LIMITS, LIMIT_TEXT } from './limits.js';
import type { RawProblem } from './issues.js';
import { isFields, lenient, lenientList, type Fields } from './lenient.js';
import { IndexSchema, KeySpaceSchema, OperationSchema, PhaseSchema, SeedSchema, TableSchema } from './schema.js';

/** `extraRuleNames`: names a rule may address beyond the operations (a script's flows and steps, src/scenario/rule-names.ts). */
export function checkScenario(raw: unknown, parseGate: GateParser, extraRuleNames: (expr: string) => string[] = () => []): RawProblem[] {
  const problems: RawProblem[] = [];
  if (!isFields(raw)) return problems;
  const keySpaces = new Set(isFields(raw.keys) ? Object.keys(raw.keys) : []);
  const table = checkTable(raw.table, problems);
  const ctx: OpContext = { keySpaces, problems, table };

  checkKeySpaces(raw.keys, problems);
  checkSeed(raw.seed, ctx);

  const operations = lenientList(OperationSchema, raw.operations);
  const seen = new Map<string, number>();
  operations.forEach(({ raw: opRaw, value: op }, i) => {
    if (op.name !== undefined) {
      const first = seen.get(op.name);
      if (first !== undefined) problems.push({ path: ['operations', i, 'name'], message: `duplicate operation name "${op.name}" (also operations[${first}])` });
      else seen.set(op.name, i);
    }
    checkOperation(opRaw, op, ['operations', i], ctx);
  });

  checkPhases(raw, problems);
  if ((typeof raw.requestTimeout === 'string' || typeof raw.requestTimeout === 'number') && !((durationToMs(raw.requestTimeout) ?? 0) <= LIMITS.requestTimeoutMs)) {
    problems.push({ path: ['requestTimeout'], message: `expected a duration ${LIMIT_TEXT.requestTimeout}, got ${JSON.stringify(raw.requestTimeout)}` });
  }

  if (Array.isArray(raw.gates)) {
    const names = [...seen.keys()];
    raw.gates.forEach((gate: unknown, i) => {
      if (typeof gate !== 'string') return;
      const parsed = parseGate(gate, names);
      if (!parsed.ok) problems.push({ path: ['gates', i], message: parsed.message });
    });
  }
  checkSweep(raw.sweep, [...seen.keys()], parseGate, problems);
  if (Array.isArray(raw.abort)) {
    const names = [...seen.keys()];
    raw.abort.forEach((expr: unknown, i) => {
      if (typeof expr !== 'string' || isUnreachableOff(expr)) return;
      const parsed = parseAbortRule(expr, [...names, ...extraRuleNames(expr)]);
      if (!parsed.ok) problems.push({ path: ['abort', i], message: parsed.message });
    });
  }
  return problems;
}

function checkTable(rawTable: unknown, problems: RawProblem[]): TableView | undefined {
  const table = lenient(TableSchema, rawTable);
  if (table === undefined) return undefined;
  const billing = table.billingMode ?? 'PAY_PER_REQUEST';
  for (const field of ['readCapacity', 'writeCapacity'] as const) {
    const present = isFields(rawTable) && Object.hasOwn(rawTable, field);
    if (billing === 'PROVISIONED' && !present) problems.push({ path: ['table', field], message: 'missing, required with billingMode PROVISIONED' });
    if (billing === 'PAY_PER_REQUEST' && present) {
      problems.push({ path: ['table', field], message: 'only used with billingMode PROVISIONED (the table is on-demand)' });
    }
  }
  if (table.partitionKey !== undefined && table.sortKey?.name === table.partitionKey.name) {
    problems.push({ path: ['table', 'sortKey', 'name'], message: `the sort key cannot be the partition key "${table.partitionKey.name}"` });
  }

  // DynamoDB holds one type per attribute across the table's and the indexes' key schemas
  const types = new Map<string, { type: string; where: string }>();
  const declare = (attr: KeyRole, path: (string | number)[], where: string): boolean => {
    const known = types.get(attr.name);
    if (known === undefined) types.set(attr.name, { type: attr.type, where });
    else if (known.type !== attr.type) {
      problems.push({ path, message: `"${attr.name}" is type ${known.type} in ${known.where}; one attribute has one type` });
      return false;
    }
    return true;
  };
  const tableKeys = table.partitionKey === undefined ? [] : keyRoles(table.partitionKey, table.sortKey);
  tableKeys.forEach((k) => declare(k, ['table', k.role === 'partition' ? 'partitionKey' : 'sortKey', 'type'], 'the table key'));

  const indexes = new Map<string, KeyRole[]>();
  const indexKeys: KeyRole[] = [];
  const rawIndexes = isFields(rawTable) ? rawTable.indexes : undefined;
  lenientList(IndexSchema, rawIndexes).forEach(({ value: index }, i) => {
    if (index.name === undefined || index.partitionKey === undefined) return;
    if (indexes.has(index.name)) problems.push({ path: ['table', 'indexes', i, 'name'], message: `duplicate index name "${index.name}"` });
    const keys = keyRoles(index.partitionKey, index.sortKey);
    indexes.set(index.name, keys);
    for (const k of keys) {
      const path = ['table', 'indexes', i, k.role === 'partition' ? 'partitionKey' : 'sortKey', 'type'];
      if (declare(k, path, `index ${index.name}`)) indexKeys.push(k);
    }
  });
  if (table.partitionKey === undefined) return undefined;
  const label = table.name === undefined ? 'the table' : `table ${table.name}`;
  return { name: table.name, label, keys: tableKeys, indexes, indexKeys };
}

const SKEWED = new Set(['zipfian', 'scrambled-zipfian', 'scrambled_zipfian', 'scrambledZipfian', 'latest']);

function checkKeySpaces(rawKeys: unknown, problems: RawProblem[]): void {
  if (!isFields(rawKeys)) return;
  for (const [name, rawSpace] of Object.entries(rawKeys)) {
    const space = lenient(KeySpaceSchema, rawSpace);
    if (space?.distribution === undefined) continue;
    const { distribution } = space;
    if (space.theta !== undefined && !SKEWED.has(distribution)) {
      problems.push({ path: ['keys', name, 'theta'], message: `only used by zipfian, scrambled-zipfian and latest, not ${distribution}` });
    }
    for (const field of ['hotFraction', 'hotOpFraction'] as const) {
      if (space[field] !== undefined && distribution !== 'hotspot') {
        problems.push({ path: ['keys', name, field], message: `only used by hotspot, not ${distribution}` });
      }
    }
  }
}

function checkSeed(rawSeed: unknown, ctx: OpContext): void {
  const seed = lenient(SeedSchema, rawSeed);
  if (seed?.item === undefined) return;
  checkTemplate(seed.item, ['seed', 'item'], ctx);
  checkItemSize(seed.item, ['seed', 'item'], 'the seed item', ctx);
  const table = ctx.table;
  if (table !== undefined) checkItemTemplate(seed.item, ['seed', 'item'], table.keys, table.indexKeys, table.label, ctx);
}

function checkPhases(raw: Fields, problems: RawProblem[]): void {
  const mode = raw.mode === 'closed' ? 'closed' : 'open';
  const concurrency = typeof raw.concurrency === 'number' ? raw.concurrency : undefined;
  const phases = lenientList(PhaseSchema, raw.phases);
  const names = new Map<string, number>();
  let measured = 0;
  phases.forEach(({ raw: phaseRaw, value: phase }, i) => {
    const at = ['phases', i];
    const has = (field: string): boolean => Object.hasOwn(phaseRaw, field);
    if (phase.name !== undefined) {
      const first = names.get(phase.name);
      if (first !== undefined) problems.push({ path: [...at, 'name'], message: `duplicate phase name "${phase.name}" (also phases[${first}])` });
      else names.set(phase.name, i);
    }
    if (phase.duration !== undefined && durationToMs(phase.duration) === 0) {
      problems.push({ path: [...at, 'duration'], message: `expected a duration above 0, got ${JSON.stringify(phase.duration)}` });
    }
    if (phase.duration !== undefined && !((durationToMs(phase.duration) ?? 0) <= LIMITS.phaseDurationMs)) {
      problems.push({ path: [...at, 'duration'], message: `expected a duration ${LIMIT_TEXT.duration}, got ${JSON.stringify(phase.duration)}` });
    }
    if (phase.thinkTime !== undefined && !((durationToMs(phase.thinkTime) ?? 0) <= LIMITS.thinkTimeMs)) {
      problems.push({ path: [...at, 'thinkTime'], message: `expected a duration ${LIMIT_TEXT.thinkTime}, got ${JSON.stringify(phase.thinkTime)}` });
    }
    if (phase.warmup !== true) measured += 1;
    if (mode === 'open') {
      if (!has('rate')) problems.push({ path: [...at, 'rate'], message: 'missing, every phase needs a rate in open mode (operations per second)' });
      for (const field of ['workers', 'thinkTime'] as const) {
        if (has(field)) problems.push({ path: [...at, field], message: `only used in closed mode (mode: closed)` });
      }
    } else {
      for (const field of ['rate', 'rampTo'] as const) {
        if (has(field)) problems.push({ path: [...at, field], message: 'not used in closed mode, where workers set the load' });
      }
      if (phase.workers !== undefined && concurrency !== undefined && phase.workers > concurrency) {
        problems.push({ path: [...at, 'workers'], message: `${phase.workers} workers is more than concurrency ${concurrency}` });
      }
    }
    if (mode === 'open' && has('rampTo') && !has('rate')) {
      problems.push({ path: [...at, 'rampTo'], message: 'needs rate, the rate the ramp starts from' });
    }
  });
  if (phases.length > 0 && measured === 0) {
    problems.push({ path: ['phases'], message: 'every phase is a warm-up; at least one phase must be measured (warmup: false)' });
  }
}
