// `--target dax-local`: DynamoDB Local (or dynalite) as usual, and the local DAX server in its
// own process in front of it. The run talks DAX to the server and sets up its table through
// the DynamoDB endpoint behind it.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RuntimeError } from '../errors.js';
import type { CacheStatsSummary } from '../summary/model.js';
import type { RunningEndpoint } from './running.js';
import { emptyStats, type CacheStats } from '../dax-server/backend.js';
import { statsSince, summariseCacheStats } from '../dax-server/stats.js';
import type { CacheLatency } from '../dax-server/meter.js';

const READY_TIMEOUT_MS = 20_000;
const STATS_TIMEOUT_MS = 3000;
const STOP_GRACE_MS = 3000;

export interface LocalDaxOptions {
  dynamodbEndpoint: string;
  region: string;
  log: (msg: string) => void;
  port?: number;
}

/** Starts the DAX child in front of `dynamodbEndpoint`; `stop` stops only the DAX child. */
export async function startLocalDax(opts: LocalDaxOptions): Promise<RunningEndpoint> {
  const here = fileURLToPath(import.meta.url);
  const ext = here.endsWith('.ts') ? '.ts' : '.js';
  const script = fileURLToPath(new URL(`../dax-server/child${ext}`, import.meta.url));
  const child = spawn(process.execPath, [...(ext === '.ts' ? process.execArgv : []), script, '--dynamodb-endpoint', opts.dynamodbEndpoint, '--region', opts.region, '--port', String(opts.port ?? 0)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.on('error', () => undefined);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (c: string) => (stderr = (stderr + c).slice(-4000)));
  // a run stopped by a signal bounds its cleanup and may exit before `stop` has finished: a
  // server that cannot act on its closed stdin (frozen, SIGSTOPped) must not outlive ddbench.
  // It holds nothing but a cache, so killing it loses nothing.
  const killAtExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killAtExit);
  child.once('exit', () => process.off('exit', killAtExit));
  const lines = lineReader(child);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  let port: number;
  try {
    const ready = await lines.next(/^READY (\d+)$/, READY_TIMEOUT_MS);
    port = Number(ready[1]);
  } catch (err) {
    await stop();
    throw new RuntimeError(`could not start the local DAX server: ${(err as Error).message}${stderr ? `\n${stderr.trim()}` : ''}`);
  }
  opts.log(`started local DAX server at dax://127.0.0.1:${port} (pid ${child.pid}) in front of ${opts.dynamodbEndpoint}`);
  let baseline: CacheStats | undefined;
  const read = async (): Promise<{ counts: CacheStats; latency: CacheLatency } | undefined> => {
    if (child.exitCode !== null) return undefined;
    child.stdin?.write('stats\n');
    const m = await lines.next(/^STATS (.*)$/, STATS_TIMEOUT_MS).catch(() => undefined);
    return m ? (JSON.parse(m[1]!) as { counts: CacheStats; latency: CacheLatency }) : undefined;
  };
  baseline = (await read())?.counts;
  return {
    info: { kind: 'dax', endpoint: `dax://127.0.0.1:${port}`, region: opts.region, loopback: true, supportsTransactions: true, dynamodbEndpoint: opts.dynamodbEndpoint },
    ...(child.pid !== undefined ? { pid: child.pid } : {}),
    stop,
    cacheStats: async (): Promise<CacheStatsSummary | undefined> => {
      const now = await read();
      if (now === undefined) return undefined;
      const since = statsSince(now.counts, baseline ?? emptyStats());
      baseline = now.counts;
      return summariseCacheStats(since, now.latency);
    },
  };
}

function lineReader(child: ChildProcess): { next(re: RegExp, timeoutMs: number): Promise<RegExpExecArray> } {
  let buffered = '';
  const waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      const i = waiters.findIndex((w) => w.re.test(line));
      if (i >= 0) {
        const [w] = waiters.splice(i, 1);
        w!.resolve(w!.re.exec(line)!);
      }
    }
  });
  return {
    next: (re, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
        const onExit = (): void => reject(new Error('the DAX server exited'));
        child.once('exit', onExit);
        waiters.push({
          re,
          resolve: (m) => {
            clearTimeout(timer);
            child.off('exit', onExit);
            resolve(m);
          },
        });
      }),
  };
}
