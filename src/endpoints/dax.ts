// DAX targets for --target: `dax-local` (embedded DynamoDB plus the local DAX server) and
// `dax://host:port` / `daxs://host` (a real cluster; its DynamoDB endpoint comes from
// --dynamodb-endpoint or the region). A cluster that cannot be reached fails here, before
// anything is created, instead of after the DAX client's silent retries.

import { UsageError } from '../errors.js';
import type { RunningEndpoint } from './running.js';
import { registerEndpoint, unregisterEndpoint } from './registry.js';
import { isLoopbackHost } from '../safety/loopback.js';
import { daxAddress, preloadDaxClient, probeDax } from '../drivers/dax.js';
import { startLocalDax } from './dax-local.js';

export function isDaxTarget(target: string): boolean {
  return /^daxs?:\/\//i.test(target.trim()) || target.trim().toLowerCase() === 'dax-local';
}

/** `dynamo`: starts the DynamoDB endpoint dax-local puts its server in front of. */
export async function resolveDaxTarget(
  target: string,
  opts: { region: string; log: (msg: string) => void; dynamodbEndpoint?: string },
  dynamo: () => Promise<RunningEndpoint>,
): Promise<RunningEndpoint> {
  const name = target.trim();
  if (name.toLowerCase() === 'dax-local') {
    const behind = opts.dynamodbEndpoint === undefined ? await dynamo() : undefined;
    const dynamodbEndpoint = opts.dynamodbEndpoint ?? behind!.info.endpoint;
    let dax: RunningEndpoint;
    try {
      [dax] = await Promise.all([startLocalDax({ dynamodbEndpoint, region: opts.region, log: opts.log }), preloadDaxClient()]);
    } catch (err) {
      await behind?.stop();
      throw err;
    }
    const combined: RunningEndpoint = {
      ...dax,
      stop: async () => {
        await dax.stop();
        await behind?.stop();
        unregisterEndpoint(combined);
      },
    };
    registerEndpoint(combined);
    return combined;
  }
  let url: URL;
  try {
    url = new URL(name);
    daxAddress(name);
  } catch {
    throw new UsageError(`--target ${target}: not a valid dax:// or daxs:// URL`);
  }
  if (url.username || url.password || (url.pathname !== '' && url.pathname !== '/')) throw new UsageError(`--target ${target}: expected dax://host:port or daxs://host with no credentials or path`);
  const dynamodbEndpoint = opts.dynamodbEndpoint ?? `https://dynamodb.${opts.region}.amazonaws.com${opts.region.startsWith('cn-') ? '.cn' : ''}`;
  await probeDax(name);
  await preloadDaxClient();
  return {
    info: { kind: 'dax', endpoint: `${url.protocol}//${url.host}`, region: opts.region, loopback: isLoopbackHost(url.hostname), supportsTransactions: true, dynamodbEndpoint },
    stop: async () => undefined,
  };
}
