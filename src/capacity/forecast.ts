// The forecast: at which offered rate each documented limit starts to throttle this workload.
//
// The model is linear scaling of the run itself: a key (or a whole table or index) that consumed
// U units in the measured phases, which ran D seconds at a measured rate of M ops/s, consumes
// U / (M * D) units per operation, so U / D * R / M units per second at rate R, and reaches a
// limit of L units/s at R = L * M * D / U. The same mix of operations and keys is assumed at every
// rate. What the model leaves out: burst credit (up to 300 s, not guaranteed), split for heat
// (undocumented; never helps a single hot key), and time (doubling of the previous peak is a
// limit the caller passes with its own value).
//
// Reads and writes are limited apart (capacity-facts.md, section 9.1: the developer guide says
// independently; one knowledge-center page says "or a linear combination": we follow the guide).
//
// Limits come in as parameters with their names and sources, never as constants here: the
// documented values live in capacity/limits.ts and DescribeTable's answer, which the caller picks.

import type { Checked } from './heavy-hitters.js';
import { resourceId, type HeatResource, type ResourceHeat } from './key-heat.js';

export type Direction = 'read' | 'write';

/** DynamoDB's per-partition maximum, which also caps a single partition key (item isolation never lifts it). */
export interface PerKeyLimit {
  readUnitsPerSec: number;
  writeUnitsPerSec: number;
  source: string;
}

/** A cap on the total units per second of a table or index. */
export interface ResourceLimit {
  /** what it is, e.g. `warm throughput of a new on-demand table`, `provisioned capacity`, `per-table quota` */
  name: string;
  direction: Direction;
  unitsPerSec: number;
  /** e.g. RCU, WCU (provisioned), RRU, WRU (on-demand) */
  unitName: string;
  source: string;
  /** the table or index it caps; omitted: the table and every index, each on its own */
  resource?: HeatResource;
  /** what happens past it, appended to the line (e.g. `throttles until the table has scaled`) */
  consequence?: string;
}

export interface ForecastLimits {
  perKey: PerKeyLimit;
  resources: readonly ResourceLimit[];
}

export interface ForecastInput {
  /** key heat of the measured phases (KeyHeat.resources(), or read back from summary.json) */
  heat: readonly ResourceHeat[];
  durationMs: number;
  measuredRateOpsPerSec: number;
  limits: ForecastLimits;
}

export interface ForecastLine {
  kind: 'per-key' | 'resource';
  resource: HeatResource;
  /** per-key lines: the key; null when the line bounds a key outside the tracked top k */
  key?: string | null;
  direction: Direction;
  limitName: string;
  limitUnitsPerSec: number;
  unitName: string;
  source: string;
  /** units this key or resource consumed per operation of the run (upper bound when the heat is inexact) */
  unitsPerOp: number;
  /** the first rate at which the limit binds; null when the run consumed none of these units */
  bindsAtOpsPerSec: number | null;
  /** inexact heat only: the latest rate at which it may bind (from the lower bound of the key's units) */
  bindsAtOpsPerSecLatest?: number | null;
  text: string;
}

export interface Forecast {
  rateOpsPerSec: number;
  /** the limits that bind at or below the rate, earliest first (every key that does, for per-key limits) */
  binding: ForecastLine[];
  /** for context: every limit with the first rate at which it binds (the hottest key for per-key limits), earliest first */
  limits: ForecastLine[];
  /** the earliest binding line of all: the highest throttle-free rate is just below it; null when nothing ever binds */
  first: ForecastLine | null;
}

const finitePositive = (v: unknown): v is number => typeof v === 'number' && v > 0 && v < Infinity;

