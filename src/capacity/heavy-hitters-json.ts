// Reading a heavy-hitters sketch back from summary.json. The writer is `HeavyHitters.toJSON()`;
// this checks what a hand-edited or damaged file could get wrong (shapes, signs, the stated
// bound) and answers with one problem line instead of throwing.

import { HeavyHitters, optionsProblem, type Checked, type HeavyHittersJson } from './heavy-hitters.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v < Infinity;

/** the weights of `v` in `weights` order, or the name of the first bad one */
function weightsOf(v: unknown, weights: readonly string[]): number[] | string {
  if (!isRecord(v)) return 'not an object';
  const out: number[] = [];
  for (const w of weights) {
    const x = v[w];
    if (!isCount(x)) return `\`${w}\` is not a number >= 0`;
    out.push(x);
  }
  return out;
}

export function heavyHittersFromJson<W extends string = string>(json: unknown): Checked<HeavyHitters<W>> {
  const fail = (why: string): Checked<HeavyHitters<W>> => ({ ok: false, problem: `heavy hitters: ${why}` });
  if (!isRecord(json)) return fail('not an object');
  const j = json as Partial<HeavyHittersJson<W>>;
  if (!Array.isArray(j.weights) || !j.weights.every((w) => typeof w === 'string')) return fail('`weights` is not a list of names');
  if (!isRecord(j.rank)) return fail('`rank` is not an object');
  const options = { capacity: j.capacity as number, weights: j.weights, rank: j.rank as Partial<Record<W, number>> };
  const optionProblem = optionsProblem(options);
  if (optionProblem !== undefined) return fail(optionProblem);
  if (!Number.isInteger(j.records) || (j.records as number) < 0) return fail('`records` is not a whole number >= 0');
  if (!isCount(j.floorRank)) return fail('`floorRank` is not a number >= 0');
  if (!Number.isInteger(j.evictions) || (j.evictions as number) < 0) return fail('`evictions` is not a whole number >= 0');
  const totals = weightsOf(j.totals, j.weights);
  if (typeof totals === 'string') return fail(`totals: ${totals}`);
  if (!Array.isArray(j.keys)) return fail('`keys` is not a list');
  if (j.keys.length > options.capacity) return fail(`${j.keys.length} keys exceed the capacity ${options.capacity}`);
  const seen = new Set<string>();
  const keys: { key: string; observed: number[]; errorRank: number }[] = [];
  for (const [i, k] of j.keys.entries()) {
    if (!isRecord(k) || typeof k.key !== 'string') return fail(`keys[${i}]: no \`key\` string`);
    if (seen.has(k.key)) return fail(`keys[${i}]: \`${k.key}\` is listed twice`);
    seen.add(k.key);
    const observed = weightsOf(k.observed, j.weights);
    if (typeof observed === 'string') return fail(`keys[${i}].observed: ${observed}`);
    if (!isCount(k.errorRank) || k.errorRank > j.floorRank) return fail(`keys[${i}]: \`errorRank\` is not a number in [0, floorRank]`);
    keys.push({ key: k.key, observed, errorRank: k.errorRank });
  }
  return { ok: true, value: HeavyHitters.restore(options, { records: j.records as number, totals, floorRank: j.floorRank, evictions: j.evictions as number, keys }) };
}
