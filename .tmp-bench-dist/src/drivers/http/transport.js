// One POST on a pool of keep-alive connections, with undici's Pool and its raw dispatch API:
// no streams, no header objects, no promise per chunk. The pool holds as many connections as
// the driver may have requests in flight, pipelining 1 (one request per connection at a time,
// as DynamoDB expects), so a request never waits for a connection another one holds.
//
// Transport failures are turned into the error shapes the rest of ddbench already knows:
// undici's timeouts become `TimeoutError` (as the SDK names them), a dropped socket becomes
// the system code underneath it (ECONNRESET when there is none).
import { Pool } from 'undici';
import { retryAfterMs } from './retry.js';
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
function props(v) {
    return typeof v === 'object' && v !== null ? v : {};
}
function codeOf(err) {
    if (typeof err['code'] === 'string')
        return err['code'];
    // Node tries each address of a name in turn and reports an AggregateError of them all.
    const inner = err['errors'];
    if (Array.isArray(inner))
        for (const e of inner)
            if (typeof props(e)['code'] === 'string')
                return props(e)['code'];
    const cause = props(err['cause']);
    return typeof cause['code'] === 'string' ? cause['code'] : undefined;
}
/** A transport failure (thrown by undici or the socket) as an HttpError without a status. */
export function transportError(error) {
    const err = props(error);
    const message = typeof err['message'] === 'string' && err['message'] !== '' ? err['message'] : String(error);
    const code = codeOf(err);
    if (code !== undefined && TIMEOUT_CODES.has(code))
        return { name: 'TimeoutError', message: `${message} (${code})`, code: 'ETIMEDOUT', $metadata: {} };
    if (code === 'UND_ERR_SOCKET') {
        const underneath = typeof props(err['cause'])['code'] === 'string' ? props(err['cause'])['code'] : 'ECONNRESET';
        return { name: 'Error', message, code: underneath, $metadata: {} };
    }
    if (err['name'] === 'HTTPParserError')
        return { name: 'SyntaxError', message: `Deserialization error: ${message}`, $metadata: {} };
    const name = typeof err['name'] === 'string' ? err['name'] : 'Error';
    return code !== undefined ? { name, message, code, $metadata: {} } : { name, message, $metadata: {} };
}
/** Collects one response; undici calls these in order on the connection's own tick. */
class ResponseCollector {
    resolve;
    reject;
    statusCode = 0;
    chunks = [];
    errorType;
    retryAfter;
    constructor(resolve, reject) {
        this.resolve = resolve;
        this.reject = reject;
    }
    onConnect() {
        // A request undici re-dispatches after a failed pipeline starts from scratch.
        this.chunks = [];
    }
    onHeaders(statusCode, rawHeaders) {
        this.statusCode = statusCode;
        // Headers matter only for errors: read them there, and leave 2xx answers unparsed.
        if (statusCode >= 300) {
            for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
                const name = rawHeaders[i].toString('latin1').toLowerCase();
                const value = rawHeaders[i + 1].toString('latin1');
                if (name === 'x-amzn-errortype')
                    this.errorType = value;
                else if (name === 'retry-after' || name === 'x-amz-retry-after')
                    this.retryAfter = retryAfterMs(name, value);
            }
        }
        return true;
    }
    onData(chunk) {
        this.chunks.push(chunk);
        return true;
    }
    onComplete() {
        const body = this.chunks.length === 1 ? this.chunks[0].toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
        const res = { statusCode: this.statusCode, body };
        if (this.errorType !== undefined)
            res.errorType = this.errorType;
        if (this.retryAfter !== undefined)
            res.retryAfterMs = this.retryAfter;
        this.resolve(res);
    }
    onError(err) {
        this.reject(err);
    }
}
export class HttpTransport {
    pool;
    closed = false;
    constructor(opts) {
        const timeoutMs = Math.max(1, Math.floor(opts.requestTimeoutMs));
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
    post(headers, body) {
        return new Promise((resolve, reject) => {
            this.pool.dispatch({ path: '/', method: 'POST', headers, body }, new ResponseCollector(resolve, reject));
        });
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        // destroy, not close: a run that ends must not wait for requests the target never answers
        await this.pool.destroy();
    }
}
//# sourceMappingURL=transport.js.map