function inputProblem(input: ForecastInput): string | undefined {
  if (!finitePositive(input.durationMs)) return `forecast: the measured duration must be a positive number of ms, got ${input.durationMs}`;
  if (!finitePositive(input.measuredRateOpsPerSec)) return `forecast: the measured rate must be a positive number of ops/s, got ${input.measuredRateOpsPerSec}`;
  const ops = input.heat.reduce((s, r) => s + r.totals.reads + r.totals.writes, 0);
  if (input.heat.length === 0 || !(ops > 0)) return 'forecast: the run has no key heat (no operation was recorded per key)';
  const p = input.limits.perKey;
  if (!finitePositive(p.readUnitsPerSec) || !finitePositive(p.writeUnitsPerSec)) return 'forecast: the per-key limits must be positive units per second';
  for (const l of input.limits.resources) {
    if (!finitePositive(l.unitsPerSec) || (l.direction !== 'read' && l.direction !== 'write')) return `forecast: limit \`${l.name}\` needs a direction and positive units per second`;
  }
  return undefined;
}

const UNITS_KEY = { read: 'readUnits', write: 'writeUnits' } as const;

/** 10,000 / 9,877 / 12.5 / 0.25: whole numbers from 100 up, grouped as people read them */
export function formatNumber(n: number): string {
  return (n >= 100 ? WHOLE : n >= 1 ? ONE_DECIMAL : TWO_DECIMALS).format(n);
}
// made once: a formatter costs tens of microseconds to build, and a forecast formats every hot key
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function resourceLabel(r: HeatResource, manyTables: boolean): string {
  if (r.index !== undefined) return manyTables ? `index ${r.table}/${r.index}` : `index ${r.index}`;
  return manyTables ? `table ${r.table}` : 'table';
}

/** Every limit line, before any rate is chosen: the part a sweep computes once. */
function allLines(input: ForecastInput): { context: ForecastLine[]; perKeyByKey: ForecastLine[] } {
  const opsMeasured = (input.measuredRateOpsPerSec * input.durationMs) / 1000;
  const manyTables = new Set(input.heat.map((h) => h.resource.table)).size > 1;
  const bindsAt = (limit: number, units: number): number | null => (units > 0 ? (limit * opsMeasured) / units : null);
  const context: ForecastLine[] = [];
  const perKeyByKey: ForecastLine[] = [];
  const { perKey } = input.limits;
  for (const heat of input.heat) {
    const label = resourceLabel(heat.resource, manyTables);
    const owner = heat.resource.index === undefined ? "the table's" : "the index's";
    for (const direction of ['read', 'write'] as const) {
      const units = UNITS_KEY[direction];
      const limit = direction === 'read' ? perKey.readUnitsPerSec : perKey.writeUnitsPerSec;
      const unitName = direction === 'read' ? 'RCU' : 'WCU';
      const line = (key: string | null, upper: number, lower: number): ForecastLine => {
        const at = bindsAt(limit, upper);
        const latest = upper !== lower ? bindsAt(limit, lower) : undefined;
        const who = key ?? `any key outside the ${heat.keys.length} tracked`;
        const when =
          at === null ? 'never reached at any rate'
          : latest === undefined ? `reached at ${formatNumber(at)} ops/s`
          : latest === null || key === null ? `reached at ${formatNumber(at)} ops/s at the earliest (approximate key heat)`
          : `reached between ${formatNumber(at)} and ${formatNumber(latest)} ops/s (approximate key heat)`;
        return {
          kind: 'per-key', resource: heat.resource, key, direction, limitName: 'per partition key', limitUnitsPerSec: limit, unitName, source: perKey.source,
          unitsPerOp: upper / opsMeasured, bindsAtOpsPerSec: at, ...(latest !== undefined ? { bindsAtOpsPerSecLatest: latest } : {}),
          text: `${who} (${label}, ${direction}s): ${formatNumber(limit)} ${unitName}/s per partition key, ${when}: throttles whatever ${owner} capacity`,
        };
      };
      const keyed = heat.keys.filter((k) => k.upper[units] > 0).map((k) => line(k.key, k.upper[units], k.observed[units]));
      perKeyByKey.push(...keyed);
      const hottest = keyed.reduce<ForecastLine | undefined>((best, l) => (best === undefined || l.unitsPerOp > best.unitsPerOp ? l : best), undefined);
      const unlisted = heat.unlistedMax[units];
      if (unlisted > 0 && (hottest === undefined || unlisted / opsMeasured > hottest.unitsPerOp)) {
        const bound = line(null, unlisted, 0);
        perKeyByKey.push(bound);
        context.push(bound);
      } else if (hottest !== undefined) context.push(hottest);
    }
  }
  for (const limit of input.limits.resources) {
    const targets = limit.resource === undefined ? input.heat : input.heat.filter((h) => resourceId(h.resource) === resourceId(limit.resource!));
    for (const heat of targets) {
      const used = heat.totals[UNITS_KEY[limit.direction]];
      const at = bindsAt(limit.unitsPerSec, used);
      const name = heat.resource.index ?? heat.resource.table;
      const when = at === null ? 'never reached at any rate' : `reached at ${formatNumber(at)} ops/s`;
      context.push({
        kind: 'resource', resource: heat.resource, direction: limit.direction, limitName: limit.name, limitUnitsPerSec: limit.unitsPerSec,
        unitName: limit.unitName, source: limit.source, unitsPerOp: used / opsMeasured, bindsAtOpsPerSec: at,
        text: `${name} (${resourceLabel(heat.resource, manyTables)}, ${limit.direction}s): ${formatNumber(limit.unitsPerSec)} ${limit.unitName}/s ${limit.name}, ${when}${limit.consequence !== undefined ? `: ${limit.consequence}` : ''}`,
      });
    }
  }
  return { context: context.sort(earliestFirst), perKeyByKey };
}

