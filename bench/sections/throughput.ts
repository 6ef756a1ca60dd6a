// Section 1: requests per second one core of ddbench offers against an endpoint that costs
// nothing, next to the two yardsticks (bare SDK loop, autocannon without signing), all
// measured in this run on this machine, each in its own pinned process.
//
// The headline rows go through the real CLI (closed loop, `concurrency` workers, no think
// time): scheduler, workload, driver, recorder, all of it. The "driver loop" rows call the
// driver alone in a tight loop (bench/driver-throughput.ts), to show what the engine adds.

import type { BenchContext } from '../context.js';
import { runCli } from '../cli-run.js';
import { measureInChild } from '../driver-throughput.js';
import type { ThroughputKind } from '../driver-throughput.js';
import { best, ratio } from '../measure.js';
import { fixed2, goal, int } from '../format.js';
import type { SectionReport } from '../format.js';

type RowKey = 'cli-http' | 'cli-sdk' | 'loop-http' | 'loop-sdk' | 'bare-sdk' | 'autocannon';

interface Row {
  key: RowKey;
  label: string;
  requestsPerSec: number;
  requestsPerCpuSec: number;
  /** CPU time over wall time while measuring: how much of its core the client got (or needed) */
  coresUsed: number;
  failures: number;
}

const LABELS: Record<RowKey, string> = {
  'cli-http': 'ddbench run --driver http',
  'cli-sdk': 'ddbench run --driver sdk',
  'loop-http': 'http driver, tight loop',
  'loop-sdk': 'sdk driver, tight loop',
  'bare-sdk': 'bare SDK loop (no ddbench)',
  autocannon: 'autocannon, unsigned',
};
const ORDER: RowKey[] = ['cli-http', 'cli-sdk', 'loop-http', 'loop-sdk', 'bare-sdk', 'autocannon'];

export interface ThroughputOutcome {
  report: SectionReport;
  /** requests/s of the CLI per driver: the capacity the rate-accuracy section takes fractions of */
  capacity: { http: number; sdk: number };
  ratios: { httpVsAutocannon?: number; httpVsAutocannonCpu?: number; sdkVsBareSdk?: number; sdkVsBareSdkCpu?: number };
}

async function measure(ctx: BenchContext, key: RowKey): Promise<Row> {
  if (key === 'cli-http' || key === 'cli-sdk') {
    const r = await runCli({
      workDir: ctx.workDir,
      endpointUrl: ctx.endpointUrl,
      driver: key === 'cli-http' ? 'http' : 'sdk',
      workers: 1,
      ...(ctx.clientCpu !== undefined ? { cpu: ctx.clientCpu } : {}),
      scenario: { name: 'throughput', mode: 'closed', concurrency: ctx.concurrency, warmupMs: ctx.warmupMs, measureMs: ctx.measureMs },
    });
    return { key, label: LABELS[key], requestsPerSec: r.achievedOpsPerSec, requestsPerCpuSec: r.requestsPerCpuSec, coresUsed: r.cpuMs / r.measured.durationMs, failures: r.measured.errors };
  }
  const kind: ThroughputKind = key === 'loop-http' ? 'http' : key === 'loop-sdk' ? 'sdk' : key;
  const r = await measureInChild({ kind, endpoint: ctx.endpointUrl, durationMs: ctx.measureMs, concurrency: ctx.concurrency, warmupMs: ctx.warmupMs }, ctx.clientCpu);
  return { key, label: LABELS[key], requestsPerSec: r.requestsPerSec, requestsPerCpuSec: r.requestsPerCpuSec, coresUsed: r.cpuMs / r.durationMs, failures: r.failures };
}

/**
 * A yardstick that used much less than its core was held back by something else (the endpoint's
 * core, other work on the machine): its requests/s is then not its capacity, and a ratio to it
 * flatters ddbench. Said next to the ratio rather than left for the reader to spot.
 */
function paced(name: string, row: Row): string {
  return row.coresUsed < 0.9 ? `, but ${name} used only ${row.coresUsed.toFixed(2)} of its core (held back by the endpoint or the machine, not by its own CPU), so that ratio flatters ddbench` : '';
}

