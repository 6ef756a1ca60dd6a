// The http driver against endpoints that misbehave on purpose, side by side with the SDK driver
// where the outcome must be the same: every failure comes back as an OpResult of the right kind,
// never a throw, and because the http driver makes every attempt itself its attempts, retry
// delay and throttled attempts are exact.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createDriver } from '../../src/drivers/index.js';
import { createHttpDriver, type HttpDriverOptions } from '../../src/drivers/http/driver.js';
import type { Driver, OpResult, Request } from '../../src/types.js';
import { ROOT, runCli } from '../support/cli.js';
import { startFakeDynamo } from '../support/endpoints.js';
import { startScriptedServer, reply, type Responder, type ScriptedServer } from '../support/scripted-server.js';

const getItem: Request = { op: 'get', type: 'GetItem', input: { TableName: 'table', Key: { pk: { S: 'a' } }, ReturnConsumedCapacity: 'TOTAL' } };

const BASE = { region: 'us-east-1', concurrency: 4, maxAttempts: 3, retryMode: 'standard' as const, requestTimeoutMs: 5000 };

async function once(driver: Driver, request: Request = getItem): Promise<OpResult> {
  try {
    return await driver.execute(request);
  } finally {
    await driver.close();
  }
}

/** A fresh fake endpoint that throttles its first `n` data requests. */
async function withThrottlingFake<T>(n: number, fn: (endpoint: string) => Promise<T>): Promise<T> {
  const fake = await startFakeDynamo(['--throttle-first', String(n)]);
  try {
    return await fn(fake.url);
  } finally {
    await fake.stop();
  }
}

let server: ScriptedServer;
let endpoint: string;

async function againstServer(respond: Responder, overrides: Partial<HttpDriverOptions> = {}): Promise<OpResult> {
  server.script(respond);
  return once(createHttpDriver({ ...BASE, endpoint, random: () => 0, ...overrides }));
}

