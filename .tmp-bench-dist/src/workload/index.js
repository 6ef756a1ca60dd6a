// The workload: from a validated Scenario, a deterministic stream of DynamoDB requests.
// Pure: no I/O, no AWS SDK, no wall clock unless none is injected. Same scenario + seed (+ clock)
// gives the same sequence of requests, in any process.
//
// Random streams are forked by name from one root ('operations', 'values', 'key:<space>',
// 'seed/...'), so the seed pass never shifts the run's draws, and one key space's draws never
// shift another's. The seed pass and the run share the `.seq` counters, so inserts during the
// run continue after the seeded keys (and `latest` favours them).
import { EvalContext } from './context.js';
import { KeySpace } from './keyspace.js';
import { compileOperation } from './requests.js';
import { Rng } from './rng.js';
import { compileMap } from './template.js';
export { estimateItemBytes } from './attributes.js';
/** Every declared key attribute type: the table's and its indexes' (they must agree). */
function keyTypesOf(scenario) {
    const types = new Map();
    const table = scenario.table;
    for (const attr of [table.partitionKey, table.sortKey, ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
        if (attr !== undefined && !types.has(attr.name))
            types.set(attr.name, attr.type);
    }
    return types;
}
function shardProblems(shard) {
    if (shard === undefined)
        return [];
    const { index, count } = shard;
    if (Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 0 && index < count)
        return [];
    return [{ path: 'shard', message: `needs integers 0 <= index < count, got index ${index} of ${count}` }];
}
/** Compiles every template and operation once; all problems come back together. */
export function compileWorkload(scenario, opts = {}) {
    const problems = shardProblems(opts.shard);
    if (problems.length > 0)
        return { ok: false, problems };
    const shard = opts.shard ?? { index: 0, count: 1 };
    const now = opts.now ?? Date.now;
    let root = new Rng(opts.seed ?? scenario.randomSeed);
    // Each shard gets its own streams, so n machines do not pick operations in lockstep.
    if (shard.count > 1)
        root = root.fork(`shard:${shard.index}/${shard.count}`);
    if (opts.stream !== undefined)
        root = root.fork(opts.stream);
    const spaceNames = Object.keys(scenario.keys);
    const spaces = spaceNames.map((name) => new KeySpace(name, scenario.keys[name], shard));
    const seqs = spaces.map((space) => () => space.nextSeq());
    const contextFor = (prefix) => new EvalContext(root.fork(`${prefix}values`), now, spaces.map((space) => space.drawer(root.fork(`${prefix}key:${space.name}`))), seqs);
    const runCtx = contextFor('');
    const seedCtx = contextFor('seed/');
    const env = {
        spaces: new Map(spaceNames.map((name, i) => [name, i])),
        problems,
        table: scenario.table,
        keyTypes: keyTypesOf(scenario),
    };
    const builders = new Map();
    scenario.operations.forEach((op, i) => builders.set(op.name, compileOperation(op, env, `operations[${i}]`)));
    const seed = scenario.seed;
    const seedItem = seed === undefined ? undefined : compileMap(seed.item, env.keyTypes, env, 'seed.item');
    const cumulative = [];
    const fns = [];
    let totalWeight = 0;
    for (const op of scenario.operations) {
        totalWeight += op.weight > 0 ? op.weight : 0;
        cumulative.push(totalWeight);
        fns.push(builders.get(op.name));
    }
    if (!(totalWeight > 0))
        problems.push({ path: 'operations', message: 'the operation weights must add up to more than 0' });
    if (problems.length > 0)
        return { ok: false, problems };
    const opRng = root.fork('operations');
    const seedCount = seed === undefined ? 0 : shareOf(seed.items, shard);
    const workload = {
        operationNames: scenario.operations.map((op) => op.name),
        next() {
            // first cumulative weight above r: zero-weight operations are never picked
            const r = opRng.nextFloat() * totalWeight;
            let lo = 0;
            let hi = cumulative.length - 1;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (cumulative[mid] > r)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            return fns[lo](runCtx);
        },
        build(opName) {
            const fn = builders.get(opName);
            if (fn === undefined)
                throw new RangeError(`no operation named "${opName}" in scenario ${scenario.name}`);
            return fn(runCtx);
        },
        *seedItems() {
            if (seedItem === undefined)
                return;
            for (let i = 0; i < seedCount; i++) {
                seedCtx.fresh();
                yield seedItem(seedCtx);
            }
        },
    };
    return { ok: true, workload };
}
/** items of `total` that shard i of n makes: exactly the k < total with k % n === i */
function shareOf(total, shard) {
    return Math.floor(total / shard.count) + (shard.index < total % shard.count ? 1 : 0);
}
/**
 * compileWorkload for a scenario that already passed validation: a problem left here is a bug
 * (or a case the validator does not cover yet), so it throws with every problem listed.
 */
export function createWorkload(scenario, opts) {
    const result = compileWorkload(scenario, opts);
    if (result.ok)
        return result.workload;
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new Error(`scenario ${scenario.name} cannot be turned into requests:\n${lines}`);
}
/** The problems compileWorkload would report (for `ddbench validate`), without keeping the workload. */
export function workloadProblems(scenario) {
    const result = compileWorkload(scenario, { now: () => 0 });
    return result.ok ? [] : result.problems;
}
//# sourceMappingURL=index.js.map