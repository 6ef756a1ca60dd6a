// `npm run bench`: every benchmark side by side, in one run, on this machine; prints one table
// per section and writes the figures into BENCHMARKS.md between its markers, with the machine
// they were measured on. A script that prints numbers, never a test: it asserts nothing.
//
// Environment: BENCH_LONG=1 (memory's long run lasts 10 minutes instead of 2), BENCH_REPS
// (throughput repetitions, default 2), BENCH_MEASURE_MS (measured time per run, default 4000),
// BENCH_FLOOR_MS (measured time per row of the floor section, default 12000), BENCH_FLOOR_REPS
// (runs of each client per rate in the floor section, interleaved; rows show medians; default 3),
// BENCH_ONLY=1,3 (run some sections only, for development; BENCHMARKS.md is then left alone).

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './context.js';
import { HAS_TASKSET } from './child.js';
import { startNullEndpointProcess } from './driver-throughput.js';
import { busyNote, describeMachine, machineLines } from './machine.js';
import { replaceBetween, sectionMarkdown, sectionText } from './format.js';
import type { SectionReport } from './format.js';
import { throughputSection } from './sections/throughput.js';
import { accuracySection } from './sections/accuracy.js';
import { rateSection } from './sections/rate.js';
import { memorySection } from './sections/memory.js';
import { workersSection } from './sections/workers.js';
import { floorSection } from './sections/floor.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BEGIN_MARKER = '<!-- bench:begin (written by npm run bench; edits here are overwritten) -->';
export const END_MARKER = '<!-- bench:end -->';

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

async function main(): Promise<void> {
  const only = process.env['BENCH_ONLY']?.split(',').map(Number);
  const wanted = (n: number): boolean => only === undefined || only.includes(n);
  const long = process.env['BENCH_LONG'] === '1';
  const pin = HAS_TASKSET && os.availableParallelism() >= 2;
  const machine = describeMachine(pin);
  const startMs = Date.now();
  const log = (m: string): void => void process.stderr.write(`[${((Date.now() - startMs) / 1000).toFixed(0).padStart(3)} s] ${m}\n`);
  process.stdout.write(`${machineLines(machine).join('\n')}\n\n`);

  const workDir = mkdtempSync(join(os.tmpdir(), 'ddbench-bench-'));
  const endpointCpu = pin ? os.availableParallelism() - 1 : undefined;
  const endpoint = await startNullEndpointProcess(endpointCpu !== undefined ? { cpu: endpointCpu } : {});
  const reports: SectionReport[] = [];
  const headline: string[] = [];
  const show = (r: SectionReport): void => {
    reports.push(r);
    process.stdout.write(`${sectionText(r)}\n\n`);
  };
  try {
    const ctx: BenchContext = {
      workDir,
      endpointUrl: endpoint.url,
      clientCpu: pin ? 0 : undefined,
      endpointCpu,
      reps: envNumber('BENCH_REPS', 2),
      floorReps: envNumber('BENCH_FLOOR_REPS', 3),
      warmupMs: 1000,
      measureMs: envNumber('BENCH_MEASURE_MS', 4000),
      concurrency: 64,
      long,
      log,
    };
    // section 3 takes fractions of section 1's capacity; without section 1, nominal ones
    let capacity = { http: 20_000, sdk: 1_500 };
    if (wanted(1)) {
      const t = await throughputSection(ctx);
      capacity = t.capacity;
      show(t.report);
      headline.push(...t.report.notes.slice(0, 2));
    }
    if (wanted(2)) {
      const a = await accuracySection(ctx);
      show(a.report);
      headline.push(a.headline);
    }
    if (wanted(3)) {
      const r = await rateSection(ctx, capacity);
      show(r.report);
      headline.push(`open-loop rate, ${r.report.notes[0]!} (details in section 3)`);
    }
    if (wanted(4)) {
      const m = await memorySection(ctx);
      show(m.report);
      headline.push(...m.report.notes.filter((n) => /^(http|sdk): peak/.test(n)).map((n) => `memory, ${n}`));
    }
    if (wanted(5)) {
      const loose = await startNullEndpointProcess();
      try {
        const w = await workersSection(ctx, loose.url);
        show(w.report);
        headline.push(...w.report.notes);
      } finally {
        await loose.stop();
      }
    }
    if (wanted(6)) {
      const f = await floorSection(ctx, envNumber('BENCH_FLOOR_MS', 12_000));
      show(f.report);
      headline.push(...f.report.notes.filter((n) => n.startsWith('throughput check')).map((n) => `measurement floor, ${n}`));
    }
  } finally {
    await endpoint.stop();
    rmSync(workDir, { recursive: true, force: true });
  }

  const loadAfter = os.loadavg();
  const tookS = Math.round((Date.now() - startMs) / 1000);
  process.stdout.write(`load average after the run: ${loadAfter.map((x) => x.toFixed(2)).join(' / ')}; took ${tookS} s\n`);
  if (only !== undefined) {
    process.stdout.write('BENCH_ONLY is set: BENCHMARKS.md left as it was (it holds complete runs only)\n');
    return;
  }
  const block = [
    `## Latest run: ${machine.date.slice(0, 10)}`,
    '',
    ...machineLines(machine, loadAfter).map((l) => `- ${l}`),
    `- Took ${tookS} s${long ? ' (BENCH_LONG=1)' : ''}`,
    '',
    ...(busyNote(machine) ? [busyNote(machine)!, ''] : []),
    '**Headline**',
    '',
    ...headline.map((h) => `- ${h}`),
    '',
    ...reports.flatMap((r) => [sectionMarkdown(r), '']),
  ].join('\n');
  const file = join(ROOT, 'BENCHMARKS.md');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nWritten by `npm run bench`.\n';
  writeFileSync(file, replaceBetween(before, BEGIN_MARKER, END_MARKER, block));
  process.stdout.write(`figures written to ${file}\n`);
}

await main();
