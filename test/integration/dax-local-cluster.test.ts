// The official DAX client against local DAX servers, beyond one node and the happy path: a
// second node found through discovery (reads spread over both, writes to the leader, both
// health-checked), Scan pagination, and every outcome kind ddbench's DAX driver maps, with the
// failures produced on purpose by the server's test-only fault option.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Dax as DaxTyped } from '@amazon-dax-sdk/client-dax';
import { ROOT, waitUntil } from '../support/cli.js';
import { startScript, type TestEndpoint } from '../support/endpoints.js';
import { startDaxServer, type DaxNode, type DaxServer, type DaxServerOptions } from '../../src/dax-server/server.js';
import type { FaultSpec } from '../../src/dax-server/faults.js';
import { createDaxDriver } from '../../src/drivers/dax.js';
import type { OutcomeKind, Request } from '../../src/types.js';

const CREDS = { accessKeyId: 'ddbench', secretAccessKey: 'ddbench' };
const T = 'dax-cluster';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Client = any;
const Dax = DaxTyped as unknown as new (config: Record<string, unknown>) => Client;

const key = (pk: string) => ({ pk: { S: pk } });
const request = (type: Request['type'], input: Record<string, unknown>): Request => ({ op: type, type, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } });

describe('local DAX servers: discovery, pagination and error kinds', { timeout: 240_000 }, () => {
  let dynamo: TestEndpoint;
  let ddb: DynamoDBClient;
  const servers: DaxServer[] = [];

  async function server(extra: Partial<DaxServerOptions> = {}): Promise<DaxServer> {
    const s = await startDaxServer({ ddb, credentials: { ddbench: 'ddbench' }, ...extra });
    servers.push(s);
    return s;
  }

  before(async () => {
    dynamo = await startScript(join(ROOT, 'dist', 'src', 'endpoints', 'endpoint-child.js'), ['dynamodb-local']);
    ddb = new DynamoDBClient({ endpoint: dynamo.url, region: 'us-east-1', credentials: CREDS });
    await ddb.send(new CreateTableCommand({ TableName: T, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
  });

  after(async () => {
    for (const s of servers) await s.close();
    ddb?.destroy();
    await dynamo?.stop();
  });

  test('a second node in discovery gets reads and health checks; writes go to the leader', { timeout: 60_000 }, async () => {
    // each node lists both: itself first, then the other
    const leaderView: DaxNode[] = [];
    const leader = await server({ extraNodes: leaderView });
    const replica = await server({ role: 2, extraNodes: [{ host: '127.0.0.1', port: leader.port, role: 1 }] });
    leaderView.push({ host: '127.0.0.1', port: replica.port, role: 2 });
    const dax = new Dax({ endpoints: [`dax://127.0.0.1:${leader.port}`], region: 'us-east-1', credentials: CREDS, healthCheckInterval: 200 });
    try {
      await dax.putItem({ TableName: T, Item: { ...key('n'), v: { N: '1' } } });
      for (let i = 0; i < 40; i++) assert.equal((await dax.getItem({ TableName: T, Key: key('n') })).Item.v.N, '1');
      for (let i = 0; i < 5; i++) await dax.putItem({ TableName: T, Item: { ...key(`w${i}`) } });
      await waitUntil(() => (leader.calls()['endpoints'] ?? 0) >= 3 && (replica.calls()['endpoints'] ?? 0) >= 3, 30_000, 'health checks on both nodes');
    } finally {
      dax.shutdown();
    }
    const [l, r] = [leader.calls(), replica.calls()];
    assert.ok((l['getItem'] ?? 0) > 0 && (r['getItem'] ?? 0) > 0, `reads on both nodes: ${JSON.stringify({ l, r })}`);
    assert.equal((l['getItem'] ?? 0) + (r['getItem'] ?? 0), 40);
    assert.equal(l['putItem'], 6);
    assert.equal(r['putItem'], undefined, 'no write reaches a replica');
  });

  test('Scan pages with Limit and ExclusiveStartKey through DAX, every item once', { timeout: 60_000 }, async () => {
    const s = await server();
    const dax = new Dax({ endpoints: [`dax://127.0.0.1:${s.port}`], region: 'us-east-1', credentials: CREDS });
    try {
      const keys = Array.from({ length: 11 }, (_, i) => `page-${String(i).padStart(2, '0')}`);
      await dax.batchWriteItem({ RequestItems: { [T]: keys.map((k) => ({ PutRequest: { Item: { ...key(k), tag: { S: 'paged' } } } })) } });
      const seen: string[] = [];
      let start: Client;
      let pages = 0;
      do {
        const page = await dax.scan({ TableName: T, Limit: 4, FilterExpression: 'tag = :t', ExpressionAttributeValues: { ':t': { S: 'paged' } }, ...(start ? { ExclusiveStartKey: start } : {}) });
        seen.push(...page.Items.map((i: Client) => i.pk.S));
        start = page.LastEvaluatedKey;
        pages++;
      } while (start && pages < 50);
      assert.deepEqual(seen.sort(), keys);
      assert.ok(pages >= 3);
    } finally {
      dax.shutdown();
    }
  });

  const FAULTS: [string, FaultSpec['action'], OutcomeKind, string][] = [
    ['ProvisionedThroughputExceeded', { error: 'ProvisionedThroughputExceededException' }, 'throttled', 'ProvisionedThroughputExceededException'],
    ['ThrottlingException', { error: 'ThrottlingException' }, 'throttled', 'ThrottlingException'],
    ['RequestLimitExceeded', { error: 'RequestLimitExceeded' }, 'throttled', 'RequestLimitExceeded'],
    ['InternalServerError', { error: 'InternalServerError' }, 'server', 'InternalServerErrorException'],
    ['ValidationException', { error: 'ValidationException' }, 'client', 'ValidationException'],
    ['no answer within the request timeout', { hangMs: 1500 }, 'timeout', 'TimeoutError'],
    ['a dropped connection', { close: true }, 'connection', 'ECONNREFUSED'],
  ];
  for (const [what, action, kind, errorName] of FAULTS) {
    test(`the DAX driver maps ${what} to ${kind}, for reads and writes`, { timeout: 30_000 }, async () => {
      const s = await server({ faults: { everyN: 1, action } });
      const driver = createDaxDriver({ endpoint: `dax://127.0.0.1:${s.port}`, region: 'us-east-1', maxAttempts: 2, requestTimeoutMs: 500 });
      try {
        for (const req of [request('GetItem', { TableName: T, Key: key('f') }), request('PutItem', { TableName: T, Item: key('f') })]) {
          const r = await driver.execute(req);
          assert.equal(r.kind, kind, `${req.type}: ${JSON.stringify(r)}`);
          assert.equal(r.errorName, errorName);
          if (kind === 'throttled') assert.ok(r.throttledAttempts >= 1);
        }
      } finally {
        await driver.close();
        await s.close();
      }
    });
  }

  test('the DAX driver reports successes, conditional failures and cancelled transactions as DynamoDB does', { timeout: 30_000 }, async () => {
    const s = await server();
    const driver = createDaxDriver({ endpoint: `dax://127.0.0.1:${s.port}`, region: 'us-east-1', maxAttempts: 2, requestTimeoutMs: 2000 });
    try {
      const put = request('PutItem', { TableName: T, Item: { ...key('c'), n: { N: '1' } }, ConditionExpression: 'attribute_not_exists(pk)' });
      const first = await driver.execute(put);
      assert.equal(first.kind, 'ok');
      assert.ok(first.consumedWcu > 0);
      const read = await driver.execute(request('GetItem', { TableName: T, Key: key('c') }));
      assert.equal(read.kind, 'ok');
      assert.equal(read.consumedRcu, 0, 'a cache hit (the put was written through) consumes no read units');
      const again = await driver.execute(put);
      assert.equal(again.kind, 'conditional-failed');
      const tx = await driver.execute(request('TransactWriteItems', { TransactItems: [{ Update: { TableName: T, Key: key('c'), UpdateExpression: 'SET n = n - :one', ConditionExpression: 'n > :one', ExpressionAttributeValues: { ':one': { N: '1' } } } }] }));
      assert.equal(tx.kind, 'transaction-canceled');
      assert.deepEqual(tx.reasons, ['ConditionalCheckFailed']);
      const miss = await driver.execute(request('GetItem', { TableName: T, Key: key('c') }));
      assert.equal(miss.consumedRcu, 0.5, 'a transaction drops the cached copy: the next read is a miss and consumes read units');
      const query = request('Query', { TableName: T, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'c' } } });
      assert.ok((await driver.execute(query)).consumedRcu > 0, 'a query cache miss reports what DynamoDB consumed');
      assert.equal((await driver.execute(query)).consumedRcu, 0, 'a query cache hit consumes nothing');
    } finally {
      await driver.close();
    }
  });
});
