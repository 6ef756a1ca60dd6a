import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseCredentials, LOCAL_CREDENTIALS } from '../../src/drivers/client.js';
import { consumedCapacity, unprocessedCount } from '../../src/drivers/response.js';
describe('consumedCapacity', () => {
    test('single-table reads count as read units, writes as write units', () => {
        assert.deepEqual(consumedCapacity('GetItem', { ConsumedCapacity: { TableName: 't', CapacityUnits: 0.5 } }), { rcu: 0.5, wcu: 0 });
        assert.deepEqual(consumedCapacity('Query', { ConsumedCapacity: { CapacityUnits: 3 } }), { rcu: 3, wcu: 0 });
        assert.deepEqual(consumedCapacity('UpdateItem', { ConsumedCapacity: { CapacityUnits: 2 } }), { rcu: 0, wcu: 2 });
        assert.deepEqual(consumedCapacity('PutItem', { ConsumedCapacity: { CapacityUnits: 1 } }), { rcu: 0, wcu: 1 });
    });
    test('batch and transaction calls sum the per-table array', () => {
        const cc = [{ TableName: 'a', CapacityUnits: 2 }, { TableName: 'b', CapacityUnits: 4 }];
        assert.deepEqual(consumedCapacity('TransactWriteItems', { ConsumedCapacity: cc }), { rcu: 0, wcu: 6 });
        assert.deepEqual(consumedCapacity('BatchGetItem', { ConsumedCapacity: cc }), { rcu: 6, wcu: 0 });
        assert.deepEqual(consumedCapacity('TransactGetItems', { ConsumedCapacity: cc }), { rcu: 6, wcu: 0 });
    });
    test('falls back to read plus write units, and to 0 when nothing is reported', () => {
        assert.deepEqual(consumedCapacity('Scan', { ConsumedCapacity: { ReadCapacityUnits: 1.5, WriteCapacityUnits: 0 } }), { rcu: 1.5, wcu: 0 });
        assert.deepEqual(consumedCapacity('DeleteItem', {}), { rcu: 0, wcu: 0 });
    });
});
describe('unprocessedCount', () => {
    test('counts UnprocessedItems across tables for BatchWriteItem', () => {
        const out = { UnprocessedItems: { a: [{ PutRequest: {} }, { PutRequest: {} }], b: [{ DeleteRequest: {} }] } };
        assert.equal(unprocessedCount('BatchWriteItem', out), 3);
        assert.equal(unprocessedCount('BatchWriteItem', { UnprocessedItems: {} }), 0);
    });
    test('counts UnprocessedKeys for BatchGetItem and is undefined for other calls', () => {
        assert.equal(unprocessedCount('BatchGetItem', { UnprocessedKeys: { a: { Keys: [{}, {}] } } }), 2);
        assert.equal(unprocessedCount('GetItem', {}), undefined);
    });
});
describe('chooseCredentials', () => {
    const given = { accessKeyId: 'AKIA', secretAccessKey: 's' };
    test('given credentials always win', () => {
        assert.equal(chooseCredentials('http://127.0.0.1:8000', given, {}), given);
    });
    test('a loopback endpoint with none in the environment gets fixed fake ones', () => {
        assert.equal(chooseCredentials('http://127.0.0.1:8000', undefined, {}), LOCAL_CREDENTIALS);
        assert.equal(chooseCredentials('http://localhost:8000', undefined, {}), LOCAL_CREDENTIALS);
    });
    test('environment credentials or a remote endpoint use the default chain', () => {
        assert.equal(chooseCredentials('http://127.0.0.1:8000', undefined, { AWS_PROFILE: 'dev' }), undefined);
        assert.equal(chooseCredentials('https://dynamodb.us-east-1.amazonaws.com', undefined, {}), undefined);
    });
});
//# sourceMappingURL=driver-response.test.js.map