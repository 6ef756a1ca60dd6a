// Bounded heavy hitters with several weights per key: Space-Saving (Metwally, Agrawal and
// El Abbadi, "Efficient computation of frequent and top-k elements in data streams", ICDT 2005),
// weighted, with the merge of mergeable summaries (Agarwal et al., PODS 2012).
//
// Written here rather than taken from npm: the one kept package with a top-k (bloom-filters'
// TopK) is a count-min sketch plus a sorted array, so it is never exact, even for 10 keys; it
// keeps one count per key, has no merge, does a linear search per add and brings eight
// dependencies. ddbench needs exact counts while the keys fit, several weights per key, a merge
// across workers and shards with a stated bound, and O(log k) work per request.
//
// The bound. Each key is ranked by one additive weight, rank = sum(coefficient[w] * weight[w])
// over its records (coefficients >= 0, weights >= 0). With N the total rank recorded and k the
// capacity, every tracked key's true rank lies in [observedRank, upperRank], with
// upperRank - observedRank = errorRank <= floorRank <= N / k, and every untracked key's true rank
// is <= floorRank. While the distinct keys number at most k nothing is evicted: floorRank = 0,
// errorRank = 0 and every count is exact. For a weight with a positive coefficient c, a key's
// true weight lies in [observed, observed + errorRank / c]; once any key was evicted, weights with
// coefficient 0 (operation counts) are lower bounds (what the key received since it was last
// admitted) and nothing more: a key evicted with rank 0 leaves no trace in floorRank.
//
// Invariants the code keeps (and merge relies on): every tracked upperRank >= floorRank; the
// tracked upperRanks add up to at most N; every errorRank <= floorRank.

/** One tracked key: its weights since admission and the rank it may have had before. */
interface Slot {
  key: string;
  observed: Float64Array;
  errorRank: number;
  upperRank: number;
  heapIndex: number;
}

export interface HeavyHittersOptions<W extends string> {
  /** k: the most keys tracked at once (memory is O(k) whatever the number of distinct keys) */
  capacity: number;
  /** the weights kept per key, in the order they are serialised */
  weights: readonly W[];
  /** rank coefficient per weight (absent: 0); at least one must be positive */
  rank: Partial<Record<W, number>>;
}

export interface HeavyHitter<W extends string> {
  key: string;
  /** weights received since the key was last admitted: lower bounds of its true weights */
  observed: Record<W, number>;
  /** upper bounds of its true weights: observed + errorRank / coefficient; for a weight not ranked, observed while the sketch is exact, Infinity once it evicted */
  upper: Record<W, number>;
  /** how much rank the key may have had before it was admitted: 0 means its counts are exact */
  errorRank: number;
  /** Space-Saving's count: observedRank + errorRank, an upper bound of its true rank */
  upperRank: number;
}

export interface HeavyHittersJson<W extends string = string> {
  capacity: number;
  weights: W[];
  rank: Partial<Record<W, number>>;
  /** records added (exact) */
  records: number;
  /** every weight summed over all records (exact) */
  totals: Record<W, number>;
  /** bound on the rank of any key not listed, and on every listed key's errorRank */
  floorRank: number;
  /** keys evicted (or dropped by a merge) so far: 0 means every count is exact */
  evictions: number;
  /** tracked keys, highest upperRank first, ties by key */
  keys: { key: string; observed: Record<W, number>; errorRank: number }[];
}

/** A value, or the one-line reason there is none (bad input never throws). */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A sketch's state in weight order, for `HeavyHitters.restore`. */
export interface RestoreState {
  records: number;
  totals: ArrayLike<number>;
  floorRank: number;
  evictions: number;
  keys: readonly { key: string; observed: ArrayLike<number>; errorRank: number }[];
}

/**
 * Report order: highest upperRank first, then key ascending. The heap uses the same total order
 * (reversed), so the key evicted among equal counts is always the same one: a sketch read back
 * from JSON, or merged in the other order, goes on exactly as the original would. Comparing keys
 * on ties costs about a quarter of add's time on a stream of a million one-off keys (all tied);
 * determinism is worth it.
 */
