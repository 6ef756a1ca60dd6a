// Key heat: per resource (a table, each of its GSIs), the partition key values that took the most
// capacity in the measured phases, with their reads, writes, read units and write units, and the
// exact totals of the resource. Memory is bounded by `capacity` keys per resource whatever the
// number of distinct keys (heavy-hitters.ts states the bound). Key values are data: they go to
// summary.json and the report, never into a metric label.
//
// One sketch per resource, ranked by rank = readUnits / readLimit + writeUnits / writeLimit
// (scaled so that 3,000 / 1,000 give coefficients 1 and 3: units stay exact in binary floating
// point). Why one additive rank rather than a sketch per direction: Space-Saving's bound needs an
// additive weight, and this one bounds each direction's share of its per-key limit
// (readUnits / readLimit <= rank), so a key that could reach either per-key limit first is kept
// whenever its share exceeds the floor; one sketch costs one map lookup per record instead of two
// and keeps a key's reads and writes on one line. Operation counts ride along unranked (lower
// bounds once the sketch is inexact).

import { HeavyHitters, type Checked, type HeavyHittersJson } from './heavy-hitters.js';
import { mergeHeavyHitters } from './heavy-hitters-merge.js';
import { heavyHittersFromJson } from './heavy-hitters-json.js';

export const HEAT_WEIGHTS = ['reads', 'writes', 'readUnits', 'writeUnits'] as const;
export type HeatWeight = (typeof HEAT_WEIGHTS)[number];
/** what one record adds to a key: operations and the capacity units they consumed */
export type KeyOps = Record<HeatWeight, number>;

/**
 * The per-partition-key limits the rank is normalised by. Only the ratio matters for what is
 * kept; the wiring passes capacity/limits.ts's documented values (3,000 RCU/s, 1,000 WCU/s).
 */
export interface PerKeyUnitsPerSec {
  readUnitsPerSec: number;
  writeUnitsPerSec: number;
}

/** A table, or one of its global secondary indexes. */
export interface HeatResource {
  table: string;
  index?: string;
}

/** `table` or `table/index` ('/' is in neither a table nor an index name): a map key for a resource. */
export type ResourceId = string & { readonly __resourceId: unique symbol };

export function resourceId(r: HeatResource): ResourceId {
  return (r.index === undefined ? r.table : `${r.table}/${r.index}`) as ResourceId;
}

export function resourceOf(id: ResourceId): HeatResource {
  const slash = id.indexOf('/');
  return slash < 0 ? { table: id } : { table: id.slice(0, slash), index: id.slice(slash + 1) };
}

export interface KeyHeatOptions {
  /** keys tracked per resource */
  capacity: number;
  perKeyLimits: PerKeyUnitsPerSec;
}

/** One hot key of a resource, as the forecast and the report read it. */
export interface KeyHeatEntry {
  key: string;
  /** lower bounds (exact while the resource's sketch is exact) */
  observed: KeyOps;
  /** upper bounds: equal to observed while exact; operation counts are unbounded (Infinity) once inexact */
  upper: KeyOps;
}

/** A resource's heat: exact totals and its hottest keys, hottest first. */
export interface ResourceHeat {
  resource: HeatResource;
  totals: KeyOps;
  /** no key was ever evicted: every count is exact */
  exact: boolean;
  /** the most units of each kind any key not listed may have had (0 while exact) */
  unlistedMax: { readUnits: number; writeUnits: number };
  keys: KeyHeatEntry[];
}

export interface KeyHeatJson {
  capacity: number;
  perKeyLimits: PerKeyUnitsPerSec;
  /** sorted by table, then index (the table's own entry first) */
  resources: (HeatResource & { sketch: HeavyHittersJson<HeatWeight> })[];
}

const isLimit = (v: unknown): v is number => typeof v === 'number' && v > 0 && v < Infinity;

export function keyHeatOptionsProblem(o: KeyHeatOptions): string | undefined {
  if (!Number.isInteger(o.capacity) || o.capacity < 1) return `key heat: capacity must be a positive integer, got ${o.capacity}`;
  if (!isLimit(o.perKeyLimits?.readUnitsPerSec) || !isLimit(o.perKeyLimits?.writeUnitsPerSec)) {
    return 'key heat: per-key limits must be positive finite units per second';
  }
  return undefined;
}

export class KeyHeat {
  readonly capacity: number;
  readonly perKeyLimits: PerKeyUnitsPerSec;
  private readonly sketches = new Map<ResourceId, HeavyHitters<HeatWeight>>();

  private constructor(options: KeyHeatOptions) {
    this.capacity = options.capacity;
    this.perKeyLimits = { ...options.perKeyLimits };
  }

  static create(options: KeyHeatOptions): Checked<KeyHeat> {
    const problem = keyHeatOptionsProblem(options);
    return problem === undefined ? { ok: true, value: new KeyHeat(options) } : { ok: false, problem };
  }

  /** Adds one request's share to a key of a resource; false (nothing recorded) for a negative or non-finite count. */
  record(resource: ResourceId, keyValue: string, ops: KeyOps): boolean {
    let sketch = this.sketches.get(resource);
    if (sketch === undefined) {
      sketch = this.emptySketch();
      this.sketches.set(resource, sketch);
    }
    return sketch.add(keyValue, ops);
  }

