// E-Divisive with means (Matteson & James 2014, "A Nonparametric Approach for Multiple Change
// Point Analysis of Multivariate Data"), the method MongoDB's CI (Daly et al., ICPE 2020) and
// Apache Otava (ex DataStax Hunter) build on. Pure and seeded: the same series and seed always
// give the same change points.
//
// Why hand-written: npm has no maintained e-divisive or change-point package (`npm view` of
// changepoint, changepoints, e-divisive, edivisive: 404 in 2026-11), and the kept implementations
// (R's ecp, Python's signal-processing-algorithms and Otava) are not JavaScript. The method is
// small: a divergence statistic, a bisection, a permutation test.
//
// How: for every interval between change points found so far, find the split tau (and the end
// kappa of the right part) that maximises the energy statistic
//   Q(X, Y) = mn/(m+n) * (2/(mn) sum|X_i - Y_j| - 2/(n(n-1)) sum_{i<k}|X_i - X_k| - 2/(m(m-1)) sum_{j<k}|Y_j - Y_k|)
// (alpha = 1), take the best over all intervals, and keep it when a permutation test says it
// is significant: shuffle the values within each interval (the null hypothesis: no change
// inside), redo the search, and count how often chance alone scores at least as high;
// p = (over + 1) / (permutations + 1) (ecp's estimate: never 0). Stop at the first candidate
// that is not significant.
//
// Unlike Otava's default (a t-test on sliding windows) this keeps the permutation test of the
// paper: it assumes no distribution, which suits latency percentiles (skewed, heavy-tailed).
// Every level must hold at least `minSize` points, so that one outlier night cannot be a level
// of its own (ecp has min.size for the same reason).
import { Rng } from '../workload/rng.js';

export interface EDivisiveOptions {
  /** a candidate is a change point when its permutation p-value is at most this */
  pValue: number;
  permutations: number;
  /** fewest points in a level (each side of a change point) */
  minSize: number;
  seed: number;
}

export interface ChangePoint {
  /** index of the first point of the new level */
  index: number;
  /** the energy statistic of the split */
  qHat: number;
  /** permutation p-value */
  pValue: number;
}

interface Candidate {
  index: number;
  qHat: number;
}

/** Change points of `series`, sorted by index. */
export function eDivisive(series: readonly number[], opts: EDivisiveOptions): ChangePoint[] {
  const rng = new Rng(opts.seed);
  const found: ChangePoint[] = [];
  const distances = distanceMatrix(series);
  for (;;) {
    const bounds = boundaries(found, series.length);
    const best = bestCandidate(distances, bounds, opts.minSize);
    if (best === undefined) break;
    let over = 0;
    const shuffled = series.slice();
    for (let r = 0; r < opts.permutations; r++) {
      shuffleWithin(shuffled, series, bounds, rng);
      const chance = bestCandidate(distanceMatrix(shuffled), bounds, opts.minSize);
      if (chance !== undefined && chance.qHat >= best.qHat) over++;
    }
    const pValue = (over + 1) / (opts.permutations + 1);
    if (pValue > opts.pValue) break;
    found.push({ index: best.index, qHat: best.qHat, pValue });
    found.sort((a, b) => a.index - b.index);
  }
  return found;
}

/** [0, cp1, cp2, ..., n]: the intervals between change points. */
function boundaries(found: readonly ChangePoint[], n: number): number[] {
  return [0, ...found.map((c) => c.index), n];
}

function distanceMatrix(series: readonly number[]): Float64Array[] {
  return series.map((a) => Float64Array.from(series, (b) => Math.abs(a - b)));
}

function shuffleWithin(out: number[], series: readonly number[], bounds: readonly number[], rng: Rng): void {
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k]!;
    const end = bounds[k + 1]!;
    for (let i = start; i < end; i++) out[i] = series[i]!;
    // Fisher-Yates within [start, end)
    for (let i = end - 1; i > start; i--) {
      const j = start + rng.nextInt(i - start + 1);
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
  }
}

function bestCandidate(d: readonly Float64Array[], bounds: readonly number[], minSize: number): Candidate | undefined {
  let best: Candidate | undefined;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const c = bestSplit(d, bounds[k]!, bounds[k + 1]!, minSize);
    if (c !== undefined && (best === undefined || c.qHat > best.qHat)) best = c;
  }
  return best;
}

/**
 * The best split of [start, end) in O(len^2): X = [start, tau), Y = [tau, kappa). Sums grow by
 * one row or column at a time: colSum(c, from, to) = sum of d[j][c] for j in [from, to).
 */
export function bestSplit(d: readonly Float64Array[], start: number, end: number, minSize: number): Candidate | undefined {
  const len = end - start;
  if (len < 2 * minSize) return undefined;
  // prefix[c][r - start] = sum of d[j][c] for j in [start, r)
  const prefix: Float64Array[] = [];
  for (let c = start; c < end; c++) {
    const col = new Float64Array(len + 1);
    for (let r = start; r < end; r++) col[r - start + 1] = col[r - start]! + d[r]![c]!;
    prefix.push(col);
  }
  const colSum = (c: number, from: number, to: number) => prefix[c - start]![to - start]! - prefix[c - start]![from - start]!;
  let best: Candidate | undefined;
  let withinX = 0;
  for (let tau = start + 1; tau <= end - minSize; tau++) {
    withinX += colSum(tau - 1, start, tau - 1);
    const n = tau - start;
    if (n < minSize) continue;
    let between = 0;
    let withinY = 0;
    for (let kappa = tau + 1; kappa <= end; kappa++) {
      between += colSum(kappa - 1, start, tau);
      withinY += colSum(kappa - 1, tau, kappa - 1);
      const m = kappa - tau;
      if (m < minSize) continue;
      const q = (2 / (m + n)) * between - (n > 1 ? (2 * m * withinX) / ((m + n) * (n - 1)) : 0) - (m > 1 ? (2 * n * withinY) / ((m + n) * (m - 1)) : 0);
      if (best === undefined || q > best.qHat) best = { index: tau, qHat: q };
    }
  }
  return best;
}
