// Section 5: what a second load thread buys. Closed loop, same requests in flight, --workers 1
// then 2. Nothing is pinned here: two threads need two cores, and on a small machine the null
// endpoint and the recording thread share them, which the table's CPU column shows.

import type { BenchContext } from '../context.js';
import { runCli } from '../cli-run.js';
import { ratio } from '../measure.js';
import { fixed2, int } from '../format.js';
import type { SectionReport } from '../format.js';

export async function workersSection(ctx: BenchContext, endpointUrl: string): Promise<{ report: SectionReport; httpRatio?: number }> {
  const rows: string[][] = [];
  let httpRatio: number | undefined;
  for (const driver of ['http', 'sdk'] as const) {
    let one = 0;
    for (const workers of [1, 2]) {
      ctx.log(`workers: --driver ${driver} --workers ${workers}`);
      const r = await runCli({
        workDir: ctx.workDir,
        endpointUrl,
        driver,
        workers,
        scenario: { name: 'workers', mode: 'closed', concurrency: ctx.concurrency, warmupMs: ctx.warmupMs, measureMs: ctx.measureMs },
      });
      if (workers === 1) one = r.achievedOpsPerSec;
      const vsOne = ratio(r.achievedOpsPerSec, one);
      if (driver === 'http' && workers === 2) httpRatio = vsOne;
      rows.push([driver, String(workers), int(r.achievedOpsPerSec), int(r.requestsPerCpuSec), (r.cpuMs / r.measured.durationMs).toFixed(2), fixed2(vsOne), String(r.measured.errors)]);
    }
  }
  return {
    ...(httpRatio !== undefined ? { httpRatio } : {}),
    report: {
      title: '5. Load worker threads',
      method:
        `\`ddbench run\` in closed loop, ${ctx.concurrency} requests in flight in total (split between the workers), ${ctx.warmupMs / 1000} s warm-up then ${ctx.measureMs / 1000} s measured, ` +
        'against the instant null endpoint; client and endpoint not pinned. With 2 workers, the main thread only records, each worker sends its half. ' +
        '"cores used" is the CLI process\'s CPU time over the measured time (all threads).',
      table: { headers: ['driver', 'workers', 'requests/s', 'requests per CPU-s', 'cores used', 'vs 1 worker', 'errors'], align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'], rows },
      notes: [`http, 2 workers / 1 worker: ${fixed2(httpRatio)}x`],
    },
  };
}
