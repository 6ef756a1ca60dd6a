// Runs the real, compiled ddbench CLI as a child process, as a user would.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Summary } from '../../src/summary/model.js';
import { summaryDrift } from '../../src/summary/check.js';
import { SUMMARY_DRIFT_WARNING } from '../../src/summary/file.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'ddbench.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ChildProcess;
  result: Promise<CliResult>;
  /** resolves when stderr or stdout has printed text matching the pattern */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export function startCli(args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...watchers]) {
      if (w.pattern.test(stdout) || w.pattern.test(stderr)) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', (d: Buffer) => ((stdout += d.toString()), check()));
  child.stderr!.on('data', (d: Buffer) => ((stderr += d.toString()), check()));
  const limit = opts.timeoutMs ?? 120_000;
  const result = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), limit);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The CLI checks every summary.json it writes against the model (src/report/json.ts) and
      // only warns, so a user keeps the run; in the tests any such drift fails the test.
      if (stderr.includes(SUMMARY_DRIFT_WARNING)) reject(new Error(`ddbench ${args.join(' ')} wrote a summary.json that does not match src/summary/model.ts:\n${stderr}`));
      else resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    result,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; stderr so far:\n${stderr}`)), timeoutMs);
        watchers.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
        check();
      });
    },
  };
}

export function runCli(args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return startCli(args, opts).result;
}

/** The summary.json a run wrote, from the `results: <path>` line it printed; it must match the model exactly. */
export function readSummary(res: CliResult): Summary {
  const m = /results: (.+summary\.json)/.exec(res.stdout);
  if (!m) throw new Error(`no results line in output:\n${res.stdout}\n${res.stderr}`);
  return readSummaryJson(m[1]!);
}

/** A summary.json file, checked against the model: unknown keys are an error here, so a field added without the model fails. */
export function readSummaryJson(file: string): Summary {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const drift = summaryDrift(data);
  if (drift.length > 0) throw new Error(`${file} does not match src/summary/model.ts:\n${drift.join('\n')}`);
  return data as Summary;
}

/** Process ids whose command line mentions any of the given markers (endpoint children, java). */
export function processesMatching(markers: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (markers.some((m) => cmd.includes(m))) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Markers of every process ddbench may start: its endpoint supervisors and DynamoDB Local. */
export const ENDPOINT_MARKERS = ['endpoint-child.js', 'DynamoDBLocal.jar'];

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Pids of the endpoint processes a run said it started (`started X at ... (pid N, java pid M)`). */
export function startedPids(res: Pick<CliResult, 'stderr'>): number[] {
  const pids: number[] = [];
  for (const m of res.stderr.matchAll(/\(pid (\d+)(?:, java pid (\d+))?\)/g)) {
    pids.push(Number(m[1]));
    if (m[2]) pids.push(Number(m[2]));
  }
  return pids;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // a zombie still answers signal 0: look at its state
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** Asserts that every endpoint process the run started has ended (waits briefly for the kernel to reap). */
export async function assertEndpointsGone(res: Pick<CliResult, 'stderr'>, expectStarted = true): Promise<void> {
  const pids = startedPids(res);
  if (expectStarted && pids.length === 0) throw new Error(`the run printed no endpoint pid:\n${res.stderr}`);
  await waitUntil(() => pids.every((p) => !isAlive(p)), 10_000, `endpoint processes ${pids.join(', ')} to end`);
}
