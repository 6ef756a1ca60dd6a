// Create the scenario's table (or adopt an existing one on request), wait until it can take
// load, and delete it afterwards only if this run created it. ddbench must never drop data it
// did not make: the `created` flag is the primary guard, the `ddbench:run` tag a second one
// where the target keeps tags (AWS does; DynamoDB Local and dynalite accept but do not list them).

import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ListTagsOfResourceCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { RuntimeError, UsageError } from '../errors.js';
import type { TableSpec } from '../types.js';
import { RUN_TAG_KEY, createTableInput, schemaMismatches } from './schema.js';

export interface PrepareOptions {
  /** run against an existing table as is (--reuse-table) */
  reuse: boolean;
  runId: string;
  log: (msg: string) => void;
  /** bound on waiting for ACTIVE; default 10 min (a GSI on AWS can take minutes) */
  timeoutMs?: number;
}

export interface DeleteOptions {
  log?: (msg: string) => void;
  /** bound on waiting for the table to be gone; default 5 min */
  timeoutMs?: number;
}

function errorName(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string' ? (err as { name: string }).name : '';
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` with growing pauses (50 ms .. 1 s) until it returns a value or the time is up. */
async function pollUntil<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let pauseMs = 50;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new RuntimeError(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(Math.min(pauseMs, Math.max(0, deadline - Date.now())));
    pauseMs = Math.min(pauseMs * 2, 1000);
  }
}

/** The table's description, or undefined when it does not exist. */
export async function describeTable(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (err) {
    if (errorName(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

/** `http://127.0.0.1:8000`, for messages; the region when the client has no explicit endpoint. */
export async function endpointLabel(client: DynamoDBClient): Promise<string> {
  const config = client.config as unknown as { endpoint?: () => Promise<{ protocol?: string; hostname?: string; port?: number }>; region?: () => Promise<string> };
  try {
    const ep = await config.endpoint?.();
    if (ep?.hostname) return `${ep.protocol ?? 'https:'}//${ep.hostname}${ep.port ? `:${ep.port}` : ''}`;
    return `AWS region ${(await config.region?.()) ?? '?'}`;
  } catch {
    return 'the target';
  }
}

function isActive(table: TableDescription | undefined): boolean {
  return table?.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE');
}

async function waitActive(client: DynamoDBClient, name: string, timeoutMs: number): Promise<TableDescription> {
  return pollUntil(
    async () => {
      const table = await describeTable(client, name);
      if (table === undefined) throw new RuntimeError(`table "${name}" disappeared while waiting for it to become ACTIVE`);
      return isActive(table) ? table : undefined;
    },
    timeoutMs,
    `table "${name}" and its indexes to become ACTIVE`,
  );
}

function existsMessage(name: string, endpoint: string): string {
  return `table "${name}" already exists on ${endpoint}; ddbench never drops or overwrites a table it did not create: use --reuse-table to run against it as is, or pick another table.name`;
}

/** A target that refuses tags on CreateTable (some emulators): create again without them. */
function isTagRefusal(err: unknown): boolean {
  return ['ValidationException', 'UnknownOperationException', 'SerializationException'].includes(errorName(err)) && /tag/i.test(errorMessage(err));
}

export async function prepareTable(client: DynamoDBClient, spec: TableSpec, opts: PrepareOptions): Promise<{ created: boolean }> {
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const existing = await describeTable(client, spec.name);
  if (existing !== undefined) {
    if (!opts.reuse) throw new UsageError(existsMessage(spec.name, await endpointLabel(client)));
    const problems = schemaMismatches(spec, existing);
    if (problems.length > 0) throw new UsageError(`--reuse-table: table "${spec.name}" does not fit the scenario: ${problems.join('; ')}`);
    if (!isActive(existing)) await waitActive(client, spec.name, timeoutMs);
    opts.log(`using existing table "${spec.name}" as is (--reuse-table); it will not be deleted`);
    return { created: false };
  }
  if (opts.reuse) throw new UsageError(`--reuse-table: table "${spec.name}" does not exist on ${await endpointLabel(client)}; tables belong to one region, so check --region, or run without --reuse-table to create it`);

  try {
    await client.send(new CreateTableCommand(createTableInput(spec, { [RUN_TAG_KEY]: opts.runId })));
  } catch (err) {
    if (errorName(err) === 'ResourceInUseException') throw new UsageError(existsMessage(spec.name, await endpointLabel(client)));
    if (!isTagRefusal(err)) throw err;
    opts.log(`the target refused tags on CreateTable (${errorMessage(err)}); creating "${spec.name}" without the ${RUN_TAG_KEY} tag`);
    await client.send(new CreateTableCommand(createTableInput(spec)));
  }
  try {
    await waitActive(client, spec.name, timeoutMs);
  } catch (err) {
    // We made it, so we clean it up: the caller never learns `created` when this throws.
    await deleteTableIfOwned(client, spec.name, opts.runId, true, { timeoutMs: 60_000 }).catch(() => undefined);
    throw err;
  }
  const indexes = spec.indexes.length > 0 ? ` with ${spec.indexes.length} index${spec.indexes.length > 1 ? 'es' : ''}` : '';
  opts.log(`created table "${spec.name}"${indexes} (${spec.billingMode})`);
  return { created: true };
}

/** The run tag's value: undefined when the target keeps no tags (or cannot list them). */
async function runTag(client: DynamoDBClient, arn: string | undefined): Promise<{ value?: string; listed: boolean }> {
  if (arn === undefined) return { listed: false };
  try {
    const tags = (await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags ?? [];
    if (tags.length === 0) return { listed: false };
    const value = tags.find((t) => t.Key === RUN_TAG_KEY)?.Value;
    return value !== undefined ? { value, listed: true } : { listed: true };
  } catch {
    return { listed: false };
  }
}

/**
 * Deletes the table only if this run created it (and, where the target lists tags, it carries
 * this run's tag), then waits until it is gone. Never throws for a table that is not ours.
 */
export async function deleteTableIfOwned(
  client: DynamoDBClient,
  name: string,
  runId: string,
  created: boolean,
  opts: DeleteOptions = {},
): Promise<{ deleted: boolean; reason?: string }> {
  if (!created) return { deleted: false, reason: 'not created by this run' };
  const table = await describeTable(client, name);
  if (table === undefined) return { deleted: false, reason: 'already gone' };
  const tag = await runTag(client, table.TableArn);
  if (tag.listed && tag.value !== runId) {
    const reason = `its ${RUN_TAG_KEY} tag is ${tag.value === undefined ? 'missing' : `"${tag.value}"`}, not this run's "${runId}"`;
    opts.log?.(`not deleting table "${name}": ${reason}`);
    return { deleted: false, reason };
  }
  const timeoutMs = opts.timeoutMs ?? 300_000;
  await pollUntil(
    async () => {
      try {
        await client.send(new DeleteTableCommand({ TableName: name }));
        return true;
      } catch (err) {
        if (errorName(err) === 'ResourceNotFoundException') return true;
        // Still CREATING or UPDATING: DynamoDB refuses to delete until it settles.
        if (errorName(err) === 'ResourceInUseException') return undefined;
        throw err;
      }
    },
    timeoutMs,
    `table "${name}" to accept DeleteTable`,
  );
  await pollUntil(async () => ((await describeTable(client, name)) === undefined ? true : undefined), timeoutMs, `table "${name}" to be deleted`);
  opts.log?.(`deleted table "${name}"`);
  return { deleted: true };
}
