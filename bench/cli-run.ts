// Runs the real CLI (`bin/ddbench.js run`) against a null endpoint, the way a user would, and
// reads back what it measured: summary.json, plus the CPU the process spent during the
// measured phase and its peak RSS (bench/probe.ts, preloaded), plus its RSS over time
// (/proc/<pid>/status, polled once a second) for the memory section.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhaseSummary, Summary } from '../src/summary/model.js';
import { pinned } from './child.js';
import { cpuMsBetween, hlogStartEpochMs } from './measure.js';
import type { ProbeOutput } from './probe.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** dist/bench -> the package root, where bin/ddbench.js lives */
const ROOT = join(HERE, '..', '..');

/** One GetItem operation on a `pk`-keyed table (the null endpoint describes it as ACTIVE). */
export interface BenchScenario {
  name: string;
  mode: 'open' | 'closed';
  /** closed loop: requests in flight; open loop: the concurrency cap */
  concurrency: number;
  /** open loop only */
  rateOpsPerSec?: number;
  warmupMs: number;
  measureMs: number;
}

export function scenarioDocument(s: BenchScenario): Record<string, unknown> {
  const load = s.mode === 'closed' ? { workers: s.concurrency } : { rate: s.rateOpsPerSec };
  return {
    name: s.name,
    table: { name: 'ddbench-bench', partitionKey: { name: 'pk', type: 'S' } },
    keys: { player: { count: 100000, distribution: 'uniform' } },
    operations: [{ name: 'get', weight: 1, type: 'GetItem', key: { pk: 'player#{player}' } }],
    mode: s.mode,
    phases: [
      ...(s.warmupMs > 0 ? [{ name: 'warmup', duration: `${s.warmupMs}ms`, warmup: true, ...load }] : []),
      { name: 'measure', duration: `${s.measureMs}ms`, ...load },
    ],
    concurrency: s.concurrency,
    retries: { maxAttempts: 3 },
  };
}

export interface CliRun {
  exitCode: number;
  summary: Summary;
  measured: PhaseSummary;
  achievedOpsPerSec: number;
  /** epoch ms the load started (the .hlog's StartTime) */
  loadStartMs: number;
  /** CPU of the whole process (every thread) during the measured phase */
  cpuMs: number;
  requestsPerCpuSec: number;
  maxRssKb: number;
  /** [ms since the process started, VmRSS kB], once a second */
  rss: [number, number][];
}

export interface CliRunOptions {
  workDir: string;
  endpointUrl: string;
  driver: 'http' | 'sdk';
  workers: number;
  scenario: BenchScenario;
  /** pin the CLI to this CPU (taskset, when present) */
  cpu?: number;
}

function readRssKb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export async function runCli(o: CliRunOptions): Promise<CliRun> {
  const tag = `${o.scenario.name}-${o.driver}-w${o.workers}-${Date.now().toString(36)}`;
  mkdirSync(o.workDir, { recursive: true });
  const file = join(o.workDir, `${tag}.json`);
  const outDir = join(o.workDir, tag);
  const probeFile = join(o.workDir, `${tag}.probe.json`);
  writeFileSync(file, JSON.stringify(scenarioDocument(o.scenario)));
  const args = ['run', file, '--target', o.endpointUrl, '--driver', o.driver, '--workers', String(o.workers), '--reuse-table', '--out', outDir];
  const [cmd, argv] = pinned(o.cpu, join(ROOT, 'bin', 'ddbench.js'), args);
  // --import goes before the script: after `node` (and after `taskset -c N node`)
  const at = argv.indexOf(process.execPath);
  const full = at >= 0 ? [...argv.slice(0, at + 1), '--import', join(HERE, 'probe.js'), ...argv.slice(at + 1)] : ['--import', join(HERE, 'probe.js'), ...argv];
  const child = spawn(cmd, full, {
    cwd: o.workDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BENCH_PROBE_FILE: probeFile, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const startMs = Date.now();
  const rss: [number, number][] = [];
  const poll = setInterval(() => {
    const kb = child.pid !== undefined ? readRssKb(child.pid) : undefined;
    if (kb !== undefined) rss.push([Date.now() - startMs, kb]);
  }, 1000);
  const exitCode = await new Promise<number>((done) => child.once('close', (code) => done(code ?? 3)));
  clearInterval(poll);
  const summaryFile = join(outDir, 'summary.json');
  if (!existsSync(summaryFile) || !existsSync(probeFile)) throw new Error(`ddbench run (${tag}) exited ${exitCode} without a summary:\n${output}`);
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary;
  const probe = JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeOutput;
  const measuredIndex = summary.phases.findIndex((p) => !p.warmup);
  const measured = summary.phases[measuredIndex]!;
  const loadStartMs = hlogStartEpochMs(readFileSync(join(outDir, 'latency.hlog'), 'utf8'));
  const fromMs = loadStartMs + summary.phases.slice(0, measuredIndex).reduce((a, p) => a + p.durationMs, 0);
  const cpuMs = cpuMsBetween(probe.cpu, fromMs, fromMs + measured.durationMs);
  return {
    exitCode,
    summary,
    measured,
    achievedOpsPerSec: measured.achievedRateOpsPerSec,
    loadStartMs,
    cpuMs,
    requestsPerCpuSec: cpuMs > 0 ? (measured.count / cpuMs) * 1000 : 0,
    maxRssKb: probe.maxRssKb,
    rss,
  };
}
