// The cost estimate shown before a remote run: capacity units from item sizes and operation
// types (reads 4 KB units, halved when eventually consistent; writes 1 KB units; transactions
// double; every index adds a write), at on-demand prices, with what it leaves out said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateCost, formatCostEstimate } from '../../src/engine/estimate.js';
import type { OperationSpec, Scenario } from '../../src/types.js';

function scenario(operations: OperationSpec[], extra: Partial<Scenario> = {}): Scenario {
  return {
    name: 'est',
    table: { name: 'ddbench-est', partitionKey: { name: 'pk', type: 'S' }, indexes: [], billingMode: 'PAY_PER_REQUEST' },
    keys: {},
    operations,
    phases: [{ name: 'steady', durationMs: 10_000, rateOpsPerSec: 100, warmup: false }],
    mode: 'open',
    concurrency: 8,
    gates: [],
    retries: { maxAttempts: 3, mode: 'standard' },
    randomSeed: 1,
    requestTimeoutMs: 5000,
    ...extra,
  };
}

test('reads and writes of small items: half a read unit per eventually consistent read, one write unit per write', () => {
  const e = estimateCost(scenario([
    { name: 'get', weight: 3, type: 'GetItem', key: { pk: 'a' } },
    { name: 'put', weight: 1, type: 'PutItem', item: { pk: 'a', v: 1 } },
  ]));
  assert.equal(e.loadRequests, 1000);
  assert.equal(e.readUnits, 375);
  assert.equal(e.writeUnits, 250);
  assert.equal(e.usd, (375 * 0.125 + 250 * 0.625) / 1e6);
});

test('big items, consistent reads, indexes, seeds and transactions cost what DynamoDB charges for them', () => {
  const item = { pk: 'a', blob: '{text(10000)}' };
  const e = estimateCost(
    scenario(
      [
        { name: 'get', weight: 1, type: 'GetItem', key: { pk: 'a' }, consistentRead: true },
        { name: 'tx', weight: 1, type: 'TransactWriteItems', items: [{ type: 'Put', item }, { type: 'ConditionCheck', key: { pk: 'b' }, condition: 'attribute_exists(pk)' }] },
      ],
      { seed: { items: 100, item }, table: { name: 'ddbench-est', partitionKey: { name: 'pk', type: 'S' }, indexes: [{ name: 'ix', partitionKey: { name: 'blob', type: 'S' }, projection: 'ALL' }], billingMode: 'PAY_PER_REQUEST' } },
    ),
  );
  // a 10 KB item: 3 read units consistent; 10 write units, twice with the index
  assert.equal(e.readUnits, 500 * 3);
  assert.equal(e.writeUnits, 100 * 10 * 2 + 500 * (2 * 10 * 2 + 2 * 10));
});

test('what the estimate cannot know is said: unbounded Scans, closed loops, provisioned billing', () => {
  const scan = estimateCost(scenario([{ name: 'scan', weight: 1, type: 'Scan' }]));
  assert.match(scan.caveats.join('; '), /scan: Scan without a limit counted as one 1 MB page/);
  const closed = estimateCost(scenario([{ name: 'get', weight: 1, type: 'GetItem', key: { pk: 'a' } }], { mode: 'closed' }));
  assert.equal(closed.loadRequests, null);
  assert.match(closed.caveats.join('; '), /closed loop/);
  const text = formatCostEstimate(estimateCost(scenario([{ name: 'get', weight: 1, type: 'GetItem', key: { pk: 'a' } }], { table: { name: 'ddbench-est', partitionKey: { name: 'pk', type: 'S' }, indexes: [], billingMode: 'PROVISIONED', readCapacityUnits: 5, writeCapacityUnits: 5 } })));
  assert.match(text, /^estimated cost under \$0\.01 \(500 read units, 0 write units at \$0\.125\/\$0\.625 per million; a rough estimate from item sizes: the table is PROVISIONED/);
});
