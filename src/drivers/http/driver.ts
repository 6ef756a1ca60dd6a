// The http driver: DynamoDB's JSON protocol over keep-alive connections, SigV4-signed by hand,
// retried with the SDK's standard policy. Interchangeable with the SDK driver (same requests,
// same OpResults, same error classification) at a small fraction of its CPU per request, so one
// core can offer tens of thousands of requests per second. Like every driver it never throws
// for a request: a benchmark counts failures, it does not die of them.
//
// Because it makes every attempt itself it reports what the SDK driver has to infer: exact
// attempts, the retry delay it slept, and every throttled attempt.

import type { Driver, OpResult, OpType, Request } from '../../types.js';
import { errorResult, isThrottle } from '../classify.js';
import { chooseCredentials, type Credentials } from '../client.js';
import { consumedCapacity, unprocessedCount } from '../response.js';
import { decodeResponse, encodeBody, type HttpError } from './codec.js';
import { defaultChainProvider, fixedCredentials, refreshingCredentials, type CredentialSource } from './credentials.js';
import { RetryQuota, withRetries, type AttemptOutcome } from './retry.js';
import { hostHeader, RequestSigner } from './sigv4.js';
import { HttpTransport, transportError } from './transport.js';

export interface HttpDriverOptions {
  endpoint: string;
  region: string;
  /** most requests in flight; sizes the connection pool */
  concurrency: number;
  /** total attempts including the first (SDK standard default: 3) */
  maxAttempts: number;
  requestTimeoutMs: number;
  credentials?: Credentials;
  /** test seams: the jitter source and the wait between attempts */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** where credentials come from when neither given nor local (default: the AWS chain) */
  credentialSource?: CredentialSource;
}

const TARGETS: Record<OpType, string> = {
  GetItem: 'DynamoDB_20120810.GetItem',
  PutItem: 'DynamoDB_20120810.PutItem',
  UpdateItem: 'DynamoDB_20120810.UpdateItem',
  DeleteItem: 'DynamoDB_20120810.DeleteItem',
  Query: 'DynamoDB_20120810.Query',
  Scan: 'DynamoDB_20120810.Scan',
  BatchGetItem: 'DynamoDB_20120810.BatchGetItem',
  BatchWriteItem: 'DynamoDB_20120810.BatchWriteItem',
  TransactWriteItems: 'DynamoDB_20120810.TransactWriteItems',
  TransactGetItems: 'DynamoDB_20120810.TransactGetItems',
};

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function credentialSourceFor(opts: HttpDriverOptions): CredentialSource {
  const chosen = chooseCredentials(opts.endpoint, opts.credentials);
  if (chosen !== undefined) return fixedCredentials(chosen);
  const source = opts.credentialSource ?? refreshingCredentials(defaultChainProvider());
  // Start resolving now, so the chain's lookups (files, IMDS) happen before the load starts.
  const first = source.get();
  if (first instanceof Promise) first.catch(() => undefined);
  return source;
}

export function createHttpDriver(opts: HttpDriverOptions): Driver {
  const transport = new HttpTransport({ endpoint: opts.endpoint, connections: opts.concurrency, requestTimeoutMs: opts.requestTimeoutMs });
  const signer = new RequestSigner({ region: opts.region, service: 'dynamodb', host: hostHeader(opts.endpoint) });
  const credentials = credentialSourceFor(opts);
  const quota = new RetryQuota();
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? defaultSleep;

  async function attempt(target: string, body: Buffer): Promise<AttemptOutcome<Record<string, unknown>, HttpError>> {
    const pending = credentials.get();
    const creds = pending instanceof Promise ? await pending : pending;
    // Signed per attempt: a retry after a pause may fall in another second (or day).
    const headers = signer.sign(target, body, creds);
    try {
      return decodeResponse(await transport.post(headers, body));
    } catch (err) {
      return { ok: false, error: transportError(err) };
    }
  }

  return {
    name: 'http',
    async execute(request: Request): Promise<OpResult> {
      let throttledAttempts = 0;
      try {
        const target = TARGETS[request.type];
        if (target === undefined) throw Object.assign(new Error(`unsupported operation type ${String(request.type)}`), { name: 'UnsupportedOperation' });
        const body = encodeBody(request.input);
        const out = await withRetries(() => attempt(target, body), {
          maxAttempts: opts.maxAttempts,
          quota,
          random,
          sleep,
          onFailedAttempt: (e) => {
            if (isThrottle(e)) throttledAttempts++;
          },
        });
        if (!out.ok) {
          out.error.$metadata.attempts = out.attempts;
          out.error.$metadata.totalRetryDelay = out.retryDelayMs;
          return errorResult(out.error, throttledAttempts);
        }
        const { rcu, wcu } = consumedCapacity(request.type, out.value);
        const unprocessed = unprocessedCount(request.type, out.value);
        return {
          kind: 'ok',
          attempts: out.attempts,
          retryDelayMs: out.retryDelayMs,
          consumedRcu: rcu,
          consumedWcu: wcu,
          throttledAttempts,
          ...(unprocessed !== undefined ? { unprocessed } : {}),
          ...(request.keepOutput === true ? { output: out.value } : {}),
        };
      } catch (err) {
        // failures before or around the exchange: bad input, no credentials
        return errorResult(err, throttledAttempts);
      }
    },
    async close(): Promise<void> {
      await transport.close();
    },
  };
}
