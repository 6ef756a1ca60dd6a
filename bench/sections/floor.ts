// Section 6: the measurement floor. GetItem in open loop at 1,000 and 5,000 ops/s against the
// instant null endpoint (pinned to one core, every client to the other): ddbench's http and sdk
// drivers through the real CLI, beside what each is held against: a compiled client (Debian's
// `hey`) for http, a bare open-loop AWS SDK v3 loop for sdk. Then the endpoint-counted
// throughput check: 64 slots against an endpoint holding every answer 2 ms, far more asked
// than it can serve; the rate ddbench reports against the rate the endpoint counted.

import type { BenchContext } from '../context.js';
import { runCli } from '../cli-run.js';
import { ensureHey, runHey } from '../hey.js';
import { openLoopSdkInChild } from '../open-loop-sdk.js';
import { int, msFromUs, signedMs } from '../format.js';
import type { SectionReport } from '../format.js';
import type { Percentiles } from '../../src/recorder/shapes.js';
import { startNullEndpoint } from '../../src/endpoints/null-endpoint.js';
import { median } from '../../src/summary/median.js';

export const FLOOR_RATES = [1000, 5000] as const;

/**
 * Warm-up before every floor row, the same for every client. A fresh ddbench process is noisy
 * for its first 2-3 s (measured at 1,000/s, one pinned core: per-second p99 4-6 ms in seconds
 * 1-2 of the load, 0.3-1.1 ms from the fourth on; V8 still optimising ~140 functions then, and
 * a 48,000-operation self-warm-up against a null endpoint before the clock did not remove it),
 * so a 1 s warm-up measured ddbench's start, not its floor. docs/drivers-and-noise.md: "How far to trust the numbers".
 */
export const FLOOR_WARMUP_MS = 3000;

/**
 * Each client runs this many times per rate, interleaved (hey, http, sdk, bare SDK, then again),
 * and its row shows the median of each percentile with the range of its p99: single 12 s rows of
 * the same client moved by 0.3 ms at p99 on the quiet machine, as much as a goal.
 */
export const FLOOR_REPS = 3;

/** The median of each percentile over repeated runs of one client, its total count and its p99's range. */
export function medianRow(runs: readonly Measured[]): Measured & { p99RangeUs: [number, number] } {
  const med = (f: (m: Measured) => number): number => median(runs.map(f));
  const first = runs[0]!;
  const p99s = runs.map((r) => r.latencyUs.p99);
  return {
    client: first.client,
    count: runs.reduce((n, r) => n + r.count, 0),
    latencyUs: { ...first.latencyUs, p50: med((r) => r.latencyUs.p50), p99: med((r) => r.latencyUs.p99), p999: med((r) => r.latencyUs.p999) },
    p99RangeUs: [Math.min(...p99s), Math.max(...p99s)],
  };
}

/** A client whose median against an instant endpoint is past this has fallen behind its schedule: its row compares nothing. */
export const BEHIND_P50_US = 10_000;

/** The goals of issue 10, in ms over the reference: [p50, p99, p99.9] (undefined: no goal). */
export const FLOOR_GOALS_MS: Record<'http' | 'sdk', [number | undefined, number, number]> = {
  http: [0.1, 0.3, 1],
  sdk: [undefined, 0.3, 1],
};

export interface Measured {
  client: string;
  count: number;
  latencyUs: Percentiles;
}

/** "met" / "NOT met (+0.412 > +0.3 p99)" for one driver row against its reference. */
export function floorVerdict(driver: 'http' | 'sdk', row: Percentiles, ref: Percentiles): string {
  const [g50, g99, g999] = FLOOR_GOALS_MS[driver];
  const misses: string[] = [];
  const check = (name: string, us: number, refUs: number, goalMs: number | undefined): void => {
    const d = (us - refUs) / 1000;
    if (goalMs !== undefined && d > goalMs) misses.push(`${name} ${signedMs(d)} > +${goalMs}`);
  };
  check('p50', row.p50, ref.p50, g50);
  check('p99', row.p99, ref.p99, g99);
  check('p99.9', row.p999, ref.p999, g999);
  return misses.length === 0 ? 'met' : `NOT met (${misses.join(', ')})`;
}

function keptUp(m: Measured): boolean {
  return m.count > 0 && m.latencyUs.p50 <= BEHIND_P50_US;
}

