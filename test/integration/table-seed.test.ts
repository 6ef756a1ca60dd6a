// Seeding logic against a scripted fake client: batching limits, UnprocessedItems retries,
// giving up. (table-lifecycle.test.ts seeds real endpoints.)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BatchWriteItemCommand, DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import { RuntimeError } from '../../src/errors.js';
import { backoffMs, batcher, itemBytes, seedTable } from '../../src/table/seed.js';
import type { AttributeMap } from '../../src/workload/attributes.js';

function* numbered(n: number, pad = 0): Generator<AttributeMap> {
  for (let i = 0; i < n; i++) yield { pk: { S: `k${i}` }, body: { S: 'x'.repeat(pad) } };
}

/** A client whose BatchWriteItem leaves `unprocessed(call, requests)` of each batch undone. */
function fakeClient(unprocessed: (call: number, requests: WriteRequest[]) => WriteRequest[]) {
  const written: AttributeMap[] = [];
  const batchSizes: number[] = [];
  let calls = 0;
  const client = {
    send: async (command: BatchWriteItemCommand) => {
      const requests = command.input.RequestItems?.['t'] ?? [];
      batchSizes.push(requests.length);
      const left = unprocessed(++calls, requests);
      for (const r of requests) if (!left.includes(r) && r.PutRequest?.Item) written.push(r.PutRequest.Item as AttributeMap);
      return { UnprocessedItems: left.length > 0 ? { t: left } : {} };
    },
  } as unknown as DynamoDBClient;
  return { client, written, batchSizes };
}

const instant = async (): Promise<void> => undefined;

describe('seedTable', { timeout: 10_000 }, () => {
  test('writes every item in batches of at most 25, several in flight', async () => {
    const fake = fakeClient(() => []);
    const result = await seedTable(fake.client, 't', numbered(1000), 1000, { parallel: 4, sleep: instant });
    assert.equal(result.items, 1000);
    assert.equal(result.retries, 0);
    assert.equal(fake.written.length, 1000);
    assert.ok(fake.batchSizes.every((n) => n <= 25));
    assert.equal(fake.batchSizes.length, 40);
  });

  test('retries UnprocessedItems until all are written and counts the rounds', async () => {
    // Every other call leaves half its batch undone.
    const fake = fakeClient((call, requests) => (call % 2 === 1 ? requests.slice(0, Math.floor(requests.length / 2)) : []));
    const progress: number[] = [];
    const result = await seedTable(fake.client, 't', numbered(100), 100, { parallel: 1, sleep: instant, onProgress: (done) => progress.push(done) });
    assert.equal(result.items, 100);
    assert.ok(result.retries > 0);
    assert.deepEqual(new Set(fake.written.map((i) => i['pk']?.S)).size, 100);
    assert.equal(progress.at(-1), 100);
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
  });

  test('gives up with a RuntimeError when the target keeps refusing', async () => {
    const fake = fakeClient((_call, requests) => requests);
    await assert.rejects(seedTable(fake.client, 't', numbered(30), 30, { maxRetries: 3, sleep: instant }), (err: unknown) => {
      assert.ok(err instanceof RuntimeError);
      assert.match(err.message, /still unprocessed after 3 retries/);
      return true;
    });
  });

  test('a failing call becomes a RuntimeError naming the table and progress', async () => {
    const client = { send: async () => Promise.reject(Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' })) } as unknown as DynamoDBClient;
    await assert.rejects(seedTable(client, 't', numbered(10), 10, { sleep: instant }), /seeding table "t" failed after 0 of 10 items: ResourceNotFoundException: Requested resource not found/);
  });

  test('takes no more than total items from an endless source', async () => {
    function* endless(): Generator<AttributeMap> {
      for (let i = 0; ; i++) yield { pk: { S: `k${i}` } };
    }
    const fake = fakeClient(() => []);
    assert.equal((await seedTable(fake.client, 't', endless(), 60, { sleep: instant })).items, 60);
  });
});

describe('batcher', () => {
  test('keeps a batch under 16 MB', () => {
    const next = batcher(numbered(25, 1_000_000), 25);
    const sizes: number[] = [];
    for (let batch = next(); batch !== undefined; batch = next()) sizes.push(batch.reduce((n, item) => n + itemBytes(item), 0));
    assert.ok(sizes.length > 1);
    assert.ok(sizes.every((s) => s <= 16 * 1024 * 1024));
  });

  test('starts a new batch instead of repeating a key in one', () => {
    const dup: AttributeMap[] = [{ pk: { S: 'a' } }, { pk: { S: 'b' } }, { pk: { S: 'a' } }];
    const next = batcher(dup, 3, ['pk']);
    assert.equal(next()?.length, 2);
    assert.equal(next()?.length, 1);
    assert.equal(next(), undefined);
  });

  test('full-jitter backoff stays under the doubling bound and the cap', () => {
    assert.equal(backoffMs(1, () => 0.999999) < 100, true);
    assert.equal(backoffMs(3, () => 0.5), 200);
    assert.equal(backoffMs(30, () => 1), 5000);
  });
});
