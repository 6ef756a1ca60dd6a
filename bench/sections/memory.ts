// Section 4: memory at a steady rate, and whether it grows with the length of the run.
// ddbench keeps histograms, not samples, so its memory should depend on the rate and the
// number of operations and outcomes, not on the duration: a short and a long run at the same
// rate should peak at about the same RSS. The four runs go side by side to keep the bench short.

import type { BenchContext } from '../context.js';
import { runCli } from '../cli-run.js';
import type { CliRun } from '../cli-run.js';
import { sampleAt } from '../measure.js';
import { int, mb } from '../format.js';
import type { SectionReport } from '../format.js';

const RATES: Record<'http' | 'sdk', number> = { http: 2000, sdk: 500 };
const SHORT_MS = 30_000;

export async function memorySection(ctx: BenchContext): Promise<{ report: SectionReport; growthPct: Record<string, number> }> {
  const longMs = ctx.long ? 600_000 : 120_000;
  /** RSS columns: seconds after start */
  const points = [10_000, 30_000, 120_000, ...(ctx.long ? [590_000] : [])];
  const plan = (['http', 'sdk'] as const).flatMap((driver) => [SHORT_MS, longMs].map((ms) => ({ driver, ms })));
  ctx.log(`memory: ${plan.map((p) => `${p.driver} ${p.ms / 1000} s`).join(', ')}, side by side (${longMs / 1000} s)`);
  const runs: CliRun[] = await Promise.all(
    plan.map((p) =>
      runCli({
        workDir: ctx.workDir,
        endpointUrl: ctx.endpointUrl,
        driver: p.driver,
        workers: 1,
        scenario: { name: `memory-${p.ms / 1000}s`, mode: 'open', concurrency: ctx.concurrency, rateOpsPerSec: RATES[p.driver], warmupMs: 0, measureMs: p.ms },
      }),
    ),
  );
  const rows: string[][] = [];
  const growthPct: Record<string, number> = {};
  const notes: string[] = [];
  for (const driver of ['http', 'sdk'] as const) {
    const short = runs[plan.findIndex((p) => p.driver === driver && p.ms === SHORT_MS)]!;
    const long = runs[plan.findIndex((p) => p.driver === driver && p.ms === longMs)]!;
    for (const [ms, r] of [[SHORT_MS, short], [longMs, long]] as const) {
      const at = (t: number): string => {
        const kb = sampleAt(r.rss, t);
        return kb === undefined || t > ms + 5000 ? '' : mb(kb);
      };
      rows.push([driver, int(RATES[driver]), `${ms / 1000} s`, int(r.measured.count), mb(r.maxRssKb), ...points.map(at), (r.cpuMs / r.measured.durationMs).toFixed(2), r.summary.generator.saturated ? 'yes' : 'no']);
    }
    const growth = ((long.maxRssKb - short.maxRssKb) / short.maxRssKb) * 100;
    growthPct[driver] = growth;
    const early = sampleAt(long.rss, 30_000);
    const late = sampleAt(long.rss, longMs - 10_000);
    notes.push(`${driver}: peak RSS ${mb(short.maxRssKb)} MB after ${SHORT_MS / 1000} s, ${mb(long.maxRssKb)} MB after ${longMs / 1000} s (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%, ${int(long.measured.count)} operations vs ${int(short.measured.count)})`);
    if (early !== undefined && late !== undefined) {
      notes.push(`${driver}, during the ${longMs / 1000} s run: RSS ${mb(early)} MB at 30 s, ${mb(late)} MB at ${(longMs - 10_000) / 1000} s (RSS climbs and falls back with V8's garbage collection, so single points vary; the peaks are what to compare)`);
    }
  }
  if (!ctx.long) notes.push('The issue asks for a 10-minute run: `BENCH_LONG=1 npm run bench` makes the long runs last 600 s (the whole bench then takes about 13 minutes).');
  return {
    growthPct,
    report: {
      title: '4. Memory at a steady rate',
      method:
        `\`ddbench run\` in open loop at a steady rate (http ${RATES.http} ops/s, sdk ${RATES.sdk} ops/s), one ${SHORT_MS / 1000} s and one ${longMs / 1000} s run per driver, the four side by side, --workers 1, not pinned. ` +
        'Peak RSS is getrusage\'s ru_maxrss of the CLI process at exit (every thread, start-up and report writing included); the RSS columns are VmRSS from /proc at that many seconds after start; "core used" is the run\'s CPU time over its duration.',
      table: {
        headers: ['driver', 'ops/s', 'duration', 'operations', 'peak RSS MB', ...points.map((t) => `RSS @${t / 1000} s`), 'core used', 'saturated'],
        align: ['l', 'r', 'r', 'r', 'r', ...points.map(() => 'r' as const), 'r', 'l'],
        rows,
      },
      notes,
    },
  };
}