function deltas(row: Percentiles, ref: Percentiles): string[] {
  return [signedMs((row.p50 - ref.p50) / 1000), signedMs((row.p99 - ref.p99) / 1000), signedMs((row.p999 - ref.p999) / 1000)];
}

async function saturatedCheck(ctx: BenchContext): Promise<string> {
  const endpoint = await startNullEndpoint(2);
  const marks: [number, number][] = [];
  const poll = setInterval(() => marks.push([Date.now(), endpoint.served.answers]), 5);
  try {
    const measureMs = 5000;
    const r = await runCli({
      workDir: ctx.workDir,
      endpointUrl: `http://127.0.0.1:${endpoint.port}`,
      driver: 'http',
      workers: 1,
      ...(ctx.clientCpu !== undefined ? { cpu: ctx.clientCpu } : {}),
      scenario: { name: 'saturated', mode: 'open', concurrency: 64, rateOpsPerSec: 200_000, warmupMs: 0, measureMs },
    });
    clearInterval(poll);
    const served = countAt(marks, r.loadStartMs + r.measured.durationMs) - countAt(marks, r.loadStartMs);
    const endpointRate = served / (r.measured.durationMs / 1000);
    const off = (r.achievedOpsPerSec - endpointRate) / endpointRate;
    return (
      `throughput check (64 slots, endpoint holding every answer 2 ms, 200,000/s asked, ${measureMs / 1000} s, --driver http): ` +
      `ddbench reports ${int(r.achievedOpsPerSec)}/s, the endpoint counted ${int(endpointRate)}/s in the same window ` +
      `(${(off * 100).toFixed(1)}% apart, goal within 3%: ${Math.abs(off) < 0.03 ? 'met' : 'NOT met'}); ${int(r.measured.drainCount ?? 0)} operations completed in the drain, counted apart`
    );
  } finally {
    clearInterval(poll);
    await endpoint.close();
  }
}

/** The endpoint's count at epoch `ms`, interpolated between the two polls around it. */
export function countAt(marks: readonly (readonly [number, number])[], ms: number): number {
  let before = marks[0] ?? ([0, 0] as const);
  for (const m of marks) {
    if (m[0] > ms) return before[0] === m[0] ? m[1] : before[1] + ((m[1] - before[1]) * (ms - before[0])) / (m[0] - before[0]);
    before = m;
  }
  return before[1];
}

