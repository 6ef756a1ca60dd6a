// The local DAX server as its own process, like endpoint-child: ddbench holds its stdin and it
// stops when stdin closes (so it dies with ddbench, even a SIGKILLed one). A busy server in
// ddbench's own process would miss the client's 1 s health checks and be dropped from routing.
//
// Usage: node child.js --dynamodb-endpoint URL [--port N] [--region R]
// stdout: `READY <port>` once listening; a `stats` line on stdin is answered
// `STATS {"counts": CacheStats, "latency": CacheLatency}`.
//
// Tests only (the fault matrix builds clusters and misbehaving nodes from these):
//   --role 1|2            this node's role in discovery (default 1, the leader)
//   --peer HOST:PORT:ROLE another node to list in discovery (repeatable)
//   --fault ACTION        close | reset | hang:MS | delay:MIN-MAX | error:NAME (see faults.ts)
//   --fault-every N       which data requests get the fault (default 1: every one)
//   --fault-after-ms MS   serve normally for this long first

import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createDynamoClient, LOCAL_CREDENTIALS } from '../drivers/client.js';
import { startDaxServer, type DaxNode, type DaxServer } from './server.js';
import { parseFaultAction } from './faults.js';

let server: DaxServer | undefined;
let stopping = false;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server?.close().catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'dynamodb-endpoint': { type: 'string' },
      port: { type: 'string', default: '0' },
      region: { type: 'string', default: 'us-east-1' },
      'item-ttl-ms': { type: 'string' },
      'query-ttl-ms': { type: 'string' },
      role: { type: 'string' },
      peer: { type: 'string', multiple: true },
      fault: { type: 'string' },
      'fault-every': { type: 'string' },
      'fault-after-ms': { type: 'string' },
    },
  });
  const peers: DaxNode[] = (values.peer ?? []).map((p) => {
    const m = /^(.+):(\d+):([12])$/.exec(p);
    if (!m) throw new Error(`--peer ${p}: expected HOST:PORT:ROLE`);
    return { host: m[1]!, port: Number(m[2]), role: Number(m[3]) as 1 | 2 };
  });
  const endpoint = values['dynamodb-endpoint'];
  if (endpoint === undefined) throw new Error('--dynamodb-endpoint is required');
  const ddb = createDynamoClient(endpoint, values.region ?? 'us-east-1', { maxSockets: 64, maxAttempts: 3 });
  server = await startDaxServer(
    {
      ddb,
      credentials: { [LOCAL_CREDENTIALS.accessKeyId]: LOCAL_CREDENTIALS.secretAccessKey },
      ...(values['item-ttl-ms'] !== undefined ? { itemTtlMs: Number(values['item-ttl-ms']) } : {}),
      ...(values['query-ttl-ms'] !== undefined ? { queryTtlMs: Number(values['query-ttl-ms']) } : {}),
      ...(values.role === '2' ? { role: 2 as const } : {}),
      ...(peers.length > 0 ? { extraNodes: peers } : {}),
      ...(values.fault !== undefined
        ? { faults: { action: parseFaultAction(values.fault), everyN: Number(values['fault-every'] ?? '1'), ...(values['fault-after-ms'] !== undefined ? { afterMs: Number(values['fault-after-ms']) } : {}) } }
        : {}),
    },
    Number(values.port ?? '0'),
  );
  process.stdout.write(`READY ${server.port}\n`);
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  // counts since the server started; latency histograms since the previous `stats` line
  if (line.trim() === 'stats' && server !== undefined) process.stdout.write(`STATS ${JSON.stringify({ counts: server.stats(), latency: server.takeLatency() })}\n`);
});
lines.on('close', () => void shutdown(0));
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

main().catch((err: unknown) => {
  process.stderr.write(`dax-local: ${err instanceof Error ? err.message : String(err)}\n`);
  void shutdown(1);
});
