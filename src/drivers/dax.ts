// The DAX driver: runs requests through the official DAX client (@amazon-dax-sdk/client-dax),
// against a real cluster (dax:// or daxs://) or ddbench's local DAX server. The client is
// loaded lazily, only when a DAX target is used, because loading it removes every 'warning'
// listener of the process. Its errors carry the DynamoDB name in `.code` (`.name` is just
// "Error"), so they are reshaped before the shared classifier sees them.

import net from 'node:net';
import type { Driver, OpResult, OpType, Request } from '../types.js';
import { RuntimeError } from '../errors.js';
import { errorResult } from './classify.js';
import { LOCAL_CREDENTIALS, type Credentials } from './client.js';
import { isLoopbackHost } from '../safety/loopback.js';
import { consumedCapacity, unprocessedCount } from './response.js';

export interface DaxDriverOptions {
  /** dax://host:port or daxs://host[:port] */
  endpoint: string;
  region: string;
  /** total attempts including the first */
  maxAttempts: number;
  requestTimeoutMs: number;
  credentials?: Credentials;
}

interface DaxClient {
  shutdown(): void;
  [method: string]: unknown;
}

const METHODS: Record<OpType, string> = {
  GetItem: 'getItem', PutItem: 'putItem', UpdateItem: 'updateItem', DeleteItem: 'deleteItem', Query: 'query', Scan: 'scan',
  BatchGetItem: 'batchGetItem', BatchWriteItem: 'batchWriteItem', TransactGetItems: 'transactGetItems', TransactWriteItems: 'transactWriteItems',
};

const CONNECTION_CODES = new Set(['NoRouteException', 'ConnectionException', 'EndOfStreamException']);

/** A DAX client error in the shape the shared classifier reads (name, $metadata, reasons). */
export function reshapeDaxError(err: unknown): unknown {
  if (typeof err !== 'object' || err === null) return err;
  const e = err as { code?: unknown; message?: string; statusCode?: unknown; cancellationReasons?: unknown; name?: string };
  if (typeof e.code !== 'string' || e.code === '') return err;
  const message = e.message ?? e.code;
  if (/timeout/i.test(message) && e.code === 'ConnectionException') return { name: 'TimeoutError', message };
  if (CONNECTION_CODES.has(e.code)) return { name: e.code, code: 'ECONNREFUSED', message };
  return {
    name: e.code,
    message,
    ...(typeof e.statusCode === 'number' && e.statusCode > 0 ? { $metadata: { httpStatusCode: e.statusCode } } : {}),
    ...(Array.isArray(e.cancellationReasons) ? { CancellationReasons: e.cancellationReasons } : {}),
  };
}

/**
 * The DAX client hands capacity units sent as CBOR decimals back as strings ("0.5"); the shared
 * reader counts only numbers, so convert them.
 */
export function numericCapacity(output: Record<string, unknown>): Record<string, unknown> {
  const cc = output['ConsumedCapacity'];
  if (cc === undefined || cc === null) return output;
  const fix = (e: unknown): unknown => {
    if (typeof e !== 'object' || e === null) return e;
    const entry = { ...(e as Record<string, unknown>) };
    for (const k of ['CapacityUnits', 'ReadCapacityUnits', 'WriteCapacityUnits']) if (typeof entry[k] === 'string') entry[k] = Number(entry[k]);
    return entry;
  };
  return { ...output, ConsumedCapacity: Array.isArray(cc) ? cc.map(fix) : fix(cc) };
}

/** host and port of a dax:// or daxs:// URL (default ports 8111 and 9111). */
export function daxAddress(endpoint: string): { host: string; port: number; tls: boolean } {
  const url = new URL(endpoint);
  const tls = url.protocol === 'daxs:';
  return { host: url.hostname, port: url.port ? Number(url.port) : tls ? 9111 : 8111, tls };
}

/**
 * Fails fast when nothing listens at the endpoint: the client itself would retry silently for
 * about 14 s and then report NoRouteException.
 */
export async function probeDax(endpoint: string, timeoutMs = 2000): Promise<void> {
  const { host, port } = daxAddress(endpoint);
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    function fail(err: Error): void {
      clearTimeout(timer);
      socket.destroy();
      reject(new RuntimeError(`DAX endpoint ${endpoint} cannot be reached (${err.message}); is the cluster up and reachable from here?`));
    }
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    });
  });
}

let loaded: Promise<{ Dax: new (config: Record<string, unknown>) => DaxClient }> | undefined;

/** The official client, imported on first use; it drops every 'warning' listener, so put them back. */
function loadClient(): Promise<{ Dax: new (config: Record<string, unknown>) => DaxClient }> {
  loaded ??= (async () => {
    const listeners = process.listeners('warning');
    const mod = (await import('@amazon-dax-sdk/client-dax')) as unknown as { Dax?: unknown; default?: { Dax?: unknown } };
    for (const l of listeners) if (!process.listeners('warning').includes(l)) process.on('warning', l);
    const Dax = (mod.Dax ?? mod.default?.Dax) as new (config: Record<string, unknown>) => DaxClient;
    return { Dax };
  })();
  return loaded;
}

/** Loads the client ahead of the first request, so its import time is not measured as latency. */
export async function preloadDaxClient(): Promise<void> {
  await loadClient();
}

export function createDaxDriver(opts: DaxDriverOptions): Driver {
  // ddbench's local DAX server accepts the fixed local credentials, whatever the environment holds.
  const credentials = opts.credentials ?? (isLoopbackHost(daxAddress(opts.endpoint).host) ? LOCAL_CREDENTIALS : undefined);
  const ready = loadClient().then(
    ({ Dax }) =>
      new Dax({
        endpoints: [opts.endpoint],
        region: opts.region,
        requestTimeout: opts.requestTimeoutMs,
        maxRetries: Math.max(0, opts.maxAttempts - 1),
        ...(credentials !== undefined ? { credentials } : {}),
      }),
  );
  ready.catch(() => undefined); // reported by the first execute
  return {
    name: 'dax',
    async execute(request: Request): Promise<OpResult> {
      try {
        const client = await ready;
        const method = client[METHODS[request.type]];
        if (typeof method !== 'function') throw Object.assign(new Error(`unsupported operation type ${String(request.type)}`), { name: 'UnsupportedOperation' });
        const output = (await (method as (input: unknown) => Promise<Record<string, unknown>>).call(client, request.input)) ?? {};
        const { rcu, wcu } = consumedCapacity(request.type, numericCapacity(output));
        const unprocessed = unprocessedCount(request.type, output);
        return { kind: 'ok', attempts: 1, retryDelayMs: 0, consumedRcu: rcu, consumedWcu: wcu, throttledAttempts: 0, ...(unprocessed !== undefined ? { unprocessed } : {}), ...(request.keepOutput === true ? { output } : {}) };
      } catch (err) {
        return errorResult(reshapeDaxError(err), 0);
      }
    },
    async close(): Promise<void> {
      const client = await ready.catch(() => undefined);
      client?.shutdown();
    },
  };
}
