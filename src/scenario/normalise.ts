// From a valid scenario file to the runtime `Scenario`: defaults filled in one place,
// durations in milliseconds, distribution aliases mapped to their canonical names.

import type {
  DistributionName,
  IndexSpec,
  OperationSpec,
  PhaseSpec,
  Scenario,
  SweepSpec,
  TableSpec,
  TransactItemSpec,
} from '../types.js';
import { durationToMs } from '../grammar/duration.js';
import type { OperationFile, PhaseFile, ScenarioFile, SweepFile, TableFile } from './schema.js';

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
} as const;

const DISTRIBUTION_ALIASES: Record<string, DistributionName> = {
  scrambled_zipfian: 'scrambled-zipfian',
  scrambledZipfian: 'scrambled-zipfian',
};

export function normaliseDistribution(name: string): DistributionName {
  return DISTRIBUTION_ALIASES[name] ?? (name as DistributionName);
}

/** Only called on a file that passed every check, so durations are known to parse. */
const ms = (d: string | number): number => durationToMs(d) ?? Number.NaN;

export function normaliseScenario(file: ScenarioFile): Scenario {
  const mode = file.mode ?? DEFAULTS.mode;
  const phases = file.phases.map((p) => normalisePhase(p, mode, file.concurrency ?? DEFAULTS.concurrency));
  // closed loop without an explicit concurrency: the largest phase sets it (it sizes the connection pool)
  const concurrency =
    file.concurrency ?? (mode === 'closed' ? Math.max(...phases.map((p) => p.workers ?? 0)) : DEFAULTS.concurrency);

  const scenario: Scenario = {
    name: file.name,
    ...(file.description === undefined ? {} : { description: file.description }),
    table: normaliseTable(file.table),
    keys: Object.fromEntries(
      Object.entries(file.keys ?? {}).map(([name, k]) => [
        name,
        {
          count: k.count,
          distribution: normaliseDistribution(k.distribution),
          theta: k.theta ?? DEFAULTS.theta,
          hotFraction: k.hotFraction ?? DEFAULTS.hotFraction,
          hotOpFraction: k.hotOpFraction ?? DEFAULTS.hotOpFraction,
        },
      ]),
    ),
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
    ...(file.sweep === undefined ? {} : { sweep: normaliseSweep(file.sweep) }),
    ...(file.abort === undefined || file.abort.length === 0 ? {} : { abort: [...file.abort] }),
  };
  return scenario;
}

function normaliseTable(t: TableFile): TableSpec {
  const table: TableSpec = {
    name: t.name,
    partitionKey: { ...t.partitionKey },
    indexes: (t.indexes ?? []).map((ix) => {
      const index: IndexSpec = { name: ix.name, partitionKey: { ...ix.partitionKey }, projection: ix.projection ?? 'ALL' };
      if (ix.sortKey !== undefined) index.sortKey = { ...ix.sortKey };
      return index;
    }),
    billingMode: t.billingMode ?? 'PAY_PER_REQUEST',
  };
  if (t.sortKey !== undefined) table.sortKey = { ...t.sortKey };
  if (t.readCapacity !== undefined) table.readCapacityUnits = t.readCapacity;
  if (t.writeCapacity !== undefined) table.writeCapacityUnits = t.writeCapacity;
  return table;
}

function normaliseOperation(op: OperationFile, tableName: string): OperationSpec {
  const { items, ...rest } = op;
  const spec: OperationSpec = { ...rest };
  if ((op.type === 'BatchGetItem' || op.type === 'BatchWriteItem') && spec.count === undefined) spec.count = DEFAULTS.batchCount;
  if (items !== undefined) {
    spec.items = items.map((item): TransactItemSpec => ({ ...item, table: item.table ?? tableName }));
  }
  return spec;
}

function normalisePhase(p: PhaseFile, mode: 'open' | 'closed', concurrency: number): PhaseSpec {
  const phase: PhaseSpec = { name: p.name, durationMs: ms(p.duration), warmup: p.warmup ?? false };
  if (p.rate !== undefined) phase.rateOpsPerSec = p.rate;
  if (p.rampTo !== undefined) phase.rampToOpsPerSec = p.rampTo;
  if (mode === 'closed') phase.workers = p.workers ?? concurrency;
  if (p.thinkTime !== undefined) phase.thinkTimeMs = ms(p.thinkTime);
  return phase;
}

/** Only what the file gives: `ddbench sweep` fills the rest from its flags and defaults. */
function normaliseSweep(f: SweepFile): SweepSpec {
  const spec: SweepSpec = {};
  if (f.from !== undefined) spec.fromOpsPerSec = f.from;
  if (f.to !== undefined) spec.toOpsPerSec = f.to;
  if (f.step !== undefined) spec.step = f.step.replace(/\s+/g, '');
  if (f.stepDuration !== undefined) spec.stepDurationMs = ms(f.stepDuration);
  if (f.warmup !== undefined) spec.warmupMs = ms(f.warmup);
  if (f.slo !== undefined) spec.slo = [...f.slo];
  if (f.maxErrorRate !== undefined) spec.maxErrorRatePct = percentValue(f.maxErrorRate);
  if (f.minAchieved !== undefined) spec.minAchievedPct = percentValue(f.minAchieved);
  if (f.maxLateSends !== undefined) spec.maxLateSendsPct = percentValue(f.maxLateSends);
  return spec;
}

/** `1%`, `"1"` or 1: percent. */
export function percentValue(v: string | number): number {
  return typeof v === 'number' ? v : Number(v.replace('%', '').trim());
}
