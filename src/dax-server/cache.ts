// LRU cache with a time-to-live, as DAX's item and query caches behave. The clock is injected
// so tests can expire entries without sleeping. Map iteration order is insertion order, so
// re-inserting on read keeps the least recently used entry first.

export interface CacheOptions {
  maxEntries: number;
  ttlMs: number;
  /** milliseconds; default Date.now */
  now?: () => number;
}

export type Lookup<V> = { hit: true; value: V } | { hit: false };

export class TtlLruCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAtMs: number }>();
  private readonly now: () => number;

  constructor(private readonly opts: CacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  get(key: string): Lookup<V> {
    const e = this.entries.get(key);
    if (e === undefined) return { hit: false };
    this.entries.delete(key);
    if (e.expiresAtMs <= this.now()) return { hit: false };
    this.entries.set(key, e);
    return { hit: true, value: e.value };
  }

  set(key: string, value: V): void {
    if (this.opts.maxEntries <= 0 || this.opts.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs: this.now() + this.opts.ttlMs });
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
