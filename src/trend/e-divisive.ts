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
  const scratch = new Scratch(series.length);
  const shuffled = Float64Array.from(series);
  for (;;) {
    const bounds = boundaries(found, series.length);
    const best = bestCandidate(series, bounds, opts.minSize, scratch);
    if (best === undefined) break;
    let over = 0;
    for (let r = 0; r < opts.permutations; r++) {
      shuffleWithin(shuffled, series, bounds, rng);
      const chance = bestCandidate(shuffled, bounds, opts.minSize, scratch);
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

function shuffleWithin(out: Float64Array, series: readonly number[], bounds: readonly number[], rng: Rng): void {
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

/** One flat buffer for the column prefix sums, reused by every search (a permutation test runs thousands). */
class Scratch {
  readonly prefix: Float64Array;
  constructor(readonly n: number) {
    this.prefix = new Float64Array(n * (n + 1));
  }
}

function bestCandidate(x: ArrayLike<number>, bounds: readonly number[], minSize: number, scratch: Scratch): Candidate | undefined {
  let best: Candidate | undefined;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const c = bestSplit(x, bounds[k]!, bounds[k + 1]!, minSize, scratch);
    if (c !== undefined && (best === undefined || c.qHat > best.qHat)) best = c;
  }
  return best;
}

/**
 * The best split of [start, end) in O(len^2): X = [start, tau), Y = [tau, kappa), kappa free
 * as in the paper (a change followed by another inside the interval is still found). Sums grow
 * by one point at a time from column prefix sums: P(c, r) = sum of |x_j - x_c| for j in [start, r).
 */
export function bestSplit(x: ArrayLike<number>, start: number, end: number, minSize: number, scratch = new Scratch(x.length)): Candidate | undefined {
  const len = end - start;
  if (len < 2 * minSize) return undefined;
  const stride = len + 1;
  const prefix = scratch.prefix;
  for (let c = 0; c < len; c++) {
    const xc = x[start + c]!;
    const base = c * stride;
    prefix[base] = 0;
    for (let r = 0; r < len; r++) prefix[base + r + 1] = prefix[base + r]! + Math.abs(x[start + r]! - xc);
  }
  // relative indexes from here on: X = [0, t), Y = [t, k)
  const colSum = (c: number, from: number, to: number) => prefix[c * stride + to]! - prefix[c * stride + from]!;
  let best: Candidate | undefined;
  let withinX = 0;
  for (let t = 1; t <= len - minSize; t++) {
    withinX += colSum(t - 1, 0, t - 1);
    const n = t;
    if (n < minSize) continue;
    let between = 0;
    let withinY = 0;
    for (let k = t + 1; k <= len; k++) {
      between += colSum(k - 1, 0, t);
      withinY += colSum(k - 1, t, k - 1);
      const m = k - t;
      if (m < minSize) continue;
      const q = (2 / (m + n)) * between - (n > 1 ? (2 * m * withinX) / ((m + n) * (n - 1)) : 0) - (m > 1 ? (2 * n * withinY) / ((m + n) * (m - 1)) : 0);
      if (best === undefined || q > best.qHat) best = { index: start + t, qHat: q };
    }
  }
  return best;
}
