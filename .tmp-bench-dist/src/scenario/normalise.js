// From a valid scenario file to the runtime `Scenario`: defaults filled in one place,
// durations in milliseconds, distribution aliases mapped to their canonical names.
import { durationToMs } from './duration.js';
export const DEFAULTS = {
    mode: 'open',
    concurrency: 64,
    theta: 0.99,
    hotFraction: 0.2,
    hotOpFraction: 0.8,
    maxAttempts: 3,
    retryMode: 'standard',
    randomSeed: 1,
    requestTimeoutMs: 5000,
    batchCount: 1,
};
const DISTRIBUTION_ALIASES = {
    scrambled_zipfian: 'scrambled-zipfian',
    scrambledZipfian: 'scrambled-zipfian',
};
export function normaliseDistribution(name) {
    return DISTRIBUTION_ALIASES[name] ?? name;
}
/** Only called on a file that passed every check, so durations are known to parse. */
const ms = (d) => durationToMs(d) ?? Number.NaN;
export function normaliseScenario(file) {
    const mode = file.mode ?? DEFAULTS.mode;
    const phases = file.phases.map((p) => normalisePhase(p, mode, file.concurrency ?? DEFAULTS.concurrency));
    // closed loop without an explicit concurrency: the largest phase sets it (it sizes the connection pool)
    const concurrency = file.concurrency ?? (mode === 'closed' ? Math.max(...phases.map((p) => p.workers ?? 0)) : DEFAULTS.concurrency);
    const scenario = {
        name: file.name,
        ...(file.description === undefined ? {} : { description: file.description }),
        table: normaliseTable(file.table),
        keys: Object.fromEntries(Object.entries(file.keys ?? {}).map(([name, k]) => [
            name,
            {
                count: k.count,
                distribution: normaliseDistribution(k.distribution),
                theta: k.theta ?? DEFAULTS.theta,
                hotFraction: k.hotFraction ?? DEFAULTS.hotFraction,
                hotOpFraction: k.hotOpFraction ?? DEFAULTS.hotOpFraction,
            },
        ])),
        ...(file.seed === undefined ? {} : { seed: { items: file.seed.items, item: file.seed.item } }),
        operations: file.operations.map((op) => normaliseOperation(op, file.table.name)),
        phases,
        mode,
        concurrency,
        gates: file.gates ?? [],
        retries: {
            maxAttempts: file.retries?.maxAttempts ?? DEFAULTS.maxAttempts,
            mode: file.retries?.mode ?? DEFAULTS.retryMode,
        },
        randomSeed: file.randomSeed ?? DEFAULTS.randomSeed,
        requestTimeoutMs: file.requestTimeout === undefined ? DEFAULTS.requestTimeoutMs : ms(file.requestTimeout),
    };
    return scenario;
}
function normaliseTable(t) {
    const table = {
        name: t.name,
        partitionKey: { ...t.partitionKey },
        indexes: (t.indexes ?? []).map((ix) => {
            const index = { name: ix.name, partitionKey: { ...ix.partitionKey }, projection: ix.projection ?? 'ALL' };
            if (ix.sortKey !== undefined)
                index.sortKey = { ...ix.sortKey };
            return index;
        }),
        billingMode: t.billingMode ?? 'PAY_PER_REQUEST',
    };
    if (t.sortKey !== undefined)
        table.sortKey = { ...t.sortKey };
    if (t.readCapacity !== undefined)
        table.readCapacityUnits = t.readCapacity;
    if (t.writeCapacity !== undefined)
        table.writeCapacityUnits = t.writeCapacity;
    return table;
}
function normaliseOperation(op, tableName) {
    const { items, ...rest } = op;
    const spec = { ...rest };
    if ((op.type === 'BatchGetItem' || op.type === 'BatchWriteItem') && spec.count === undefined)
        spec.count = DEFAULTS.batchCount;
    if (items !== undefined) {
        spec.items = items.map((item) => ({ ...item, table: item.table ?? tableName }));
    }
    return spec;
}
function normalisePhase(p, mode, concurrency) {
    const phase = { name: p.name, durationMs: ms(p.duration), warmup: p.warmup ?? false };
    if (p.rate !== undefined)
        phase.rateOpsPerSec = p.rate;
    if (p.rampTo !== undefined)
        phase.rampToOpsPerSec = p.rampTo;
    if (mode === 'closed')
        phase.workers = p.workers ?? concurrency;
    if (p.thinkTime !== undefined)
        phase.thinkTimeMs = ms(p.thinkTime);
    return phase;
}
//# sourceMappingURL=normalise.js.map