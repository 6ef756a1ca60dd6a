// Request bodies and responses of DynamoDB's JSON protocol (x-amz-json-1.0), as far as a load
// generator needs them. A request's input is already the low-level API shape, so encoding is
// JSON.stringify with binary (`B`, `BS`) values as base64. Of a response only ConsumedCapacity,
// Unprocessed* and, for errors, the type, message and reasons are used: the body is parsed with
// JSON.parse (native, about 14 us for a 50 KB item) and nothing is unmarshalled.

import type { AttemptError, AttemptOutcome } from './retry.js';

/** A failed attempt in the plain shape that classifyError and the retry policy both read. */
export interface HttpError extends AttemptError {
  $metadata: { httpStatusCode?: number; attempts?: number; totalRetryDelay?: number };
  $fault?: 'client' | 'server';
  CancellationReasons?: unknown;
  ThrottlingReasons?: unknown;
}

// Called for every key and value: only objects need a second look (JSON.stringify has already
// turned a Buffer into { type, data } by then, so the holder's own value is what is checked).
function binaryAsBase64(this: Record<string, unknown>, key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const raw = this[key];
  return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : value;
}

/** True when a Uint8Array (a `B` or `BS` value) is somewhere inside: most requests have none. */
function hasBinary(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Uint8Array || depth > 32) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (hasBinary(v, depth + 1)) return true;
    return false;
  }
  for (const k in value) if (hasBinary((value as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

/**
 * The JSON body of a request. A replacer costs a call from the JSON encoder into JS for every
 * key; walking the input first in JS is cheaper, so only inputs with binary values pay for it
 * (about 0.3 us saved per request).
 */
export function encodeBody(input: Record<string, unknown>): Buffer {
  return Buffer.from(hasBinary(input, 0) ? JSON.stringify(input, binaryAsBase64) : JSON.stringify(input), 'utf8');
}

/** `com.amazonaws.dynamodb.v20120810#ThrottlingException` or `ThrottlingException:http://...` -> `ThrottlingException`. */
export function errorTypeName(raw: string): string {
  const beforeColon = raw.split(':')[0] ?? raw;
  return (beforeColon.split('#').pop() ?? beforeColon).trim();
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export interface RawResponse {
  statusCode: number;
  body: string;
  /** the `x-amzn-errortype` header, when sent */
  errorType?: string;
  /** from `retry-after` / `x-amz-retry-after`, when sent */
  retryAfterMs?: number;
}

function malformed(statusCode: number, detail: string): HttpError {
  // named like the SDK's deserialisation failures, so classifyError says 'malformed'
  return { name: 'SyntaxError', message: `Deserialization error: ${detail}`, httpStatusCode: statusCode, $metadata: { httpStatusCode: statusCode } };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A 2xx answer is the output; anything else is an HttpError named by DynamoDB's error type. */
export function decodeResponse(res: RawResponse): AttemptOutcome<Record<string, unknown>, HttpError> {
  const status = res.statusCode;
  if (status >= 200 && status < 300) {
    // DynamoDB answers every call with a JSON object; an empty body would be a broken proxy.
    const output = parseObject(res.body);
    return output !== undefined ? { ok: true, value: output } : { ok: false, error: malformed(status, `not a JSON object: ${res.body.slice(0, 80)}`) };
  }
  const body = parseObject(res.body) ?? {};
  const type = str(res.errorType) ?? str(body['__type']) ?? str(body['code']);
  const error: HttpError = {
    // without a type, the status says what it was (as the SDK's UnknownError, with its status)
    name: type !== undefined ? errorTypeName(type) : 'UnknownError',
    message: str(body['message']) ?? str(body['Message']) ?? (type === undefined && res.body !== '' ? res.body.slice(0, 200) : `HTTP ${status}`),
    httpStatusCode: status,
    $metadata: { httpStatusCode: status },
    $fault: status >= 500 ? 'server' : 'client',
  };
  if (body['CancellationReasons'] !== undefined) error.CancellationReasons = body['CancellationReasons'];
  const throttlingReasons = body['ThrottlingReasons'] ?? body['throttlingReasons'];
  if (throttlingReasons !== undefined) error.ThrottlingReasons = throttlingReasons;
  return res.retryAfterMs !== undefined ? { ok: false, error, retryAfterMs: res.retryAfterMs } : { ok: false, error };
}
