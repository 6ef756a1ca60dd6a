// Shared by the fault and safety tests: a fake endpoint per run (started and stopped here, and
// checked gone), the real CLI against it with its outputs in a temporary folder, and checks
// that every output a run promises is on disk and readable.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../src/summary/model.js';
import { ROOT, runCli, isAlive, waitUntil, readSummaryJson } from '../support/cli.js';
import type { CliResult } from '../support/cli.js';
import { startFakeDynamo } from '../support/endpoints.js';
import type { TestEndpoint } from '../support/endpoints.js';

export const FAULTS_SCENARIO = join(ROOT, 'test/fixtures/scenarios/faults.yaml');

/** True when nothing listens on the loopback port any more. */
export function portClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

/** Runs `fn` against a fake endpoint with these flags, then stops it and checks its process and port are gone. */
export async function withFake<T>(args: string[], fn: (endpoint: TestEndpoint) => Promise<T>): Promise<T> {
  const endpoint = await startFakeDynamo(args);
  try {
    return await fn(endpoint);
  } finally {
    await endpoint.stop();
    const pid = endpoint.child.pid!;
    await waitUntil(() => !isAlive(pid), 10_000, `fake endpoint ${pid} to end`);
    assert.ok(await portClosed(endpoint.port), `port ${endpoint.port} is still open`);
  }
}

export interface RunOutputs {
  res: CliResult;
  dir: string;
  summary: Summary;
  report: string;
  hlog: string;
}

/** A temporary output folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `ddbench-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The run's summary, report and .hlog, asserting each exists, parses and no temporary file is left. */
export function readOutputs(res: CliResult, dir: string): RunOutputs {
  const summaryFile = join(dir, 'summary.json');
  assert.ok(existsSync(summaryFile), `no summary.json in ${dir}:\n${res.stderr}`);
  const summary = readSummaryJson(summaryFile);
  const report = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.match(report, /<\/html>\s*$/, 'report.html is complete');
  const hlog = readFileSync(join(dir, 'latency.hlog'), 'utf8');
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
    'no temporary file left behind',
  );
  return { res, dir, summary, report, hlog };
}

/** `ddbench run` of the fault scenario (or another) against an endpoint, bounded in time. */
export function runAgainst(endpoint: TestEndpoint, dir: string, args: string[], opts: { scenario?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return runCli(['run', opts.scenario ?? FAULTS_SCENARIO, '--target', endpoint.url, '--out', dir, '--no-calibrate', ...args], {
    timeoutMs: opts.timeoutMs ?? 60_000,
    ...(opts.env ? { env: opts.env } : {}),
  });
}
