// Turns `--target` into a running, reachable endpoint. Embedded endpoints are started here
// (and registered, so stopAllEndpoints() can stop them from any exit path); given endpoints
// are only described.

import { UsageError } from '../errors.js';
import type { TargetInfo } from '../types.js';
import type { RunningEndpoint } from './running.js';
import { detectJava } from './java.js';
import { isLoopbackHost } from '../safety/loopback.js';
import { spawnEmbedded } from './spawn.js';
import { isDaxTarget, resolveDaxTarget } from './dax.js';

export { stopAllEndpoints, runningEndpoints } from './registry.js';
export { isLoopbackHost, isLoopbackUrl } from '../safety/loopback.js';
export { spawnEmbedded, type EmbeddedEndpoint, type EmbeddedKind } from './spawn.js';
export { detectJava } from './java.js';

export interface ResolveTargetOptions {
  /** for `aws` (and the signing region of any target); default AWS_REGION, then us-east-1 */
  region?: string;
  log: (msg: string) => void;
  /** override the readiness wait of embedded endpoints (tests) */
  readyTimeoutMs?: number;
  /** DAX targets: the DynamoDB endpoint for table setup (dax-local: the one to put the DAX server in front of) */
  dynamodbEndpoint?: string;
}

export const TARGET_HELP =
  'local (default: DynamoDB Local if Java is installed, else dynalite), dynamodb-local, dynalite, http(s)://host:port, aws, dax-local (local DAX server in front of local), dax://host:port, daxs://host';

function notStarted(info: TargetInfo): RunningEndpoint {
  return { info, stop: async () => undefined };
}

function givenEndpoint(target: string, region: string): RunningEndpoint {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`--target ${target}: not a valid URL`);
  }
  if (url.username || url.password) throw new UsageError(`--target ${target}: put credentials in the AWS credential chain, not in the URL`);
  if (url.pathname !== '/' || url.search || url.hash) throw new UsageError(`--target ${target}: expected http(s)://host:port with no path`);
  return notStarted({
    kind: 'http',
    endpoint: `${url.protocol}//${url.host}`,
    region,
    loopback: isLoopbackHost(url.hostname),
    // Unknown: assume the endpoint is DynamoDB-compatible all the way, and let it answer.
    supportsTransactions: true,
  });
}

/**
 * Resolves a `--target` value. Throws UsageError for an unknown target, RuntimeError when an
 * embedded endpoint will not start (with the end of its output).
 */
export async function resolveTarget(target: string, opts: ResolveTargetOptions): Promise<RunningEndpoint> {
  const region = opts.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  const embedded = { region, log: opts.log, ...(opts.readyTimeoutMs !== undefined ? { readyTimeoutMs: opts.readyTimeoutMs } : {}) };
  const name = target.trim();
  if (isDaxTarget(name)) {
    const { dynamodbEndpoint } = opts;
    return resolveDaxTarget(name, { region, log: opts.log, ...(dynamodbEndpoint !== undefined ? { dynamodbEndpoint } : {}) }, () => resolveTarget('local', opts));
  }
  switch (name.toLowerCase()) {
    case '':
    case 'local': {
      const java = detectJava();
      if (java.ok) {
        opts.log(`target local: Java found (${java.version}), starting DynamoDB Local`);
        return spawnEmbedded('dynamodb-local', embedded);
      }
      opts.log(`target local: ${java.reason}, starting dynalite instead (no transactions; --target dynamodb-local needs Java)`);
      return spawnEmbedded('dynalite', embedded);
    }
    case 'dynamodb-local': {
      const java = detectJava();
      if (!java.ok) throw new UsageError(`--target dynamodb-local needs a Java runtime (17 or later): ${java.reason}; install one or use --target dynalite`);
      return spawnEmbedded('dynamodb-local', embedded);
    }
    case 'dynalite':
      return spawnEmbedded('dynalite', embedded);
    case 'aws':
      if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--region ${region}: not an AWS region name (like us-east-1)`);
      return notStarted({
        kind: 'aws',
        endpoint: `https://dynamodb.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`,
        region,
        loopback: false,
        supportsTransactions: true,
      });
    default:
      if (/^https?:\/\//i.test(name)) return givenEndpoint(name, region);
      throw new UsageError(`unknown target "${target}": expected ${TARGET_HELP}`);
  }
}
