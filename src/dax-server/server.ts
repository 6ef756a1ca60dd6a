// A DAX-protocol server. Each connection is a stream of CBOR values in both directions: the
// client opens with five handshake values, then sends requests (service id 1, a method id, that
// method's fixed number of arguments) one at a time; the server answers each with a success
// marker and result values, or with three error values. authorizeConnection has no answer.

import net from 'node:net';
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KeyError } from './attrs.js';
import { authError, DaxWireError, encodeError, fromDynamoError, validationError } from './errors.js';
import { emptyStats, bytesArg, type Backend, type CachedOp, type CacheStats, type RequestContext } from './backend.js';
import { Faults, faultError, type FaultSpec } from './faults.js';
import { LatencyMeter, type CacheLatency } from './meter.js';
import { TtlLruCache } from './cache.js';
import { Incomplete, Reader, Writer } from './cbor.js';
import { ExpressionError } from './expressions.js';
import { verifySignature } from './auth.js';
import { deleteItem, getItem, putItem, updateItem } from './ops-items.js';
import { query, scan } from './ops-query.js';
import { batchGetItem, batchWriteItem, transactGetItems, transactWriteItems } from './ops-batch.js';
import { AttributeLists, KeySchemas } from './registry.js';

export const METHOD = {
  authorizeConnection: 1489122155, endpoints: 455855874, defineKeySchema: -742646399, defineAttributeList: 670678385,
  defineAttributeListId: -1230579644, getItem: 263244906, putItem: -2106490455, deleteItem: 1013539361,
  updateItem: 1425579023, query: -931250863, scan: -1875390620, batchGetItem: -697851100, batchWriteItem: 116217951,
  transactGetItems: 1866287579, transactWriteItems: -1160037738,
} as const;

const ARG_COUNT = new Map<number, number>([
  [METHOD.authorizeConnection, 5], [METHOD.endpoints, 0], [METHOD.defineKeySchema, 1], [METHOD.defineAttributeList, 1],
  [METHOD.defineAttributeListId, 1], [METHOD.getItem, 3], [METHOD.putItem, 4], [METHOD.deleteItem, 3],
  [METHOD.updateItem, 3], [METHOD.query, 3], [METHOD.scan, 2], [METHOD.batchGetItem, 2], [METHOD.batchWriteItem, 2],
  [METHOD.transactGetItems, 4], [METHOD.transactWriteItems, 9],
]);

const HANDSHAKE_VALUES = 5;
const MAGIC = 'J7yne5G';

export interface DaxNode {
  host: string;
  port: number;
  /** 1 leader (takes writes), 2 replica */
  role: 1 | 2;
}

export interface DaxServerOptions {
  ddb: DynamoDBClient;
  /** access key id -> secret access key accepted by authorizeConnection */
  credentials: Record<string, string>;
  itemTtlMs?: number;
  queryTtlMs?: number;
  itemCacheEntries?: number;
  queryCacheEntries?: number;
  /** milliseconds clock for cache expiry; default Date.now */
  now?: () => number;
  /** this node's role in discovery (default 1, the leader) */
  role?: 1 | 2;
  /** other nodes to list in discovery, after this one; read at every request, so a test can add some after start */
  extraNodes?: DaxNode[];
  /** tests only: fail some data requests on purpose */
  faults?: FaultSpec;
}

export interface DaxServer {
  port: number;
  /** cache hit and miss counts since the server started (BatchGetItem: per key) */
  stats(): CacheStats;
  /** hit and miss processing-time histograms since the last call (see meter.ts) */
  takeLatency(): CacheLatency;
  /** requests received, by method name, plus `authFailed`: connections whose signature was refused */
  calls(): Record<string, number>;
  close(): Promise<void>;
}

const FIVE_MINUTES_MS = 5 * 60_000;

const CACHED_METHODS = new Map<number, CachedOp>([
  [METHOD.getItem, 'GetItem'], [METHOD.batchGetItem, 'BatchGetItem'], [METHOD.query, 'Query'], [METHOD.scan, 'Scan'],
]);
const CONTROL_METHODS: ReadonlySet<number> = new Set([METHOD.endpoints, METHOD.defineKeySchema, METHOD.defineAttributeList, METHOD.defineAttributeListId]);

