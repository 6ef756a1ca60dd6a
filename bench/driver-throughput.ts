// Requests per second that one thread of ddbench can offer against an endpoint that costs
// nothing (bench/null-endpoint.ts answers `{}` at once), per driver: what a load generator itself
// costs. A benchmark, not a test: it prints numbers and asserts nothing.
//
// `measureThroughput` runs one measurement in this process and returns the numbers; the CLI
// below runs each one in a fresh child process pinned to one core (taskset, when present) with
// the endpoint pinned to another, so JIT state and garbage from one driver never bend another's.
//
//   node dist/bench/driver-throughput.js [--duration-ms 5000] [--concurrency 64] [--only http,sdk]
//
// Kinds: `http` and `sdk` are the ddbench drivers (signing, retries, classification included);
// `bare-sdk` is DynamoDBClient.send in a loop with no ddbench code; `autocannon` is autocannon
// posting the same unsigned request (bench/baselines.ts); `undici` and `node-http` are bare
// transports posting one fixed, unsigned request: the ceiling of each HTTP client, and the
// numbers behind choosing undici for the http driver.

import { spawn } from 'node:child_process';
import http from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { createDriver } from '../src/drivers/index.js';
import type { Request } from '../src/types.js';
import { bareSdkSender, GET_ITEM_INPUT, runAutocannon } from './baselines.js';
import { HAS_TASKSET, jsonFromChild, pinned } from './child.js';

export type ThroughputKind = 'http' | 'sdk' | 'bare-sdk' | 'autocannon' | 'undici' | 'node-http';
export const THROUGHPUT_KINDS: readonly ThroughputKind[] = ['http', 'sdk', 'bare-sdk', 'autocannon', 'undici', 'node-http'];

export interface ThroughputOptions {
  kind: ThroughputKind;
  endpoint: string;
  /** measured time, after the warm-up */
  durationMs: number;
  /** requests in flight (closed loop) */
  concurrency: number;
  /** time to run before measuring, for the JIT and the connection pool (default 1000) */
  warmupMs?: number;
}

export interface ThroughputResult {
  kind: ThroughputKind;
  requests: number;
  /** requests that did not come back ok */
  failures: number;
  durationMs: number;
  requestsPerSec: number;
  /** CPU time (user + system) of this process while measuring */
  cpuMs: number;
  /** requests per second of CPU: the cost per request, whatever else the machine was doing */
  requestsPerCpuSec: number;
}

const GET_ITEM: Request = { op: 'get-profile', type: 'GetItem', input: GET_ITEM_INPUT };
const RAW_BODY = Buffer.from(JSON.stringify(GET_ITEM.input));
const RAW_HEADERS: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' };

/** One request of the given kind; resolves true when it came back ok. */
type Send = () => Promise<boolean>;

function rawUndici(endpoint: string, connections: number): { send: Send; close(): Promise<void> } {
  const pool = new Pool(endpoint, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const headers = Object.entries(RAW_HEADERS).flat();
  return {
    send: () =>
      new Promise<boolean>((done) => {
        let status = 0;
        pool.dispatch(
          { path: '/', method: 'POST', headers, body: RAW_BODY },
          {
            onConnect: () => undefined,
            onHeaders: (s: number) => ((status = s), true),
            onData: () => true,
            onComplete: () => done(status === 200),
            onError: () => done(false),
          },
        );
      }),
    close: () => pool.destroy(),
  };
}

function rawNodeHttp(endpoint: string, connections: number): { send: Send; close(): Promise<void> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(endpoint);
  const options: http.RequestOptions = { host: url.hostname, port: url.port, path: '/', method: 'POST', agent, headers: { ...RAW_HEADERS, 'content-length': RAW_BODY.length } };
  return {
    send: () =>
      new Promise<boolean>((done) => {
        const req = http.request(options, (res) => {
          res.on('data', () => undefined);
          res.on('end', () => done(res.statusCode === 200));
        });
        req.on('error', () => done(false));
        req.end(RAW_BODY);
      }),
    close: async () => agent.destroy(),
  };
}

function sender(kind: ThroughputKind, endpoint: string, concurrency: number): { send: Send; close(): Promise<void> } {
  if (kind === 'undici') return rawUndici(endpoint, concurrency);
  if (kind === 'node-http') return rawNodeHttp(endpoint, concurrency);
  if (kind === 'bare-sdk') return bareSdkSender(endpoint, concurrency);
  if (kind === 'autocannon') throw new Error('autocannon runs its own loop: see measureThroughput');
  const driver = createDriver(kind, { endpoint, region: 'us-east-1', concurrency, maxAttempts: 3, retryMode: 'standard', requestTimeoutMs: 5000 });
  return { send: async () => (await driver.execute(GET_ITEM)).kind === 'ok', close: () => driver.close() };
}

/** Runs `concurrency` closed loops of one kind for warm-up + duration; counts the measured part. */
export async function measureThroughput(o: ThroughputOptions): Promise<ThroughputResult> {
  if (o.kind === 'autocannon') return measureAutocannon(o);
  const s = sender(o.kind, o.endpoint, o.concurrency);
  const warmupMs = o.warmupMs ?? 1000;
  let measuring = false;
  let stopped = false;
  let requests = 0;
  let failures = 0;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      const ok = await s.send();
      if (measuring) {
        requests++;
        if (!ok) failures++;
      }
    }
  };
  const loops = Array.from({ length: o.concurrency }, loop);
  await new Promise((r) => setTimeout(r, warmupMs));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  measuring = true;
  await new Promise((r) => setTimeout(r, o.durationMs));
  measuring = false;
  const durationMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  stopped = true;
  await Promise.all(loops);
  await s.close();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    kind: o.kind,
    requests,
    failures,
    durationMs: Math.round(durationMs),
    requestsPerSec: Math.round((requests / durationMs) * 1000),
    cpuMs: Math.round(cpuMs),
    requestsPerCpuSec: cpuMs > 0 ? Math.round((requests / cpuMs) * 1000) : 0,
  };
}