function before(a: Slot, b: Slot): boolean {
  return a.upperRank > b.upperRank || (a.upperRank === b.upperRank && a.key < b.key);
}

export class HeavyHitters<W extends string> {
  readonly capacity: number;
  readonly weights: readonly W[];
  private readonly coefficients: Float64Array;
  private readonly slots = new Map<string, Slot>();
  /** min-heap on report order reversed: the root is the key that would be listed last, evicted first */
  private readonly heap: Slot[] = [];
  private readonly totals: Float64Array;
  /** one record's weights in weight order (reused: add allocates nothing for a tracked key) */
  private readonly scratch: Float64Array;
  private recordCount = 0;
  private floor = 0;
  private evictionCount = 0;

  /** Throws on options no caller should pass (a programming error); `optionsProblem` checks them first. */
  constructor(options: HeavyHittersOptions<W>) {
    const problem = optionsProblem(options);
    if (problem !== undefined) throw new RangeError(problem);
    this.capacity = options.capacity;
    this.weights = [...options.weights];
    this.coefficients = Float64Array.from(this.weights, (w) => options.rank[w] ?? 0);
    this.totals = new Float64Array(this.weights.length);
    this.scratch = new Float64Array(this.weights.length);
  }

  get records(): number { return this.recordCount; }
  /** the rank any untracked key may have at most; 0 while exact */
  get floorRank(): number { return this.floor; }
  /** true while no key was ever evicted (nor dropped by a merge): every count is exact */
  get exact(): boolean { return this.evictionCount === 0; }
  /** keys evicted, or dropped by a merge, so far */
  get evictions(): number { return this.evictionCount; }
  get size(): number { return this.slots.size; }
  /** N: the total rank recorded; floorRank <= totalRank / capacity */
  get totalRank(): number { return this.rankOf(this.totals); }

  /** Adds one record's weights to `key`. Returns false (and records nothing) for a negative or non-finite weight. */
  add(key: string, weights: Readonly<Record<W, number>>): boolean {
    const n = this.weights.length;
    let rank = 0;
    const values = this.scratch;
    for (let i = 0; i < n; i++) {
      const v = weights[this.weights[i]!];
      if (!(v >= 0 && v < Infinity)) return false;
      values[i] = v;
      rank += this.coefficients[i]! * v;
    }
    let slot = this.slots.get(key);
    if (slot === undefined) {
      if (this.heap.length < this.capacity) {
        slot = { key, observed: new Float64Array(n), errorRank: 0, upperRank: 0, heapIndex: this.heap.length };
        this.heap.push(slot);
      } else {
        // Space-Saving: the newcomer takes the smallest counter and inherits its count as its error.
        slot = this.heap[0]!;
        this.slots.delete(slot.key);
        if (slot.upperRank > this.floor) this.floor = slot.upperRank;
        this.evictionCount++;
        slot.key = key;
        slot.observed.fill(0);
        slot.errorRank = slot.upperRank;
      }
      this.slots.set(key, slot);
    }
    for (let i = 0; i < n; i++) {
      slot.observed[i]! += values[i]!;
      this.totals[i]! += values[i]!;
    }
    slot.upperRank += rank;
    this.recordCount++;
    this.siftDown(slot.heapIndex);
    if (slot.heapIndex > 0) this.siftUp(slot.heapIndex);
    return true;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** The tracked key, or undefined when it is not tracked (then its rank is at most floorRank). */
  get(key: string): HeavyHitter<W> | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.view(slot);
  }

