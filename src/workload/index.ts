// The workload: from a validated Scenario, a deterministic stream of DynamoDB requests.
// Pure: no I/O, no AWS SDK, no wall clock unless none is injected. Same scenario + seed (+ clock)
// gives the same sequence of requests, in any process.
//
// Random streams are forked by name from one root ('operations', 'values', 'key:<space>',
// 'seed/...'), so the seed pass never shifts the run's draws, and one key space's draws never
// shift another's. The seed pass and the run share the `.seq` counters, so inserts during the
// run continue after the seeded keys (and `latest` favours them).

import type { KeyType, Request, Scenario, ScenarioProblem } from '../types.js';
import type { AttributeMap } from './attributes.js';
import { EvalContext } from './context.js';
import { KeySpace, WHOLE, type Shard } from './keyspace.js';
import { compileOperation, type RequestEnv, type RequestFn } from './requests.js';
import { Rng } from './rng.js';
import { compileMap } from './template.js';

export { estimateItemBytes } from './attributes.js';
export { shardOf, WHOLE, type Shard } from './keyspace.js';

export interface WorkloadOptions {
  /** defaults to scenario.randomSeed */
  seed?: number;
  /** epoch milliseconds for timestamp() / timestampMs() / ttl(); defaults to Date.now */
  now?: () => number;
  /**
   * This process's part of a multi-machine run: shard `index` of `count` draws and loads only
   * the keys k with k % count === index, and the seed pass makes only its share of the items.
   */
  shard?: Shard;
  /**
   * Name of an independent random stream: load workers of one process each take their own
   * (`worker:1`...), so they do not send the same operations in lockstep. Keys stay the same.
   */
  stream?: string;
}

export interface Workload {
  operationNames: string[];
  /** an operation chosen by weight, built */
  next(): Request;
  /** the named operation, built; throws RangeError for a name the scenario does not have */
  build(opName: string): Request;
  /** the seed items (scenario.seed.items of them, this shard's share), in `.seq` order */
  seedItems(): Generator<AttributeMap>;
  /** scenario scripts: the seeded draws a flow's context offers (own streams, same key spaces) */
  flowDraws(): FlowDraws;
}

export interface FlowDraws {
  rng: Rng;
  /** a fresh draw from the named key space; RangeError for a name the scenario does not declare */
  key(space: string): number;
  seq(space: string): number;
}

export type CompileResult = { ok: true; workload: Workload } | { ok: false; problems: ScenarioProblem[] };

