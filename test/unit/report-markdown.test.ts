import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compareSummaries } from '../../src/compare/compare.js';
import { md, renderMarkdown, writeMarkdownOutputs } from '../../src/report/markdown.js';
import type { Summary } from '../../src/summary/model.js';
import { flooredRun, standardRun } from './summary-fixture.js';

/** Cells of a GFM table row, splitting on unescaped pipes. */
function cells(line: string): string[] {
  return line
    .replace(/^\|\s?|\s?\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

test('the summary has the result, a row per operation with its verdict, and the gates', () => {
  const text = renderMarkdown(standardRun(['p99 < 10ms', 'get-profile.p50 < 5ms']));
  const lines = text.split('\n');
  assert.equal(lines[0], '### ddbench gaming: ❌ FAIL');
  assert.match(lines[2]!, /^dynalite http:\/\/127\.0\.0\.1:4567, driver sdk, open loop, 4\.0 s measured, started 2023-11-14T22:13:20\.000Z$/);
  const header = lines.find((l) => l.startsWith('| operation | count'))!;
  assert.deepEqual(cells(header), ['operation', 'count', 'rate/s', 'p50 ms', 'p90 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'errors', 'p99 &lt; 10 ms']);
  assert.deepEqual(cells(lines.find((l) => l.startsWith('| get-profile'))!), ['get-profile', '1000', '250.0', '2.00', '2.00', '2.00', '2.00', '2.00', '0', '✅']);
  assert.equal(cells(lines.find((l) => l.startsWith('| top-10'))!).at(-1), '❌');
  assert.equal(cells(lines.find((l) => l.startsWith('| **all**'))!)[1], '1600');
  assert.ok(lines.includes('**Gates**: 1 of 2 passed'));
  assert.deepEqual(cells(lines.find((l) => l.startsWith('| p99 &lt; 10ms'))!), ['p99 &lt; 10ms', '❌', 'p99 &lt; 10ms: actual 12.41ms (FAIL)']);
  assert.deepEqual(cells(lines.find((l) => l.startsWith('| get-profile.p50'))!).slice(0, 2), ['get-profile.p50 &lt; 5ms', '✅']);
  const table = lines.slice(lines.indexOf(header), lines.indexOf(header) + 6); // header, rule, 3 operations, all
  for (const l of table) assert.equal(cells(l).length, 10, l);
  assert.ok(!text.includes('Baseline'), 'no baseline section without a comparison');
});

test('baseline deltas are shown with regressions marked and listed', () => {
  const base = standardRun();
  const cur: Summary = structuredClone(base);
  cur.operations['get-profile']!.latencyUs.p99 = 40_000;
  cur.comparison = compareSummaries(base, cur, { maxRegressionPct: 15, baselineFile: 'base/summary.json' });
  cur.pass = false;
  const lines = renderMarkdown(cur).split('\n');
  const head = lines.find((l) => l.startsWith('**Baseline**'))!;
  assert.match(head, /base\/summary\.json; regression = worse by more than 15% and 1\.00 ms\): ❌ 1 regression$/);
  const row = cells(lines.find((l) => l.startsWith('| get-profile | 2.00 →'))!);
  assert.deepEqual(row, ['get-profile', '2.00 → 2.00 (0.0%)', '2.00 → 40.00 (+1900.0%) ❌', '2.00 → 2.00 (0.0%)', '250.0 → 250.0 (0.0%)', '0.00 → 0.00 (0.0%)']);
  assert.match(cells(lines.find((l) => l.startsWith('| top-10 |') && l.includes('→'))!)[3]!, /⚪$/, 'p99.9 of 100 samples is not judged');
  assert.ok(lines.includes('- ❌ get-profile p99 +1900.0% (2.00 -&gt; 40.00 ms)'));
  assert.ok(lines.some((l) => l.startsWith('| (all) |')));
});

test('names with pipes, HTML and Markdown stay text inside one cell', () => {
  const s = standardRun(['p99 < 10ms']);
  const hostile = '<img src=x onerror=alert(1)>|*bold*_[link](http://x)`code`\nnext';
  s.operations = { [hostile]: s.operations['top-10']! };
  s.verdict.operations = { [hostile]: s.verdict.operations['top-10']! };
  s.scenario.name = '# <b>title</b>';
  const text = renderMarkdown(s);
  assert.ok(!/<img|<b>/.test(text), 'no raw HTML');
  assert.equal(text.split('\n')[0], '### ddbench \\# &lt;b&gt;title&lt;/b&gt;: ❌ FAIL');
  const row = text.split('\n').find((l) => l.includes('onerror'))!;
  assert.equal(cells(row).length, 10, 'the pipe in the name does not add a column');
  assert.equal(cells(row)[0], '&lt;img src=x onerror=alert(1)&gt;\\|\\*bold\\*\\_\\[link\\](http://x)\\`code\\` next');
  assert.equal(md('a\\b'), 'a\\\\b');
});

test('the Markdown goes to --markdown and is appended to the GitHub step summary', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ddbench-md-'));
  try {
    const step = path.join(dir, 'step-summary.md');
    await writeFile(step, 'earlier step\n');
    const file = path.join(dir, 'out', 'summary.md');
    const text = renderMarkdown(standardRun());
    assert.deepEqual(await writeMarkdownOutputs(text, { file, stepSummaryFile: step }), [file, step]);
    assert.equal(await readFile(file, 'utf8'), text);
    assert.equal(await readFile(step, 'utf8'), `earlier step\n${text}\n`);
    assert.deepEqual(await writeMarkdownOutputs(text, { stepSummaryFile: '' }), [], 'an empty GITHUB_STEP_SUMMARY means none');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a gate and a verdict within the harness floor are marked inconclusive, and the floor is stated', () => {
  const lines = renderMarkdown(flooredRun(['p99 < 10ms', 'get-profile.p50 < 5ms'])).split('\n');
  assert.equal(lines[0], '### ddbench gaming: ✅ PASS (1 ⚠️ inconclusive)');
  assert.ok(lines.some((l) => /^Harness floor \(http at 300 ops\/s against a null endpoint\): p50 0\.20 ms, p99 2\.50 ms, p99\.9 4\.00 ms\./.test(l)));
  assert.equal(cells(lines.find((l) => l.startsWith('| top-10'))!).at(-1), '⚠️ inconclusive');
  assert.equal(cells(lines.find((l) => l.startsWith('| get-profile |'))!).at(-1), '✅');
  assert.ok(lines.includes('**Gates**: 1 of 2 passed, 1 ⚠️ INCONCLUSIVE (harness floor)'));
  assert.equal(cells(lines.find((l) => l.startsWith('| p99 &lt; 10ms'))!)[1], '⚠️ inconclusive');
});
