// The built-in scenarios, run end to end through the real CLI against both real local
// endpoints: table created, seeded, loaded, summarised, deleted, endpoint stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, readSummary, assertEndpointsGone, startedPids, ROOT } from '../support/cli.js';
import type { Summary } from '../../src/summary/model.js';

// short runs: the point is the whole path, not the numbers
const SHORT = ['--duration', '4s', '--rate', '100', '--no-warmup', '--no-calibrate'];

function checkSummary(summary: Summary, expectOps: string[]): void {
  assert.equal(summary.complete, true);
  for (const op of expectOps) {
    const s = summary.operations[op];
    assert.ok(s, `operation ${op} in summary`);
    assert.ok(s.count > 0, `${op} ran`);
    assert.equal(s.errors, 0, `${op} errors: ${JSON.stringify(s.errorNames)}`);
    assert.ok(s.latencyUs.p50 > 0 && s.latencyUs.p50 <= s.latencyUs.p99 && s.latencyUs.p99 <= s.latencyUs.max);
    assert.ok(s.serviceTimeUs.p50 > 0);
  }
  assert.ok(summary.intervals.length >= 3, 'one interval per second');
  assert.equal(summary.gates.length > 0, true);
  assert.equal(summary.pass, summary.gates.every((g) => g.pass));
}

for (const target of ['dynalite', 'dynamodb-local'] as const) {
  test(`gaming runs end to end on ${target} and leaves no process behind`, { timeout: 180_000 }, async () => {
    const res = await runCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', target, '--seed-items', '2000', ...SHORT]);
    assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
    const summary = readSummary(res);
    assert.equal(res.code, summary.pass ? 0 : 1, 'exit code follows the gates');
    assert.equal(summary.target.kind, target);
    checkSummary(summary, ['get-profile', 'submit-score', 'top-10', 'record-session']);
    assert.ok(summary.operations['get-profile']!.consumedRcu > 0, 'consumed read capacity recorded');
    assert.ok(summary.operations['submit-score']!.consumedWcu > 0, 'consumed write capacity recorded');
    assert.match(res.stdout, /get-profile/);
    await assertEndpointsGone(res);
  });
}

test('retail checkout runs on DynamoDB Local with conditional outcomes counted apart from errors', { timeout: 180_000 }, async () => {
  const res = await runCli(['run', join(ROOT, 'scenarios/retail.yaml'), '--target', 'dynamodb-local', ...SHORT]);
  assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
  const summary = readSummary(res);
  checkSummary(summary, ['view-item', 'add-to-cart', 'view-cart', 'checkout']);
  const checkout = summary.operations.checkout!;
  assert.equal((checkout.outcomes.ok ?? 0) + checkout.transactionCancellations, checkout.count);
});

test('streaming runs on DynamoDB Local with 5-50 KB items', { timeout: 180_000 }, async () => {
  const res = await runCli(['run', join(ROOT, 'scenarios/streaming.yaml'), '--target', 'dynamodb-local', ...SHORT]);
  assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
  const summary = readSummary(res);
  checkSummary(summary, ['get-title', 'heartbeat', 'continue-watching']);
  // a 5-50 KB item read strongly consistent costs 2-13 RCU: the average must be well above 1
  const t = summary.operations['get-title']!;
  assert.ok(t.consumedRcu / t.count > 1.5, `average RCU per get-title ${t.consumedRcu / t.count}`);
});

test('a scenario using transactions is refused on dynalite before anything is created', { timeout: 60_000 }, async () => {
  const res = await runCli(['run', join(ROOT, 'scenarios/retail.yaml'), '--target', 'dynalite', ...SHORT]);
  assert.equal(res.code, 2, res.stderr);
  assert.match(res.stderr, /TransactWriteItems/);
  assert.match(res.stderr, /checkout/);
  assert.ok(startedPids(res).length > 0);
  await assertEndpointsGone(res);
});
