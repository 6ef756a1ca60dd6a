// Preloaded into the CLI under test (`node --import dist/bench/probe.js bin/ddbench.js ...`):
// samples the process's CPU time ten times a second and, at exit, writes the samples and the
// peak RSS (getrusage's ru_maxrss: every thread, the whole life of the process) to
// $BENCH_PROBE_FILE. The benchmark then knows the CPU spent during the measured phase alone,
// not the start-up, table checks and report writing around it. Costs one timer tick per 100 ms.

import { writeFileSync } from 'node:fs';

/** [epoch ms, CPU ms (user + system) since the process started] */
export type CpuSample = [number, number];

export interface ProbeOutput {
  maxRssKb: number;
  cpu: CpuSample[];
}

const file = process.env['BENCH_PROBE_FILE'];
if (file) {
  const cpu: CpuSample[] = [];
  const sample = (): void => {
    const u = process.cpuUsage();
    cpu.push([Date.now(), (u.user + u.system) / 1000]);
  };
  sample();
  setInterval(sample, 100).unref();
  process.on('exit', () => {
    sample();
    const out: ProbeOutput = { maxRssKb: process.resourceUsage().maxRSS, cpu };
    writeFileSync(file, JSON.stringify(out));
  });
}
