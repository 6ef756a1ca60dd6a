// Loads the seed data with BatchWriteItem: batches of at most 25 puts and 16 MB, several in
// flight, and UnprocessedItems retried with exponential backoff and full jitter (DynamoDB
// returns them instead of failing when it is busy; sending them back at once just gets them
// refused again). Gives up with a RuntimeError after too many rounds for one batch.
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { RuntimeError } from '../errors.js';
const MAX_BATCH_ITEMS = 25;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const BACKOFF_BASE_MS = 50;
const BACKOFF_CAP_MS = 5000;
/** DynamoDB's item size rule, near enough: names plus values, numbers ~ their digits. */
function valueBytes(v) {
    if (v.S !== undefined)
        return Buffer.byteLength(v.S);
    if (v.N !== undefined)
        return v.N.length;
    if (v.B !== undefined)
        return v.B.byteLength;
    if (v.SS !== undefined)
        return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
    if (v.NS !== undefined)
        return v.NS.reduce((n, s) => n + s.length, 0);
    if (v.BS !== undefined)
        return v.BS.reduce((n, b) => n + b.byteLength, 0);
    if (v.L !== undefined)
        return 3 + v.L.reduce((n, x) => n + 1 + valueBytes(x), 0);
    if (v.M !== undefined)
        return 3 + itemBytes(v.M);
    return 1;
}
export function itemBytes(item) {
    let bytes = 0;
    for (const [name, value] of Object.entries(item))
        bytes += Buffer.byteLength(name) + valueBytes(value);
    return bytes;
}
function keyOf(item, keyAttributes) {
    return JSON.stringify(keyAttributes.map((k) => item[k] ?? null));
}
/** Cuts a stream of items into batches; synchronous, so concurrent workers can share it. */
export function batcher(items, total, keyAttributes) {
    const iterator = items[Symbol.iterator]();
    let taken = 0;
    let carried;
    return () => {
        const batch = [];
        const keys = new Set();
        let bytes = 0;
        while (batch.length < MAX_BATCH_ITEMS) {
            let item = carried;
            carried = undefined;
            if (item === undefined) {
                if (taken >= total)
                    break;
                const next = iterator.next();
                if (next.done)
                    break;
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
            if (key !== undefined)
                keys.add(key);
        }
        return batch.length > 0 ? batch : undefined;
    };
}
/** Full jitter: a random pause in [0, min(cap, base * 2^round)). */
export function backoffMs(round, random = Math.random) {
    return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** round);
}
function describe(err) {
    const name = typeof err === 'object' && err !== null ? err.name : undefined;
    return `${typeof name === 'string' ? `${name}: ` : ''}${err instanceof Error ? err.message : String(err)}`;
}
export async function seedTable(client, tableName, items, total, opts = {}) {
    const startedMs = Date.now();
    const parallel = Math.max(1, Math.floor(opts.parallel ?? 8));
    const maxRetries = opts.maxRetries ?? 10;
    const nextBatch = batcher(items, total, opts.keyAttributes);
    const sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    let done = 0;
    let retries = 0;
    let failure;
    async function writeBatch(batch) {
        let requests = batch.map((Item) => ({ PutRequest: { Item } }));
        for (let round = 1;; round++) {
            let left;
            try {
                const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
                left = out.UnprocessedItems?.[tableName] ?? [];
            }
            catch (err) {
                throw new RuntimeError(`seeding table "${tableName}" failed after ${done} of ${total} items: ${describe(err)}`);
            }
            done += requests.length - left.length;
            opts.onProgress?.(done, total);
            if (left.length === 0)
                return;
            if (round > maxRetries) {
                throw new RuntimeError(`seeding table "${tableName}": ${left.length} items still unprocessed after ${maxRetries} retries (the target is refusing writes; lower seed parallelism or raise capacity)`);
            }
            retries++;
            await sleep(backoffMs(round));
            if (failure !== undefined)
                return;
            requests = left;
        }
    }
    async function worker() {
        while (failure === undefined) {
            const batch = nextBatch();
            if (batch === undefined)
                return;
            try {
                await writeBatch(batch);
            }
            catch (err) {
                // First failure wins; the other workers stop taking batches.
                failure ??= err;
            }
        }
    }
    await Promise.all(Array.from({ length: parallel }, worker));
    if (failure !== undefined)
        throw failure;
    return { items: done, durationMs: Date.now() - startedMs, retries };
}
//# sourceMappingURL=seed.js.map