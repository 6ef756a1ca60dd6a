import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OperationSpec } from '../../src/types.js';
import type { AttributeMap } from '../../src/workload/attributes.js';
import { compileWorkload, createWorkload } from '../../src/workload/index.js';
import { fixedNow, gamingScenario, keySpace, scenarioWith } from './workload-fixture.js';
import { shardOf } from '../../src/workload/index.js';

const playerNumber = (key: unknown): number => Number(/^player#(\d+)$/.exec((key as AttributeMap).pk!.S!)![1]);

test('the gaming example builds valid-shaped GetItem, UpdateItem and Query requests', () => {
  const w = createWorkload(gamingScenario(), { now: fixedNow });
  assert.deepEqual(w.operationNames, ['get-profile', 'submit-score', 'top-10']);

  const get = w.build('get-profile');
  assert.equal(get.type, 'GetItem');
  assert.deepEqual(Object.keys(get.input).sort(), ['Key', 'ReturnConsumedCapacity', 'TableName']);
  assert.equal(get.input.TableName, 'ddbench-gaming');
  assert.equal((get.input.Key as AttributeMap).sk!.S, 'profile');
  assert.ok(playerNumber(get.input.Key) < 100000);

  const update = w.build('submit-score');
  assert.equal(update.input.UpdateExpression, 'SET score = :s');
  assert.match((update.input.ExpressionAttributeValues as AttributeMap)[':s']!.N!, /^\d+$/);
  assert.equal(update.input.ReturnConsumedCapacity, 'TOTAL');

  const query = w.build('top-10');
  assert.deepEqual(
    { ...query.input, ExpressionAttributeValues: undefined },
    {
      TableName: 'ddbench-gaming',
      IndexName: 'leaderboard',
      KeyConditionExpression: 'game = :g',
      Limit: 10,
      ScanIndexForward: false,
      ExpressionAttributeValues: undefined,
      ReturnConsumedCapacity: 'TOTAL',
    },
  );
  assert.match((query.input.ExpressionAttributeValues as AttributeMap)[':g']!.S!, /^game#\d+$/);
});

test('next() picks operations by weight and sets ReturnConsumedCapacity on every request', () => {
  const w = createWorkload(gamingScenario(), { now: fixedNow });
  const counts: Record<string, number> = {};
  for (let i = 0; i < 10_000; i++) {
    const r = w.next();
    assert.equal(r.input.ReturnConsumedCapacity, 'TOTAL');
    counts[r.op] = (counts[r.op] ?? 0) + 1;
  }
  assert.ok(Math.abs(counts['get-profile']! / 10_000 - 0.6) < 0.02);
  assert.ok(Math.abs(counts['submit-score']! / 10_000 - 0.3) < 0.02);
  assert.ok(Math.abs(counts['top-10']! / 10_000 - 0.1) < 0.02);
});

test('the same seed gives the identical sequence of requests; another seed does not', () => {
  const run = (seed: number) => {
    const w = createWorkload(gamingScenario(), { seed, now: fixedNow });
    return Array.from({ length: 500 }, () => w.next());
  };
  assert.deepEqual(run(1), run(1));
  assert.notDeepEqual(run(1), run(2));
});

test('seedItems() loads every player of the seed once, typed for the table and index', () => {
  const w = createWorkload(gamingScenario(), { now: fixedNow });
  const players = new Set<number>();
  for (const item of w.seedItems()) {
    players.add(playerNumber(item));
    assert.match(item.score!.N!, /^\d+$/);
    assert.equal(item.bio!.S!.length, 200);
  }
  assert.equal(players.size, 20000);
  assert.equal(Math.max(...players), 19999);
});

test('an expression value compared with or assigned to a key attribute takes its declared type', () => {
  const op: OperationSpec = { name: 'q', weight: 1, type: 'Query', index: 'leaderboard', keyCondition: '#g = :g AND score BETWEEN :lo AND :hi', names: { '#g': 'game' }, values: { ':g': '{game}', ':lo': 5, ':hi': '{int(6,9)}' } };
  const values = createWorkload(scenarioWith([op])).build('q').input.ExpressionAttributeValues as AttributeMap;
  assert.match(values[':g']!.S!, /^\d+$/);
  assert.deepEqual(values[':lo'], { N: '5' });
  assert.match(values[':hi']!.N!, /^[6-9]$/);
  const move: OperationSpec = { name: 'move', weight: 1, type: 'UpdateItem', key: { pk: 'p', sk: 'q' }, update: 'SET game = :g, note = :n', values: { ':g': '{game}', ':n': '{game}' } };
  const moved = createWorkload(scenarioWith([move])).build('move').input.ExpressionAttributeValues as AttributeMap;
  assert.ok(moved[':g']!.S !== undefined, 'game is an index key of type S');
  assert.ok(moved[':n']!.N !== undefined, 'note is no key attribute: inferred');
});

test('batch requests never repeat a key, and stop short when the key space is too small', () => {
  const ops: OperationSpec[] = [
    { name: 'bget', weight: 1, type: 'BatchGetItem', count: 100, key: { pk: 'player#{player}', sk: 'profile' }, projection: 'pk' },
    { name: 'games', weight: 1, type: 'BatchGetItem', count: 50, key: { pk: 'g#{game}', sk: 'x' } },
    { name: 'bput', weight: 1, type: 'BatchWriteItem', count: 25, item: { pk: 'player#{player}', sk: 'profile', v: '{int(1,9)}' } },
    { name: 'bdel', weight: 1, type: 'BatchWriteItem', count: 25, key: { pk: 'player#{player}', sk: 'profile' } },
  ];
  const w = createWorkload(scenarioWith(ops));
  for (let i = 0; i < 20; i++) {
    const get = w.build('bget').input.RequestItems as Record<string, { Keys: AttributeMap[]; ProjectionExpression: string }>;
    const keys = get['ddbench-gaming']!.Keys;
    assert.equal(keys.length, 100);
    assert.equal(new Set(keys.map((k) => k.pk!.S)).size, 100);
    assert.equal(get['ddbench-gaming']!.ProjectionExpression, 'pk');

    const games = (w.build('games').input.RequestItems as Record<string, { Keys: AttributeMap[] }>)['ddbench-gaming']!.Keys;
    assert.ok(games.length <= 20 && new Set(games.map((k) => k.pk!.S)).size === games.length);

    const puts = (w.build('bput').input.RequestItems as Record<string, { PutRequest: { Item: AttributeMap } }[]>)['ddbench-gaming']!;
    assert.equal(new Set(puts.map((p) => p.PutRequest.Item.pk!.S)).size, 25);
    const dels = (w.build('bdel').input.RequestItems as Record<string, { DeleteRequest: { Key: AttributeMap } }[]>)['ddbench-gaming']!;
    assert.equal(new Set(dels.map((d) => d.DeleteRequest.Key.pk!.S)).size, 25);
  }
});

test('the items of one transaction share key draws; each transaction draws anew', () => {
  const op: OperationSpec = {
    name: 'join',
    weight: 1,
    type: 'TransactWriteItems',
    items: [
      { type: 'ConditionCheck', key: { pk: 'player#{player}', sk: 'profile' }, condition: 'attribute_exists(pk)' },
      { type: 'Update', key: { pk: 'game#{game}', sk: 'lobby' }, update: 'SET lastPlayer = :p', values: { ':p': 'player#{player}' } },
      { type: 'Put', item: { pk: 'player#{player}', sk: 'match#{uuid()}', game: 'game#{game}' }, condition: 'attribute_not_exists(pk)' },
      { type: 'Delete', key: { pk: 'player#{player}', sk: 'queue' } },
    ],
  };
  const read: OperationSpec = { name: 'read', weight: 1, type: 'TransactGetItems', items: [{ type: 'Get', key: { pk: 'player#{player}', sk: 'profile' }, projection: 'score' }, { type: 'Get', key: { pk: 'player#{player}', sk: 'queue' } }] };
  const w = createWorkload(scenarioWith([op, read]));
  const pks = new Set<string>();
  for (let i = 0; i < 5; i++) {
    const items = w.build('join').input.TransactItems as Record<string, { TableName: string; Key?: AttributeMap; Item?: AttributeMap }>[];
    assert.deepEqual(items.map((it) => Object.keys(it)[0]), ['ConditionCheck', 'Update', 'Put', 'Delete']);
    const player = items[0]!.ConditionCheck!.Key!.pk!.S!;
    assert.equal(items[2]!.Put!.Item!.pk!.S, player);
    assert.equal(items[3]!.Delete!.Key!.pk!.S, player);
    assert.equal(items[1]!.Update!.Key!.pk!.S, items[2]!.Put!.Item!.game!.S);
    assert.equal(items[2]!.Put!.TableName, 'ddbench-gaming');
    pks.add(player);
  }
  assert.ok(pks.size > 1, 'each transaction draws its own player');
  const gets = w.build('read').input.TransactItems as { Get: { Key: AttributeMap; ProjectionExpression?: string } }[];
  assert.equal(gets[0]!.Get.Key.pk!.S, gets[1]!.Get.Key.pk!.S);
  assert.equal(gets[0]!.Get.ProjectionExpression, 'score');
});

test('PutItem, DeleteItem and Scan carry their expressions and names', () => {
  const ops: OperationSpec[] = [
    { name: 'put', weight: 1, type: 'PutItem', item: { pk: 'player#{player}', sk: 'profile' }, condition: 'attribute_not_exists(#p)', names: { '#p': 'pk' } },
    { name: 'del', weight: 1, type: 'DeleteItem', key: { pk: 'player#{player}', sk: 'profile' }, condition: 'score > :s', values: { ':s': 10 } },
    { name: 'scan', weight: 1, type: 'Scan', filter: 'score > :s', values: { ':s': 10 }, projection: 'pk', limit: 50, index: 'leaderboard' },
  ];
  const w = createWorkload(scenarioWith(ops));
  const put = w.build('put').input;
  assert.equal(put.ConditionExpression, 'attribute_not_exists(#p)');
  assert.deepEqual(put.ExpressionAttributeNames, { '#p': 'pk' });
  assert.deepEqual((put.Item as AttributeMap).sk, { S: 'profile' });
  assert.deepEqual(w.build('del').input.ExpressionAttributeValues, { ':s': { N: '10' } });
  const scan = w.build('scan').input;
  assert.deepEqual(
    [scan.FilterExpression, scan.ProjectionExpression, scan.Limit, scan.IndexName],
    ['score > :s', 'pk', 50, 'leaderboard'],
  );
});

test('compile problems come back together with paths; createWorkload throws them', () => {
  const ops: OperationSpec[] = [
    { name: 'a', weight: 1, type: 'GetItem', key: { pk: 'x' }, filter: 'y = :y' },
    { name: 'b', weight: 1, type: 'UpdateItem', key: { pk: 'x', sk: 'y' } },
    { name: 'c', weight: 1, type: 'TransactWriteItems', items: [{ type: 'Get', key: { pk: 'x', sk: 'y' } }] },
  ];
  const result = compileWorkload(scenarioWith(ops));
  assert.equal(result.ok, false);
  const paths = result.ok ? [] : result.problems.map((p) => p.path);
  assert.deepEqual(paths, ['operations[0].filter', 'operations[0].key', 'operations[1].update', 'operations[2].items[0].type']);
  assert.throws(() => createWorkload(scenarioWith(ops)), /operations\[1\]\.update: required here/);
});

test('shard i of n draws and seeds only the keys k with k % n === i', () => {
  const scenario = gamingScenario();
  scenario.keys.player = keySpace(100000, 'scrambled-zipfian');
  const w = createWorkload(scenario, { shard: shardOf(1, 4), now: fixedNow });
  for (let i = 0; i < 500; i++) assert.equal(playerNumber(w.build('get-profile').input.Key) % 4, 1);
  const seeded = [...w.seedItems()].map(playerNumber);
  assert.equal(seeded.length, 5000);
  assert.ok(seeded.every((k) => k % 4 === 1 && k < 20000));
  assert.throws(() => w.build('nope'), RangeError);
});
