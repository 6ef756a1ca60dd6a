// DAX against DynamoDB for the same workload: `run --target dax-local --compare-target local`
// runs DynamoDB first, then DAX, with one random seed, and writes both summaries and
// compare.html with the "DAX against DynamoDB" section; the recipe without it (two runs and
// `ddbench compare`) gives the same section and capacity line.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../src/summary/model.js';
import { ROOT, runCli, readSummaryJson } from '../support/cli.js';

const SCENARIO = join(ROOT, 'scenarios', 'streaming.yaml');
const SHORT = ['--duration', '3s', '--no-warmup', '--seed-items', '200', '--rate', '100', '--no-calibrate'];

const read = readSummaryJson;

describe('DAX against DynamoDB', { timeout: 400_000 }, () => {
  let out: string;
  before(() => {
    out = mkdtempSync(join(tmpdir(), 'ddbench-dax-compare-'));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  test('--compare-target runs DynamoDB then DAX with one seed and writes both summaries and the comparison', { timeout: 200_000 }, async () => {
    const dir = join(out, 'together');
    const res = await runCli(['run', SCENARIO, '--target', 'dax-local', '--compare-target', 'local', ...SHORT, '--out', dir], { timeoutMs: 180_000 });
    assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
    const direct = read(join(dir, 'local', 'summary.json'));
    const dax = read(join(dir, 'dax-local', 'summary.json'));
    assert.notEqual(direct.target.kind, 'dax');
    assert.equal(dax.target.kind, 'dax');
    assert.ok(Date.parse(direct.startedAt) < Date.parse(dax.startedAt), 'DynamoDB runs first');
    assert.deepEqual(
      Object.fromEntries(Object.entries(dax.operations).map(([k, o]) => [k, o.count])),
      Object.fromEntries(Object.entries(direct.operations).map(([k, o]) => [k, o.count])),
      'the same operations on both sides',
    );
    assert.match(res.stdout, /local \(baseline\) against dax-local:/);
    assert.match(res.stdout, /^capacity DynamoDB [\d.]+ RCU \/ \d+ WCU; DAX [\d.]+ RCU \/ \d+ WCU: [\d.]+% of read units saved \(cache hit ratio [\d.]+%\)$/m);
    assert.ok(dax.total.consumedRcu < direct.total.consumedRcu, 'cache hits consume no read units');
    assert.equal(dax.total.consumedWcu, direct.total.consumedWcu, 'writes cost the same through DAX');
    const page = readFileSync(join(dir, 'compare.html'), 'utf8');
    assert.match(page, /<section id="dax-vs-dynamodb">/);
    assert.match(page, /\(GetItem\)/);
    assert.ok(existsSync(join(dir, 'local', 'report.html')) && existsSync(join(dir, 'dax-local', 'report.html')));
  });

  test('two runs with one --random-seed and ddbench compare give the same DAX comparison', { timeout: 200_000 }, async () => {
    const seed = ['--random-seed', '11'];
    const a = await runCli(['run', SCENARIO, '--target', 'local', ...SHORT, ...seed, '--out', join(out, 'ddb')], { timeoutMs: 120_000 });
    assert.ok(a.code === 0 || a.code === 1, a.stderr);
    const b = await runCli(['run', SCENARIO, '--target', 'dax-local', ...SHORT, ...seed, '--out', join(out, 'dax')], { timeoutMs: 120_000 });
    assert.ok(b.code === 0 || b.code === 1, b.stderr);
    const cmp = await runCli(['compare', join(out, 'ddb', 'summary.json'), join(out, 'dax', 'summary.json'), '--max-regression', '100000%', '--out', join(out, 'recipe')], { timeoutMs: 30_000 });
    assert.equal(cmp.code, 0, cmp.stderr);
    assert.match(cmp.stdout, /^capacity DynamoDB .* of read units saved/m);
    assert.match(readFileSync(join(out, 'recipe', 'compare.html'), 'utf8'), /<section id="dax-vs-dynamodb">/);
  });

  test('--compare-target refuses --baseline', { timeout: 30_000 }, async () => {
    const res = await runCli(['run', SCENARIO, '--target', 'dax-local', '--compare-target', 'local', '--baseline', join(out, 'none.json'), ...SHORT], { timeoutMs: 20_000 });
    assert.equal(res.code, 2, res.stderr);
    assert.match(res.stderr, /--compare-target and --baseline cannot be combined/);
  });
});
