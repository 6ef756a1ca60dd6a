import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyError, isThrottle } from '../../src/drivers/classify.js';

/** An error shaped like the SDK's ServiceException. */
function serviceError(name: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, attempts: 1, totalRetryDelay: 0 }, ...extra });
}

function systemError(code: string, message = `connect ${code} 127.0.0.1:1`): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError', () => {
  test('a failed condition is conditional-failed, not an error', () => {
    const c = classifyError(serviceError('ConditionalCheckFailedException', 400));
    assert.equal(c.kind, 'conditional-failed');
    assert.equal(c.errorName, 'ConditionalCheckFailedException');
    assert.equal(c.httpStatusCode, 400);
  });

  test('a canceled transaction carries its cancellation reason codes in order', () => {
    const c = classifyError(
      serviceError('TransactionCanceledException', 400, { CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'x' }] }),
    );
    assert.equal(c.kind, 'transaction-canceled');
    assert.deepEqual(c.reasons, ['None', 'ConditionalCheckFailed']);
  });

  test('a transaction canceled because an item was throttled is throttled', () => {
    const c = classifyError(serviceError('TransactionCanceledException', 400, { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] }));
    assert.equal(c.kind, 'throttled');
    assert.equal(c.errorName, 'TransactionCanceledException');
    assert.deepEqual(c.reasons, ['None', 'ThrottlingError']);
  });

  test('the three throttling errors are throttled, with ThrottlingReasons when sent', () => {
    for (const name of ['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']) {
      assert.equal(classifyError(serviceError(name, 400)).kind, 'throttled', name);
    }
    const c = classifyError(
      serviceError('ProvisionedThroughputExceededException', 400, {
        ThrottlingReasons: [{ reason: 'TableReadKeyRangeThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:1:table/t' }],
      }),
    );
    assert.deepEqual(c.reasons, ['TableReadKeyRangeThroughputExceeded']);
    assert.equal(isThrottle(serviceError('ThrottlingException', 400)), true);
    assert.equal(isThrottle(serviceError('ValidationException', 400)), false);
  });

  test('request and connection timeouts are timeout', () => {
    assert.equal(classifyError(Object.assign(new Error('exceeded requestTimeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' })).kind, 'timeout');
    assert.equal(classifyError(Object.assign(new Error('no connection in time'), { name: 'TimeoutError' })).errorName, 'TimeoutError');
    const plain = classifyError(systemError('ETIMEDOUT'));
    assert.equal(plain.kind, 'timeout');
    assert.equal(plain.errorName, 'ETIMEDOUT');
    assert.equal(classifyError(serviceError('RequestTimeout', 408)).kind, 'timeout');
  });

  test('refused, reset, broken and unresolvable connections are connection, named by their code', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND']) {
      const c = classifyError(systemError(code));
      assert.equal(c.kind, 'connection', code);
      assert.equal(c.errorName, code);
    }
    assert.equal(classifyError(new Error('socket hang up')).kind, 'connection');
  });

  test('a reset the SDK renamed TimeoutError is connection: the code says what happened', () => {
    const result = classifyError(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }));
    assert.equal(result.kind, 'connection');
    assert.equal(result.errorName, 'ECONNRESET');
  });

  test('a refused connection inside an AggregateError (localhost tried over IPv4 and IPv6) is connection', () => {
    const aggregate = Object.assign(new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], ''), { code: undefined });
    const c = classifyError(aggregate);
    assert.equal(c.kind, 'connection');
    assert.equal(c.errorName, 'ECONNREFUSED');
  });

  test('an answer that cannot be parsed is malformed, even with a 200 status', () => {
    assert.equal(classifyError(Object.assign(new SyntaxError('Unexpected token < in JSON at position 0'), { $metadata: { httpStatusCode: 200 } })).kind, 'malformed');
    assert.equal(classifyError(Object.assign(new Error('Deserialization error: to see the raw response, inspect the hidden field {error}.$response'), { name: 'Error' })).kind, 'malformed');
  });

  test('5xx is server, other 4xx is client', () => {
    assert.equal(classifyError(serviceError('InternalServerError', 500)).kind, 'server');
    assert.equal(classifyError(serviceError('ServiceUnavailable', 503)).kind, 'server');
    assert.equal(classifyError(serviceError('ValidationException', 400)).kind, 'client');
    assert.equal(classifyError(serviceError('ResourceNotFoundException', 400)).kind, 'client');
    assert.equal(classifyError(serviceError('UnrecognizedClientException', 400)).kind, 'client');
  });

  test('a server fault without a status is server; anything unknown without one is client', () => {
    assert.equal(classifyError(Object.assign(new Error('boom'), { name: 'Weird', $fault: 'server' })).kind, 'server');
    const c = classifyError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    assert.equal(c.kind, 'client');
    assert.equal(c.errorName, 'CredentialsProviderError');
  });

  test('non-Error throws are classified without crashing', () => {
    assert.equal(classifyError('just a string').kind, 'client');
    assert.equal(classifyError('just a string').errorMessage, 'just a string');
    assert.equal(classifyError(undefined).kind, 'client');
    assert.equal(classifyError({ __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', Message: 'no' }).kind, 'conditional-failed');
  });
});
