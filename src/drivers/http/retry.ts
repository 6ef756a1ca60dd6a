// The retry policy of the AWS SDK's `standard` mode, rewritten for a driver that sees every
// attempt. Pure apart from the injected `random` and `sleep`, so the unit tests drive it
// attempt by attempt.
//
// Constants and rules are those of the SDK version ddbench installs (@smithy/core retry,
// "retries-2026" configuration, with the DynamoDB client's own 25 ms base delay), so the sdk and
// http drivers retry the same way: full jitter `random * min(base * 2^retry, 20 s)`, base 25 ms
// (1 s for throttles); only throttling and transient errors are retried (throttle names or 429;
// timeouts, connection resets and refusals, network errors, 500/502/503/504); a retry quota of
// 500 tokens shared by the driver (a throttle retry costs 5, another retry 14, a success gives
// back the retry's cost or 1) stops retry storms when everything fails.
// test/unit/driver-http-retry.test.ts checks the constants against the installed SDK's.

export const STANDARD_RETRY = {
  baseDelayMs: 25,
  throttleBaseDelayMs: 1000,
  maxDelayMs: 20_000,
  quotaTokens: 500,
  retryCost: 14,
  throttleRetryCost: 5,
  successIncrement: 1,
  /** a retry-after hint may stretch a delay by at most this much */
  maxRetryAfterExtraMs: 5000,
} as const;

export type RetryPolicy = { readonly [K in keyof typeof STANDARD_RETRY]: number };

/** The SDK's four error types: only THROTTLING and TRANSIENT are retried. */
export type RetryErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';

/** What the policy reads from a failed attempt (the plain shape the http driver builds). */
export interface AttemptError {
  name: string;
  message: string;
  /** system error code (`ECONNREFUSED`) for transport failures */
  code?: string;
  httpStatusCode?: number;
}

const THROTTLING_NAMES = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
const TRANSIENT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

export function retryErrorType(e: AttemptError): RetryErrorType {
  if (e.httpStatusCode === 429 || THROTTLING_NAMES.has(e.name)) return 'THROTTLING';
  if (
    e.name !== 'AbortError' &&
    (TRANSIENT_NAMES.has(e.name) ||
      (e.code !== undefined && TRANSIENT_CODES.has(e.code)) ||
      (e.httpStatusCode !== undefined && TRANSIENT_STATUS.has(e.httpStatusCode)) ||
      (e.name === 'InvalidSignatureException' && e.message.includes('Signature expired')))
  ) {
    return 'TRANSIENT';
  }
  if (e.httpStatusCode !== undefined && e.httpStatusCode >= 500 && e.httpStatusCode <= 599) return 'SERVER_ERROR';
  return 'CLIENT_ERROR';
}

/** Delay before retry number `retryIndex + 1` (0 for the first retry); `random` in [0, 1). */
export function backoffDelayMs(retryIndex: number, type: RetryErrorType, random: number, policy: RetryPolicy = STANDARD_RETRY, retryAfterMs?: number): number {
  const base = type === 'THROTTLING' ? policy.throttleBaseDelayMs : policy.baseDelayMs;
  const delay = Math.floor(random * Math.min(base * 2 ** retryIndex, policy.maxDelayMs));
  if (retryAfterMs === undefined) return delay;
  return Math.max(delay, Math.min(retryAfterMs, delay + policy.maxRetryAfterExtraMs));
}

/** Tokens shared by every request of one driver: retries spend them, successes give them back. */
export class RetryQuota {
  private tokens: number;

  constructor(private readonly policy: RetryPolicy = STANDARD_RETRY) {
    this.tokens = policy.quotaTokens;
  }

  get available(): number {
    return this.tokens;
  }

  /** Takes the cost of one retry after an error of this type; undefined when the quota is spent. */
  take(type: RetryErrorType): number | undefined {
    const cost = type === 'THROTTLING' ? this.policy.throttleRetryCost : this.policy.retryCost;
    if (this.tokens < cost) return undefined;
    this.tokens -= cost;
    return cost;
  }

  /** A request succeeded: give back what its last retry cost, or a small increment if it made none. */
  recordSuccess(lastRetryCost: number | undefined): void {
    this.tokens = Math.min(this.policy.quotaTokens, this.tokens + (lastRetryCost ?? this.policy.successIncrement));
  }
}

export type AttemptOutcome<T, E extends AttemptError = AttemptError> = { ok: true; value: T } | { ok: false; error: E; retryAfterMs?: number };

export interface RetryDeps<E extends AttemptError = AttemptError> {
  maxAttempts: number;
  quota: RetryQuota;
  /** uniform in [0, 1) */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  /** called for every failed attempt (the driver counts throttled ones) */
  onFailedAttempt?: (error: E) => void;
  policy?: RetryPolicy;
}

export type RetriedOutcome<T, E extends AttemptError = AttemptError> = { attempts: number; retryDelayMs: number } & ({ ok: true; value: T } | { ok: false; error: E });

/**
 * Runs `attempt` until it succeeds, fails with an error that is not retried, reaches
 * maxAttempts, or the quota is spent. Never throws unless `attempt` does.
 */
export async function withRetries<T, E extends AttemptError = AttemptError>(attempt: () => Promise<AttemptOutcome<T, E>>, deps: RetryDeps<E>): Promise<RetriedOutcome<T, E>> {
  const policy = deps.policy ?? STANDARD_RETRY;
  const maxAttempts = Math.max(1, Math.floor(deps.maxAttempts));
  let attempts = 0;
  let retryDelayMs = 0;
  let lastCost: number | undefined;
  for (;;) {
    const outcome = await attempt();
    attempts++;
    if (outcome.ok) {
      deps.quota.recordSuccess(lastCost);
      return { ok: true, value: outcome.value, attempts, retryDelayMs };
    }
    deps.onFailedAttempt?.(outcome.error);
    const type = retryErrorType(outcome.error);
    const retryable = type === 'THROTTLING' || type === 'TRANSIENT';
    const cost = retryable && attempts < maxAttempts ? deps.quota.take(type) : undefined;
    if (cost === undefined) return { ok: false, error: outcome.error, attempts, retryDelayMs };
    lastCost = cost;
    const delayMs = backoffDelayMs(attempts - 1, type, deps.random(), policy, outcome.retryAfterMs);
    retryDelayMs += delayMs;
    if (delayMs > 0) await deps.sleep(delayMs);
  }
}

/**
 * A retry hint from response headers, in ms from now: `x-amz-retry-after` (ms) or `retry-after`
 * (seconds or an HTTP date). Undefined when absent or unreadable.
 */
export function retryAfterMs(name: string, value: string, nowMs: number = Date.now()): number | undefined {
  const h = name.toLowerCase();
  if (h === 'x-amz-retry-after') {
    const ms = Number(value);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (h !== 'retry-after') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at - nowMs : undefined;
}
