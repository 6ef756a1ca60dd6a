import type { Argv } from 'yargs';
import { resolveTarget, stopAllEndpoints } from '../../endpoints/index.js';
import { startLocalDax } from '../../endpoints/dax-local.js';
import type { RunningEndpoint } from '../../endpoints/running.js';
import { UsageError } from '../../errors.js';

export function registerDaxLocal(y: Argv): Argv {
  return y.command(
    'dax-local',
    'Run a local DAX-protocol server (item and query caches) in front of an embedded DynamoDB endpoint, for testing DAX client code; Ctrl-C stops it',
    (c) =>
      c
        .option('port', { type: 'number', default: 8111, describe: 'DAX port on 127.0.0.1 (0: any free port)' })
        .option('dynamodb-endpoint', { type: 'string', describe: 'DynamoDB endpoint behind the cache (default: start DynamoDB Local, or dynalite without Java)' })
        .option('region', { type: 'string', default: 'us-east-1', describe: 'region the server signs its requests to the DynamoDB endpoint with' }),
    async (a) => {
      if (!Number.isInteger(a.port) || a.port < 0 || a.port > 65535) throw new UsageError(`--port ${a.port}: expected 0-65535`);
      const log = (m: string): void => void process.stderr.write(`${m}\n`);
      let behind: RunningEndpoint | undefined;
      const dynamodbEndpoint = a['dynamodb-endpoint'] ?? (behind = await resolveTarget('local', { region: a.region, log })).info.endpoint;
      const dax = await startLocalDax({ dynamodbEndpoint, region: a.region, log, port: a.port });
      process.stdout.write(
        `DAX endpoint dax://127.0.0.1:${dax.info.endpoint.split(':').pop()} (credentials: access key ddbench, secret ddbench; tables: create them at ${dynamodbEndpoint})\n`,
      );
      await new Promise<void>((resolve) => {
        for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => resolve());
      });
      await dax.stop();
      await behind?.stop();
      await stopAllEndpoints();
    },
  );
}