  /** the resources recorded, sorted by id */
  resourceIds(): ResourceId[] {
    return [...this.sketches.keys()].sort();
  }

  /** every resource's heat, its `keysPerResource` hottest keys each */
  resources(keysPerResource = this.capacity): ResourceHeat[] {
    return this.resourceIds().map((id) => this.resourceHeat(id, keysPerResource)!);
  }

  resourceHeat(id: ResourceId, keysPerResource = this.capacity): ResourceHeat | undefined {
    const sketch = this.sketches.get(id);
    if (sketch === undefined) return undefined;
    const c = this.coefficients();
    return {
      resource: resourceOf(id),
      totals: sketch.totalWeights(),
      exact: sketch.exact,
      unlistedMax: { readUnits: sketch.floorRank / c.readUnits, writeUnits: sketch.floorRank / c.writeUnits },
      keys: sketch.top(keysPerResource).map((h) => ({ key: h.key, observed: h.observed, upper: h.upper })),
    };
  }

  /** the sketch of one resource (read-only use: merge, tests) */
  sketch(id: ResourceId): HeavyHitters<HeatWeight> | undefined {
    return this.sketches.get(id);
  }

  toJSON(): KeyHeatJson {
    return {
      capacity: this.capacity,
      perKeyLimits: { ...this.perKeyLimits },
      resources: this.resourceIds().map((id) => ({ ...resourceOf(id), sketch: this.sketches.get(id)!.toJSON() })),
    };
  }

  /** @internal for mergeKeyHeat and keyHeatFromJson */
  static assemble(options: KeyHeatOptions, sketches: Map<ResourceId, HeavyHitters<HeatWeight>>): KeyHeat {
    const heat = new KeyHeat(options);
    for (const [id, s] of sketches) heat.sketches.set(id, s);
    return heat;
  }

  emptySketch(): HeavyHitters<HeatWeight> {
    return new HeavyHitters({ capacity: this.capacity, weights: HEAT_WEIGHTS, rank: this.coefficients() });
  }

  private coefficients(): { readUnits: number; writeUnits: number } {
    const { readUnitsPerSec: r, writeUnitsPerSec: w } = this.perKeyLimits;
    const scale = Math.max(r, w);
    return { readUnits: scale / r, writeUnits: scale / w };
  }
}

/** a + b (workers of one run, or shards): per resource, merged sketches (heavy-hitters-merge.ts states the bound). */
export function mergeKeyHeat(a: KeyHeat, b: KeyHeat): Checked<KeyHeat> {
  const { readUnitsPerSec: ar, writeUnitsPerSec: aw } = a.perKeyLimits;
  const { readUnitsPerSec: br, writeUnitsPerSec: bw } = b.perKeyLimits;
  if (ar * bw !== br * aw) return { ok: false, problem: `cannot merge key heat ranked by different per-key limits (${ar}/${aw} vs ${br}/${bw})` };
  const capacity = Math.min(a.capacity, b.capacity);
  const options = { capacity, perKeyLimits: a.capacity <= b.capacity ? a.perKeyLimits : b.perKeyLimits };
  const ids = [...new Set([...a.resourceIds(), ...b.resourceIds()])].sort();
  const sketches = new Map<ResourceId, HeavyHitters<HeatWeight>>();
  for (const id of ids) {
    const sa = a.sketch(id) ?? b.emptySketch();
    const sb = b.sketch(id) ?? a.emptySketch();
    const merged = mergeHeavyHitters(sa, sb);
    if (!merged.ok) return merged;
    sketches.set(id, merged.value);
  }
  return { ok: true, value: KeyHeat.assemble(options, sketches) };
}

export function keyHeatFromJson(json: unknown): Checked<KeyHeat> {
  const fail = (why: string): Checked<KeyHeat> => ({ ok: false, problem: `key heat: ${why}` });
  if (typeof json !== 'object' || json === null) return fail('not an object');
  const j = json as Partial<KeyHeatJson>;
  const options = { capacity: j.capacity as number, perKeyLimits: j.perKeyLimits as PerKeyUnitsPerSec };
  const problem = keyHeatOptionsProblem(options);
  if (problem !== undefined) return { ok: false, problem };
  if (!Array.isArray(j.resources)) return fail('`resources` is not a list');
  const expected = KeyHeat.assemble(options, new Map()).emptySketch().options;
  const sketches = new Map<ResourceId, HeavyHitters<HeatWeight>>();
  for (const [i, r] of j.resources.entries()) {
    if (typeof r?.table !== 'string' || (r.index !== undefined && typeof r.index !== 'string')) return fail(`resources[${i}]: no table name`);
    const id = resourceId(r);
    if (sketches.has(id)) return fail(`resources[${i}]: \`${id}\` is listed twice`);
    const sketch = heavyHittersFromJson<HeatWeight>(r.sketch);
    if (!sketch.ok) return fail(`resources[${i}]: ${sketch.problem}`);
    if (JSON.stringify(sketch.value.options) !== JSON.stringify(expected)) {
      return fail(`resources[${i}]: the sketch's capacity, weights or rank do not match the key heat's`);
    }
    sketches.set(id, sketch.value);
  }
  return { ok: true, value: KeyHeat.assemble(options, sketches) };
}
