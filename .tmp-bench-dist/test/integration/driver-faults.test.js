// The SDK driver against endpoints that misbehave on purpose: every failure must come back as
// an OpResult of the right kind, never as a throw. A small local HTTP server plays DynamoDB.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createSdkDriver } from '../../src/drivers/sdk.js';
let responder = () => undefined;
let attempts = 0;
let server;
let endpoint;
const getItem = { op: 'get', type: 'GetItem', input: { TableName: 'table', Key: { pk: { S: 'a' } }, ReturnConsumedCapacity: 'TOTAL' } };
function reply(res, status, body) {
    res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': 'test' });
    res.end(body);
}
const throttle = (res) => reply(res, 400, JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'slow down',
    ThrottlingReasons: [{ reason: 'TableReadProvisionedThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:1:table/table' }],
}));
function driver(overrides = {}) {
    return createSdkDriver({ endpoint, region: 'us-east-1', concurrency: 4, maxAttempts: 3, retryMode: 'standard', requestTimeoutMs: 5000, ...overrides });
}
async function run(respond, overrides = {}, request = getItem) {
    responder = respond;
    attempts = 0;
    const d = driver(overrides);
    try {
        return await d.execute(request);
    }
    finally {
        await d.close();
    }
}
describe('SDK driver outcomes against a misbehaving endpoint', { timeout: 60_000 }, () => {
    before(async () => {
        server = http.createServer((req, res) => {
            req.resume();
            req.on('end', () => responder(++attempts, res));
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        endpoint = `http://127.0.0.1:${server.address().port}`;
    });
    after(async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
    });
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
        await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
        const port = probe.address().port;
        await new Promise((resolve) => probe.close(resolve));
        const d = createSdkDriver({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', concurrency: 1, maxAttempts: 2, retryMode: 'standard', requestTimeoutMs: 2000 });
        try {
            const result = await d.execute(getItem);
            assert.equal(result.kind, 'connection');
            assert.equal(result.errorName, 'ECONNREFUSED');
            assert.equal(result.attempts, 2);
        }
        finally {
            await d.close();
        }
    });
    test('an operation type the driver does not know is a client outcome, not a throw', async () => {
        const result = await run((_n, res) => reply(res, 200, '{}'), {}, { op: 'x', type: 'Bogus', input: {} });
        assert.equal(result.kind, 'client');
        assert.equal(result.errorName, 'UnsupportedOperation');
    });
});
//# sourceMappingURL=driver-faults.test.js.map