// Pure parts of the table module: CreateTable input, existing-table fit, target capabilities.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { unsupportedOperations } from '../../src/table/capabilities.js';
import { createTableInput, schemaMismatches } from '../../src/table/schema.js';
const spec = {
    name: 'ddbench-gaming',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
        { name: 'leaderboard', partitionKey: { name: 'game', type: 'S' }, sortKey: { name: 'score', type: 'N' }, projection: 'ALL' },
        { name: 'by-sk', partitionKey: { name: 'sk', type: 'S' }, projection: { include: ['bio'] } },
    ],
    billingMode: 'PAY_PER_REQUEST',
};
describe('createTableInput', () => {
    test('declares each key attribute once across the table and its indexes', () => {
        const input = createTableInput(spec);
        assert.deepEqual(input.AttributeDefinitions, [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
            { AttributeName: 'game', AttributeType: 'S' },
            { AttributeName: 'score', AttributeType: 'N' },
        ]);
        assert.deepEqual(input.KeySchema, [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
        ]);
        assert.deepEqual(input.GlobalSecondaryIndexes?.[1]?.Projection, { ProjectionType: 'INCLUDE', NonKeyAttributes: ['bio'] });
        assert.equal(input.BillingMode, 'PAY_PER_REQUEST');
        assert.equal(input.ProvisionedThroughput, undefined);
        assert.equal(input.Tags, undefined);
    });
    test('provisioned tables give their GSIs the same throughput, and the run tag is attached', () => {
        const input = createTableInput({ ...spec, billingMode: 'PROVISIONED', readCapacityUnits: 50, writeCapacityUnits: 10 }, { 'ddbench:run': 'r1' });
        assert.deepEqual(input.ProvisionedThroughput, { ReadCapacityUnits: 50, WriteCapacityUnits: 10 });
        assert.deepEqual(input.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput, { ReadCapacityUnits: 50, WriteCapacityUnits: 10 });
        assert.deepEqual(input.Tags, [{ Key: 'ddbench:run', Value: 'r1' }]);
    });
    test('one attribute declared with two types is a UsageError naming where', () => {
        const bad = { ...spec, indexes: [{ name: 'x', partitionKey: { name: 'sk', type: 'N' }, projection: 'ALL' }] };
        assert.throws(() => createTableInput(bad), (err) => err instanceof UsageError && /table\.indexes\[0\]\.partitionKey: attribute "sk"/.test(err.message));
    });
});
describe('schemaMismatches', () => {
    const described = {
        AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
            { AttributeName: 'game', AttributeType: 'S' },
            { AttributeName: 'score', AttributeType: 'N' },
        ],
        KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [{ IndexName: 'leaderboard', KeySchema: [{ AttributeName: 'game', KeyType: 'HASH' }, { AttributeName: 'score', KeyType: 'RANGE' }] }],
    };
    test('a table with the same keys and indexes fits', () => {
        assert.deepEqual(schemaMismatches({ ...spec, indexes: spec.indexes.slice(0, 1) }, described), []);
    });
    test('other key types and missing indexes are each reported', () => {
        const problems = schemaMismatches({ ...spec, partitionKey: { name: 'pk', type: 'N' } }, described);
        assert.equal(problems.length, 2);
        assert.match(problems[0], /key schema is pk:S \(HASH\), sk:S \(RANGE\), the scenario expects pk:N \(HASH\), sk:S \(RANGE\)/);
        assert.match(problems[1], /index "by-sk" is missing/);
    });
});
describe('unsupportedOperations', () => {
    const ops = (...list) => list.map(([name, type]) => ({ name, type, weight: 1 }));
    const dynalite = { kind: 'dynalite', endpoint: 'http://127.0.0.1:1', region: 'us-east-1', loopback: true, supportsTransactions: false };
    const local = { ...dynalite, kind: 'dynamodb-local', supportsTransactions: true };
    test('transactions on dynalite are named with the operations that use them and the way out', () => {
        const scenario = { name: 'retail', operations: ops(['browse', 'GetItem'], ['checkout', 'TransactWriteItems'], ['confirm', 'TransactGetItems'], ['restock', 'TransactWriteItems']) };
        assert.deepEqual(unsupportedOperations(scenario, dynalite, { file: 'scenarios/retail.yaml' }), [
            'retail.yaml uses TransactWriteItems (operations checkout, restock), which dynalite does not support; use --target dynamodb-local (needs Java)',
            'retail.yaml uses TransactGetItems (operation confirm), which dynalite does not support; use --target dynamodb-local (needs Java)',
        ]);
    });
    test('a target with transactions, or a scenario without them, has nothing unsupported', () => {
        assert.deepEqual(unsupportedOperations({ name: 'retail', operations: ops(['checkout', 'TransactWriteItems']) }, local), []);
        assert.deepEqual(unsupportedOperations({ name: 'gaming', operations: ops(['get', 'GetItem'], ['top', 'Query']) }, dynalite), []);
    });
});
//# sourceMappingURL=table-schema.test.js.map