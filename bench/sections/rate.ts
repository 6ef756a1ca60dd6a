// Section 3: does the open loop deliver the rate it was asked for? Achieved / target at 25%,
// 50% and 90% of each driver's capacity as measured in section 1, through the real CLI with
// one load thread.

import type { BenchContext } from '../context.js';
import { runCli } from '../cli-run.js';
import { completionsPerSec } from '../measure.js';
import { fixed2, int, msFromUs } from '../format.js';
import type { SectionReport } from '../format.js';

export const FRACTIONS = [0.25, 0.5, 0.9] as const;

export async function rateSection(ctx: BenchContext, capacity: { http: number; sdk: number }): Promise<{ report: SectionReport; worst: number }> {
  const rows: string[][] = [];
  const notes: string[] = [];
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
      // whole seconds of the measured phase, by completion time
      const achievedOpsPerSec = completionsPerSec(r.summary.intervals, Math.ceil(ctx.warmupMs / 1000), Math.floor((ctx.warmupMs + ctx.measureMs) / 1000));
      const achieved = achievedOpsPerSec / rate;
      worst = Math.min(worst, achieved);
      const g = r.summary.generator;
      const coreUsed = r.cpuMs / r.measured.durationMs;
      const p50Us = r.measured.latencyUs.p50;
      if (p50Us > 10_000) {
        notes.push(`${driver} at ${fraction * 100}%: one thread fell behind its schedule (p50 from the intended start ${(p50Us / 1000).toFixed(0)} ms against an endpoint that answers at once): its open-loop capacity is below this rate, and the rate completed in the window includes the backlog of earlier operations`);
      }
      if (fraction === FRACTIONS[0] && coreUsed > 0.8) {
        notes.push(`${driver} at ${fraction * 100}% of capacity already used ${coreUsed.toFixed(2)} of a core: the open-loop scheduler yields through setImmediate for waits under 1 ms (src/scheduler/load.ts, sleepUs), so it spins whenever operations are due less than 1 ms apart, and the generator-health check then calls the thread saturated`);
      }
      rows.push([
        driver,
        `${fraction * 100}%`,
        int(rate),
        int(achievedOpsPerSec),
        fixed2(achieved),
        msFromUs(r.measured.latencyUs.p50),
        msFromUs(r.measured.latencyUs.p99),
        coreUsed.toFixed(2),
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
        'Achieved is the operations completed per second during the measured phase\'s whole seconds (summary.json intervals, by completion time). ' +
        'Latency is from the intended start, so a generator that falls behind shows it there. "core used" is the CLI\'s CPU time over the measured time; "queued" counts operations that waited for a free slot; ' +
        '"saturated" is ddbench\'s own generator-health verdict (event-loop delay, send lag, CPU).',
      table: {
        headers: ['driver', 'of capacity', 'target ops/s', 'achieved ops/s', 'achieved / target', 'p50 ms', 'p99 ms', 'core used', 'queued', 'saturated'],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
        rows,
      },
      notes: [`lowest achieved / target: ${fixed2(worst)}`, ...notes],
    },
  };
}
