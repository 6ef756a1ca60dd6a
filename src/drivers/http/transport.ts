// One POST on a pool of keep-alive connections, with undici's Pool and its raw dispatch API:
// no streams, no header objects, no promise per chunk. The pool holds as many connections as
// the driver may have requests in flight, pipelining 1 (one request per connection at a time,
// as DynamoDB expects), so a request never waits for a connection another one holds.
//
// Transport failures are turned into the error shapes the rest of ddbench already knows:
// undici's timeouts become `TimeoutError` (as the SDK names them), a dropped socket becomes
// the system code underneath it (ECONNRESET when there is none).

import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { HttpError, RawResponse } from './codec.js';
import { retryAfterMs } from './retry.js';

export interface TransportOptions {
  /** http(s)://host:port */
  endpoint: string;
  /** connections in the pool: the most requests on the wire at once */
  connections: number;
  /** per attempt: to connect, to receive the headers, and between body chunks */
  requestTimeoutMs: number;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

type Props = Record<string, unknown>;

function props(v: unknown): Props {
  return typeof v === 'object' && v !== null ? (v as Props) : {};
}

function codeOf(err: Props): string | undefined {
  if (typeof err['code'] === 'string') return err['code'];
  // Node tries each address of a name in turn and reports an AggregateError of them all.
  const inner = err['errors'];
  if (Array.isArray(inner)) for (const e of inner) if (typeof props(e)['code'] === 'string') return props(e)['code'] as string;
  const cause = props(err['cause']);
  return typeof cause['code'] === 'string' ? cause['code'] : undefined;
}

/** A transport failure (thrown by undici or the socket) as an HttpError without a status. */
export function transportError(error: unknown): HttpError {
  const err = props(error);
  const message = typeof err['message'] === 'string' && err['message'] !== '' ? err['message'] : String(error);
  const code = codeOf(err);
  if (code !== undefined && TIMEOUT_CODES.has(code)) return { name: 'TimeoutError', message: `${message} (${code})`, code: 'ETIMEDOUT', $metadata: {} };
  if (code === 'UND_ERR_SOCKET') {
    const underneath = typeof props(err['cause'])['code'] === 'string' ? (props(err['cause'])['code'] as string) : 'ECONNRESET';
    return { name: 'Error', message, code: underneath, $metadata: {} };
  }
  if (err['name'] === 'HTTPParserError') return { name: 'SyntaxError', message: `Deserialization error: ${message}`, $metadata: {} };
  const name = typeof err['name'] === 'string' ? err['name'] : 'Error';
  return code !== undefined ? { name, message, code, $metadata: {} } : { name, message, $metadata: {} };
}

/** Collects one response; undici calls these in order on the connection's own tick. */
function timeoutError(): Error {
  return Object.assign(new Error('request timed out'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
}

class ResponseCollector implements Dispatcher.DispatchHandler {
  private statusCode = 0;
  private chunks: Buffer[] = [];
  private errorType: string | undefined;
  private retryAfter: number | undefined;

  constructor(
    private readonly resolve: (res: RawResponse) => void,
    private readonly reject: (err: unknown) => void,
  ) {}

  private abort: ((err: Error) => void) | undefined;
  private timedOut = false;

  onConnect(abort: (err: Error) => void): void {
    // A request undici re-dispatches after a failed pipeline starts from scratch.
    this.chunks = [];
    this.abort = abort;
    if (this.timedOut) abort(timeoutError());
  }

  /** Our own per-attempt deadline: undici's timeout timers tick only every ~500 ms. */
  timeout(): void {
    this.timedOut = true;
    this.abort?.(timeoutError());
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    this.statusCode = statusCode;
    // Headers matter only for errors: read them there, and leave 2xx answers unparsed.
    if (statusCode >= 300) {
      for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
        const name = rawHeaders[i]!.toString('latin1').toLowerCase();
        const value = rawHeaders[i + 1]!.toString('latin1');
        if (name === 'x-amzn-errortype') this.errorType = value;
        else if (name === 'retry-after' || name === 'x-amz-retry-after') this.retryAfter = retryAfterMs(name, value);
      }
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    const body = this.chunks.length === 1 ? this.chunks[0]!.toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    const res: RawResponse = { statusCode: this.statusCode, body };
    if (this.errorType !== undefined) res.errorType = this.errorType;
    if (this.retryAfter !== undefined) res.retryAfterMs = this.retryAfter;
    this.resolve(res);
  }

  onError(err: Error): void {
    this.reject(err);
  }
}

export class HttpTransport {
  private readonly pool: Pool;
  private closed = false;
  private readonly timeoutMs: number;

  constructor(opts: TransportOptions) {
    const timeoutMs = Math.max(1, Math.floor(opts.requestTimeoutMs));
    this.timeoutMs = timeoutMs;
    this.pool = new Pool(new URL(opts.endpoint).origin, {
      connections: Math.max(1, Math.floor(opts.connections)),
      pipelining: 1,
      connectTimeout: timeoutMs,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      // DynamoDB keeps idle connections for minutes; reconnecting after undici's default 4 s of
      // quiet would put a handshake into the first request after every lull.
      keepAliveTimeout: 60_000,
    });
  }

  /** One attempt: resolves with any HTTP answer, rejects with a transport failure. */
  post(headers: string[], body: Buffer): Promise<RawResponse> {
    return new Promise<RawResponse>((resolve, reject) => {
      const collector = new ResponseCollector(
        (res) => (clearTimeout(timer), resolve(res)),
        (err) => (clearTimeout(timer), reject(err)),
      );
      const timer = setTimeout(() => collector.timeout(), this.timeoutMs);
      this.pool.dispatch({ path: '/', method: 'POST', headers, body }, collector);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // destroy, not close: a run that ends must not wait for requests the target never answers
    await this.pool.destroy();
  }
}
