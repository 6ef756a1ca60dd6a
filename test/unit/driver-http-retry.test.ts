// The http driver's retry policy, attempt by attempt with injected random and sleep, and
// checked against the installed SDK's own standard strategy so the two drivers cannot drift.

import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isServerError, isThrottlingError, isTransientError, type StandardRetryStrategy } from '@smithy/core/retry';
import {
  backoffDelayMs,
  retryAfterMs,
  retryErrorType,
  RetryQuota,
  STANDARD_RETRY,
  withRetries,
  type AttemptError,
  type AttemptOutcome,
  type RetryErrorType,
} from '../../src/drivers/http/retry.js';

const throttle: AttemptError = { name: 'ProvisionedThroughputExceededException', message: 'slow down', httpStatusCode: 400 };
const conditional: AttemptError = { name: 'ConditionalCheckFailedException', message: 'no', httpStatusCode: 400 };
const canceled: AttemptError = { name: 'TransactionCanceledException', message: 'canceled', httpStatusCode: 400 };
const validation: AttemptError = { name: 'ValidationException', message: 'bad', httpStatusCode: 400 };
const internal: AttemptError = { name: 'InternalServerError', message: 'oops', httpStatusCode: 500 };
const unavailable: AttemptError = { name: 'ServiceUnavailable', message: 'later', httpStatusCode: 503 };
const notImplemented: AttemptError = { name: 'UnknownError', message: 'HTTP 501', httpStatusCode: 501 };
const timeout: AttemptError = { name: 'TimeoutError', message: 'headers timeout', code: 'ETIMEDOUT' };
const refused: AttemptError = { name: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' };
const reset: AttemptError = { name: 'Error', message: 'other side closed', code: 'ECONNRESET' };
const tooMany: AttemptError = { name: 'UnknownError', message: 'HTTP 429', httpStatusCode: 429 };
const expired: AttemptError = { name: 'InvalidSignatureException', message: 'Signature expired: 20240101T000000Z is now earlier than ...', httpStatusCode: 400 };
const badSignature: AttemptError = { name: 'InvalidSignatureException', message: 'The request signature we calculated does not match', httpStatusCode: 400 };
const ALL = { throttle, conditional, canceled, validation, internal, unavailable, notImplemented, timeout, refused, reset, tooMany, expired, badSignature };

/** The SDK's own error typing (retryMiddleware's getRetryErrorType), from its exported predicates. */
function sdkErrorType(e: AttemptError): RetryErrorType {
  const sdkShape = { name: e.name, message: e.message, ...(e.code ? { code: e.code } : {}), $metadata: e.httpStatusCode !== undefined ? { httpStatusCode: e.httpStatusCode } : {} };
  if (isThrottlingError(sdkShape as never)) return 'THROTTLING';
  if (isTransientError(sdkShape as never)) return 'TRANSIENT';
  if (isServerError(sdkShape as never)) return 'SERVER_ERROR';
  return 'CLIENT_ERROR';
}

type Script = (AttemptError | 'ok')[];

/** Runs withRetries over a scripted series of attempts, recording every sleep. */
async function run(script: Script, opts: { maxAttempts?: number; quota?: RetryQuota; random?: number } = {}) {
  const sleeps: number[] = [];
  const failed: string[] = [];
  let i = 0;
  const out = await withRetries(
    async (): Promise<AttemptOutcome<string>> => {
      const step = script[i++];
      if (step === undefined) throw new Error('script exhausted');
      return step === 'ok' ? { ok: true, value: 'done' } : { ok: false, error: step };
    },
    {
      maxAttempts: opts.maxAttempts ?? 3,
      quota: opts.quota ?? new RetryQuota(),
      random: () => opts.random ?? 0.5,
      sleep: async (ms) => void sleeps.push(ms),
      onFailedAttempt: (e) => void failed.push(e.name),
    },
  );
  return { out, sleeps, failed, calls: i };
}

describe('http driver retry policy', () => {
  test('classifies every error as the installed SDK does', () => {
    for (const [label, e] of Object.entries(ALL)) assert.equal(retryErrorType(e), sdkErrorType(e), label);
  });

  test('throttles, timeouts, refused and reset connections, 500 and 503 are retried; conditional failures, cancellations, other 4xx and 501 are not', async () => {
    for (const e of [throttle, tooMany, timeout, refused, reset, internal, unavailable, expired]) {
      const { out, calls } = await run([e, 'ok']);
      assert.equal(out.ok, true, e.name);
      assert.equal(calls, 2, e.name);
    }
    for (const e of [conditional, canceled, validation, badSignature, notImplemented]) {
      const { out, calls, sleeps } = await run([e, 'ok']);
      assert.equal(out.ok, false, e.name);
      assert.equal(out.attempts, 1, e.name);
      assert.equal(calls, 1, e.name);
      assert.deepEqual(sleeps, [], e.name);
    }
  });

  test('two throttles then success: three attempts, throttle backoff from 1 s, delays summed', async () => {
    const { out, sleeps, failed } = await run([throttle, throttle, 'ok'], { random: 0.5 });
    assert.equal(out.ok, true);
    assert.equal(out.attempts, 3);
    assert.deepEqual(sleeps, [500, 1000]); // 0.5 * 1000 * 2^0, 0.5 * 1000 * 2^1
    assert.equal(out.retryDelayMs, 1500);
    assert.deepEqual(failed, [throttle.name, throttle.name]);
  });

  test('other retryable errors back off from 25 ms', async () => {
    const { sleeps } = await run([timeout, internal, 'ok'], { random: 0.5 });
    assert.deepEqual(sleeps, [12, 25]); // floor(0.5 * 25), 0.5 * 50
  });

  test('stops at maxAttempts and reports the last error', async () => {
    const { out, sleeps } = await run([throttle, throttle, throttle, 'ok'], { maxAttempts: 2 });
    assert.equal(out.ok, false);
    assert.equal(out.attempts, 2);
    assert.equal(sleeps.length, 1);
    assert.equal(out.ok ? '' : out.error.name, throttle.name);
    const once = await run([timeout, 'ok'], { maxAttempts: 1 });
    assert.equal(once.out.attempts, 1);
    assert.equal(once.out.ok, false);
  });

  test('full jitter: the delay is random * min(base * 2^retry, 20 s)', () => {
    assert.equal(backoffDelayMs(0, 'THROTTLING', 0), 0);
    assert.equal(backoffDelayMs(0, 'THROTTLING', 0.999), 999);
    assert.equal(backoffDelayMs(3, 'TRANSIENT', 0.5), 100); // 0.5 * 25 * 8
    assert.equal(backoffDelayMs(10, 'THROTTLING', 0.5), 10_000); // capped at 20 s before jitter
    assert.equal(backoffDelayMs(30, 'TRANSIENT', 0.999999), 19_999);
  });

  test('a retry-after hint stretches the delay by at most 5 s', () => {
    assert.equal(backoffDelayMs(0, 'THROTTLING', 0.5, STANDARD_RETRY, 2000), 2000);
    assert.equal(backoffDelayMs(0, 'THROTTLING', 0.5, STANDARD_RETRY, 60_000), 5500);
    assert.equal(backoffDelayMs(0, 'THROTTLING', 0.5, STANDARD_RETRY, 10), 500);
    assert.equal(retryAfterMs('x-amz-retry-after', '1500'), 1500);
    assert.equal(retryAfterMs('Retry-After', '2'), 2000);
    assert.equal(retryAfterMs('retry-after', 'Wed, 21 Oct 2015 07:28:10 GMT', Date.UTC(2015, 9, 21, 7, 28, 0)), 10_000);
    assert.equal(retryAfterMs('retry-after', 'soon'), undefined);
    assert.equal(retryAfterMs('content-type', '1'), undefined);
  });

  test('the retry quota: 500 tokens, 5 per throttle retry, 14 per other retry; spent, it stops retries; successes refill it', async () => {
    const quota = new RetryQuota();
    assert.equal(quota.take('THROTTLING'), 5);
    assert.equal(quota.take('TRANSIENT'), 14);
    assert.equal(quota.available, 481);
    quota.recordSuccess(14);
    assert.equal(quota.available, 495);
    quota.recordSuccess(undefined);
    assert.equal(quota.available, 496);
    quota.recordSuccess(undefined);
    assert.equal(quota.available, 497);

    const drained = new RetryQuota();
    while (drained.take('TRANSIENT') !== undefined);
    assert.equal(drained.available, 500 % 14);
    const { out, calls } = await run([timeout, 'ok'], { quota: drained });
    assert.equal(out.ok, false);
    assert.equal(calls, 1);
    // a throttle retry is cheaper: 10 tokens left still pay for two
    const throttled = await run([throttle, throttle, 'ok'], { quota: drained });
    assert.equal(throttled.out.ok, true);
    assert.equal(drained.available, 10 - 5 - 5 + 5);
  });

  test('constants and backoff match the DynamoDB client of the installed SDK', async () => {
    const client = new DynamoDBClient({ region: 'us-east-1', maxAttempts: 4, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    try {
      const strategy = (await client.config.retryStrategy()) as StandardRetryStrategy;
      assert.equal(strategy.getCapacity(), STANDARD_RETRY.quotaTokens);
      mock.timers.enable({ apis: ['setTimeout'] });
      const random = mock.method(Math, 'random', () => 0.7);
      try {
        let token = await strategy.acquireInitialRetryToken('');
        for (const [retry, errorType] of [[0, 'THROTTLING'], [1, 'TRANSIENT'], [2, 'THROTTLING']] as const) {
          const next = strategy.refreshRetryTokenForRetry(token, { errorType, error: new Error('x') } as never);
          // the strategy awaits its maxAttempts provider before it sets its timer
          await new Promise((resolve) => setImmediate(resolve));
          mock.timers.tick(30_000);
          token = await next;
          const sdkDelay = (token as unknown as { $retryLog: { acquisitionDelay: number } }).$retryLog.acquisitionDelay;
          assert.equal(backoffDelayMs(retry, errorType, 0.7), sdkDelay, `retry ${retry} after ${errorType}`);
        }
        // capacity after two throttle retries and one other retry
        assert.equal(strategy.getCapacity(), STANDARD_RETRY.quotaTokens - 2 * STANDARD_RETRY.throttleRetryCost - STANDARD_RETRY.retryCost);
      } finally {
        random.mock.restore();
        mock.timers.reset();
      }
    } finally {
      client.destroy();
    }
  });
});
