// A tiny DynamoDB-JSON endpoint for tests that need a target whose timing and failures we control
// (the coordinated-omission test stalls it for exactly one second; the fault matrix makes it
// throttle, fail, drop connections and die). It implements just enough of the protocol for
// ddbench's table lifecycle (tags included, as AWS keeps them) and single-item calls. Run as a
// child process: `node fake-dynamodb.js --stall-after-ms 2000 --stall-ms 1000`; prints
// `READY <port>` and exits when its stdin closes.
//
// Flags:
//   --stall-after-ms T --stall-ms D   hold every data answer arriving in [first data request + T, + D) until the window ends
//   --throttle-first N                answer the first N data requests with ProvisionedThroughputExceededException
//                                     (with ThrottlingReasons), as a provisioned table over its capacity does
//   --capacity-ops N                  serve data requests one at a time at most N per second (a single server with a
//                                     1/N s service slot): below N/s answers are immediate, above it a queue builds and
//                                     latency climbs without bound, so a rate sweep's knee sits between the steps either side of N
//   --fault KIND [--fault-fraction F] [--fault-after-ms T] [--fault-for-ms D] [--fault-scope data|all]
//                                     inject a fault (fake-faults.ts: throttle, throttle-te, 500, 503, reset, half,
//                                     malformed, content-type, hang, echo-auth) into a fraction of requests in a window
//   --latency-ms N | MIN-MAX          add fixed or (seeded) random latency to every data answer
//   --die-after-ms T --die-for-ms D   T ms after the first data request, close the listener and every connection,
//                                     then listen again on the same port D ms later (a node that restarts)
//
// Control API on the same port: POST /__control with a JSON body of the fault's fields
// ({"fault":"503","fraction":0.5,"latencyMs":[5,20]}, {"die":2000} to die now for 2 s, {"retag":"x"} to change
// every table's ddbench:run tag); GET /__control answers the counters and the tables.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import { faultFromArgs, faultFromObject, injectFault, picked, seededRandom } from './fake-faults.js';
import type { FaultConfig } from './fake-faults.js';

interface Options {
  stallAfterMs: number;
  stallMs: number;
  throttleFirst: number;
  capacityOps: number;
  dieAfterMs: number;
  dieForMs: number;
}

function parseArgs(argv: string[]): Options {
  const get = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return {
    stallAfterMs: get('--stall-after-ms', -1),
    stallMs: get('--stall-ms', 0),
    throttleFirst: get('--throttle-first', 0),
    capacityOps: get('--capacity-ops', 0),
    dieAfterMs: get('--die-after-ms', -1),
    dieForMs: get('--die-for-ms', 0),
  };
}

const argv = process.argv.slice(2);
const opts = parseArgs(argv);
let fault: FaultConfig = faultFromArgs(argv);
const random = seededRandom(42);
const tables = new Map<string, Record<string, unknown>>();
const tags = new Map<string, { Key: string; Value: string }[]>();
let firstDataAtMs = -1;
let dataRequests = 0;
/** requests counted toward the fault's fraction, and those hit */
let windowRequests = 0;
let faulted = 0;
/** when the capacity-limited server is next free (performance.now() ms) */
let serverFreeAtMs = 0;
let port = 0;
/** access key ids the requests were signed with (from Credential=), so a test can tell which credentials a client used */
const accessKeys = new Set<string>();

const DATA_OPS = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan']);

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
      if (tables.has(name)) return error(res, 'ResourceInUseException', `Table already exists: ${name}`);
      const arn = `arn:aws:dynamodb:ddblocal:000000000000:table/${name}`;
      const desc = { TableName: name, TableStatus: 'ACTIVE', KeySchema: body.KeySchema, AttributeDefinitions: body.AttributeDefinitions, TableArn: arn, ItemCount: 0, GlobalSecondaryIndexes: (body.GlobalSecondaryIndexes as unknown[] | undefined)?.map((g) => ({ ...(g as object), IndexStatus: 'ACTIVE' })) };
      tables.set(name, desc);
      tags.set(arn, [...((body.Tags as { Key: string; Value: string }[] | undefined) ?? [])]);
      return send(res, 200, { TableDescription: desc });
    }
    case 'DeleteTable': {
      const desc = tables.get(name);
      tables.delete(name);
      return desc ? send(res, 200, { TableDescription: { ...desc, TableStatus: 'DELETING' } }) : error(res, 'ResourceNotFoundException', 'not found');
    }
    case 'ListTagsOfResource':
      return send(res, 200, { Tags: tags.get(String(body.ResourceArn ?? '')) ?? [] });
    case 'TagResource':
      tags.set(String(body.ResourceArn ?? ''), [...(tags.get(String(body.ResourceArn ?? '')) ?? []), ...((body.Tags as { Key: string; Value: string }[] | undefined) ?? [])]);
      return send(res, 200, {});
    case 'BatchWriteItem':
      return send(res, 200, { UnprocessedItems: {} });
    default:
      return send(res, 200, { ConsumedCapacity: { TableName: name, CapacityUnits: 0.5 } });
  }
}

