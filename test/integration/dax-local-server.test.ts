// The official DAX client, unchanged, against ddbench's local DAX server in front of DynamoDB
// Local: every operation, errors, number/set/binary encoding, both caches (write-through, query
// staleness, TTL expiry on an injected clock) and authentication.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { Dax as DaxTyped } from '@amazon-dax-sdk/client-dax';
import { ROOT } from '../support/cli.js';
import { startScript, type TestEndpoint } from '../support/endpoints.js';
import { startDaxServer, type DaxServer } from '../../src/dax-server/server.js';

const CREDS = { accessKeyId: 'ddbench', secretAccessKey: 'ddbench' };
const T = 'dax-items';
const Q = 'dax-numeric';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Client = any;
// The package's typings lack `endpoints` and `shutdown`, which the client does accept.
const Dax = DaxTyped as unknown as new (config: Record<string, unknown>) => Client;

describe('local DAX server with the official client', { timeout: 180_000 }, () => {
  let dynamo: TestEndpoint;
  let ddb: DynamoDBClient;
  let server: DaxServer;
  let dax: Client;
  let nowMs = 1_000_000;

  before(async () => {
    dynamo = await startScript(join(ROOT, 'dist', 'src', 'endpoints', 'endpoint-child.js'), ['dynamodb-local']);
    ddb = new DynamoDBClient({ endpoint: dynamo.url, region: 'us-east-1', credentials: CREDS });
    await ddb.send(new CreateTableCommand({ TableName: T, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
    await ddb.send(
      new CreateTableCommand({
        TableName: Q,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'h', AttributeType: 'N' }, { AttributeName: 'r', AttributeType: 'N' }],
        KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' }, { AttributeName: 'r', KeyType: 'RANGE' }],
      }),
    );
    server = await startDaxServer({ ddb, credentials: { ddbench: 'ddbench' }, itemTtlMs: 60_000, queryTtlMs: 60_000, now: () => nowMs });
    dax = new Dax({ endpoints: [`dax://127.0.0.1:${server.port}`], region: 'us-east-1', credentials: CREDS });
  });

  after(async () => {
    dax?.shutdown();
    await server?.close();
    ddb?.destroy();
    await dynamo?.stop();
  });

  test('an item with every attribute type round-trips exactly', async () => {
    const item = {
      pk: { S: 'types' },
      int: { N: '42' },
      neg: { N: '-7' },
      dec: { N: '3.14159' },
      tiny: { N: '-0.000000123' },
      big: { N: '123456789012345678901234567890' },
      huge: { N: '12345678901234567890123456789012345678' },
      bin: { B: Buffer.from([0, 1, 254, 255]) },
      ss: { SS: ['a', 'b'] },
      ns: { NS: ['1', '2.5', '-3'] },
      bs: { BS: [Buffer.from([1]), Buffer.from([2])] },
      map: { M: { nested: { L: [{ S: 'x' }, { NULL: true }, { BOOL: false }, { M: {} }] } } },
      yes: { BOOL: true },
      nothing: { NULL: true },
      empty: { S: '' },
    };
    await dax.putItem({ TableName: T, Item: item });
    const out = await dax.getItem({ TableName: T, Key: { pk: { S: 'types' } } });
    const got = out.Item;
    assert.equal(got.big.N, '123456789012345678901234567890');
    assert.equal(got.huge.N, '12345678901234567890123456789012345678');
    assert.equal(got.dec.N, '3.14159');
    assert.equal(Number(got.tiny.N), -0.000000123);
    assert.deepEqual([...got.bin.B], [0, 1, 254, 255]);
    assert.deepEqual([...got.ss.SS].sort(), ['a', 'b']);
    assert.deepEqual([...got.ns.NS].map(Number).sort((a: number, b: number) => a - b), [-3, 1, 2.5]);
    assert.deepEqual(got.bs.BS.map((b: Buffer) => b[0]).sort(), [1, 2]);
    assert.deepEqual(got.map, item.map);
    assert.deepEqual([got.yes, got.nothing, got.empty, got.int, got.neg], [item.yes, item.nothing, item.empty, item.int, item.neg]);
  });

  test('a missing item reads as no Item, and the miss is cached (negative caching)', async () => {
    const before = server.stats().GetItem;
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'absent' } } })).Item, undefined);
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'absent' } } })).Item, undefined);
    const after = server.stats().GetItem;
    assert.equal(after.misses - before.misses, 1);
    assert.equal(after.hits - before.hits, 1);
  });

  test('a cache hit, then a write through DAX, then a read sees the write', async () => {
    await dax.putItem({ TableName: T, Item: { pk: { S: 'wt' }, v: { N: '1' } } });
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'wt' } } })).Item.v.N, '1');
    const out = await dax.updateItem({ TableName: T, Key: { pk: { S: 'wt' } }, UpdateExpression: 'SET v = v + :one, tags = :t', ExpressionAttributeValues: { ':one': { N: '1' }, ':t': { SS: ['x'] } }, ReturnValues: 'UPDATED_NEW' });
    assert.deepEqual(out.Attributes, { v: { N: '2' }, tags: { SS: ['x'] } });
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'wt' } } })).Item.v.N, '2');
    // Without ReturnValues the server keeps the new item it asked DynamoDB for: the next read is a hit.
    await dax.updateItem({ TableName: T, Key: { pk: { S: 'wt' } }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { N: '3' } } });
    const hitsBefore = server.stats().GetItem.hits;
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'wt' } } })).Item.v.N, '3');
    assert.equal(server.stats().GetItem.hits, hitsBefore + 1);
    await dax.deleteItem({ TableName: T, Key: { pk: { S: 'wt' } } });
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'wt' } } })).Item, undefined);
  });

  test('the item cache serves a stale item until its TTL passes on the injected clock', async () => {
    await dax.putItem({ TableName: T, Item: { pk: { S: 'ttl' }, v: { S: 'old' } } });
    await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: 'ttl' }, v: { S: 'new' } } }));
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'ttl' } } })).Item.v.S, 'old');
    nowMs += 60_001;
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'ttl' } } })).Item.v.S, 'new');
  });

  test('strongly consistent reads bypass the item cache', async () => {
    await dax.putItem({ TableName: T, Item: { pk: { S: 'cr' }, v: { S: 'old' } } });
    await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: 'cr' }, v: { S: 'new' } } }));
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'cr' } }, ConsistentRead: true })).Item.v.S, 'new');
  });

  test('numeric range keys sort and page correctly, and the query cache stays stale after a write until the TTL', async () => {
    const ranges = ['-1000.5', '-2', '0', '0.001', '7', '12.75', '1e3', '123456789012345'];
    await dax.batchWriteItem({ RequestItems: { [Q]: ranges.map((r) => ({ PutRequest: { Item: { h: { N: '1' }, r: { N: r }, payload: { S: `p${r}` } } } })) } });
    const query = { TableName: Q, KeyConditionExpression: 'h = :h AND r BETWEEN :lo AND :hi', ExpressionAttributeValues: { ':h': { N: '1' }, ':lo': { N: '-5000' }, ':hi': { N: '1e20' } } };
    const all = await dax.query(query);
    assert.deepEqual(all.Items.map((i: Client) => Number(i.r.N)), ranges.map(Number).sort((a, b) => a - b));
    const pages: number[] = [];
    let start: Client;
    do {
      const page = await dax.query({ ...query, Limit: 3, ...(start ? { ExclusiveStartKey: start } : {}) });
      pages.push(...page.Items.map((i: Client) => Number(i.r.N)));
      start = page.LastEvaluatedKey;
    } while (start);
    assert.deepEqual(pages, ranges.map(Number).sort((a, b) => a - b));
    await dax.putItem({ TableName: Q, Item: { h: { N: '1' }, r: { N: '8' } } });
    assert.equal((await dax.query(query)).Count, ranges.length, 'a write does not invalidate the query cache');
    nowMs += 60_001;
    assert.equal((await dax.query(query)).Count, ranges.length + 1);
  });

  test('expressions: conditions, updates, projections and filters reach DynamoDB intact', async () => {
    await dax.putItem({ TableName: T, Item: { pk: { S: 'expr' }, name: { S: 'alpha' }, n: { N: '5' }, list: { L: [{ N: '1' }] }, set: { SS: ['a', 'b'] }, other: { SS: ['a', 'z'] }, doc: { M: { 'a b': { S: 'spaced' }, deep: { L: [{ S: 'zero' }, { S: 'one' }] } } } } });
    await dax.updateItem({
      TableName: T,
      Key: { pk: { S: 'expr' } },
      UpdateExpression: 'SET #l = list_append(#l, :more), c = if_not_exists(c, :zero) REMOVE gone ADD #s :add DELETE other :del',
      ConditionExpression: '(begins_with(#nm, :al) OR n IN (:one, :two)) AND NOT attribute_exists(gone) AND size(#l) < :ten AND n BETWEEN :one AND :ten',
      ExpressionAttributeNames: { '#l': 'list', '#s': 'set', '#nm': 'name' },
      ExpressionAttributeValues: { ':more': { L: [{ N: '2' }] }, ':zero': { N: '0' }, ':add': { SS: ['c'] }, ':del': { SS: ['a'] }, ':al': { S: 'al' }, ':one': { N: '1' }, ':two': { N: '2' }, ':ten': { N: '10' } },
    });
    const got = await dax.getItem({ TableName: T, Key: { pk: { S: 'expr' } }, ProjectionExpression: '#l, #s, c, doc.#sp, doc.deep[1], other', ExpressionAttributeNames: { '#l': 'list', '#s': 'set', '#sp': 'a b' } });
    assert.deepEqual(got.Item.list, { L: [{ N: '1' }, { N: '2' }] });
    assert.deepEqual([...got.Item.set.SS].sort(), ['a', 'b', 'c']);
    assert.deepEqual(got.Item.c, { N: '0' });
    assert.deepEqual(got.Item.other, { SS: ['z'] });
    assert.deepEqual(got.Item.doc, { M: { 'a b': { S: 'spaced' }, deep: { L: [{ S: 'one' }] } } });
    const scanned = await dax.scan({ TableName: T, FilterExpression: 'attribute_type(#nm, :s) AND contains(#s, :c)', ExpressionAttributeNames: { '#nm': 'name', '#s': 'set' }, ExpressionAttributeValues: { ':s': { S: 'S' }, ':c': { S: 'c' } } });
    assert.deepEqual(scanned.Items.map((i: Client) => i.pk.S), ['expr']);
  });

  test('DynamoDB errors arrive with their codes: conditional failure, missing table, validation', async () => {
    await dax.putItem({ TableName: T, Item: { pk: { S: 'err' } } });
    await assert.rejects(dax.putItem({ TableName: T, Item: { pk: { S: 'err' } }, ConditionExpression: 'attribute_not_exists(pk)' }), (e: Client) => e.code === 'ConditionalCheckFailedException');
    await assert.rejects(dax.getItem({ TableName: 'no-such-table', Key: { pk: { S: 'x' } } }), (e: Client) => e.code === 'ResourceNotFoundException');
    await assert.rejects(dax.updateItem({ TableName: T, Key: { pk: { S: 'err' } }, UpdateExpression: 'SET pk = :v', ExpressionAttributeValues: { ':v': { S: 'y' } } }), (e: Client) => e.code === 'ValidationException');
  });

  test('batch and transaction operations, including a cancelled transaction', async () => {
    await dax.batchWriteItem({ RequestItems: { [T]: [{ PutRequest: { Item: { pk: { S: 'b1' }, v: { N: '1' } } } }, { PutRequest: { Item: { pk: { S: 'b2' } } } }] } });
    const got = await dax.batchGetItem({ RequestItems: { [T]: { Keys: [{ pk: { S: 'b1' } }, { pk: { S: 'b2' } }, { pk: { S: 'b-missing' } }] } } });
    assert.deepEqual(got.Responses[T].map((i: Client) => i.pk.S).sort(), ['b1', 'b2']);
    await dax.transactWriteItems({
      TransactItems: [
        { Put: { TableName: T, Item: { pk: { S: 't1' }, v: { N: '1' } } } },
        { Update: { TableName: T, Key: { pk: { S: 'b1' } }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { N: '9' } } } },
        { ConditionCheck: { TableName: T, Key: { pk: { S: 'b2' } }, ConditionExpression: 'attribute_exists(pk)' } },
      ],
    });
    const tg = await dax.transactGetItems({ TransactItems: [{ Get: { TableName: T, Key: { pk: { S: 't1' } } } }, { Get: { TableName: T, Key: { pk: { S: 'b1' } } } }, { Get: { TableName: T, Key: { pk: { S: 'nope' } } } }] });
    assert.deepEqual(tg.Responses.map((r: Client) => r.Item?.v?.N), ['1', '9', undefined]);
    assert.equal((await dax.getItem({ TableName: T, Key: { pk: { S: 'b1' } } })).Item.v.N, '9', 'a transaction drops the cached copy');
    await assert.rejects(
      dax.transactWriteItems({ TransactItems: [{ Put: { TableName: T, Item: { pk: { S: 't1' } }, ConditionExpression: 'attribute_not_exists(pk)' } }, { Delete: { TableName: T, Key: { pk: { S: 'b2' } } } }] }),
      (e: Client) => e.code === 'TransactionCanceledException' && e.cancellationReasons?.[0]?.Code === 'ConditionalCheckFailed',
    );
  });

  test('a client with the wrong secret is refused: its signature fails and it finds no usable node', { timeout: 60_000 }, async () => {
    const refusedBefore = server.calls()['authFailed'] ?? 0;
    // As with a real cluster, the client reports the refusal as NoRouteException: even discovery needs a valid signature.
    const wrong = new Dax({ endpoints: [`dax://127.0.0.1:${server.port}`], region: 'us-east-1', credentials: { accessKeyId: 'ddbench', secretAccessKey: 'wrong' }, maxRetries: 0, maxRetryDelay: 1000 });
    try {
      await assert.rejects(wrong.getItem({ TableName: T, Key: { pk: { S: 'types' } } }), (e: Client) => e.code === 'NoRouteException');
    } finally {
      wrong.shutdown();
    }
    assert.ok((server.calls()['authFailed'] ?? 0) > refusedBefore, 'the server refused the signature');
    assert.ok((await dax.getItem({ TableName: T, Key: { pk: { S: 'types' } } })).Item !== undefined, 'the right secret still works');
  });
});
