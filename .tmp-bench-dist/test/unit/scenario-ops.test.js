import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accepted, base, hasProblem, problems, withOps } from './scenario-support.js';
test('every operation type is accepted in its minimal DynamoDB form and normalised', () => {
    const key = { pk: 'p#{player}', sk: 'profile' };
    const s = accepted(withOps({ name: 'get', weight: 1, type: 'GetItem', key, projection: '#n', names: { '#n': 'name' }, consistentRead: true }, { name: 'put', weight: 1, type: 'PutItem', item: { ...key, n: 1 }, condition: 'attribute_not_exists(pk)' }, { name: 'upd', weight: 1, type: 'UpdateItem', key, update: 'ADD hits :one', values: { ':one': 1 } }, { name: 'del', weight: 1, type: 'DeleteItem', key }, { name: 'q', weight: 1, type: 'Query', keyCondition: 'pk = :p AND begins_with(sk, :s)', values: { ':p': 'p#{player}', ':s': 'x' } }, { name: 'scan', weight: 1, type: 'Scan', index: 'by-game', filter: 'score > :min', values: { ':min': 5 }, limit: 10 }, { name: 'bget', weight: 1, type: 'BatchGetItem', key }, { name: 'bput', weight: 1, type: 'BatchWriteItem', item: key, count: 25 }, { name: 'bdel', weight: 1, type: 'BatchWriteItem', key }, {
        name: 'tw',
        weight: 1,
        type: 'TransactWriteItems',
        items: [
            { type: 'ConditionCheck', key, condition: 'attribute_exists(pk)' },
            { type: 'Update', key, update: 'SET stock = stock - :n', condition: 'stock >= :n', values: { ':n': 1 } },
            { type: 'Put', item: { pk: 'order#{uuid()}', sk: 'order' } },
            { type: 'Delete', key, table: 'ddbench-checks' },
        ],
    }, { name: 'tg', weight: 1, type: 'TransactGetItems', items: [{ type: 'Get', key }] }));
    assert.equal(s.operations.length, 11);
    assert.equal(s.operations.find((o) => o.name === 'bget')?.count, 1);
    assert.equal(s.operations.find((o) => o.name === 'bput')?.count, 25);
    assert.deepEqual(s.operations.find((o) => o.name === 'tw')?.items?.map((i) => i.table), ['ddbench-checks', 'ddbench-checks', 'ddbench-checks', 'ddbench-checks']);
});
test('fields an operation does not have in DynamoDB are errors', () => {
    const key = { pk: 'a', sk: 'b' };
    const list = problems(withOps({ name: 'g', weight: 1, type: 'GetItem', key, filter: 'x = :x', values: { ':x': 1 }, limit: 5 }, { name: 'p', weight: 1, type: 'PutItem', item: key, update: 'SET a = :a' }, { name: 's', weight: 1, type: 'Scan', keyCondition: 'pk = :p' }));
    for (const expected of [
        'operations[0].filter: GetItem does not take filter',
        'operations[0].values: GetItem does not take values',
        'operations[0].limit: GetItem does not take limit',
        'operations[1].update: PutItem does not take update',
        'operations[2].keyCondition: Scan does not take keyCondition',
    ]) {
        assert.ok(list.includes(expected), `${expected} not in:\n${list.join('\n')}`);
    }
    assert.equal(list.length, 5, list.join('\n'));
});
test('fields an operation needs are reported missing at their own path', () => {
    const list = problems(withOps({ name: 'u', weight: 1, type: 'UpdateItem', key: { pk: 'a', sk: 'b' } }, { name: 'q', weight: 1, type: 'Query' }, { name: 'p', weight: 1, type: 'PutItem' }, { name: 'd', weight: 1, type: 'DeleteItem' }, { name: 'bg', weight: 1, type: 'BatchGetItem' }, { name: 'tw', weight: 1, type: 'TransactWriteItems' }));
    assert.deepEqual(list, [
        'operations[0].update: missing, required by UpdateItem',
        'operations[1].keyCondition: missing, required by Query',
        'operations[2].item: missing, required by PutItem',
        'operations[3].key: missing, required by DeleteItem',
        'operations[4].key: missing, required by BatchGetItem',
        'operations[5].items: missing, required by TransactWriteItems',
    ]);
});
test('batch operations take item xor key and stay within DynamoDB batch sizes', () => {
    const key = { pk: 'a', sk: 'b' };
    hasProblem(withOps({ name: 'b', weight: 1, type: 'BatchWriteItem', item: key, key }), /^operations\[0\]: BatchWriteItem takes item \(puts\) or key \(deletes\), not both$/);
    hasProblem(withOps({ name: 'b', weight: 1, type: 'BatchWriteItem' }), /^operations\[0\]\.item: missing, BatchWriteItem needs item/);
    hasProblem(withOps({ name: 'b', weight: 1, type: 'BatchWriteItem', key, count: 26 }), /^operations\[0\]\.count: expected an integer from 1 to 25 \(BatchWriteItem limit\), got 26$/);
    hasProblem(withOps({ name: 'b', weight: 1, type: 'BatchGetItem', key, count: 101 }), /^operations\[0\]\.count: expected an integer from 1 to 100/);
});
test('transactions check their item types, count and each item like an operation', () => {
    const key = { pk: 'a', sk: 'b' };
    const list = problems(withOps({ name: 'tw', weight: 1, type: 'TransactWriteItems', items: [{ type: 'Get', key }, { type: 'ConditionCheck', key }] }, { name: 'tg', weight: 1, type: 'TransactGetItems', items: [{ type: 'Put', item: key }, { type: 'Get', key, table: 'other' }] }, { name: 'te', weight: 1, type: 'TransactWriteItems', items: [] }, { name: 'tb', weight: 1, type: 'TransactWriteItems', items: Array.from({ length: 101 }, () => ({ type: 'Delete', key })) }));
    assert.deepEqual(list, [
        'operations[0].items[0].type: TransactWriteItems takes items of type Put, Update, Delete or ConditionCheck, got Get',
        'operations[0].items[1].condition: missing, required by a ConditionCheck item',
        'operations[1].items[0].type: TransactGetItems takes items of type Get, got Put',
        'operations[1].items[1].table: ddbench creates and uses one table, "ddbench-checks"; got "other"',
        'operations[2].items: expected 1 to 100 items (TransactWriteItems limit), got 0',
        'operations[3].items: expected 1 to 100 items (TransactWriteItems limit), got 101',
    ]);
});
test("keys must name exactly the table's key attributes, items must hold them", () => {
    const list = problems({
        ...withOps({ name: 'g', weight: 1, type: 'GetItem', key: { pk: 'a', extra: 'x' } }, { name: 'p', weight: 1, type: 'PutItem', item: { sk: 'b', score: 'high' } }),
        seed: { items: 10, item: { pk: 'p#{player.seq}' } },
    });
    const expected = [
        'seed.item: missing key attribute "sk" of table ddbench-checks',
        'operations[0].key: missing key attribute "sk" of table ddbench-checks (key: pk, sk)',
        'operations[0].key.extra: "extra" is not a key attribute of table ddbench-checks (key: pk, sk)',
        'operations[1].item: missing key attribute "pk" of table ddbench-checks',
        'operations[1].item.score: key attribute "score" has type N but this template makes text ("high")',
    ];
    assert.deepEqual(list.sort(), expected.sort());
});
test('number-valued templates may go into N key attributes, text may not', () => {
    const doc = base();
    doc.table.partitionKey = { name: 'pk', type: 'N' };
    doc.table.sortKey = undefined;
    const ok = (pk) => accepted({ ...doc, operations: [{ name: 'g', weight: 1, type: 'GetItem', key: { pk } }] });
    for (const pk of [7, '{player}', '{int(0,9)}', '{timestampMs()}', '{choice(1,2,3)}', '1{int(0,9)}'])
        ok(pk);
    for (const pk of ['{uuid()}', 'p{player}', '{text(5)}', true]) {
        hasProblem({ ...doc, operations: [{ name: 'g', weight: 1, type: 'GetItem', key: { pk } }] }, /operations\[0\]\.key\.pk: key attribute "pk"/);
    }
});
test('queries and scans must name a declared index, and never read a GSI consistently', () => {
    hasProblem(withOps({ name: 'q', weight: 1, type: 'Query', index: 'nope', keyCondition: 'game = :g', values: { ':g': 'x' } }), /^operations\[0\]\.index: unknown index "nope" \(declared: by-game\)$/);
    hasProblem(withOps({ name: 's', weight: 1, type: 'Scan', index: 'by-game', consistentRead: true }), /^operations\[0\]\.consistentRead: global secondary indexes do not support consistent reads$/);
});
test('a key condition tests the partition key of what it queries and only key attributes', () => {
    const q = (keyCondition, extra = {}) => withOps({ name: 'q', weight: 1, type: 'Query', index: 'by-game', keyCondition, ...extra });
    accepted(q('#g = :g AND score > :s', { names: { '#g': 'game' }, values: { ':g': 'g#{game}', ':s': 1 } }));
    hasProblem(q('score > :s', { values: { ':s': 1 } }), /keyCondition: must test the partition key "game" of index by-game with =/);
    hasProblem(q('game = :g AND level = :l', { values: { ':g': 'x', ':l': 1 } }), /keyCondition: "level" is not a key attribute of index by-game \(keys: game, score\); use filter/);
});
test('expression placeholders must be defined, and defined ones must be used', () => {
    const key = { pk: 'a', sk: 'b' };
    const list = problems(withOps({
        name: 'u',
        weight: 1,
        type: 'UpdateItem',
        key,
        update: 'SET #s = :s, #t = :t',
        condition: 'attribute_exists(#missing)',
        names: { '#s': 'score', '#t': 'total', '#unused': 'x' },
        values: { ':s': 1, ':extra': 2 },
    }));
    assert.deepEqual(list, [
        'operations[0].update: ":t" is not defined in values',
        'operations[0].condition: "#missing" is not defined in names',
        'operations[0].names["#unused"]: "#unused" is not used by any expression (DynamoDB rejects unused names)',
        'operations[0].values[":extra"]: ":extra" is not used by any expression (DynamoDB rejects unused values)',
    ]);
    hasProblem(withOps({ name: 'u', weight: 1, type: 'UpdateItem', key, update: 'score = :s', values: { ':s': 1 } }), /update: expected an update expression starting with SET, REMOVE, ADD or DELETE/);
    hasProblem(withOps({ name: 'u', weight: 1, type: 'UpdateItem', key, update: 'SET a = :a', values: { s: 1 } }), /^operations\[0\]\.values\.s: expected a value placeholder like ":name", got "s"$/);
});
test('template placeholders must parse and reference declared key spaces', () => {
    const list = problems(withOps({ name: 'p', weight: 1, type: 'PutItem', item: { pk: '{team}', sk: 'x', n: '{int(9,1)}', deep: { list: ['{nope()}'] } } }));
    assert.deepEqual(list, [
        'operations[0].item.pk: unknown key space "team" in {team} (declared in keys: player, game)',
        'operations[0].item.n: {int(9,1)}: int(a, b) needs a <= b, got 9 > 1',
        'operations[0].item.deep.list[0]: {nope()}: unknown generator "nope" (known: int, float, text, bytes, uuid, timestamp, timestampMs, ttl, choice)',
    ]);
});
test('an item template that can outgrow 400 KB is an error, one just under is not', () => {
    const item = (n) => ({ pk: 'a', sk: 'b', blob: `{text(${n})}`, more: `{bytes(${n})}` });
    accepted(withOps({ name: 'p', weight: 1, type: 'PutItem', item: item(200_000) }));
    hasProblem(withOps({ name: 'p', weight: 1, type: 'PutItem', item: item(205_000) }), /^operations\[0\]\.item: this item can reach \d+ bytes, over DynamoDB's 409600-byte \(400 KB\) item limit$/);
    hasProblem({ ...base(), seed: { items: 1, item: { ...item(205_000) } } }, /^seed\.item: the seed item can reach/);
    // a drawn length counts at its maximum
    hasProblem(withOps({ name: 'p', weight: 1, type: 'PutItem', item: { pk: 'a', sk: 'b', blob: '{text(10,409600)}' } }), /^operations\[0\]\.item: this item can reach/);
});
//# sourceMappingURL=scenario-ops.test.js.map