/** The fault for this request, if it is in the fault's window and picked by its fraction. */
function faultFor(isData: boolean, nowMs: number): FaultConfig['fault'] {
  if (fault.fault === undefined || (!isData && fault.scope !== 'all')) return undefined;
  const since = firstDataAtMs < 0 ? 0 : nowMs - firstDataAtMs;
  if (since < fault.afterMs || since >= fault.afterMs + fault.forMs) return undefined;
  if (!picked(++windowRequests, fault.fraction)) return undefined;
  faulted++;
  return fault.fault;
}

function latencyMs(): number {
  const l = fault.latencyMs;
  if (l === undefined) return 0;
  return typeof l === 'number' ? l : l[0] + random() * (l[1] - l[0]);
}

function control(req: IncomingMessage, res: ServerResponse, text: string): void {
  if (req.method === 'GET') {
    return send(res, 200, { dataRequests, faulted, tables: [...tables.keys()], tags: Object.fromEntries(tags), accessKeys: [...accessKeys] });
  }
  try {
    const body = JSON.parse(text || '{}') as Record<string, unknown>;
    if (typeof body.die === 'number') {
      send(res, 200, { dying: body.die });
      setTimeout(() => die(body.die as number), 10);
      return;
    }
    if (typeof body.retag === 'string') {
      for (const [arn, list] of tags) tags.set(arn, list.map((t) => (t.Key === 'ddbench:run' ? { ...t, Value: body.retag as string } : t)));
      return send(res, 200, { retagged: tags.size });
    }
    fault = faultFromObject(body);
    windowRequests = 0;
    return send(res, 200, { fault });
  } catch (err) {
    return send(res, 400, { message: err instanceof Error ? err.message : String(err) });
  }
}

function onRequest(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    if (req.url?.startsWith('/__control')) return control(req, res, text);
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const credential = /Credential=([^/,\s]+)/.exec(String(req.headers['authorization'] ?? ''));
    if (credential) accessKeys.add(credential[1]!);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text || '{}') as Record<string, unknown>;
    } catch {
      return error(res, 'SerializationException', 'bad json');
    }
    const isData = DATA_OPS.has(op);
    const nowMs = performance.now();
    if (isData && firstDataAtMs < 0) {
      firstDataAtMs = nowMs;
      if (opts.dieAfterMs >= 0) setTimeout(() => die(opts.dieForMs), opts.dieAfterMs);
    }
    if (isData) dataRequests++;
    const injected = faultFor(isData, nowMs);
    if (injected !== undefined) return injectFault(injected, req, res, body);
    if (isData && dataRequests <= opts.throttleFirst) return injectFault('throttle', req, res, body);
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
    const delayMs = isData ? latencyMs() : 0;
    if (delayMs >= 1) setTimeout(() => handle(op, body, res), delayMs);
    else handle(op, body, res);
  });
}

const server: Server = createServer(onRequest);
server.keepAliveTimeout = 60_000;

/** Closes the listener and every connection, then listens again on the same port after downMs. */
function die(downMs: number): void {
  server.close();
  server.closeAllConnections();
  process.stderr.write(`fake-dynamodb: down for ${downMs} ms\n`);
  setTimeout(() => server.listen(port, '127.0.0.1', () => process.stderr.write('fake-dynamodb: back\n')), downMs);
}

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  process.stdout.write(`READY ${port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
