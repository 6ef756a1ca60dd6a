// AWS Signature Version 4 for one fixed request shape: `POST /` with a JSON body and the four
// headers DynamoDB's JSON protocol needs. Hand-written rather than the SDK's signer because the
// SDK's is generic middleware: per request it clones the request, lower-cases and sorts every
// header, URI-encodes the path and query and re-derives (or looks up) the signing key, all behind
// several promises. Here the canonical request is one template: only the date, the target, the
// payload hash and (once per day) the signing key change, so a request costs two SHA-256 and one
// HMAC. The result is checked against @smithy/signature-v4 in test/unit/sigv4.test.ts.
import { createHash, createHmac, hash as oneShotHash } from 'node:crypto';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
const ALGORITHM = 'AWS4-HMAC-SHA256';
// crypto.hash (one call, no Hash object) is about twice as fast for small inputs; Node 20.12+.
const sha256Hex = typeof oneShotHash === 'function' ? (data) => oneShotHash('sha256', data, 'hex') : (data) => createHash('sha256').update(data).digest('hex');
function hmac(key, data) {
    return createHmac('sha256', key).update(data, 'utf8').digest();
}
/** `20240102T030405Z` and `20240102` for a time in whole seconds. */
export function amzDates(epochSec) {
    const iso = new Date(epochSec * 1000).toISOString(); // 2024-01-02T03:04:05.000Z
    const amzDate = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
    return { amzDate, dateStamp: amzDate.slice(0, 8) };
}
/** The derived key for (secret, date, region, service): four HMACs, done once per day. */
export function signingKey(secretAccessKey, dateStamp, region, service) {
    return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, dateStamp), region), service), 'aws4_request');
}
/** Signs `POST /` requests for one host, region and service; each call passes the credentials to use. */
export class RequestSigner {
    region;
    service;
    host;
    // the date strings change once a second: format them once a second
    dateSec = -1;
    amzDate = '';
    dateStamp = '';
    // per day and secret: the derived signing key
    keyStamp = '';
    keySecret = '';
    key = Buffer.alloc(0);
    constructor(opts) {
        this.region = opts.region;
        this.service = opts.service;
        this.host = opts.host;
    }
    /**
     * Every header of one signed request, as a flat [name, value, name, value...] list (the form
     * HTTP clients take without re-parsing): host, content-type, x-amz-date, x-amz-target,
     * x-amz-security-token when the credentials have a session token, authorization.
     */
    sign(target, body, credentials, nowMs = Date.now()) {
        const sec = Math.floor(nowMs / 1000);
        if (sec !== this.dateSec) {
            const d = amzDates(sec);
            this.dateSec = sec;
            this.amzDate = d.amzDate;
            this.dateStamp = d.dateStamp;
        }
        if (this.keyStamp !== this.dateStamp || this.keySecret !== credentials.secretAccessKey) {
            this.key = signingKey(credentials.secretAccessKey, this.dateStamp, this.region, this.service);
            this.keyStamp = this.dateStamp;
            this.keySecret = credentials.secretAccessKey;
        }
        const token = credentials.sessionToken;
        const hasToken = token !== undefined && token !== '';
        // Header names sorted, values trimmed (ours carry no spaces to collapse).
        const signedHeaders = hasToken ? 'content-type;host;x-amz-date;x-amz-security-token;x-amz-target' : 'content-type;host;x-amz-date;x-amz-target';
        const canonical = `POST\n/\n\ncontent-type:${JSON_CONTENT_TYPE}\nhost:${this.host}\nx-amz-date:${this.amzDate}\n` +
            (hasToken ? `x-amz-security-token:${token}\n` : '') +
            `x-amz-target:${target}\n\n${signedHeaders}\n${sha256Hex(body)}`;
        const scope = `${this.dateStamp}/${this.region}/${this.service}/aws4_request`;
        const stringToSign = `${ALGORITHM}\n${this.amzDate}\n${scope}\n${sha256Hex(canonical)}`;
        const signature = createHmac('sha256', this.key).update(stringToSign, 'utf8').digest('hex');
        const authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
        const headers = ['host', this.host, 'content-type', JSON_CONTENT_TYPE, 'x-amz-date', this.amzDate, 'x-amz-target', target];
        if (hasToken)
            headers.push('x-amz-security-token', token);
        headers.push('authorization', authorization);
        return headers;
    }
}
/** The Host header for an endpoint URL: `URL.host` already drops the scheme's default port. */
export function hostHeader(endpoint) {
    return new URL(endpoint).host;
}
//# sourceMappingURL=sigv4.js.map