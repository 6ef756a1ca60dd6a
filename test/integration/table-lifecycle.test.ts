// The whole I/O edge against both real embedded endpoints: start, create a table with a GSI,
// seed it, run operations through the SDK driver, refuse to touch a table ddbench did not
// create, delete, stop.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DescribeTableCommand, GetItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, createSdkDriver } from '../../src/drivers/sdk.js';
import { resolveTarget } from '../../src/endpoints/index.js';
import { UsageError } from '../../src/errors.js';
import { deleteTableIfOwned, describeTable, prepareTable } from '../../src/table/lifecycle.js';
import { seedTable } from '../../src/table/seed.js';
import type { Driver, TableSpec } from '../../src/types.js';
import type { AttributeMap } from '../../src/workload/attributes.js';
import type { RunningEndpoint } from '../../src/endpoints/running.js';
import { pidAlive, portBindable, portOf, waitFor } from './endpoints-process-helpers.js';

const SEED_ITEMS = 1000;
const quiet = (): void => undefined;

function* items(): Generator<AttributeMap> {
  for (let i = 0; i < SEED_ITEMS; i++) {
    yield { pk: { S: `player#${i}` }, sk: { S: 'profile' }, game: { S: `game#${i % 20}` }, score: { N: String(i * 7) }, stock: { N: '5' } };
  }
}

