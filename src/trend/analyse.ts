// The trend's judgement: change points of each series (e-divisive.ts), the levels between them,
// each change classified by its metric's direction (higher latency or error rate is worse, lower
// throughput or knee is worse, as Otava's per-metric `direction`), and whether the newest level
// is a regression beyond the minimum change. That last fact is all the exit code depends on.
import { eDivisive } from './e-divisive.js';
import { METRIC_INFO } from './series.js';
import type { Series } from './series.js';

export interface TrendOptions {
  /** smallest relative change (%) that counts as a regression or improvement */
  minChangePct: number;
  pValue: number;
  permutations: number;
  /** fewest runs in a level */
  minLevelRuns: number;
  seed: number;
}

/**
 * Defaults a nightly job can live with. p 0.01 with 199 permutations (the smallest p it can
 * give is 0.005): a handful of series per operation are tested every night, and a false alarm
 * costs a person's morning; ecp's 0.05 would cry wolf every few weeks. 10%: below what a shared
 * CI machine's run-to-run noise makes of a level (single runs vary far more, but a level is a
 * mean of several). Three runs per level: one slow night never makes a level (or an alarm) alone.
 */
export const TREND_DEFAULTS: TrendOptions = { minChangePct: 10, pValue: 0.01, permutations: 999, minLevelRuns: 3, seed: 1 };

export interface Level {
  /** point indexes [from, to) of the series */
  from: number;
  to: number;
  mean: number;
}

export type ChangeKind = 'regression' | 'improvement' | 'small';

export interface Change {
  /** the point that starts the new level */
  point: number;
  /** the run that starts the new level (index into the runs) */
  run: number;
  before: number;
  after: number;
  /** relative change of the level means, %, signed (+ = the value grew) */
  changePct: number;
  pValue: number;
  kind: ChangeKind;
}

export interface SeriesTrend {
  series: Series;
  levels: Level[];
  changes: Change[];
  /**
   * The newest level against the level before the unbroken chain of worsening changes that ends
   * in it: a drift of several small steps adds up here, where each step alone is 'small'.
   */
  newest: { regressed: boolean; changePct: number; before: number; after: number; sinceRun: number } | undefined;
}

export function analyseSeries(series: Series, opts: TrendOptions): SeriesTrend {
  const values = series.points.map((p) => p.value);
  const cps = eDivisive(values, { pValue: opts.pValue, permutations: opts.permutations, minSize: opts.minLevelRuns, seed: opts.seed });
  const cuts = [0, ...cps.map((c) => c.index), values.length];
  const levels: Level[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) levels.push({ from: cuts[k]!, to: cuts[k + 1]!, mean: mean(values, cuts[k]!, cuts[k + 1]!) });
  const info = METRIC_INFO[series.metric];
  const changes = cps.map((cp, k): Change => {
    const before = levels[k]!.mean;
    const after = levels[k + 1]!.mean;
    const changePct = relativePct(before, after, info.floor);
    return { point: cp.index, run: series.points[cp.index]!.run, before, after, changePct, pValue: cp.pValue, kind: classify(before, after, changePct, series.metric, opts.minChangePct) };
  });
  let newest: SeriesTrend['newest'];
  if (changes.length > 0) {
    let k = changes.length - 1;
    while (k > 0 && worsens(changes[k - 1]!, series.metric)) k--;
    const first = changes[k]!;
    const last = changes[changes.length - 1]!;
    const chain = worsens(last, series.metric);
    const before = chain ? first.before : last.before;
    const after = last.after;
    const changePct = relativePct(before, after, info.floor);
    newest = {
      regressed: chain && classify(before, after, changePct, series.metric, opts.minChangePct) === 'regression',
      changePct,
      before,
      after,
      sinceRun: chain ? first.run : last.run,
    };
  }
  return { series, levels, changes, newest };
}

function worsens(c: Change, metric: Series['metric']): boolean {
  return Math.sign(c.after - c.before) === METRIC_INFO[metric].worse;
}

function classify(before: number, after: number, changePct: number, metric: Series['metric'], minChangePct: number): ChangeKind {
  const info = METRIC_INFO[metric];
  if (Math.abs(changePct) < minChangePct || Math.abs(after - before) < info.floor) return 'small';
  return Math.sign(after - before) === info.worse ? 'regression' : 'improvement';
}

/** (after - before) / before in %, against at least `floor` so a zero level gives a finite figure. */
function relativePct(before: number, after: number, floor: number): number {
  const base = Math.max(Math.abs(before), floor, Number.EPSILON);
  return ((after - before) / base) * 100;
}

function mean(values: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i]!;
  return to > from ? s / (to - from) : NaN;
}
