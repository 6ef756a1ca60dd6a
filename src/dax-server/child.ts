// The local DAX server as its own process, like endpoint-child: ddbench holds its stdin and it
// stops when stdin closes (so it dies with ddbench, even a SIGKILLed one). A busy server in
// ddbench's own process would miss the client's 1 s health checks and be dropped from routing.
//
// Usage: node child.js --dynamodb-endpoint URL [--port N] [--region R]
// stdout: `READY <port>` once listening; a `stats` line on stdin is answered
// `STATS {"counts": CacheStats, "latency": CacheLatency}`.

import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createDynamoClient, LOCAL_CREDENTIALS } from '../drivers/client.js';
import { startDaxServer, type DaxServer } from './server.js';

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
    },
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