export async function floorSection(ctx: BenchContext, measureMs: number): Promise<{ report: SectionReport }> {
  const rows: string[][] = [];
  const notes: string[] = [];
  const cpu = ctx.clientCpu !== undefined ? { cpu: ctx.clientCpu } : {};
  const warmupMs = FLOOR_WARMUP_MS;
  const hey = ensureHey(ctx.log);
  if (!hey.ok) notes.push(hey.why);
  const reps = Math.max(1, Math.floor(ctx.floorReps ?? FLOOR_REPS));
  for (const rate of FLOOR_RATES) {
    const runs: Partial<Record<'hey' | 'http' | 'bare-sdk' | 'sdk', Measured[]>> = {};
    const add = (kind: 'hey' | 'http' | 'bare-sdk' | 'sdk', m: Measured) => (runs[kind] ??= []).push(m);
    for (let rep = 1; rep <= reps; rep++) {
      const of = reps > 1 ? ` (${rep} of ${reps})` : '';
      if (hey.ok) {
        ctx.log(`floor: hey at ${rate}/s${of}`);
        const h = await runHey({ url: ctx.endpointUrl, rateOpsPerSec: rate, seconds: measureMs / 1000, warmupSeconds: warmupMs / 1000, ...cpu });
        add('hey', { client: `hey (-c ${h.workers} -q ${h.perWorkerRate})`, count: h.count, latencyUs: h.latencyUs });
      }
      for (const driver of ['http', 'sdk'] as const) {
        ctx.log(`floor: ddbench run --driver ${driver} at ${rate}/s${of}`);
        const r = await runCli({
          workDir: ctx.workDir,
          endpointUrl: ctx.endpointUrl,
          driver,
          workers: 1,
          ...cpu,
          scenario: { name: 'floor', mode: 'open', concurrency: ctx.concurrency, rateOpsPerSec: rate, warmupMs, measureMs },
        });
        add(driver, { client: `ddbench run --driver ${driver}`, count: r.measured.count, latencyUs: r.measured.latencyUs });
      }
      ctx.log(`floor: bare open-loop SDK at ${rate}/s${of}`);
      const b = await openLoopSdkInChild({ endpoint: ctx.endpointUrl, rateOpsPerSec: rate, warmupMs, measureMs, concurrency: ctx.concurrency }, ctx.clientCpu);
      add('bare-sdk', { client: 'bare open-loop SDK v3 loop', count: b.count, latencyUs: b.latencyUs });
    }
    const got: Partial<Record<'hey' | 'http' | 'bare-sdk' | 'sdk', Measured & { p99RangeUs: [number, number] }>> = {};
    for (const [kind, list] of Object.entries(runs) as [keyof typeof runs, Measured[]][]) got[kind] = medianRow(list);
    for (const [kind, refKind] of [['hey', undefined], ['http', 'hey'], ['bare-sdk', undefined], ['sdk', 'bare-sdk']] as const) {
      const m = got[kind];
      if (!m) {
        rows.push([int(rate), 'hey (not installed: skipped)', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
        continue;
      }
      const found = refKind ? got[refKind] : undefined;
      // a row that measured nothing, or whose client fell behind its schedule, compares to nothing: a
      // saturated reference would make anything look "met"
      const ref = found !== undefined && keptUp(found) && keptUp(m) ? found : undefined;
      const l = m.latencyUs;
      if (m.count === 0) notes.push(`${m.client} at ${int(rate)}/s: no operation of the measured window completed (the client fell behind its schedule): not measured`);
      else if (!keptUp(m)) notes.push(`${m.client} at ${int(rate)}/s fell behind its schedule (p50 ${msFromUs(l.p50)} ms against an endpoint that answers at once): one core cannot drive this rate with it, so its row and any row held against it compare nothing`);
      rows.push([
        int(rate),
        m.client,
        int(m.count),
        msFromUs(l.p50),
        msFromUs(l.p99),
        `${msFromUs(m.p99RangeUs[0])}-${msFromUs(m.p99RangeUs[1])}`,
        msFromUs(l.p999),
        ...(ref ? deltas(l, ref.latencyUs) : refKind ? ['-', '-', '-'] : ['(reference)', '', '']),
        ref && (kind === 'http' || kind === 'sdk') ? floorVerdict(kind, l, ref.latencyUs) : m.count === 0 ? 'not measured' : !keptUp(m) ? 'fell behind' : refKind ? 'no reference' : '',
      ]);
    }
  }
  ctx.log('floor: saturated throughput check');
  notes.push(await saturatedCheck(ctx));
  return {
    report: {
      title: '6. Measurement floor',
      method:
        `GetItem in open loop at ${FLOOR_RATES.map(int).join(' and ')} ops/s against the instant null endpoint, ${FLOOR_WARMUP_MS / 1000} s warm-up (every client) then ${measureMs / 1000} s measured, ` +
        `each client ${reps} time${reps > 1 ? 's' : ''} per rate, interleaved; a row is the median of each percentile (p99 range: the lowest and highest p99 of the runs), measured ops their sum; ` +
        'the endpoint pinned to one core and every client to the other (taskset). ddbench is the real CLI (`ddbench run`, --workers 1); the bare SDK loop ' +
        '(bench/open-loop-sdk.ts) paces GetItemCommand sends by a plain schedule and times from the intended start, as ddbench does; hey (Go, Debian) posts ' +
        'the http driver\'s body and headers minus Authorization, q x c = the rate, timed from the send (closed loop per worker). ' +
        'Deltas are against the reference: hey for --driver http, the bare SDK loop for --driver sdk. Goals (issue 10): http within +0.1 ms p50, ' +
        '+0.3 ms p99, +1 ms p99.9 of hey; sdk within +0.3 ms p99, +1 ms p99.9 of the bare SDK loop.',
      table: {
        headers: ['ops/s', 'client', 'measured ops', 'p50 ms', 'p99 ms', 'p99 range', 'p99.9 ms', 'Δp50 ms', 'Δp99 ms', 'Δp99.9 ms', 'goal'],
        align: ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
        rows,
      },
      notes,
    },
  };
}
