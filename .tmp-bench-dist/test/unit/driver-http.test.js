// The http driver's pure parts: request encoding, response and error decoding (fed to the
// shared classifyError, so outcomes match the SDK driver's), transport error shapes and
// credential refresh with an injected clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyError, errorResult } from '../../src/drivers/classify.js';
import { decodeResponse, encodeBody, errorTypeName } from '../../src/drivers/http/codec.js';
import { refreshingCredentials } from '../../src/drivers/http/credentials.js';
import { transportError } from '../../src/drivers/http/transport.js';
import { retryErrorType } from '../../src/drivers/http/retry.js';
function errorOf(statusCode, body, errorType) {
    const out = decodeResponse({ statusCode, body: typeof body === 'string' ? body : JSON.stringify(body), ...(errorType ? { errorType } : {}) });
    assert.equal(out.ok, false);
    return out.error;
}
describe('http driver encoding', () => {
    test('binary values are sent as base64, whatever view or Buffer holds them', () => {
        const pool = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
        const input = {
            TableName: 't',
            Item: { pk: { S: 'a' }, b: { B: pool.subarray(3, 6) }, buf: { B: Buffer.from('hi') }, set: { BS: [new Uint8Array([255]), new Uint8Array([])] }, n: { N: '1' } },
        };
        const sent = JSON.parse(encodeBody(input).toString('utf8'));
        assert.deepEqual(sent.Item, { pk: { S: 'a' }, b: { B: '+vv8' }, buf: { B: 'aGk=' }, set: { BS: ['/w==', ''] }, n: { N: '1' } });
    });
    test('text is sent as UTF-8', () => {
        const body = encodeBody({ TableName: 'ünï', Key: { pk: { S: '日本 🎮' } } });
        assert.equal(JSON.parse(body.toString('utf8')).Key.pk.S, '日本 🎮');
    });
});
describe('http driver responses', () => {
    test('a 2xx JSON object is the output; capacity and unprocessed items are read from it', () => {
        const out = decodeResponse({ statusCode: 200, body: '{"ConsumedCapacity":{"TableName":"t","CapacityUnits":2.5},"UnprocessedItems":{}}' });
        assert.deepEqual(out, { ok: true, value: { ConsumedCapacity: { TableName: 't', CapacityUnits: 2.5 }, UnprocessedItems: {} } });
    });
    test('a 2xx body that is not a JSON object is malformed and not retried', () => {
        for (const body of ['<html>proxy</html>', '', '[1]', '{"trunc']) {
            const out = decodeResponse({ statusCode: 200, body });
            assert.equal(out.ok, false, body);
            const e = out.error;
            assert.equal(classifyError(e).kind, 'malformed', body);
            assert.equal(retryErrorType(e), 'CLIENT_ERROR', body);
        }
    });
    test('error types are taken from __type, the x-amzn-errortype header or code, without their namespace', () => {
        assert.equal(errorTypeName('com.amazonaws.dynamodb.v20120810#ResourceNotFoundException'), 'ResourceNotFoundException');
        assert.equal(errorTypeName('ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/'), 'ValidationException');
        assert.equal(errorOf(400, { __type: 'com.amazonaws.dynamodb.v20120810#ValidationException', message: 'bad key' }).name, 'ValidationException');
        assert.equal(errorOf(400, {}, 'ThrottlingException:http://x/').name, 'ThrottlingException');
        assert.equal(errorOf(400, { code: 'AccessDeniedException', Message: 'no' }).message, 'no');
    });
    test('DynamoDB errors classify as the SDK driver classifies them', () => {
        const cases = [
            [errorOf(400, { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' }), 'conditional-failed'],
            [errorOf(400, { __type: 'com.amazonaws.dynamodb.v20120810#ValidationException', message: 'x' }), 'client'],
            [errorOf(400, { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'x' }), 'client'],
            [errorOf(500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'x' }), 'server'],
            [errorOf(503, '<html>unavailable</html>'), 'server'],
            [errorOf(403, '<html>forbidden</html>'), 'client'],
        ];
        for (const [e, kind] of cases)
            assert.equal(classifyError(e).kind, kind, e.name);
    });
    test('a throttle keeps its ThrottlingReasons and a cancellation its CancellationReasons', () => {
        const throttled = errorResult(errorOf(400, { __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'slow', ThrottlingReasons: [{ reason: 'TableWriteKeyRangeThroughputExceeded', resource: 'arn' }] }), 2);
        assert.equal(throttled.kind, 'throttled');
        assert.equal(throttled.throttledAttempts, 2);
        assert.deepEqual(throttled.reasons, ['TableWriteKeyRangeThroughputExceeded']);
        const canceled = errorResult(errorOf(400, { __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException', message: 'Transaction cancelled', CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'x' }] }), 0);
        assert.equal(canceled.kind, 'transaction-canceled');
        assert.deepEqual(canceled.reasons, ['None', 'ConditionalCheckFailed']);
        assert.equal(canceled.throttledAttempts, 0);
    });
    test('attempts and retry delay set on the final error reach the OpResult', () => {
        const e = errorOf(500, { __type: 'InternalServerError', message: 'x' });
        e.$metadata.attempts = 3;
        e.$metadata.totalRetryDelay = 42;
        const r = errorResult(e, 0);
        assert.equal(r.attempts, 3);
        assert.equal(r.retryDelayMs, 42);
    });
});
describe('http driver transport errors', () => {
    const undiciError = (name, code, cause) => Object.assign(new Error(`${name} happened`), { name, code, ...(cause ? { cause } : {}) });
    test('undici timeouts are TimeoutError, as the SDK names them, and retried', () => {
        for (const [name, code] of [
            ['HeadersTimeoutError', 'UND_ERR_HEADERS_TIMEOUT'],
            ['BodyTimeoutError', 'UND_ERR_BODY_TIMEOUT'],
            ['ConnectTimeoutError', 'UND_ERR_CONNECT_TIMEOUT'],
        ]) {
            const e = transportError(undiciError(name, code));
            assert.equal(classifyError(e).kind, 'timeout', name);
            assert.equal(classifyError(e).errorName, 'TimeoutError', name);
            assert.equal(retryErrorType(e), 'TRANSIENT', name);
        }
    });
    test('a dropped socket is a connection outcome named by the code underneath, ECONNRESET by default', () => {
        const plain = transportError(undiciError('SocketError', 'UND_ERR_SOCKET'));
        assert.equal(classifyError(plain).kind, 'connection');
        assert.equal(classifyError(plain).errorName, 'ECONNRESET');
        assert.equal(retryErrorType(plain), 'TRANSIENT');
        const piped = transportError(undiciError('SocketError', 'UND_ERR_SOCKET', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
        assert.equal(classifyError(piped).errorName, 'EPIPE');
    });
    test('refused connections keep their system code, also inside an AggregateError', () => {
        const direct = transportError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
        assert.equal(classifyError(direct).kind, 'connection');
        assert.equal(retryErrorType(direct), 'TRANSIENT');
        const aggregate = transportError(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'all failed'));
        assert.equal(aggregate.code, 'ECONNREFUSED');
        assert.equal(classifyError(aggregate).kind, 'connection');
    });
    test('an unparseable HTTP answer is malformed', () => {
        assert.equal(classifyError(transportError(undiciError('HTTPParserError', 'HPE_INVALID_CONSTANT'))).kind, 'malformed');
    });
});
describe('http driver credentials', () => {
    const creds = (id, expiresAtMs) => ({ accessKeyId: id, secretAccessKey: 's', ...(expiresAtMs !== undefined ? { expiration: new Date(expiresAtMs) } : {}) });
    test('resolved once, then handed out without waiting', async () => {
        let calls = 0;
        const source = refreshingCredentials(async () => creds(`k${++calls}`), { nowMs: () => 0 });
        const first = source.get();
        assert.ok(first instanceof Promise);
        assert.equal((await first).accessKeyId, 'k1');
        assert.equal(source.get().accessKeyId, 'k1');
        assert.equal(calls, 1);
    });
    test('refreshed in the background within 5 minutes of expiry, and awaited once expired', async () => {
        let now = 0;
        let calls = 0;
        const expiry = 10 * 60_000;
        const source = refreshingCredentials(async () => creds(`k${++calls}`, expiry * calls), { nowMs: () => now });
        await source.get();
        now = expiry - 6 * 60_000;
        assert.equal(source.get().accessKeyId, 'k1');
        assert.equal(calls, 1, 'no refresh while more than 5 minutes remain');
        now = expiry - 4 * 60_000;
        assert.equal(source.get().accessKeyId, 'k1', 'still valid: used while the refresh runs');
        assert.equal(source.get().accessKeyId, 'k1');
        assert.equal(calls, 2, 'one refresh at a time');
        await new Promise((resolve) => setImmediate(resolve));
        assert.equal(source.get().accessKeyId, 'k2');
        now = 3 * expiry;
        const pending = source.get();
        assert.ok(pending instanceof Promise, 'expired credentials are never used');
        assert.equal((await pending).accessKeyId, 'k3');
    });
    test('a failed fetch fails that request and the next one tries again', async () => {
        let calls = 0;
        const source = refreshingCredentials(async () => {
            if (++calls === 1)
                throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
            return creds('k');
        });
        await assert.rejects(async () => source.get(), /Could not load credentials/);
        assert.equal((await source.get()).accessKeyId, 'k');
        assert.equal(classifyError(Object.assign(new Error('x'), { name: 'CredentialsProviderError' })).kind, 'client');
    });
});
//# sourceMappingURL=driver-http.test.js.map