// The bare AWS SDK v3 yardstick in open loop: GetItem sent at a fixed arrival rate by a plain
// schedule, no ddbench code on the path, latency timed from each operation's intended start
// (as ddbench times it) into an HdrHistogram. What `--driver sdk` is held against at a rate.
//
//   node dist/bench/open-loop-sdk.js '{"endpoint":"http://127.0.0.1:PORT","rateOpsPerSec":1000,"warmupMs":1000,"measureMs":12000,"concurrency":64}'
// prints one JSON line: { count, failures, latencyUs: Percentiles }.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newHistogram, percentiles, recordUs } from '../src/recorder/histogram.js';
import type { Percentiles } from '../src/recorder/shapes.js';
import { bareSdkSender } from './baselines.js';
import { jsonFromChild } from './child.js';

export interface OpenLoopOptions {
  endpoint: string;
  rateOpsPerSec: number;
  warmupMs: number;
  measureMs: number;
  /** sockets in the keep-alive agent (operations beyond it wait, and the wait counts) */
  concurrency: number;
}

export interface OpenLoopResult {
  /** operations intended inside the measured window that completed */
  count: number;
  failures: number;
  latencyUs: Percentiles;
}

export async function runOpenLoopSdk(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const s = bareSdkSender(o.endpoint, o.concurrency);
  const hist = newHistogram();
  const intervalMs = 1000 / o.rateOpsPerSec;
  const t0 = performance.now();
  const measureFromMs = t0 + o.warmupMs;
  const endMs = measureFromMs + o.measureMs;
  let count = 0;
  let failures = 0;
  const inFlight = new Set<Promise<void>>();
  const fire = (intendedMs: number): void => {
    const p = s.send().then((ok) => {
      if (intendedMs < measureFromMs) return;
      recordUs(hist, (performance.now() - intendedMs) * 1000);
      count++;
      if (!ok) failures++;
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  // the same pacing an application would write: every due operation goes out at once, then a
  // timer for waits of 1 ms or more and a turn of the loop for shorter ones
  await new Promise<void>((done) => {
    let next = t0;
    const tick = (): void => {
      const now = performance.now();
      while (next <= now && next < endMs) {
        fire(next);
        next += intervalMs;
      }
      if (next >= endMs) return done();
      const waitMs = next - performance.now();
      if (waitMs >= 1) setTimeout(tick, Math.floor(waitMs));
      else setImmediate(tick);
    };
    tick();
  });
  await Promise.all([...inFlight]);
  await s.close();
  return { count, failures, latencyUs: percentiles(hist) };
}

/** In a fresh process, pinned to `cpu` when taskset is present. */
export function openLoopSdkInChild(o: OpenLoopOptions, cpu?: number): Promise<OpenLoopResult> {
  return jsonFromChild<OpenLoopResult>(fileURLToPath(import.meta.url), [JSON.stringify(o)], cpu);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.stdout.write(`${JSON.stringify(await runOpenLoopSdk(JSON.parse(process.argv[2]!) as OpenLoopOptions))}\n`);
}