export async function throughputSection(ctx: BenchContext): Promise<ThroughputOutcome> {
  const runs = new Map<RowKey, Row[]>(ORDER.map((k) => [k, []]));
  for (let rep = 0; rep < ctx.reps; rep++) {
    // alternate the order, so no row always runs first (cold machine) or last
    const order = rep % 2 === 0 ? ORDER : [...ORDER].reverse();
    for (const key of order) {
      ctx.log(`throughput: ${LABELS[key]} (${rep + 1}/${ctx.reps})`);
      runs.get(key)!.push(await measure(ctx, key));
    }
  }
  // each column its own best: contention only ever lowers either figure
  const rows = new Map(
    ORDER.map((k): [RowKey, Row] => {
      const all = runs.get(k)!;
      return [k, { ...best(all, (r) => r.requestsPerSec), requestsPerCpuSec: best(all, (r) => r.requestsPerCpuSec).requestsPerCpuSec, failures: all.reduce((a, r) => a + r.failures, 0) }];
    }),
  );
  const get = (k: RowKey): Row => rows.get(k)!;
  const ratios = {
    httpVsAutocannon: ratio(get('cli-http').requestsPerSec, get('autocannon').requestsPerSec),
    httpVsAutocannonCpu: ratio(get('cli-http').requestsPerCpuSec, get('autocannon').requestsPerCpuSec),
    sdkVsBareSdk: ratio(get('cli-sdk').requestsPerSec, get('bare-sdk').requestsPerSec),
    sdkVsBareSdkCpu: ratio(get('cli-sdk').requestsPerCpuSec, get('bare-sdk').requestsPerCpuSec),
  };
  const loopHttpCpu = ratio(get('loop-http').requestsPerCpuSec, get('autocannon').requestsPerCpuSec);
  const loopSdkCpu = ratio(get('loop-sdk').requestsPerCpuSec, get('bare-sdk').requestsPerCpuSec);
  const pin = ctx.clientCpu !== undefined ? `client pinned to CPU ${ctx.clientCpu}, endpoint to CPU ${ctx.endpointCpu}` : 'nothing pinned (no taskset)';
  return {
    capacity: { http: get('cli-http').requestsPerSec, sdk: get('cli-sdk').requestsPerSec },
    ratios,
    report: {
      title: '1. Throughput per core against a null endpoint',
      method:
        `GetItem against bench/null-endpoint (answers \`{}\` at once), ${ctx.concurrency} requests in flight, ${ctx.warmupMs / 1000} s warm-up then ${ctx.measureMs / 1000} s measured, ${pin}; ` +
        `each measurement in a fresh process, each column the best of ${ctx.reps} (the order alternates between repetitions; failures are summed). ` +
        `\`ddbench run\` rows are the real CLI in closed loop (${ctx.concurrency} workers, no think time), with --workers 1. ` +
        `Requests per CPU-second is the same count divided by the CPU time the client process used while measuring (throughput per core, whatever else was running on it); "core used" is that CPU time over the measured time. ` +
        'The goals are judged per CPU-second: requests/s depends on how much of its core each client got on a shared machine.',
      table: {
        headers: ['client', 'requests/s', 'requests per CPU-s', 'core used', 'failures'],
        rows: ORDER.map((k) => [get(k).label, int(get(k).requestsPerSec), int(get(k).requestsPerCpuSec), get(k).coresUsed.toFixed(2), String(get(k).failures)]),
      },
      notes: [
        `http / autocannon per core (requests per CPU-second): ${goal(ratios.httpVsAutocannonCpu, 0.5)}; in requests/s ${fixed2(ratios.httpVsAutocannon)}${paced('autocannon', get('autocannon'))} (http driver alone, tight loop, per CPU-second: ${fixed2(loopHttpCpu)})`,
        `sdk / bare SDK per core (requests per CPU-second): ${goal(ratios.sdkVsBareSdkCpu, 0.9)}; in requests/s ${fixed2(ratios.sdkVsBareSdk)}${paced('the bare SDK loop', get('bare-sdk'))} (sdk driver alone, tight loop, per CPU-second: ${fixed2(loopSdkCpu)})`,
        `http / sdk through ddbench: ${fixed2(ratio(get('cli-http').requestsPerCpuSec, get('cli-sdk').requestsPerCpuSec))}x per CPU-second, ${fixed2(ratio(get('cli-http').requestsPerSec, get('cli-sdk').requestsPerSec))}x requests/s`,
      ],
    },
  };
}
