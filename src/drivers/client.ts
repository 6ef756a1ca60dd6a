// One place that builds DynamoDBClient configuration, for the data plane (the driver) and the
// control plane (table lifecycle, seeding), so both talk to the target the same way.
// The HTTP handler is given as NodeHttpHandler options (the SDK builds the handler from them),
// so ddbench needs no direct dependency on @smithy/node-http-handler.

import http from 'node:http';
import https from 'node:https';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { isLoopbackUrl } from '../safety/loopback.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Local endpoints accept any credentials; fixed ones keep the default chain off IMDS (which hangs off EC2). */
export const LOCAL_CREDENTIALS: Credentials = { accessKeyId: 'ddbench', secretAccessKey: 'ddbench' };

export interface ClientOptions {
  endpoint: string;
  region: string;
  /** sockets per agent: the most requests that can be on the wire at once */
  maxSockets: number;
  /** total attempts including the first */
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  requestTimeoutMs: number;
  credentials?: Credentials;
}

export interface BuiltClient {
  client: DynamoDBClient;
  /** destroys the client and its keep-alive sockets */
  close(): void;
}

function environmentHasCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env['AWS_ACCESS_KEY_ID'] || env['AWS_PROFILE'] || env['AWS_WEB_IDENTITY_TOKEN_FILE'] || env['AWS_CONTAINER_CREDENTIALS_FULL_URI'] || env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI']);
}

/**
 * Explicit credentials win; a loopback endpoint with nothing in the environment gets
 * LOCAL_CREDENTIALS; anything else uses the SDK's default chain (undefined).
 */
export function chooseCredentials(endpoint: string, given: Credentials | undefined, env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  if (given !== undefined) return given;
  if (isLoopbackUrl(endpoint) && !environmentHasCredentials(env)) return LOCAL_CREDENTIALS;
  return undefined;
}

export function buildClient(opts: ClientOptions): BuiltClient {
  const maxSockets = Math.max(1, Math.floor(opts.maxSockets));
  // Keep-alive: a new TCP (and TLS) handshake per request would be measured as DynamoDB latency.
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets });
  const credentials = chooseCredentials(opts.endpoint, opts.credentials);
  const config: DynamoDBClientConfig = {
    endpoint: opts.endpoint,
    region: opts.region,
    maxAttempts: Math.max(1, Math.floor(opts.maxAttempts)),
    retryMode: opts.retryMode,
    requestHandler: {
      httpAgent,
      httpsAgent,
      connectionTimeout: opts.requestTimeoutMs,
      requestTimeout: opts.requestTimeoutMs,
      // Without this the SDK only logs a warning when requestTimeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
    ...(credentials !== undefined ? { credentials } : {}),
  };
  const client = new DynamoDBClient(config);
  let closed = false;
  return {
    client,
    close() {
      if (closed) return;
      closed = true;
      client.destroy();
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/**
 * A client for the control plane (create/describe/delete table, seeding): a few sockets, more
 * patience than the data plane. Call `client.destroy()` when done.
 */
export function createDynamoClient(endpoint: string, region: string, opts: Partial<Omit<ClientOptions, 'endpoint' | 'region'>> = {}): DynamoDBClient {
  const { client } = buildClient({
    endpoint,
    region,
    maxSockets: opts.maxSockets ?? 16,
    maxAttempts: opts.maxAttempts ?? 5,
    retryMode: opts.retryMode ?? 'standard',
    requestTimeoutMs: opts.requestTimeoutMs ?? 30_000,
    ...(opts.credentials !== undefined ? { credentials: opts.credentials } : {}),
  });
  // The SDK's errors do not say which command failed; the CLI's one-line messages name the
  // missing IAM action or the throttled call from this tag (cli/target-errors.ts reads it).
  // Control plane only: the data plane's hot path gets no extra middleware.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if (typeof err === 'object' && err !== null && context.commandName) (err as Record<string, unknown>)['ddbenchOperation'] ??= context.commandName.replace(/Command$/, '');
        throw err;
      }
    },
    { step: 'initialize', name: 'ddbenchOperationTag' },
  );
  return client;
}
