// The http driver on DynamoDB Local: its signed requests are accepted (DynamoDB Local parses the
// Authorization header and refuses a request without one; the signature itself is checked
// against @smithy/signature-v4 in test/unit/sigv4.test.ts), every operation type works, and the
// three built-in scenarios give the same outcome kinds with --driver http as with --driver sdk.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CreateTableCommand, DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../src/drivers/sdk.js';
import { createHttpDriver } from '../../src/drivers/http/driver.js';
import type { Driver, OutcomeKind, Request } from '../../src/types.js';
import type { Summary } from '../../src/summary/model.js';
import { readSummary, ROOT, runCli } from '../support/cli.js';
import { startScript, type TestEndpoint } from '../support/endpoints.js';

const TABLE = 'ddbench-http-driver';
let local: TestEndpoint;
let client: DynamoDBClient;
let driver: Driver;

const req = (type: Request['type'], input: Record<string, unknown>): Request => ({ op: type, type, input: { ReturnConsumedCapacity: 'TOTAL', ...input } });

describe('http driver on DynamoDB Local', { timeout: 300_000 }, () => {
  before(async () => {
    local = await startScript(join(ROOT, 'dist', 'src', 'endpoints', 'endpoint-child.js'), ['dynamodb-local']);
    client = createDynamoClient(local.url, 'us-east-1');
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    driver = createHttpDriver({ endpoint: local.url, region: 'us-east-1', concurrency: 8, maxAttempts: 3, requestTimeoutMs: 10_000 });
  });

  after(async () => {
    await driver?.close();
    await client?.send(new DeleteTableCommand({ TableName: TABLE })).catch(() => undefined);
    client?.destroy();
    await local?.stop();
  });

  test('DynamoDB Local refuses a request without a signature (so acceptance below means something)', async () => {
    const res = await fetch(`${local.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /MissingAuthenticationToken/);
  });

  test('signed single-item calls, with binary and unicode values, are accepted and report capacity', async () => {
    const item = { pk: { S: 'p#1' }, sk: { S: 'ünïcødé 🎮' }, blob: { B: new Uint8Array([0, 255, 7]) }, n: { N: '42' } };
    const put = await driver.execute(req('PutItem', { TableName: TABLE, Item: item }));
    assert.equal(put.kind, 'ok', put.errorMessage);
    assert.ok(put.consumedWcu > 0);
    const get = await driver.execute(req('GetItem', { TableName: TABLE, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }));
    assert.equal(get.kind, 'ok', get.errorMessage);
    assert.ok(get.consumedRcu > 0);
    const update = await driver.execute(req('UpdateItem', { TableName: TABLE, Key: { pk: item.pk, sk: item.sk }, UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': { N: '1' } } }));
    assert.equal(update.kind, 'ok', update.errorMessage);
    const query = await driver.execute(req('Query', { TableName: TABLE, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': item.pk } }));
    assert.equal(query.kind, 'ok', query.errorMessage);
    const scan = await driver.execute(req('Scan', { TableName: TABLE, Limit: 5 }));
    assert.equal(scan.kind, 'ok', scan.errorMessage);
  });

  test('batches report unprocessed counts and transactions their cancellation reasons', async () => {
    const keys = [0, 1, 2].map((i) => ({ pk: { S: `b#${i}` }, sk: { S: 'x' } }));
    const write = await driver.execute(req('BatchWriteItem', { RequestItems: { [TABLE]: keys.map((k) => ({ PutRequest: { Item: { ...k, v: { S: 'v' } } } })) } }));
    assert.equal(write.kind, 'ok', write.errorMessage);
    assert.equal(write.unprocessed, 0);
    const read = await driver.execute(req('BatchGetItem', { RequestItems: { [TABLE]: { Keys: keys } } }));
    assert.equal(read.kind, 'ok', read.errorMessage);
    assert.equal(read.unprocessed, 0);
    const tget = await driver.execute(req('TransactGetItems', { TransactItems: keys.map((k) => ({ Get: { TableName: TABLE, Key: k } })) }));
    assert.equal(tget.kind, 'ok', tget.errorMessage);
    const canceled = await driver.execute(
      req('TransactWriteItems', {
        TransactItems: [
          { Put: { TableName: TABLE, Item: { pk: { S: 't#1' }, sk: { S: 'x' } } } },
          { ConditionCheck: { TableName: TABLE, Key: keys[0], ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    assert.equal(canceled.kind, 'transaction-canceled', canceled.errorMessage);
    assert.deepEqual(canceled.reasons, ['None', 'ConditionalCheckFailed']);
    const conditional = await driver.execute(req('DeleteItem', { TableName: TABLE, Key: keys[1], ConditionExpression: 'v = :no', ExpressionAttributeValues: { ':no': { S: 'no' } } }));
    assert.equal(conditional.kind, 'conditional-failed');
    assert.equal(conditional.attempts, 1);
  });

  test('requests signed with temporary credentials (a session token) are accepted', async () => {
    const withToken = createHttpDriver({
      endpoint: local.url,
      region: 'eu-west-1',
      concurrency: 1,
      maxAttempts: 1,
      requestTimeoutMs: 10_000,
      credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'FwoGZXIvYXdzEJr//////////token==' },
    });
    try {
      const result = await withToken.execute(req('Scan', { TableName: TABLE, Limit: 1 }));
      assert.equal(result.kind, 'ok', result.errorMessage);
    } finally {
      await withToken.close();
    }
  });

  // Same --random-seed, so both drivers run the same sequence of operations on the same data.
  const SCENARIOS: [string, string[]][] = [
    ['gaming', ['--seed-items', '2000']],
    ['retail', []],
    ['streaming', ['--seed-items', '500']],
  ];
  // each scenario has its own table, so the three run side by side on the one DynamoDB Local
  describe('built-in scenarios, sdk then http', { concurrency: true }, () => {
    for (const [name, extra] of SCENARIOS) {
      test(`${name} gives the same outcome kinds, and no errors, with --driver http as with --driver sdk`, async () => {
        const summaries: Record<string, Summary> = {};
        for (const d of ['sdk', 'http']) {
          const res = await runCli(['run', join(ROOT, 'scenarios', `${name}.yaml`), '--driver', d, '--target', local.url, '--duration', '3s', '--no-warmup', '--random-seed', '7', ...extra], { timeoutMs: 120_000 });
          assert.ok(res.code === 0 || res.code === 1, `${d}: exit ${res.code}\n${res.stderr}`);
          const s = readSummary(res);
          assert.equal(s.driver, d);
          assert.equal(s.total.errors, 0, `${d} errors: ${JSON.stringify(s.total.errorNames)}`);
          assert.ok(s.total.count > 0);
          summaries[d] = s;
        }
        const kinds = (s: Summary) => Object.keys(s.total.outcomes).filter((k) => (s.total.outcomes[k as OutcomeKind] ?? 0) > 0).sort();
        assert.deepEqual(kinds(summaries['http']!), kinds(summaries['sdk']!));
        assert.deepEqual(Object.keys(summaries['http']!.operations).sort(), Object.keys(summaries['sdk']!.operations).sort());
        for (const op of Object.keys(summaries['sdk']!.operations)) assert.ok(summaries['http']!.operations[op]!.count > 0, `${op} ran with --driver http`);
        assert.ok(summaries['http']!.total.consumedRcu + summaries['http']!.total.consumedWcu > 0, 'consumed capacity recorded');
      });
    }
  });
});
