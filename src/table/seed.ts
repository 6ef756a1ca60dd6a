// Loads the seed data with BatchWriteItem: batches of at most 25 puts and 16 MB, several in
// flight, and UnprocessedItems retried with exponential backoff and full jitter (DynamoDB
// returns them instead of failing when it is busy; sending them back at once just gets them
// refused again). Gives up with a RuntimeError after too many rounds for one batch.

import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { RuntimeError } from '../errors.js';
import type { AttributeMap } from '../workload/attributes.js';

export interface SeedOptions {
  /** batches in flight, default 8 */
  parallel?: number;
  onProgress?: (done: number, total: number) => void;
  /** retry rounds of UnprocessedItems for one batch before giving up, default 10 */
  maxRetries?: number;
  /**
   * Key attribute names. When given, a batch never holds two items with the same key
   * (DynamoDB rejects such a batch); the second starts a new batch instead.
   */
  keyAttributes?: string[];
  /** waits between retry rounds (tests pass an instant one); default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

export interface SeedResult {
  items: number;
  durationMs: number;
  /** retry rounds of UnprocessedItems, over all batches */
  retries: number;
}

const MAX_BATCH_ITEMS = 25;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const BACKOFF_BASE_MS = 50;
const BACKOFF_CAP_MS = 5000;

type Value = AttributeMap[string];

/** DynamoDB's item size rule, near enough: names plus values, numbers ~ their digits. */
function valueBytes(v: Value): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return v.N.length;
  if (v.B !== undefined) return v.B.byteLength;
  if (v.SS !== undefined) return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (v.NS !== undefined) return v.NS.reduce((n, s) => n + s.length, 0);
  if (v.BS !== undefined) return v.BS.reduce((n, b) => n + b.byteLength, 0);
  if (v.L !== undefined) return 3 + v.L.reduce((n, x) => n + 1 + valueBytes(x), 0);
  if (v.M !== undefined) return 3 + itemBytes(v.M);
  return 1;
}

export function itemBytes(item: AttributeMap): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) bytes += Buffer.byteLength(name) + valueBytes(value);
  return bytes;
}

function keyOf(item: AttributeMap, keyAttributes: string[]): string {
  return JSON.stringify(keyAttributes.map((k) => item[k] ?? null));
}

/** Cuts a stream of items into batches; synchronous, so concurrent workers can share it. */
export function batcher(items: Iterable<AttributeMap>, total: number, keyAttributes?: string[]): () => AttributeMap[] | undefined {
  const iterator = items[Symbol.iterator]();
  let taken = 0;
  let carried: AttributeMap | undefined;
  return () => {
    const batch: AttributeMap[] = [];
    const keys = new Set<string>();
    let bytes = 0;
    while (batch.length < MAX_BATCH_ITEMS) {
      let item = carried;
      carried = undefined;
      if (item === undefined) {
        if (taken >= total) break;
        const next = iterator.next();
        if (next.done) break;
        taken++;
        item = next.value;
      }
      const size = itemBytes(item);
      const key = keyAttributes ? keyOf(item, keyAttributes) : undefined;
      if (batch.length > 0 && (bytes + size > MAX_BATCH_BYTES || (key !== undefined && keys.has(key)))) {
        carried = item;
        break;
      }
      batch.push(item);
      bytes += size;
      if (key !== undefined) keys.add(key);
    }
    return batch.length > 0 ? batch : undefined;
  };
}

/** Full jitter: a random pause in [0, min(cap, base * 2^round)). */
export function backoffMs(round: number, random: () => number = Math.random): number {
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** round);
}

function describe(err: unknown): string {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return `${typeof name === 'string' ? `${name}: ` : ''}${err instanceof Error ? err.message : String(err)}`;
}

export async function seedTable(
  client: DynamoDBClient,
  tableName: string,
  items: Iterable<AttributeMap>,
  total: number,
  opts: SeedOptions = {},
): Promise<SeedResult> {
  const startedMs = Date.now();
  const parallel = Math.max(1, Math.floor(opts.parallel ?? 8));
  const maxRetries = opts.maxRetries ?? 10;
  const nextBatch = batcher(items, total, opts.keyAttributes);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let done = 0;
  let retries = 0;
  let failure: unknown;

  async function writeBatch(batch: AttributeMap[]): Promise<void> {
    let requests: WriteRequest[] = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let round = 1; ; round++) {
      let left: WriteRequest[];
      try {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
        left = out.UnprocessedItems?.[tableName] ?? [];
      } catch (err) {
        throw new RuntimeError(`seeding table "${tableName}" failed after ${done} of ${total} items: ${describe(err)}`, { cause: err });
      }
      done += requests.length - left.length;
      opts.onProgress?.(done, total);
      if (left.length === 0) return;
      if (round > maxRetries) {
        throw new RuntimeError(`seeding table "${tableName}": ${left.length} items still unprocessed after ${maxRetries} retries (the target is refusing writes; lower seed parallelism or raise capacity)`);
      }
      retries++;
      await sleep(backoffMs(round));
      if (failure !== undefined) return;
      requests = left;
    }
  }

  async function worker(): Promise<void> {
    while (failure === undefined) {
      const batch = nextBatch();
      if (batch === undefined) return;
      try {
        await writeBatch(batch);
      } catch (err) {
        // First failure wins; the other workers stop taking batches.
        failure ??= err;
      }
    }
  }

  await Promise.all(Array.from({ length: parallel }, worker));
  if (failure !== undefined) throw failure;
  return { items: done, durationMs: Date.now() - startedMs, retries };
}