async function itemCount(client: DynamoDBClient, table: string): Promise<number> {
  return (await client.send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count ?? -1;
}

for (const target of ['dynalite', 'dynamodb-local'] as const) {
  describe(`table lifecycle on ${target}`, { timeout: 120_000 }, () => {
    const spec: TableSpec = {
      name: `ddbench-it-${target}`,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [{ name: 'leaderboard', partitionKey: { name: 'game', type: 'S' }, sortKey: { name: 'score', type: 'N' }, projection: 'ALL' }],
      billingMode: 'PAY_PER_REQUEST',
    };
    const runId = `it-${target}-${process.pid}`;
    let endpoint: RunningEndpoint;
    let client: DynamoDBClient;
    let driver: Driver;

    before(async () => {
      endpoint = await resolveTarget(target, { log: quiet });
      client = createDynamoClient(endpoint.info.endpoint, endpoint.info.region);
      driver = createSdkDriver({ endpoint: endpoint.info.endpoint, region: endpoint.info.region, concurrency: 8, maxAttempts: 3, retryMode: 'standard', requestTimeoutMs: 5000 });
    });
    after(async () => {
      await driver?.close();
      client?.destroy();
      await endpoint?.stop();
    });

    test('prepareTable creates the table and its GSI and waits until both are ACTIVE', async () => {
      const logs: string[] = [];
      assert.deepEqual(await prepareTable(client, spec, { reuse: false, runId, log: (m) => logs.push(m) }), { created: true });
      const table = (await client.send(new DescribeTableCommand({ TableName: spec.name }))).Table;
      assert.equal(table?.TableStatus, 'ACTIVE');
      assert.equal(table?.GlobalSecondaryIndexes?.[0]?.IndexName, 'leaderboard');
      assert.equal(table?.GlobalSecondaryIndexes?.[0]?.IndexStatus, 'ACTIVE');
      assert.match(logs.join('\n'), /created table "ddbench-it-/);
    });

    test('seedTable loads every item with BatchWriteItem and reports progress to the end', async () => {
      const progress: number[] = [];
      const result = await seedTable(client, spec.name, items(), SEED_ITEMS, { onProgress: (done) => progress.push(done), keyAttributes: ['pk', 'sk'] });
      assert.equal(result.items, SEED_ITEMS);
      assert.equal(progress.at(-1), SEED_ITEMS);
      assert.equal(await itemCount(client, spec.name), SEED_ITEMS);
    });

    test('the driver returns ok with consumed capacity for GetItem, UpdateItem and a GSI Query', async () => {
      const get = await driver.execute({ op: 'get', type: 'GetItem', input: { TableName: spec.name, Key: { pk: { S: 'player#17' }, sk: { S: 'profile' } }, ReturnConsumedCapacity: 'TOTAL' } });
      assert.equal(get.kind, 'ok');
      assert.equal(get.attempts, 1);
      assert.ok(get.consumedRcu > 0 && get.consumedWcu === 0);
      const update = await driver.execute({
        op: 'score',
        type: 'UpdateItem',
        input: { TableName: spec.name, Key: { pk: { S: 'player#17' }, sk: { S: 'profile' } }, UpdateExpression: 'SET score = :s', ExpressionAttributeValues: { ':s': { N: '999999' } }, ReturnConsumedCapacity: 'TOTAL' },
      });
      assert.equal(update.kind, 'ok');
      assert.ok(update.consumedWcu > 0);
      const query = await driver.execute({
        op: 'top',
        type: 'Query',
        input: { TableName: spec.name, IndexName: 'leaderboard', KeyConditionExpression: 'game = :g', ExpressionAttributeValues: { ':g': { S: 'game#17' } }, ScanIndexForward: false, Limit: 10, ReturnConsumedCapacity: 'TOTAL' },
      });
      assert.equal(query.kind, 'ok');
    });

    test('a conditional put on an existing item is conditional-failed', async () => {
      const result = await driver.execute({
        op: 'create',
        type: 'PutItem',
        input: { TableName: spec.name, Item: { pk: { S: 'player#1' }, sk: { S: 'profile' } }, ConditionExpression: 'attribute_not_exists(pk)', ReturnConsumedCapacity: 'TOTAL' },
      });
      assert.equal(result.kind, 'conditional-failed');
      assert.equal(result.errorName, 'ConditionalCheckFailedException');
    });

    test(target === 'dynamodb-local' ? 'TransactWriteItems succeeds, and a failed condition in it is transaction-canceled with its reasons' : 'TransactWriteItems is refused by dynalite as a client outcome, not a throw', async () => {
      const checkout = (minStock: number) => ({
        op: 'checkout',
        type: 'TransactWriteItems' as const,
        input: {
          ReturnConsumedCapacity: 'TOTAL',
          TransactItems: [
            { Update: { TableName: spec.name, Key: { pk: { S: 'player#2' }, sk: { S: 'profile' } }, UpdateExpression: 'SET stock = stock - :one', ConditionExpression: 'stock >= :min', ExpressionAttributeValues: { ':one': { N: '1' }, ':min': { N: String(minStock) } } } },
            { Put: { TableName: spec.name, Item: { pk: { S: 'order#1' }, sk: { S: 'order' } } } },
          ],
        },
      });
      const ok = await driver.execute(checkout(1));
      if (target === 'dynalite') {
        assert.equal(ok.kind, 'client');
        assert.equal(ok.errorName, 'UnknownOperationException');
        return;
      }
      assert.equal(ok.kind, 'ok');
      assert.ok(ok.consumedWcu > 0);
      const canceled = await driver.execute(checkout(100));
      assert.equal(canceled.kind, 'transaction-canceled');
      assert.deepEqual(canceled.reasons, ['ConditionalCheckFailed', 'None']);
    });

    test('an existing table without --reuse-table is a UsageError and the table is left untouched', async () => {
      const before = await itemCount(client, spec.name);
      await assert.rejects(prepareTable(client, spec, { reuse: false, runId: 'another-run', log: quiet }), (err: unknown) => {
        assert.ok(err instanceof UsageError);
        assert.match(err.message, new RegExp(`table "${spec.name}" already exists on http://127\\.0\\.0\\.1:\\d+; ddbench never drops or overwrites a table it did not create: use --reuse-table`));
        return true;
      });
      assert.equal(await itemCount(client, spec.name), before);
      const item = await client.send(new GetItemCommand({ TableName: spec.name, Key: { pk: { S: 'player#3' }, sk: { S: 'profile' } } }));
      assert.equal(item.Item?.['score']?.N, '21');
    });

    test('--reuse-table adopts a matching table, refuses one with other keys, and never deletes it', async () => {
      assert.deepEqual(await prepareTable(client, spec, { reuse: true, runId: 'another-run', log: quiet }), { created: false });
      const otherKeys: TableSpec = { ...spec, sortKey: { name: 'ts', type: 'N' } };
      await assert.rejects(prepareTable(client, otherKeys, { reuse: true, runId: 'another-run', log: quiet }), /does not fit the scenario: key schema is pk:S \(HASH\), sk:S \(RANGE\)/);
      assert.deepEqual(await deleteTableIfOwned(client, spec.name, 'another-run', false), { deleted: false, reason: 'not created by this run' });
      assert.ok(await describeTable(client, spec.name));
    });

    test('--reuse-table on a missing table is a UsageError', async () => {
      await assert.rejects(prepareTable(client, { ...spec, name: 'ddbench-it-missing' }, { reuse: true, runId, log: quiet }), UsageError);
      assert.equal(await describeTable(client, 'ddbench-it-missing'), undefined);
    });

    test('deleteTableIfOwned deletes the table this run created and waits until it is gone', async () => {
      assert.deepEqual(await deleteTableIfOwned(client, spec.name, runId, true), { deleted: true });
      assert.equal(await describeTable(client, spec.name), undefined);
    });

    test('stopping the endpoint leaves no process and no port', async () => {
      const port = portOf(endpoint.info.endpoint);
      await endpoint.stop();
      assert.ok(await waitFor(() => !pidAlive(endpoint.pid!), 5000));
      assert.ok(await waitFor(() => portBindable(port), 5000));
    });
  });
}
