// Section 3: does the open loop deliver the rate it was asked for? Achieved / target at 25%,
// 50% and 90% of each driver's capacity as measured in section 1, through the real CLI with
// one load thread.

import type { BenchContext } from '../context.js';
import { runCli } from '../cli-run.js';
import { fixed2, int, msFromUs } from '../format.js';
import type { SectionReport } from '../format.js';

export const FRACTIONS = [0.25, 0.5, 0.9] as const;

export async function rateSection(ctx: BenchContext, capacity: { http: number; sdk: number }): Promise<{ report: SectionReport; worst: number }> {
  const rows: string[][] = [];
  let worst = Infinity;
  for (const driver of ['http', 'sdk'] as const) {
    for (const fraction of FRACTIONS) {
      const rate = Math.max(1, Math.round(capacity[driver] * fraction));
      ctx.log(`rate accuracy: --driver ${driver} at ${rate} ops/s (${fraction * 100}% of ${Math.round(capacity[driver])})`);
      const r = await runCli({
        workDir: ctx.workDir,
        endpointUrl: ctx.endpointUrl,
        driver,
        workers: 1,
        ...(ctx.clientCpu !== undefined ? { cpu: ctx.clientCpu } : {}),
        scenario: { name: 'rate', mode: 'open', concurrency: ctx.concurrency, rateOpsPerSec: rate, warmupMs: ctx.warmupMs, measureMs: ctx.measureMs },
      });
      const achieved = r.achievedOpsPerSec / rate;
      worst = Math.min(worst, achieved);
      const g = r.summary.generator;
      rows.push([
        driver,
        `${fraction * 100}%`,
        int(rate),
        int(r.achievedOpsPerSec),
        fixed2(achieved),
        msFromUs(r.measured.latencyUs.p50),
        msFromUs(r.measured.latencyUs.p99),
        int(g.queuedOps),
        g.saturated ? 'yes' : 'no',
      ]);
    }
  }
  return {
    worst,
    report: {
      title: '3. Open-loop rate accuracy',
      method:
        `\`ddbench run\` in open loop (arrival rate, concurrency cap ${ctx.concurrency}) at 25%, 50% and 90% of the driver's requests/s from section 1, ` +
        `--workers 1, ${ctx.warmupMs / 1000} s warm-up then ${ctx.measureMs / 1000} s measured, against the instant null endpoint. ` +
        'Achieved is the measured phase\'s completed operations over its actual duration. "queued" counts operations that waited for a free slot; ' +
        '"saturated" is ddbench\'s own generator-health verdict (event-loop delay, send lag, CPU).',
      table: {
        headers: ['driver', 'of capacity', 'target ops/s', 'achieved ops/s', 'achieved / target', 'p50 ms', 'p99 ms', 'queued', 'saturated'],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
        rows,
      },
      notes: [`lowest achieved / target: ${fixed2(worst)}`],
    },
  };
}
