// Scenario scripts through the real CLI on dynalite: flows whose steps use what earlier steps
// returned, load errors with the script's file:line (exit 2, nothing created), user-code throws
// counted without ending the run, load workers and shards loading the module, and a report
// rebuilt from summary.json alone.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli, readSummary, assertEndpointsGone, ROOT } from '../support/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'scripts');
const work = mkdtempSync(join(tmpdir(), 'ddbench-scripts-'));
after(() => rmSync(work, { recursive: true, force: true }));
const readSummaryPath = (res: { stdout: string }) => /results: (.+summary\.json)/.exec(res.stdout)![1]!;

test('a flow reads an item and writes back what it read; each step and the flow are their own operations', { timeout: 120_000 }, async () => {
  const res = await runCli(['run', join(FIXTURES, 'read-write.ts'), '--target', 'dynalite'], { cwd: work });
  assert.equal(res.code, 0, res.stderr);
  const summary = readSummary(res);
  const flow = summary.operations['flow:increment']!;
  const read = summary.operations['read']!;
  const write = summary.operations['write']!;
  assert.ok(flow.count > 0, 'flows ran');
  assert.equal(read.count, flow.count);
  assert.equal(write.count, flow.count);
  assert.equal(write.conditionalFailures, 0, 'every write used the value its flow had just read');
  assert.equal(flow.errors, 0, JSON.stringify(flow.errorNames));
  assert.equal(summary.total.count, read.count + write.count, 'the total counts steps once, not the flows again');
  assert.ok(flow.latencyUs.p50 >= read.latencyUs.p50, 'a flow lasts at least as long as its steps');
  const made = summary.flows!['flow:increment']!;
  assert.deepEqual(made.steps, { read: read.count, write: write.count }, 'the summary knows which steps the flow made');
  assert.equal(made.count, flow.count);
  assert.ok(made.thinkTimeUs >= 20_000 * flow.count, `20 ms of think time per flow (${made.thinkTimeUs} µs over ${flow.count})`);
  const page = readFileSync(join(dirname(readSummaryPath(res)), 'report.html'), 'utf8');
  const breakdown = page.slice(page.indexOf('<section id="flows"'), page.indexOf('</section>', page.indexOf('<section id="flows"')));
  assert.match(breakdown, /Flow increment: [\d,]+ iterations/);
  for (const part of ['>read<', '>write<', 'think time', 'rest (start wait, script code)']) assert.ok(breakdown.includes(part), `${part} in the flow breakdown`);
  await assertEndpointsGone(res);
});

test('a script with a syntax error, one that throws on import and one with an invalid model: exit 2 with the location, nothing created', { timeout: 60_000 }, async () => {
  const cases: [string, RegExp][] = [
    ['syntax-error.ts', /syntax-error\.ts:5: cannot load the script: /],
    ['throws-on-import.mjs', /throws-on-import\.mjs:3: the script threw while loading: cannot configure the scenario/],
    ['invalid-model.ts', /invalid-model\.ts: phases\[0\]\.rate: expected a positive number, got -5[\s\S]*invalid-model\.ts: gates\[0\]: gate `flow:nope\.p99 < 10ms`: unknown operation/],
  ];
  for (const [file, expected] of cases) {
    const res = await runCli(['run', join(FIXTURES, file), '--target', 'dynalite'], { cwd: work });
    assert.equal(res.code, 2, `${file}: ${res.stderr}`);
    assert.match(res.stderr, expected);
    assert.doesNotMatch(res.stderr, /started|created table|\n\s+at /, `${file}: nothing started, no stack trace`);
  }
  const none = await runCli(['validate', join(FIXTURES, 'syntax-error.ts')]);
  assert.equal(none.code, 2);
});

test('a flow that throws is counted as a flow error with the script line, and the run completes', { timeout: 120_000 }, async () => {
  const res = await runCli(['run', join(FIXTURES, 'flaky.ts'), '--target', 'dynalite'], { cwd: work });
  assert.equal(res.code, 0, res.stderr);
  const summary = readSummary(res);
  assert.equal(summary.complete, true);
  const flow = summary.operations['flow:sometimes']!;
  assert.equal(flow.count, 40, 'every planned flow start ran (20/s for 2 s)');
  const thrown = flow.errorNames['FlowError'] ?? 0;
  assert.ok(thrown > 0 && thrown < 40, `some flows threw (${thrown})`);
  assert.equal(summary.operations['put']!.count, 40);
  assert.equal(summary.operations['get']!.count, 40 - thrown, 'a throw ends its iteration');
  assert.match(res.stderr, /flow error: flow:sometimes: user code failed \(.*flaky\.ts:15:\d+\)/);
  await assertEndpointsGone(res);
});