describe('http driver outcomes', { timeout: 60_000 }, () => {
  before(async () => {
    server = await startScriptedServer();
    endpoint = server.endpoint;
  });
  after(() => server.close());

  test('two throttles then success: ok after exactly 3 attempts, 2 throttled attempts and the exact retry delay', async () => {
    // random 0.02: throttle backoff 0.02 * 1000 * 2^0 = 20 ms, then 0.02 * 2000 = 40 ms
    const result = await withThrottlingFake(2, (url) => once(createHttpDriver({ ...BASE, endpoint: url, random: () => 0.02 })));
    assert.equal(result.kind, 'ok');
    assert.equal(result.attempts, 3);
    assert.equal(result.throttledAttempts, 2);
    assert.equal(result.retryDelayMs, 60);
    assert.equal(result.consumedRcu, 0.5);
  });

  test('the SDK driver reports the same outcome for the same throttles', async () => {
    const result = await withThrottlingFake(2, (url) => once(createDriver('sdk', { ...BASE, endpoint: url })));
    assert.equal(result.kind, 'ok');
    assert.equal(result.attempts, 3);
    assert.equal(result.throttledAttempts, 2);
  });

  test('throttled on every attempt: throttled, with every attempt counted and the ThrottlingReasons', async () => {
    const result = await withThrottlingFake(10, (url) => once(createHttpDriver({ ...BASE, endpoint: url, random: () => 0 })));
    assert.equal(result.kind, 'throttled');
    assert.equal(result.attempts, 3);
    assert.equal(result.throttledAttempts, 3);
    assert.equal(result.retryDelayMs, 0);
    assert.equal(result.errorName, 'ProvisionedThroughputExceededException');
    assert.deepEqual(result.reasons, ['TableReadProvisionedThroughputExceeded']);
  });

  test('a closed port gives connection outcomes, retried up to maxAttempts, never a throw', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const closed = `http://127.0.0.1:${port}`;
    for (const driver of [createHttpDriver({ ...BASE, endpoint: closed, maxAttempts: 2, random: () => 0 }), createDriver('sdk', { ...BASE, endpoint: closed, maxAttempts: 2 })]) {
      const result = await once(driver);
      assert.equal(result.kind, 'connection', driver.name);
      assert.equal(result.errorName, 'ECONNREFUSED', driver.name);
      assert.equal(result.attempts, 2, driver.name);
    }
  });

  test('a 500 is retried and ends server; a 501 is not retried', async () => {
    const internal = await againstServer((_n, res) => reply(res, 500, JSON.stringify({ __type: 'com.amazon.coral.service#InternalFailure', message: 'oops' })));
    assert.equal(internal.kind, 'server');
    assert.equal(internal.attempts, 3);
    assert.equal(server.attempts, 3);
    const notImplemented = await againstServer((_n, res) => reply(res, 501, '{}'));
    assert.equal(notImplemented.kind, 'server');
    assert.equal(notImplemented.attempts, 1);
  });

  test('a failed condition and a canceled transaction are expected outcomes, not retried', async () => {
    const conditional = await againstServer((_n, res) =>
      reply(res, 400, JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' })),
    );
    assert.equal(conditional.kind, 'conditional-failed');
    assert.equal(server.attempts, 1);
    const canceled = await againstServer((_n, res) =>
      reply(res, 400, JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException', message: 'Transaction cancelled', CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }] })),
    );
    assert.equal(canceled.kind, 'transaction-canceled');
    assert.deepEqual(canceled.reasons, ['None', 'ConditionalCheckFailed']);
    assert.equal(server.attempts, 1);
  });

  test('a 200 whose body is not JSON is malformed', async () => {
    const result = await againstServer((_n, res) => reply(res, 200, '<html>proxy error</html>'));
    assert.equal(result.kind, 'malformed');
    assert.equal(result.attempts, 1);
  });

  test('an endpoint that never answers is timeout after requestTimeoutMs, named as the SDK names it', async () => {
    const result = await againstServer(() => undefined, { maxAttempts: 1, requestTimeoutMs: 200 });
    assert.equal(result.kind, 'timeout');
    assert.equal(result.errorName, 'TimeoutError');
  });

  test('a socket dropped mid-request is a connection outcome, and a retry gets past it', async () => {
    const result = await againstServer((n, res) => (n === 1 ? res.socket?.destroy() : reply(res, 200, '{"ConsumedCapacity":{"CapacityUnits":1}}')));
    assert.equal(result.kind, 'ok');
    assert.equal(result.attempts, 2);
    const dropped = await againstServer((_n, res) => res.socket?.destroy(), { maxAttempts: 1 });
    assert.equal(dropped.kind, 'connection');
    assert.equal(dropped.errorName, 'ECONNRESET');
  });

  test('an operation type the driver does not know is a client outcome, not a throw', async () => {
    server.script((_n, res) => reply(res, 200, '{}'));
    const result = await once(createHttpDriver({ ...BASE, endpoint }), { op: 'x', type: 'Bogus' as Request['type'], input: {} });
    assert.equal(result.kind, 'client');
    assert.equal(result.errorName, 'UnsupportedOperation');
  });

  test('requests are signed, JSON, and name their operation in X-Amz-Target', async () => {
    let seen: http.IncomingHttpHeaders = {};
    let body = '';
    const capture = http.createServer((req, res) => {
      seen = req.headers;
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => reply(res, 200, '{}'));
    });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(capture.address() as AddressInfo).port}`;
    try {
      const result = await once(createHttpDriver({ ...BASE, endpoint: url }), { op: 'put', type: 'PutItem', input: { TableName: 't', Item: { pk: { S: 'a' }, b: { B: new Uint8Array([1, 2, 3]) } } } });
      assert.equal(result.kind, 'ok');
      assert.equal(seen['content-type'], 'application/x-amz-json-1.0');
      assert.equal(seen['x-amz-target'], 'DynamoDB_20120810.PutItem');
      assert.equal(seen['host'], new URL(url).host);
      assert.match(String(seen['authorization']), /^AWS4-HMAC-SHA256 Credential=ddbench\/\d{8}\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/);
      assert.deepEqual(JSON.parse(body).Item.b, { B: 'AQID' });
    } finally {
      capture.closeAllConnections();
      await new Promise((resolve) => capture.close(resolve));
    }
  });

  test('--driver http refuses retries.mode adaptive with exit 2, before starting or creating anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddbench-adaptive-'));
    try {
      const file = join(dir, 'adaptive.yaml');
      writeFileSync(file, `${readFileSync(join(ROOT, 'scenarios', 'gaming.yaml'), 'utf8')}\nretries: { maxAttempts: 3, mode: adaptive }\n`);
      const res = await runCli(['run', file, '--driver', 'http', '--target', 'http://127.0.0.1:9', '--duration', '1s', '--no-warmup'], { timeoutMs: 30_000 });
      assert.equal(res.code, 2, res.stderr);
      assert.match(res.stderr, /adaptive/);
      assert.doesNotMatch(res.stderr, /seeding|ECONNREFUSED/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
