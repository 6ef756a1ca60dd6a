// A tiny DynamoDB-JSON endpoint for tests that need a target whose timing we control
// (the coordinated-omission test stalls it for exactly one second). It implements just
// enough of the protocol for ddbench's table lifecycle and single-item calls. Run as a
// child process: `node fake-dynamodb.js --stall-after-ms 2000 --stall-ms 1000`; prints
// `READY <port>` and exits when its stdin closes. `--throttle-first N` answers the first N data
// requests with ProvisionedThroughputExceededException (with ThrottlingReasons), as a
// provisioned table over its capacity does. `--capacity-ops N` serves data requests one at a
// time at most N per second (a single server with a 1/N s service slot): below N/s answers are
// immediate, above it a queue builds and latency climbs without bound, so a rate sweep's knee
// sits exactly between the steps either side of N.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Options {
  /** stall every response that arrives in [first data request + stallAfterMs, + stallMs) until the window ends */
  stallAfterMs: number;
  stallMs: number;
  /** throttle this many data requests, then answer normally */
  throttleFirst: number;
  /** serve at most this many data requests per second, queueing the rest (0: no limit) */
  capacityOps: number;
}

function parseArgs(argv: string[]): Options {
  const get = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return { stallAfterMs: get('--stall-after-ms', -1), stallMs: get('--stall-ms', 0), throttleFirst: get('--throttle-first', 0), capacityOps: get('--capacity-ops', 0) };
}

const opts = parseArgs(process.argv.slice(2));
const tables = new Map<string, Record<string, unknown>>();
let firstDataAtMs = -1;
let dataRequests = 0;
/** when the capacity-limited server is next free (performance.now() ms) */
let serverFreeAtMs = 0;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': 'fake' });
  res.end(text);
}

function error(res: ServerResponse, type: string, message: string): void {
  send(res, 400, { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });
}

function handle(op: string, body: Record<string, unknown>, res: ServerResponse): void {
  const name = String(body.TableName ?? '');
  switch (op) {
    case 'DescribeTable':
      if (!tables.has(name)) return error(res, 'ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
      return send(res, 200, { Table: tables.get(name) });
    case 'CreateTable': {
      const desc = { TableName: name, TableStatus: 'ACTIVE', KeySchema: body.KeySchema, AttributeDefinitions: body.AttributeDefinitions, TableArn: `arn:aws:dynamodb:ddblocal:000000000000:table/${name}`, ItemCount: 0, GlobalSecondaryIndexes: (body.GlobalSecondaryIndexes as unknown[] | undefined)?.map((g) => ({ ...(g as object), IndexStatus: 'ACTIVE' })) };
      tables.set(name, desc);
      return send(res, 200, { TableDescription: desc });
    }
    case 'DeleteTable': {
      const desc = tables.get(name);
      tables.delete(name);
      return desc ? send(res, 200, { TableDescription: { ...desc, TableStatus: 'DELETING' } }) : error(res, 'ResourceNotFoundException', 'not found');
    }
    case 'ListTagsOfResource':
      return send(res, 200, { Tags: [] });
    case 'TagResource':
      return send(res, 200, {});
    case 'BatchWriteItem':
      return send(res, 200, { UnprocessedItems: {} });
    default:
      return send(res, 200, { ConsumedCapacity: { TableName: name, CapacityUnits: 0.5 } });
  }
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return error(res, 'SerializationException', 'bad json');
    }
    const isData = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan'].includes(op);
    const nowMs = performance.now();
    if (isData && firstDataAtMs < 0) firstDataAtMs = nowMs;
    if (isData && ++dataRequests <= opts.throttleFirst) {
      return send(res, 400, {
        __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message: 'The level of configured provisioned throughput for the table was exceeded.',
        ThrottlingReasons: [{ reason: 'TableReadProvisionedThroughputExceeded', resource: `arn:aws:dynamodb:ddblocal:000000000000:table/${String(body.TableName ?? '')}` }],
      });
    }
    const stallStart = firstDataAtMs + opts.stallAfterMs;
    const stallEnd = stallStart + opts.stallMs;
    if (isData && opts.stallAfterMs >= 0 && nowMs >= stallStart && nowMs < stallEnd) {
      setTimeout(() => handle(op, body, res), stallEnd - nowMs);
      return;
    }
    if (isData && opts.capacityOps > 0) {
      const slotMs = 1000 / opts.capacityOps;
      const startMs = Math.max(nowMs, serverFreeAtMs);
      serverFreeAtMs = startMs + slotMs;
      const waitMs = startMs - nowMs;
      // under capacity a request is served at once: only a queue adds latency
      if (waitMs >= 1) {
        setTimeout(() => handle(op, body, res), waitMs);
        return;
      }
    }
    handle(op, body, res);
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