test('--workers 2 loads the script in each worker and records every flow and step once', { timeout: 120_000 }, async () => {
  const res = await runCli(['run', join(FIXTURES, 'flaky.ts'), '--target', 'dynalite', '--workers', '2', '--rate', '30'], { cwd: work });
  assert.equal(res.code, 0, res.stderr);
  const summary = readSummary(res);
  assert.equal(summary.loadWorkers, 2);
  assert.equal(summary.operations['flow:sometimes']!.count, 60);
  assert.equal(summary.operations['put']!.count, 60);
  const thrown = summary.operations['flow:sometimes']!.errorNames['FlowError'] ?? 0;
  assert.equal(summary.operations['get']!.count, 60 - thrown);
});

test('a shard of a scripted run draws its share of the flows, and its report is rebuilt from summary.json alone', { timeout: 120_000 }, async () => {
  const out = join(work, 'shard1');
  const res = await runCli(['run', join(FIXTURES, 'flaky.ts'), '--target', 'dynalite', '--shard', '1/2', '--out', out], { cwd: work });
  assert.equal(res.code, 0, res.stderr);
  const summary = readSummary(res);
  assert.deepEqual(summary.shard, { index: 1, count: 2 });
  assert.equal(summary.operations['flow:sometimes']!.count, 20, "half of 20 flows/s for 2 s");
  const again = join(work, 'again.html');
  const report = await runCli(['report', join(out, 'summary.json'), '--out', again]);
  assert.equal(report.code, 0, report.stderr);
  const html = readFileSync(again, 'utf8');
  assert.match(html, /flow:sometimes/);
  assert.ok(existsSync(join(out, 'latency.hlog')));
  assert.match(readFileSync(join(out, 'latency.hlog'), 'utf8'), /Tag=flow:sometimes:ok/);
});

test('ddbench init NAME --script writes a starter that runs as is, and never overwrites a file', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(work, 'init-'));
  const wrote = await runCli(['init', 'starter', '--script'], { cwd: dir });
  assert.equal(wrote.code, 0, wrote.stderr);
  const res = await runCli(['run', 'starter.ts', '--target', 'dynalite', '--duration', '2s', '--no-warmup', '--seed-items', '200'], { cwd: dir });
  assert.ok(res.code === 0 || res.code === 1, res.stderr);
  const summary = readSummary(res);
  assert.ok(summary.operations['flow:visit']!.count > 0);
  assert.equal(summary.operations['flow:visit']!.errors, 0);
  assert.equal(summary.operations['read-profile']!.count, summary.operations['flow:visit']!.count);
  const again = await runCli(['init', 'starter', '--script'], { cwd: dir });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /starter\.ts exists; not overwritten/);
});

test('a script that declares transactions in uses: is refused on dynalite before anything is created; an undeclared one is a flow error naming the target', { timeout: 120_000 }, async () => {
  const refused = await runCli(['run', join(ROOT, 'scenarios', 'retail-session.ts'), '--target', 'dynalite'], { cwd: work });
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /retail-session\.ts uses TransactWriteItems \(declared in uses:\), which dynalite does not support; use --target dynamodb-local/);
  assert.doesNotMatch(refused.stderr, /created table|seeding|\n\s+at /);

  const res = await runCli(['run', join(FIXTURES, 'undeclared-transaction.ts'), '--target', 'dynalite'], { cwd: work });
  assert.equal(res.code, 0, res.stderr);
  const summary = readSummary(res);
  const flow = summary.operations['flow:pay']!;
  assert.equal(flow.count, 10);
  assert.equal(flow.errorNames['FlowError'], 10, 'every iteration stopped at the transaction');
  assert.equal(summary.operations['note']!.count, 10, 'the steps before it ran');
  assert.equal(summary.operations['pay'], undefined, 'the refused call never reached the target');
  assert.match(res.stderr, /flow error: flow:pay: ctx\.transactWrite\('pay'\): dynalite does not support TransactWriteItems; declare uses: \['TransactWriteItems'\] to have the run refused before load.*undeclared-transaction\.ts:12/);
});

test('abort rules name a declared flow or a step; an undeclared flow is refused before anything is created', { timeout: 120_000 }, async () => {
  const unknown = await runCli(['run', join(FIXTURES, 'read-write.ts'), '--target', 'dynalite', '--abort', 'flow:nope.p99 > 1s for 1s'], { cwd: work });
  assert.equal(unknown.code, 2, unknown.stderr);
  assert.match(unknown.stderr, /--abort: .*flow:nope/);
  assert.doesNotMatch(unknown.stderr, /created table/);
  // every flow thinks for 20 ms: its p99 is over 10 ms from the first interval on
  const res = await runCli(['run', join(FIXTURES, 'read-write.ts'), '--target', 'dynalite', '--duration', '20s', '--abort', 'flow:increment.p99 > 10ms for 1s', '--abort', 'write.errors > 50% for 1s'], { cwd: work });
  const summary = readSummary(res);
  assert.equal(summary.complete, false, res.stderr);
  assert.match(summary.stopReason ?? '', /aborted: flow:increment\.p99 [\d.]+ms > 10ms for 1s/);
});
