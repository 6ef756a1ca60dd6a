// A fake run clock and fake timers for the schedulers' unit tests: time moves only when every
// ready callback has run and the code under test waits on a timer, and then it jumps straight
// to the earliest timer. Timers round like Node's (whole milliseconds, at least 1), so the
// schedulers see the same early wake-ups they see for real. Deterministic, and never sleeps.
import type { Clock } from '../../src/scheduler/clock.js';
import type { Timers } from '../../src/scheduler/timers.js';

interface Pending {
  atUs: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class FakeTime implements Clock, Timers {
  #nowUs = 0;
  #seq = 0;
  #pending: Pending[] = [];

  nowUs(): number {
    return this.#nowUs;
  }

  after(us: number, fn: () => void): () => void {
    const p: Pending = { atUs: this.#nowUs + Math.max(1, Math.floor(us / 1000)) * 1000, seq: this.#seq++, fn, cancelled: false };
    this.#pending.push(p);
    return () => void (p.cancelled = true);
  }

  /** A promise that resolves `us` from now on the fake clock (a fake operation's latency). */
  delay<T>(us: number, value: T): Promise<T> {
    return new Promise((resolve) => {
      const p: Pending = { atUs: this.#nowUs + us, seq: this.#seq++, fn: () => resolve(value), cancelled: false };
      this.#pending.push(p);
    });
  }

  /** Runs the fake world until `work` settles; throws if it waits with no timer left (it would hang). */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const watched = work.finally(() => (settled = true));
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return watched;
      this.#pending = this.#pending.filter((p) => !p.cancelled);
      if (this.#pending.length === 0) throw new Error(`deadlock at ${this.#nowUs} us: the work waits and no timer is pending`);
      this.#pending.sort((a, b) => a.atUs - b.atUs || a.seq - b.seq);
      const next = this.#pending.shift()!;
      this.#nowUs = Math.max(this.#nowUs, next.atUs);
      next.fn();
    }
  }
}