/** autocannon drives its own connections: one warm-up run, one measured run, whole seconds each. */
async function measureAutocannon(o: ThroughputOptions): Promise<ThroughputResult> {
  const seconds = Math.max(1, Math.round(o.durationMs / 1000));
  const r = await runAutocannon({ url: o.endpoint, connections: o.concurrency, seconds, warmupSeconds: Math.max(1, Math.round((o.warmupMs ?? 1000) / 1000)) });
  return {
    kind: 'autocannon',
    requests: r.requests,
    failures: r.failures,
    durationMs: r.durationMs,
    requestsPerSec: Math.round((r.requests / r.durationMs) * 1000),
    cpuMs: r.cpuMs,
    requestsPerCpuSec: r.cpuMs > 0 ? Math.round((r.requests / r.cpuMs) * 1000) : 0,
  };
}

const HERE = dirname(fileURLToPath(import.meta.url));

/** Starts bench/null-endpoint in a child process (on the last core when pinning). */
export async function startNullEndpointProcess(opts: { delayMs?: number; cpu?: number } = {}): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const [cmd, args] = pinned(opts.cpu, join(HERE, 'null-endpoint.js'), opts.delayMs ? ['--delay-ms', String(opts.delayMs)] : []);
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`null endpoint exited with ${code}`)));
  });
  const exited = new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    // it exits when its stdin closes; the kill is only for an endpoint that hangs
    stop: () => {
      child.stdin!.end();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      return exited.then(() => clearTimeout(kill));
    },
  };
}

/** One measurement in a fresh child process (pinned to `cpu` when possible). */
export function measureInChild(o: ThroughputOptions, cpu?: number): Promise<ThroughputResult> {
  return jsonFromChild<ThroughputResult>(fileURLToPath(import.meta.url), ['--one', JSON.stringify(o)], cpu);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const one = arg('--one');
  if (one !== undefined) {
    process.stdout.write(`${JSON.stringify(await measureThroughput(JSON.parse(one) as ThroughputOptions))}\n`);
    return;
  }
  const durationMs = Number(arg('--duration-ms') ?? 5000);
  const concurrency = Number(arg('--concurrency') ?? 64);
  const kinds = (arg('--only')?.split(',') ?? THROUGHPUT_KINDS) as ThroughputKind[];
  const endpoint = await startNullEndpointProcess({ cpu: 1 });
  try {
    const rows: ThroughputResult[] = [];
    for (const kind of kinds) rows.push(await measureInChild({ kind, endpoint: endpoint.url, durationMs, concurrency }, 0));
    process.stdout.write(`null endpoint, ${concurrency} in flight, ${durationMs} ms per kind, client ${HAS_TASKSET ? 'pinned to cpu 0, endpoint to cpu 1' : 'not pinned (no taskset)'}\n`);
    process.stdout.write(`${'kind'.padEnd(10)} ${'requests/s'.padStart(11)} ${'req/CPU-s'.padStart(10)} ${'failures'.padStart(9)}\n`);
    for (const r of rows) process.stdout.write(`${r.kind.padEnd(10)} ${String(r.requestsPerSec).padStart(11)} ${String(r.requestsPerCpuSec).padStart(10)} ${String(r.failures).padStart(9)}\n`);
    const http = rows.find((r) => r.kind === 'http');
    const sdk = rows.find((r) => r.kind === 'sdk');
    if (http && sdk) process.stdout.write(`http / sdk: ${(http.requestsPerSec / sdk.requestsPerSec).toFixed(1)}x requests/s, ${(http.requestsPerCpuSec / sdk.requestsPerCpuSec).toFixed(1)}x per CPU-second\n`);
  } finally {
    await endpoint.stop();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
