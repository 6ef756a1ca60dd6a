// Maps whatever a DynamoDB call threw to an outcome kind. Pure (no SDK import, no I/O) so every
// rule is unit-tested with constructed errors, and so other drivers (raw HTTP, DAX) can share it:
// it reads only plain properties (name, code, $metadata, CancellationReasons...).
//
// Order matters: DynamoDB's own error names first (they are the most specific), then transport
// failures (which carry no HTTP status), then unparseable answers, then the HTTP status.

import type { OpResult, OutcomeKind } from '../types.js';

export interface ClassifiedError {
  kind: Exclude<OutcomeKind, 'ok'>;
  /** DynamoDB error name (`ConditionalCheckFailedException`) or system code (`ECONNREFUSED`) */
  errorName: string;
  errorMessage: string;
  /** ThrottlingReasons[].reason or CancellationReasons[].Code, in the order sent */
  reasons?: string[];
  httpStatusCode?: number;
}

const THROTTLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
]);

/** CancellationReasons codes that mean an item of the transaction was throttled. */
const THROTTLE_CANCEL_CODES = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'TimeoutError', 'RequestTimeout']);

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
  'ERR_SOCKET_CLOSED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

type Props = Record<string, unknown>;

function props(value: unknown): Props {
  return typeof value === 'object' && value !== null ? (value as Props) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The system error code, looking inside AggregateError (Node tries IPv4 and IPv6 for `localhost`). */
function systemCode(err: Props): string | undefined {
  const code = str(err['code']);
  if (code !== undefined) return code;
  const inner = err['errors'];
  if (Array.isArray(inner)) for (const e of inner) if (str(props(e)['code']) !== undefined) return str(props(e)['code']);
  const cause = props(err['cause']);
  return str(cause['code']);
}

function reasonList(list: unknown, key: string): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const codes = list.map((r) => str(props(r)[key]) ?? 'Unknown');
  return codes.length > 0 ? codes : undefined;
}

export function classifyError(error: unknown): ClassifiedError {
  const err = props(error);
  const name = str(err['name']) ?? str(err['__type'])?.split('#').pop() ?? (error instanceof Error ? 'Error' : typeof error);
  const code = systemCode(err);
  const message = str(err['message']) ?? str(err['Message']) ?? (typeof error === 'string' ? error : String(error));
  const status = props(err['$metadata'])['httpStatusCode'];
  const httpStatusCode = typeof status === 'number' ? status : undefined;
  const base = { errorMessage: message, ...(httpStatusCode !== undefined ? { httpStatusCode } : {}) };

  if (name === 'ConditionalCheckFailedException') return { kind: 'conditional-failed', errorName: name, ...base };

  if (name === 'TransactionCanceledException') {
    const reasons = reasonList(err['CancellationReasons'], 'Code');
    const throttled = reasons?.some((r) => THROTTLE_CANCEL_CODES.has(r)) ?? false;
    return { kind: throttled ? 'throttled' : 'transaction-canceled', errorName: name, ...base, ...(reasons ? { reasons } : {}) };
  }

  if (THROTTLE_NAMES.has(name)) {
    // The SDK model names it ThrottlingReasons; some responses spell it throttlingReasons.
    const reasons = reasonList(err['ThrottlingReasons'] ?? err['throttlingReasons'], 'reason');
    return { kind: 'throttled', errorName: name, ...base, ...(reasons ? { reasons } : {}) };
  }

  // The SDK's HTTP handler renames a reset or broken connection (ECONNRESET, EPIPE) `TimeoutError`
  // so that its retry policy treats it as transient; the code says what really happened.
  if (code !== undefined && CONNECTION_CODES.has(code)) return { kind: 'connection', errorName: code, ...base };

  if (TIMEOUT_NAMES.has(name) || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return { kind: 'timeout', errorName: TIMEOUT_NAMES.has(name) ? name : (code ?? name), ...base };
  }

  if ((code !== undefined && CONNECTION_CODES.has(code)) || /socket hang up/i.test(message)) {
    return { kind: 'connection', errorName: code ?? 'ECONNRESET', ...base };
  }

  if (name === 'SyntaxError' || /deseriali[sz]ation|unexpected token|is not valid JSON|crc32/i.test(message)) {
    return { kind: 'malformed', errorName: name, ...base };
  }

  if (httpStatusCode !== undefined && httpStatusCode >= 500) return { kind: 'server', errorName: name, ...base };
  if (httpStatusCode === undefined && err['$fault'] === 'server') return { kind: 'server', errorName: name, ...base };
  // Other 4xx (validation, missing table, bad credentials) and errors raised before sending
  // (credential provider, bad input) are the caller's problem: 'client'.
  return { kind: 'client', errorName: name, ...base };
}

/** True for errors that mean "slow down": used to count throttled attempts, retried or not. */
export function isThrottle(error: unknown): boolean {
  return classifyError(error).kind === 'throttled';
}

/**
 * The OpResult of a call that failed. Attempts and retry delay come from the error's `$metadata`
 * (`attempts`, `totalRetryDelay`), as the SDK sets them and as the http driver sets them on its
 * own error objects, so every driver reports a failure the same way.
 */
export function errorResult(error: unknown, throttledAttemptsSeen: number): OpResult {
  const classified = classifyError(error);
  const meta = props(props(error)['$metadata']);
  const attempts = meta['attempts'];
  const delayMs = meta['totalRetryDelay'];
  return {
    kind: classified.kind,
    attempts: Math.max(1, typeof attempts === 'number' ? attempts : 1),
    retryDelayMs: typeof delayMs === 'number' ? delayMs : 0,
    consumedRcu: 0,
    consumedWcu: 0,
    throttledAttempts: Math.max(throttledAttemptsSeen, classified.kind === 'throttled' ? 1 : 0),
    errorName: classified.errorName,
    errorMessage: classified.errorMessage,
    ...(classified.reasons !== undefined ? { reasons: classified.reasons } : {}),
  };
}