/** Every declared key attribute type: the table's and its indexes' (they must agree). */
function keyTypesOf(scenario: Scenario): Map<string, KeyType> {
  const types = new Map<string, KeyType>();
  const table = scenario.table;
  for (const attr of [table.partitionKey, table.sortKey, ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
    if (attr !== undefined && !types.has(attr.name)) types.set(attr.name, attr.type);
  }
  return types;
}

function shardProblems(shard: Shard | undefined): ScenarioProblem[] {
  if (shard === undefined) return [];
  const { index, count } = shard;
  if (Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 0 && index < count) return [];
  return [{ path: 'shard', message: `needs integers 0 <= index < count, got index ${index} of ${count}` }];
}

/** Compiles every template and operation once; all problems come back together. */
export function compileWorkload(scenario: Scenario, opts: WorkloadOptions = {}): CompileResult {
  const problems = shardProblems(opts.shard);
  if (problems.length > 0) return { ok: false, problems };
  const shard = opts.shard ?? WHOLE;
  const now = opts.now ?? Date.now;
  let root = new Rng(opts.seed ?? scenario.randomSeed);
  // Each shard gets its own streams, so n machines do not pick operations in lockstep.
  if (shard.count > 1) root = root.fork(`shard:${shard.index}/${shard.count}`);
  if (opts.stream !== undefined) root = root.fork(opts.stream);

  const spaceNames = Object.keys(scenario.keys);
  const spaces = spaceNames.map((name) => new KeySpace(name, scenario.keys[name]!, shard));
  const seqs = spaces.map((space) => () => space.nextSeq());
  const contextFor = (prefix: string): EvalContext =>
    new EvalContext(
      root.fork(`${prefix}values`),
      now,
      spaces.map((space) => space.drawer(root.fork(`${prefix}key:${space.name}`))),
      seqs,
    );
  const runCtx = contextFor('');
  const flowRoot = root.fork('flows');
  const flowDraws: FlowDraws = {
    rng: flowRoot.fork('values'),
    key: (() => {
      const draws = spaces.map((space) => space.drawer(flowRoot.fork(`key:${space.name}`)));
      return (name: string) => {
        const i = spaceNames.indexOf(name);
        if (i < 0) throw new RangeError(`no key space "${name}" (declared: ${spaceNames.join(', ') || 'none'})`);
        return draws[i]!();
      };
    })(),
    seq: (name: string) => {
      const i = spaceNames.indexOf(name);
      if (i < 0) throw new RangeError(`no key space "${name}" (declared: ${spaceNames.join(', ') || 'none'})`);
      return seqs[i]!();
    },
  };
  const seedCtx = contextFor('seed/');

  const env: RequestEnv = {
    spaces: new Map(spaceNames.map((name, i) => [name, i])),
    problems,
    table: scenario.table,
    keyTypes: keyTypesOf(scenario),
  };
  const builders = new Map<string, RequestFn>();
  scenario.operations.forEach((op, i) => builders.set(op.name, compileOperation(op, env, `operations[${i}]`)));
  const seed = scenario.seed;
  const seedItem = seed === undefined ? undefined : compileMap(seed.item, env.keyTypes, env, 'seed.item');

  const cumulative: number[] = [];
  const fns: RequestFn[] = [];
  let totalWeight = 0;
  for (const op of scenario.operations) {
    totalWeight += op.weight > 0 ? op.weight : 0;
    cumulative.push(totalWeight);
    fns.push(builders.get(op.name)!);
  }
  // a script's flows replace the operations (src/flows/)
  if (!(totalWeight > 0) && scenario.script === undefined) problems.push({ path: 'operations', message: 'the operation weights must add up to more than 0' });
  if (problems.length > 0) return { ok: false, problems };

  const opRng = root.fork('operations');
  const seedCount = seed === undefined ? 0 : shareOf(seed.items, shard);

  const workload: Workload = {
    operationNames: scenario.operations.map((op) => op.name),
    next(): Request {
      // first cumulative weight above r: zero-weight operations are never picked
      const r = opRng.nextFloat() * totalWeight;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      return fns[lo]!(runCtx);
    },
    build(opName: string): Request {
      const fn = builders.get(opName);
      if (fn === undefined) throw new RangeError(`no operation named "${opName}" in scenario ${scenario.name}`);
      return fn(runCtx);
    },
    flowDraws: () => flowDraws,
    *seedItems(): Generator<AttributeMap> {
      if (seedItem === undefined) return;
      for (let i = 0; i < seedCount; i++) {
        seedCtx.fresh();
        yield seedItem(seedCtx);
      }
    },
  };
  return { ok: true, workload };
}

/** items of `total` that shard i of n makes: exactly the k < total with k % n === i */
function shareOf(total: number, shard: Shard): number {
  return Math.floor(total / shard.count) + (shard.index < total % shard.count ? 1 : 0);
}

/**
 * compileWorkload for a scenario that already passed validation: a problem left here is a bug
 * (or a case the validator does not cover yet), so it throws with every problem listed.
 */
export function createWorkload(scenario: Scenario, opts?: WorkloadOptions): Workload {
  const result = compileWorkload(scenario, opts);
  if (result.ok) return result.workload;
  const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
  throw new Error(`scenario ${scenario.name} cannot be turned into requests:\n${lines}`);
}

/** The problems compileWorkload would report (for `ddbench validate`), without keeping the workload. */
export function workloadProblems(scenario: Scenario): ScenarioProblem[] {
  const result = compileWorkload(scenario, { now: () => 0 });
  return result.ok ? [] : result.problems;
}