  /** The tracked keys in report order (highest upperRank first, ties by key), at most `limit`. */
  top(limit = this.capacity): HeavyHitter<W>[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, limit).map((s) => this.view(s));
  }

  /** exact totals of every weight over all records */
  totalWeights(): Record<W, number> {
    return this.record(this.totals);
  }

  toJSON(): HeavyHittersJson<W> {
    return {
      capacity: this.capacity,
      weights: [...this.weights],
      rank: this.record(this.coefficients),
      records: this.recordCount,
      totals: this.totalWeights(),
      floorRank: this.floor,
      evictions: this.evictionCount,
      keys: this.top().map((h) => ({ key: h.key, observed: h.observed, errorRank: h.errorRank })),
    };
  }

  /** The options this sketch was made with (merge and the JSON reader need them). */
  get options(): HeavyHittersOptions<W> {
    return { capacity: this.capacity, weights: [...this.weights], rank: this.record(this.coefficients) };
  }

  /** The tracked keys with their raw counts, in heap order (cheap; `top()` sorts). */
  entries(): { key: string; observed: Float64Array; errorRank: number; upperRank: number }[] {
    return this.heap.map((s) => ({ key: s.key, observed: s.observed, errorRank: s.errorRank, upperRank: s.upperRank }));
  }

  /**
   * A sketch in a given state (for merge and the JSON reader). The caller keeps the invariants
   * stated at the top of this file; `keys.length` must not exceed the capacity.
   */
  static restore<W extends string>(options: HeavyHittersOptions<W>, state: RestoreState): HeavyHitters<W> {
    const h = new HeavyHitters(options);
    if (state.keys.length > h.capacity) throw new RangeError(`${state.keys.length} keys exceed the capacity ${h.capacity}`);
    h.recordCount = state.records;
    h.totals.set(state.totals);
    h.floor = state.floorRank;
    h.evictionCount = state.evictions;
    for (const k of state.keys) {
      const slot: Slot = { key: k.key, observed: Float64Array.from(k.observed), errorRank: k.errorRank, upperRank: 0, heapIndex: h.heap.length };
      slot.upperRank = h.rankOf(slot.observed) + k.errorRank;
      h.slots.set(k.key, slot);
      h.heap.push(slot);
      h.siftUp(slot.heapIndex);
    }
    return h;
  }

  private rankOf(values: ArrayLike<number>): number {
    let rank = 0;
    for (let i = 0; i < this.weights.length; i++) rank += this.coefficients[i]! * values[i]!;
    return rank;
  }

  private record(values: ArrayLike<number>): Record<W, number> {
    const out = {} as Record<W, number>;
    this.weights.forEach((w, i) => (out[w] = values[i]!));
    return out;
  }

  private view(slot: Slot): HeavyHitter<W> {
    const upper = {} as Record<W, number>;
    this.weights.forEach((w, i) => {
      const c = this.coefficients[i]!;
      upper[w] = c > 0 ? slot.observed[i]! + slot.errorRank / c : this.evictionCount === 0 ? slot.observed[i]! : Infinity;
    });
    return { key: slot.key, observed: this.record(slot.observed), upper, errorRank: slot.errorRank, upperRank: slot.upperRank };
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    this.heap[i] = b;
    this.heap[j] = a;
    a.heapIndex = j;
    b.heapIndex = i;
  }

  /** the heap's order: `a` goes nearer the root when it would be listed after `b` */
  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(this.heap[parent]!, this.heap[i]!)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let last = i;
      if (l < n && before(this.heap[last]!, this.heap[l]!)) last = l;
      if (r < n && before(this.heap[last]!, this.heap[r]!)) last = r;
      if (last === i) return;
      this.swap(i, last);
      i = last;
    }
  }
}

/** Why these options cannot make a sketch, or undefined when they can. */
export function optionsProblem<W extends string>(o: HeavyHittersOptions<W>): string | undefined {
  if (!Number.isInteger(o.capacity) || o.capacity < 1) return `capacity must be a positive integer, got ${o.capacity}`;
  if (o.weights.length === 0 || new Set(o.weights).size !== o.weights.length) return 'weights must be distinct names, at least one';
  for (const [w, c] of Object.entries(o.rank)) {
    if (!o.weights.includes(w as W)) return `rank names an unknown weight \`${w}\``;
    if (!(typeof c === 'number' && c >= 0 && c < Infinity)) return `rank coefficient of \`${w}\` must be a finite number >= 0`;
  }
  if (!o.weights.some((w) => (o.rank[w] ?? 0) > 0)) return 'at least one rank coefficient must be positive';
  return undefined;
}