function earliestFirst(a: ForecastLine, b: ForecastLine): number {
  const ra = a.bindsAtOpsPerSec ?? Infinity;
  const rb = b.bindsAtOpsPerSec ?? Infinity;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

const bindsBy = (rate: number) => (l: ForecastLine): boolean => l.bindsAtOpsPerSec !== null && l.bindsAtOpsPerSec <= rate;

/** The forecast at `rateOpsPerSec` (default: the run's own measured rate). Bad input is a problem value, never a throw. */
export function forecast(input: ForecastInput, rateOpsPerSec: number = input.measuredRateOpsPerSec): Checked<Forecast> {
  const problem = inputProblem(input);
  if (problem !== undefined) return { ok: false, problem };
  if (!finitePositive(rateOpsPerSec)) return { ok: false, problem: `forecast: the rate must be a positive number of ops/s, got ${rateOpsPerSec}` };
  const { context, perKeyByKey } = allLines(input);
  const binding = [...perKeyByKey.filter(bindsBy(rateOpsPerSec)), ...context.filter((l) => l.kind === 'resource').filter(bindsBy(rateOpsPerSec))].sort(earliestFirst);
  const first = context[0]?.bindsAtOpsPerSec != null ? context[0] : null;
  return { ok: true, value: { rateOpsPerSec, binding, limits: context, first } };
}

/** Per step of a sweep: the first limit that binds at or below the step's rate, or null. */
export function firstBindingPerRate(input: ForecastInput, ratesOpsPerSec: readonly number[]): Checked<{ rateOpsPerSec: number; first: ForecastLine | null }[]> {
  const bad = ratesOpsPerSec.find((r) => !finitePositive(r));
  if (bad !== undefined || ratesOpsPerSec.length === 0) return { ok: false, problem: `forecast: every rate must be a positive number of ops/s, got ${bad ?? 'none'}` };
  const problem = inputProblem(input);
  if (problem !== undefined) return { ok: false, problem };
  const { context } = allLines(input);
  return { ok: true, value: ratesOpsPerSec.map((rate) => ({ rateOpsPerSec: rate, first: context.find(bindsBy(rate)) ?? null })) };
}
