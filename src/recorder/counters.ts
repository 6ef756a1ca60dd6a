// Operation counters: everything about a set of operations that is a sum, not a distribution.
import type { OpResult } from '../types.js';
import type { OpCounters } from './types.js';

export function newCounters(): OpCounters {
  return { count: 0, outcomes: {}, errorNames: {}, retries: 0, retryDelayMs: 0, throttledAttempts: 0, consumedRcu: 0, consumedWcu: 0 };
}

/** Adds one finished operation. Hot path: no allocation beyond first sight of an outcome or error name. */
export function countResult(c: OpCounters, r: OpResult): void {
  c.count++;
  c.outcomes[r.kind] = (c.outcomes[r.kind] ?? 0) + 1;
  if (r.kind !== 'ok' && r.errorName !== undefined) c.errorNames[r.errorName] = (c.errorNames[r.errorName] ?? 0) + 1;
  // attempts is 1 without a retry; a driver that reports 0 must not produce negative retries
  if (r.attempts > 1) c.retries += r.attempts - 1;
  c.retryDelayMs += r.retryDelayMs || 0;
  c.throttledAttempts += r.throttledAttempts || 0;
  c.consumedRcu += r.consumedRcu || 0;
  c.consumedWcu += r.consumedWcu || 0;
}

export function mergeCounters(target: OpCounters, source: OpCounters): OpCounters {
  target.count += source.count;
  for (const [kind, n] of Object.entries(source.outcomes) as [keyof OpCounters['outcomes'], number][]) {
    target.outcomes[kind] = (target.outcomes[kind] ?? 0) + n;
  }
  for (const [name, n] of Object.entries(source.errorNames)) target.errorNames[name] = (target.errorNames[name] ?? 0) + n;
  target.retries += source.retries;
  target.retryDelayMs += source.retryDelayMs;
  target.throttledAttempts += source.throttledAttempts;
  target.consumedRcu += source.consumedRcu;
  target.consumedWcu += source.consumedWcu;
  return target;
}
