// Section 2: how much a client adds to what it measures. The endpoint holds every answer for
// exactly `delayMs` (bench/null-endpoint.ts waits out the last fraction of a millisecond on
// the high-resolution clock), so measured p50 minus the delay is the client's own share, plus
// loopback TCP and the endpoint's lateness, which autocannon's row shows on its own.

import type { BenchContext } from '../context.js';
import { runCli } from '../cli-run.js';
import { autocannonInChild } from '../baselines.js';
import { startNullEndpointProcess } from '../driver-throughput.js';
import { int, msFromUs, signedMs } from '../format.js';
import type { SectionReport } from '../format.js';

export const DELAY_MS = 2;
/** modest: far below either driver's capacity, so no request waits for a slot */
const RATE_OPS_PER_SEC = 500;

export async function accuracySection(ctx: BenchContext): Promise<{ report: SectionReport; headline: string }> {
  const endpoint = await startNullEndpointProcess({ delayMs: DELAY_MS, ...(ctx.endpointCpu !== undefined ? { cpu: ctx.endpointCpu } : {}) });
  const rows: string[][] = [];
  const p50s: string[] = [];
  const minus = (us: number): string => signedMs(us / 1000 - DELAY_MS);
  try {
    for (const driver of ['http', 'sdk'] as const) {
      ctx.log(`accuracy: --driver ${driver} at ${RATE_OPS_PER_SEC} ops/s against a ${DELAY_MS} ms endpoint`);
      const r = await runCli({
        workDir: ctx.workDir,
        endpointUrl: endpoint.url,
        driver,
        workers: 1,
        ...(ctx.clientCpu !== undefined ? { cpu: ctx.clientCpu } : {}),
        scenario: { name: 'accuracy', mode: 'open', concurrency: ctx.concurrency, rateOpsPerSec: RATE_OPS_PER_SEC, warmupMs: ctx.warmupMs, measureMs: ctx.measureMs },
      });
      const l = r.measured.latencyUs;
      const s = r.measured.serviceTimeUs;
      p50s.push(`--driver ${driver} ${minus(l.p50)} ms (service time ${minus(s.p50)} ms)`);
      rows.push([`ddbench --driver ${driver} (latency from intended start)`, int(r.measured.count), msFromUs(l.p50), minus(l.p50), msFromUs(l.p99), minus(l.p99)]);
      rows.push([`ddbench --driver ${driver} (service time, from send)`, int(r.measured.count), msFromUs(s.p50), minus(s.p50), msFromUs(s.p99), minus(s.p99)]);
    }
    ctx.log('accuracy: autocannon, 1 connection');
    const a = await autocannonInChild({ url: endpoint.url, connections: 1, seconds: autocannonSeconds(ctx), warmupSeconds: Math.max(1, Math.round(ctx.warmupMs / 1000)), timeUs: true }, ctx.clientCpu);
    rows.push(['autocannon (its own histogram: whole ms)', int(a.requests), a.latencyMs.p50.toFixed(3), signedMs(a.latencyMs.p50 - DELAY_MS), a.latencyMs.p99.toFixed(3), signedMs(a.latencyMs.p99 - DELAY_MS)]);
    p50s.push(`autocannon ${signedMs(a.latencyMs.p50 - DELAY_MS)} ms in its whole-ms histogram, ${a.latencyUs ? minus(a.latencyUs.p50) : '?'} ms timed in µs`);
    if (a.latencyUs) rows.push(['autocannon (same responses, timed in us)', int(a.requests), msFromUs(a.latencyUs.p50), minus(a.latencyUs.p50), msFromUs(a.latencyUs.p99), minus(a.latencyUs.p99)]);
  } finally {
    await endpoint.stop();
  }
  const report: SectionReport = {
    title: `2. Accuracy: measured latency minus a known ${DELAY_MS} ms delay`,
    method:
      `The null endpoint holds every answer exactly ${DELAY_MS} ms from the moment it has read the request. ddbench runs in open loop at ${RATE_OPS_PER_SEC} ops/s ` +
      `(${ctx.measureMs / 1000} s measured, --workers 1, client pinned when possible); autocannon runs closed loop on 1 connection (about the same rate) for ${autocannonSeconds(ctx)} s. ` +
      `"minus ${DELAY_MS} ms" is what the client, loopback TCP and the endpoint's own lateness add.`,
    table: { headers: ['client', 'requests', 'p50 ms', `p50 - ${DELAY_MS} ms`, 'p99 ms', `p99 - ${DELAY_MS} ms`], rows },
    notes: [
      'autocannon records latency into its histogram in whole milliseconds (values are truncated to an integer), so its own p50 cannot show anything finer than 1 ms; the µs row times the same responses from its `response` events.',
      'ddbench records whole microseconds; its latency is measured from the intended start (coordinated-omission corrected), its service time from the send.',
    ],
  };
  return { report, headline: `accuracy, p50 minus the ${DELAY_MS} ms delay: ${p50s.join('; ')}` };
}

/** autocannon stops on whole seconds */
function autocannonSeconds(ctx: BenchContext): number {
  return Math.max(1, Math.round(ctx.measureMs / 1000));
}
