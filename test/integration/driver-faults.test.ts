// The SDK driver against endpoints that misbehave on purpose: every failure must come back as
// an OpResult of the right kind, never as a throw. A small local HTTP server plays DynamoDB.

import assert from 'node:assert/strict';
import type http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createSdkDriver, type SdkDriverOptions } from '../../src/drivers/sdk.js';
import type { Driver, Request } from '../../src/types.js';
import { startScriptedServer, reply, type Responder, type ScriptedServer } from '../support/scripted-server.js';

let server: ScriptedServer;
let endpoint: string;

const getItem: Request = { op: 'get', type: 'GetItem', input: { TableName: 'table', Key: { pk: { S: 'a' } }, ReturnConsumedCapacity: 'TOTAL' } };

const throttle = (res: http.ServerResponse): void =>
  reply(
    res,
    400,
    JSON.stringify({
      __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message: 'slow down',
      ThrottlingReasons: [{ reason: 'TableReadProvisionedThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:1:table/table' }],
    }),
  );

function driver(overrides: Partial<SdkDriverOptions> = {}): Driver {
  return createSdkDriver({ endpoint, region: 'us-east-1', concurrency: 4, maxAttempts: 3, retryMode: 'standard', requestTimeoutMs: 5000, ...overrides });
}

async function run(respond: Responder, overrides: Partial<SdkDriverOptions> = {}, request: Request = getItem) {
  server.script(respond);
  const d = driver(overrides);
  try {
    return await d.execute(request);
  } finally {
    await d.close();
  }
}

describe('SDK driver outcomes against a misbehaving endpoint', { timeout: 60_000 }, () => {
  before(async () => {
    server = await startScriptedServer();
    endpoint = server.endpoint;
  });
  after(() => server.close());

  test('throttles that a retry gets past are ok, with every throttled attempt and the retry delay counted', async () => {
    const result = await run((n, res) => (n <= 2 ? throttle(res) : reply(res, 200, JSON.stringify({ Item: { pk: { S: 'a' } }, ConsumedCapacity: { TableName: 'table', CapacityUnits: 0.5 } }))));
    assert.equal(result.kind, 'ok');
    assert.equal(result.attempts, 3);
    assert.equal(result.throttledAttempts, 2);
    assert.ok(result.retryDelayMs > 0);
    assert.equal(result.consumedRcu, 0.5);
  });

  test('throttling on every attempt ends throttled, with its ThrottlingReasons', async () => {
    const result = await run((_n, res) => throttle(res), { maxAttempts: 2 });
    assert.equal(result.kind, 'throttled');
    assert.equal(result.attempts, 2);
    assert.equal(result.throttledAttempts, 2);
    assert.equal(result.errorName, 'ProvisionedThroughputExceededException');
    assert.deepEqual(result.reasons, ['TableReadProvisionedThroughputExceeded']);
  });

  test('a 500 is server', async () => {
    const result = await run((_n, res) => reply(res, 500, JSON.stringify({ __type: 'com.amazon.coral.service#InternalFailure', message: 'oops' })), { maxAttempts: 1 });
    assert.equal(result.kind, 'server');
    assert.equal(result.attempts, 1);
  });

  test('a 200 whose body is not JSON is malformed', async () => {
    const result = await run((_n, res) => reply(res, 200, '<html>proxy error</html>'), { maxAttempts: 1 });
    assert.equal(result.kind, 'malformed');
  });

  test('an endpoint that never answers is timeout after requestTimeoutMs', async () => {
    const result = await run(() => undefined, { maxAttempts: 1, requestTimeoutMs: 200 });
    assert.equal(result.kind, 'timeout');
    assert.equal(result.errorName, 'TimeoutError');
  });

  test('a closed port is connection, not a throw', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const d = createSdkDriver({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', concurrency: 1, maxAttempts: 2, retryMode: 'standard', requestTimeoutMs: 2000 });
    try {
      const result = await d.execute(getItem);
      assert.equal(result.kind, 'connection');
      assert.equal(result.errorName, 'ECONNREFUSED');
      assert.equal(result.attempts, 2);
    } finally {
      await d.close();
    }
  });

  test('an operation type the driver does not know is a client outcome, not a throw', async () => {
    const result = await run((_n, res) => reply(res, 200, '{}'), {}, { op: 'x', type: 'Bogus' as Request['type'], input: {} });
    assert.equal(result.kind, 'client');
    assert.equal(result.errorName, 'UnsupportedOperation');
  });
});