type Handler = (args: unknown[], ctx: RequestContext) => Promise<Buffer>;

/** What serving a connection needs besides the handlers. */
interface Serving {
  credentials: Record<string, string>;
  meter: LatencyMeter;
  faults: Faults;
  calls: Map<string, number>;
}

const METHOD_NAMES = new Map<number, string>(Object.entries(METHOD).map(([name, id]) => [id, name]));

function tally(calls: Map<string, number>, name: string): void {
  calls.set(name, (calls.get(name) ?? 0) + 1);
}

function ipBytes(host: string): Buffer {
  const v4 = net.isIPv4(host) ? host : '127.0.0.1';
  return Buffer.from(v4.split('.').map(Number));
}

export async function startDaxServer(opts: DaxServerOptions, port = 0, host = '127.0.0.1'): Promise<DaxServer> {
  const now = opts.now ?? Date.now;
  const backend: Backend = {
    ddb: opts.ddb,
    schemas: new KeySchemas(opts.ddb),
    lists: new AttributeLists(),
    itemCache: new TtlLruCache({ maxEntries: opts.itemCacheEntries ?? 100_000, ttlMs: opts.itemTtlMs ?? FIVE_MINUTES_MS, now }),
    queryCache: new TtlLruCache({ maxEntries: opts.queryCacheEntries ?? 10_000, ttlMs: opts.queryTtlMs ?? FIVE_MINUTES_MS, now }),
    stats: emptyStats(),
  };
  const sockets = new Set<net.Socket>();
  const serving: Serving = { credentials: opts.credentials, meter: new LatencyMeter(), faults: new Faults(opts.faults), calls: new Map() };
  let boundPort = port;
  const nodes = (): DaxNode[] => [{ host, port: boundPort, role: opts.role ?? 1 }, ...(opts.extraNodes ?? [])];

  const handlers: Record<number, Handler> = {
    [METHOD.endpoints]: async () => {
      const w = new Writer().array(0).array(nodes().length);
      // node id = port: the same node has the same id in every node's answer
      for (const n of nodes()) w.array(7).int(n.port).text(n.host).bytes(ipBytes(n.host)).int(n.port).int(n.role).text('local').int(1);
      return w.done();
    },
    [METHOD.defineKeySchema]: async (args) => {
      const schema = await backend.schemas.get(bytesArg(args[0], 'TableName').toString('utf8'));
      const w = new Writer().array(0).map(schema.length);
      for (const k of schema) w.text(k.name).text(k.type);
      return w.done();
    },
    [METHOD.defineAttributeListId]: async (args) => {
      if (!Array.isArray(args[0])) throw validationError('attribute names must be a list');
      return new Writer().array(0).int(backend.lists.idFor(args[0].map(String))).done();
    },
    [METHOD.defineAttributeList]: async (args) => {
      const names = backend.lists.names(Number(args[0]));
      if (names === undefined) throw validationError(`unknown attribute list id ${String(args[0])}`);
      return new Writer().array(0).value(names).done();
    },
    [METHOD.getItem]: (a, ctx) => getItem(backend, a, ctx),
    [METHOD.putItem]: (a) => putItem(backend, a),
    [METHOD.updateItem]: (a) => updateItem(backend, a),
    [METHOD.deleteItem]: (a) => deleteItem(backend, a),
    [METHOD.query]: (a, ctx) => query(backend, a, ctx),
    [METHOD.scan]: (a, ctx) => scan(backend, a, ctx),
    [METHOD.batchGetItem]: (a, ctx) => batchGetItem(backend, a, ctx),
    [METHOD.batchWriteItem]: (a) => batchWriteItem(backend, a),
    [METHOD.transactGetItems]: (a) => transactGetItems(backend, a),
    [METHOD.transactWriteItems]: (a) => transactWriteItems(backend, a),
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    serveConnection(socket, handlers, serving);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    port: boundPort,
    stats: () => structuredClone(backend.stats),
    takeLatency: () => serving.meter.take(),
    calls: () => Object.fromEntries(serving.calls),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function toWireError(err: unknown): DaxWireError {
  if (err instanceof DaxWireError) return err;
  if (err instanceof KeyError || err instanceof ExpressionError) return validationError(err.message);
  const name = (err as { name?: string }).name;
  if (typeof name === 'string' && (err as { $metadata?: unknown }).$metadata !== undefined) return fromDynamoError(err);
  return new DaxWireError([4, 37, 38, 39, 47], err instanceof Error ? err.message : String(err), 'InternalServerError', 500);
}

function serveConnection(socket: net.Socket, handlers: Record<number, Handler>, serving: Serving): void {
  const { credentials } = serving;
  let pending: Buffer = Buffer.alloc(0);
  const values: unknown[] = [];
  let handshake = 0;
  let authorized = false;
  let authFailure = 'Request is not authenticated';
  let busy = false;

  const next = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (;;) {
        if (handshake < HANDSHAKE_VALUES) {
          if (values.length === 0) return;
          const v = values.shift();
          if (handshake === 0 && v !== MAGIC) {
            socket.destroy();
            return;
          }
          handshake++;
          continue;
        }
        if (values.length < 2) return;
        const method = Number(values[1]);
        const count = ARG_COUNT.get(method);
        if (values[0] !== 1 || count === undefined) {
          // Without knowing how many arguments follow, the stream cannot be re-synchronised.
          socket.end(encodeError(validationError(`unknown method ${String(values[1])}`), randomUUID()));
          return;
        }
        if (values.length < 2 + count) return;
        const args = values.splice(0, 2 + count).slice(2);
        if (method === METHOD.authorizeConnection) {
          const [accessKeyId, signature, stringToSign] = args;
          const secret = typeof accessKeyId === 'string' ? credentials[accessKeyId] : undefined;
          const toSign = stringToSign instanceof Uint8Array ? Buffer.from(stringToSign).toString('utf8') : String(stringToSign);
          authorized = secret !== undefined && typeof signature === 'string' && verifySignature(secret, toSign, signature);
          if (!authorized) tally(serving.calls, 'authFailed');
          authFailure = secret === undefined ? 'The security token included in the request is invalid.' : 'The request signature we calculated does not match the signature you provided.';
          continue;
        }
        tally(serving.calls, METHOD_NAMES.get(method) ?? String(method));
        let response: Buffer;
        const ctx: RequestContext = {};
        const startNs = process.hrtime.bigint();
        try {
          if (!authorized) throw authError(authFailure);
          const fault = CONTROL_METHODS.has(method) ? undefined : serving.faults.next();
          if (fault !== undefined && ('close' in fault || 'reset' in fault)) {
            if ('reset' in fault) socket.resetAndDestroy();
            else socket.destroy();
            return;
          }
          if (fault !== undefined && 'hangMs' in fault) await new Promise((r) => setTimeout(r, fault.hangMs));
          if (fault !== undefined && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs.minMs + Math.random() * (fault.delayMs.maxMs - fault.delayMs.minMs)));
          if (fault !== undefined && 'error' in fault) throw faultError(fault);
          response = await handlers[method]!(args, ctx);
        } catch (err) {
          response = encodeError(toWireError(err), randomUUID());
          ctx.cache = undefined; // failed requests are not timed
        }
        if (socket.destroyed) return;
        socket.write(response);
        const op = CACHED_METHODS.get(method);
        if (op !== undefined && ctx.cache !== undefined) serving.meter.record(op, ctx.cache, Number(process.hrtime.bigint() - startNs) / 1000);
      }
    } finally {
      busy = false;
    }
  };

  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    const r = new Reader(pending);
    let consumed = 0;
    try {
      while (!r.atEnd()) {
        values.push(r.read());
        consumed = r.pos;
      }
    } catch (err) {
      if (!(err instanceof Incomplete)) {
        socket.destroy();
        return;
      }
    }
    pending = pending.subarray(consumed);
    void next().then(() => {
      // values that arrived while a request was being served
      if (!busy && values.length > 0) void next();
    });
  });
}
