// The faults the fake DynamoDB endpoint (fake-dynamodb.ts) can inject, as a target misbehaves in
// production: each one answers (or fails to answer) one request the way a throttled table, a
// broken load balancer, a dying node or a confused proxy does. Which requests are hit is
// deterministic (a fraction picks every k-th one, latency draws from a seeded generator), so a
// test run is the same every time.
import { Rng } from '../../src/workload/rng.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FAULT_KINDS = [
  'throttle', // 400 ProvisionedThroughputExceededException with ThrottlingReasons (provisioned table over capacity)
  'throttle-te', // 400 ThrottlingException with ThrottlingReasons (on-demand table too fast)
  '500', // 500 InternalServerError
  '503', // 503 ServiceUnavailable
  'reset', // the connection is destroyed before any answer
  'half', // headers and half the body, then the connection is destroyed
  'malformed', // 200 with a body that is not JSON
  'content-type', // 200 text/html (a proxy's error page)
  'hang', // never answers (the client's timeout must end it)
  'echo-auth', // 400 whose message echoes the request's Authorization and token headers (a verbose proxy)
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultConfig {
  fault?: FaultKind;
  /** share of eligible requests hit, 0..1 (default 1): every k-th, not random */
  fraction: number;
  /** the fault starts this long after the first data request (default 0) and lasts this long (default for ever) */
  afterMs: number;
  forMs: number;
  /** `data`: only item operations (the table lifecycle and seeding work); `all`: every request */
  scope: 'data' | 'all';
  /** added latency before answering: fixed, or uniform in [min, max] from a seeded generator */
  latencyMs?: number | [number, number];
}

export const NO_FAULT: FaultConfig = { fraction: 1, afterMs: 0, forMs: Infinity, scope: 'data' };

/** Every k-th request in the window when fraction = 1/k: request n is hit when floor(n f) grew. */
export function picked(n: number, fraction: number): boolean {
  if (fraction >= 1) return true;
  if (fraction <= 0) return false;
  return Math.floor(n * fraction) > Math.floor((n - 1) * fraction);
}

/** The project's seeded generator (src/workload/rng.ts), so random latency is the same in every run. */
export function seededRandom(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.nextFloat();
}

const HEADERS = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'fake' };

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...HEADERS, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function tableArn(body: Record<string, unknown>): string {
  return `arn:aws:dynamodb:ddblocal:000000000000:table/${String(body.TableName ?? '')}`;
}

/** Answers (or breaks) one request with the fault. */
export function injectFault(kind: FaultKind, req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): void {
  switch (kind) {
    case 'throttle':
      return json(res, 400, {
        __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message: 'The level of configured provisioned throughput for the table was exceeded.',
        ThrottlingReasons: [{ reason: 'TableReadProvisionedThroughputExceeded', resource: tableArn(body) }],
      });
    case 'throttle-te':
      return json(res, 400, {
        __type: 'com.amazon.coral.availability#ThrottlingException',
        message: 'Throughput exceeds the current capacity of your table or index.',
        ThrottlingReasons: [{ reason: 'TableReadKeyRangeThroughputExceeded', resource: tableArn(body) }],
      });
    case '500':
      return json(res, 500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' });
    case '503':
      return json(res, 503, { __type: 'com.amazon.coral.availability#ServiceUnavailableException', message: 'Service unavailable' });
    case 'reset':
      req.socket.destroy();
      return;
    case 'half': {
      const text = JSON.stringify({ Item: { pk: { S: 'half' }, bio: { S: 'x'.repeat(200) } }, ConsumedCapacity: { TableName: String(body.TableName ?? ''), CapacityUnits: 0.5 } });
      res.writeHead(200, { ...HEADERS, 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      // let the half body leave before the connection goes
      setTimeout(() => req.socket.destroy(), 5);
      return;
    }
    case 'malformed': {
      const text = '{"Item": {"pk": {"S": "trunc';
      res.writeHead(200, { ...HEADERS, 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    case 'content-type': {
      const text = '<html><body><h1>502 Bad Gateway</h1></body></html>';
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    case 'hang':
      return;
    case 'echo-auth':
      return json(res, 400, {
        __type: 'com.amazon.coral.service#UnrecognizedClientException',
        message: `The security token included in the request is invalid. Authorization: ${String(req.headers['authorization'] ?? '')} X-Amz-Security-Token: ${String(req.headers['x-amz-security-token'] ?? '')}`,
      });
  }
}

/** `--fault 503 --fault-fraction 0.5 --latency-ms 5-20 ...` into a FaultConfig. */
export function faultFromArgs(argv: string[]): FaultConfig {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return faultFromObject({
    fault: get('--fault'),
    fraction: get('--fault-fraction'),
    afterMs: get('--fault-after-ms'),
    forMs: get('--fault-for-ms'),
    scope: get('--fault-scope'),
    latencyMs: get('--latency-ms'),
  });
}

/** The control API's body (POST /__control) or parsed flags into a FaultConfig; throws on a bad value. */
export function faultFromObject(o: Record<string, unknown>): FaultConfig {
  const num = (v: unknown, fallback: number): number => {
    if (v === undefined || v === null || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) && n !== Infinity) throw new Error(`not a number: ${String(v)}`);
    return n;
  };
  const config: FaultConfig = {
    fraction: num(o.fraction, 1),
    afterMs: num(o.afterMs, 0),
    forMs: num(o.forMs, Infinity),
    scope: o.scope === 'all' ? 'all' : 'data',
  };
  if (o.fault !== undefined && o.fault !== null && o.fault !== '') {
    if (!(FAULT_KINDS as readonly string[]).includes(String(o.fault))) throw new Error(`unknown fault ${String(o.fault)} (${FAULT_KINDS.join(', ')})`);
    config.fault = String(o.fault) as FaultKind;
  }
  if (o.latencyMs !== undefined && o.latencyMs !== null && o.latencyMs !== '') {
    if (Array.isArray(o.latencyMs)) config.latencyMs = [num(o.latencyMs[0], 0), num(o.latencyMs[1], 0)];
    else {
      const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(String(o.latencyMs));
      if (m === null) throw new Error(`latency: expected N or MIN-MAX, got ${String(o.latencyMs)}`);
      config.latencyMs = m[2] === undefined ? Number(m[1]) : [Number(m[1]), Number(m[2])];
    }
  }
  return config;
}
