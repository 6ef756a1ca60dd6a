// Parent side of an embedded endpoint: spawns the supervisor (endpoint-child), waits for its
// READY line, and stops it. The supervisor runs in its own process group (detached) so that
// stopping can signal it and the java process it started in one go, and so that a Ctrl-C in
// the terminal reaches ddbench alone, which then stops things in order (table, then endpoint).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuntimeError } from '../errors.js';
import type { TargetInfo } from '../types.js';
import type { RunningEndpoint } from './running.js';
import { registerEndpoint, unregisterEndpoint } from './registry.js';

export type EmbeddedKind = 'dynalite' | 'dynamodb-local';

export interface EmbeddedEndpoint extends RunningEndpoint {
  /** the java process of DynamoDB Local (a child of the supervisor `pid`) */
  javaPid?: number;
}

export interface SpawnOptions {
  region: string;
  log: (msg: string) => void;
  /** how long to wait for READY; default 60 s for DynamoDB Local, 20 s for dynalite */
  readyTimeoutMs?: number;
}

const STOP_GRACE_MS = 5000;
const KILL_WAIT_MS = 2000;
const STDERR_TAIL_CHARS = 4000;

const LABEL: Record<EmbeddedKind, string> = { dynalite: 'dynalite', 'dynamodb-local': 'DynamoDB Local' };

/** The supervisor script next to this module: .js when compiled, .ts under a TS loader (tsx). */
function supervisorCommand(): { script: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = here.endsWith('.ts') ? '.ts' : '.js';
  const script = fileURLToPath(new URL(`./endpoint-child${ext}`, import.meta.url));
  if (!existsSync(script)) throw new RuntimeError(`endpoint supervisor not found at ${script} (is the project built?)`);
  // Under a TS loader the child needs the same loader flags; compiled JS needs none.
  return { script, execArgv: ext === '.ts' ? process.execArgv : [] };
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(exited(child)), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function killQuietly(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Starts an embedded endpoint on a free loopback port and resolves once it answers requests. */
export async function spawnEmbedded(kind: EmbeddedKind, opts: SpawnOptions): Promise<EmbeddedEndpoint> {
  const { script, execArgv } = supervisorCommand();
  const readyTimeoutMs = opts.readyTimeoutMs ?? (kind === 'dynamodb-local' ? 60_000 : 20_000);
  const child = spawn(process.execPath, [...execArgv, script, kind], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let stderrTail = '';
  let javaPid: number | undefined;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS)));
  // A write to a supervisor that died would raise EPIPE on stdin; its exit is handled elsewhere.
  child.stdin?.on('error', () => undefined);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // Closing stdin is the supervisor's normal stop signal; SIGTERM covers a supervisor whose
      // event loop is busy. Only then force the whole group (supervisor and java).
      child.stdin?.end();
      if (!exited(child)) killQuietly(child.pid, 'SIGTERM');
      if (!(await waitForExit(child, STOP_GRACE_MS))) {
        if (child.pid !== undefined) killQuietly(-child.pid, 'SIGKILL');
        killQuietly(javaPid, 'SIGKILL');
        await waitForExit(child, KILL_WAIT_MS);
      }
      unregisterEndpoint(endpoint);
    })());

  const endpoint: EmbeddedEndpoint = {
    info: { kind, endpoint: '', region: opts.region, loopback: true, supportsTransactions: kind !== 'dynalite' },
    ...(child.pid !== undefined ? { pid: child.pid } : {}),
    stop,
  };
  registerEndpoint(endpoint, child.pid);

  let port: number;
  try {
    port = await waitForReady(child, readyTimeoutMs, (pid) => (javaPid = pid));
  } catch (err) {
    await stop();
    const tail = stderrTail.trim();
    const reason = err instanceof Error ? err.message : String(err);
    throw new RuntimeError(`could not start ${LABEL[kind]}: ${reason}${tail ? `\n--- its output (last lines) ---\n${tail}` : ''}`);
  }
  if (javaPid !== undefined) endpoint.javaPid = javaPid;
  const info: TargetInfo = { ...endpoint.info, endpoint: `http://127.0.0.1:${port}` };
  endpoint.info = info;
  // From here on a forgotten endpoint must not keep ddbench alive: when ddbench exits, the
  // supervisor's stdin closes and it stops by itself.
  child.unref();
  child.stdout?.resume();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  void new Promise<void>((resolve) => child.once('exit', () => resolve())).then(() => {
    if (stopping === undefined) opts.log(`${LABEL[kind]} (pid ${child.pid}) exited unexpectedly: ${stderrTail.trim().split('\n').slice(-3).join(' | ')}`);
    unregisterEndpoint(endpoint);
  });
  opts.log(`started ${LABEL[kind]} at ${info.endpoint} (pid ${child.pid}${javaPid !== undefined ? `, java pid ${javaPid}` : ''})`);
  return endpoint;
}

function waitForReady(child: ChildProcess, timeoutMs: number, onJavaPid: (pid: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => finish(new Error(`not ready after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    const onData = (chunk: string): void => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        const pid = /^PID (\d+)$/.exec(line);
        if (pid?.[1] !== undefined) onJavaPid(Number(pid[1]));
        const ready = /^READY (\d+)$/.exec(line);
        if (ready?.[1] !== undefined) finish(undefined, Number(ready[1]));
      }
    };
    const onExit = (code: number | null, signal: string | null): void =>
      finish(new Error(`the endpoint process exited before it was ready (code ${code}, signal ${signal})`));
    const onError = (err: Error): void => finish(err);
    function finish(err: Error | undefined, port?: number): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (err !== undefined || port === undefined) reject(err ?? new Error('no port'));
      else resolve(port);
    }
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
