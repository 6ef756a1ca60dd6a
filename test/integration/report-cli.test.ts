// report.html end to end: a real run on dynalite writes it beside summary.json, and
// `ddbench report` regenerates the same page from the summary alone; bad input exits 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, readSummary, ROOT } from '../support/cli.js';
import { standardRun } from '../unit/summary-fixture.js';

test('a run writes report.html beside summary.json and `ddbench report` (same prices) regenerates it byte for byte', { timeout: 180_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ddbench-report-run-'));
  try {
    const out = join(dir, 'run');
    const res = await runCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynalite', '--duration', '3s', '--no-warmup', '--seed-items', '200', '--out', out, '--price-write', '1.25']);
    assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
    const summary = readSummary(res);
    const reportFile = join(out, 'report.html');
    assert.match(res.stdout, new RegExp(`report: ${reportFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    const written = await readFile(reportFile, 'utf8');
    assert.match(written, /^<!doctype html>/);
    assert.match(written, new RegExp(`<span class="big">${summary.pass ? 'PASS' : 'FAIL'}</span>`));
    for (const op of Object.keys(summary.operations)) assert.ok(written.includes(`<th scope="row">${op}</th>`), op);
    assert.match(written, /read units × \$0\.125\/M \+ [\d,.]+ write units × \$1\.25\/M/, 'run --price-write prices the estimate');
    // the default path: a judged open-loop run calibrates the harness floor first and draws it
    const floor = summary.harness?.floor;
    assert.ok(floor !== undefined, `summary.harness.floor is measured by default\n${res.stderr}`);
    assert.equal(floor.driver, summary.driver);
    assert.ok(floor.count > 0 && floor.latencyUs.p99 > 0, 'the floor has samples');
    assert.deepEqual(summary.harness?.lanes?.map((l) => l.name), ['load generator'], 'one lane in the recording thread measured itself');
    assert.match(res.stderr, /harness floor \([a-z]+ at \d+ ops\/s against a null endpoint\): p50 [\d.]+ ms, p99 [\d.]+ ms/);
    assert.match(res.stdout, /^floor {4}harness floor \(/m);
    assert.match(written, /<g class="floor"><rect class="floor-band"/);
    // ddbench's own figures in the run context: the floor in words, and each lane measured in its thread
    assert.match(written, /harness floor<\/dt><dd>[a-z]+ at [\d,]+ ops\/s against a null endpoint: p50 [\d.]+, p99 [\d.]+, p99\.9 [\d.]+ ms/);
    assert.match(written, /<caption>Load lanes, each measured in its own thread<\/caption>[\s\S]*<th scope="row">load generator<\/th>/);

    // elsewhere with --out
    const copy = join(dir, 'copy.html');
    const again = await runCli(['report', join(out, 'summary.json'), '--out', copy, '--price-write', '1.25']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, `report: ${copy}\n`);
    assert.equal(await readFile(copy, 'utf8'), written);

    // default: beside the summary, replacing it
    await rm(reportFile);
    const beside = await runCli(['report', join(out, 'summary.json'), '--price-write', '1.25']);
    assert.equal(beside.code, 0, beside.stderr);
    assert.equal(await readFile(reportFile, 'utf8'), written);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('`ddbench report --price-read/--price-write` prices the cost estimate', { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ddbench-report-price-'));
  try {
    const summaryFile = join(dir, 'summary.json');
    await writeFile(summaryFile, JSON.stringify(standardRun()));
    const res = await runCli(['report', summaryFile, '--price-read', '0.25', '--price-write', '1.25']);
    assert.equal(res.code, 0, res.stderr);
    const page = await readFile(join(dir, 'report.html'), 'utf8');
    assert.match(page, /read units × \$0\.25\/M \+ [\d,.]+ write units × \$1\.25\/M/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('`ddbench report` exits 2 with a clear message for a missing file, non-JSON, a non-summary or a bad price', { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ddbench-report-bad-'));
  try {
    const missing = await runCli(['report', join(dir, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: no such file/);

    const text = join(dir, 'notes.json');
    await writeFile(text, 'hello');
    const notJson = await runCli(['report', text]);
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /notes\.json: not JSON/);

    const other = join(dir, 'package.json');
    await writeFile(other, JSON.stringify({ name: 'x', version: '1.0.0' }));
    const notSummary = await runCli(['report', other]);
    assert.equal(notSummary.code, 2);
    assert.match(notSummary.stderr, /package\.json: not a ddbench summary\.json/);

    const fixture = join(dir, 'summary.json');
    await writeFile(fixture, JSON.stringify(standardRun()));
    const price = await runCli(['report', fixture, '--price-read', '-1', '--out', join(dir, 'r.html')]);
    assert.equal(price.code, 2);
    assert.match(price.stderr, /--price-read: expected a price in USD/);
    for (const f of [join(dir, 'report.html'), join(dir, 'r.html')]) assert.equal(existsSync(f), false, `${f} was written`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
