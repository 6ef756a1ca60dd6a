// Baseline comparison and CI outputs on real runs: two short gaming runs on dynalite, `ddbench
// compare` on their summaries, and a run judged against a crafted baseline that makes it look
// ten times slower, which must fail with exit code 1 because of the baseline alone.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { JsHistogram } from 'hdr-histogram-js';
import { decode, encode, newHistogram, percentiles, toRecordableUs } from '../../src/recorder/histogram.js';
import type { OperationSummary, Summary } from '../../src/summary/model.js';
import { ROOT, readSummary, readSummaryJson, runCli } from '../support/cli.js';
import { parseXml } from '../unit/report-junit-xml.js';

const RUN = ['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynalite', '--duration', '3s', '--no-warmup', '--seed-items', '200', '--no-calibrate'];
const OPS = ['get-profile', 'submit-score', 'top-10', 'record-session'];
let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ddbench-compare-it-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The same histogram with every value multiplied by factor (whole µs, at least 1). */
function scaleHistogram(encoded: string, factor: number): string {
  const source = decode(encoded) as unknown as JsHistogram;
  const out = newHistogram();
  const it = source.recordedValuesIterator;
  it.reset();
  while (it.hasNext()) {
    const v = it.next();
    out.recordValueWithCount(toRecordableUs(v.valueIteratedTo * factor), v.countAtValueIteratedTo);
  }
  return encode(out);
}

function scaleOperation(s: OperationSummary, factor: number): void {
  s.latencyHistogram = scaleHistogram(s.latencyHistogram, factor);
  s.serviceTimeHistogram = scaleHistogram(s.serviceTimeHistogram, factor);
  s.latencyUs = percentiles(decode(s.latencyHistogram));
  s.serviceTimeUs = percentiles(decode(s.serviceTimeHistogram));
}

async function run(name: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}, args = RUN) {
  const res = await runCli([...args, '--out', join(dir, name), ...extra], { timeoutMs: 90_000, env });
  assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stdout}\n${res.stderr}`);
  return { res, summary: readSummary(res) };
}

test('two real runs compare, with an exit code that agrees with the printed regressions', { timeout: 240_000 }, async () => {
  const stepSummary = join(dir, 'step-summary.md');
  await writeFile(stepSummary, '');
  const a = await run('a', ['--junit', join(dir, 'a-junit.xml'), '--markdown', join(dir, 'a.md')], { GITHUB_STEP_SUMMARY: stepSummary });
  assert.equal(a.res.code, a.summary.pass ? 0 : 1);
  const b = await run('b');

  // JUnit and Markdown from a real run
  const junit = parseXml(await readFile(join(dir, 'a-junit.xml'), 'utf8'));
  const cases = junit.children[0]!.children.filter((c) => c.name === 'testcase');
  assert.deepEqual(
    cases.filter((c) => c.attrs['classname'] === 'ddbench.gaming.gates').map((c) => [c.attrs['name'], c.children.some((x) => x.name === 'failure')]),
    a.summary.gates.map((g) => [g.expr, !g.pass]),
  );
  assert.equal(cases.filter((c) => c.attrs['classname'] === 'ddbench.gaming.verdict').length, OPS.length);
  const markdown = await readFile(join(dir, 'a.md'), 'utf8');
  assert.match(markdown, /^### ddbench gaming: (✅ PASS|❌ FAIL)$/m);
  for (const op of OPS) assert.match(markdown, new RegExp(`^\\| ${op} \\| ${a.summary.operations[op]!.count} \\|`, 'm'));
  assert.equal(await readFile(stepSummary, 'utf8'), `${markdown}\n`, 'appended to $GITHUB_STEP_SUMMARY');

  const cmp = await runCli(['compare', join(dir, 'a', 'summary.json'), join(dir, 'b', 'summary.json'), '--max-regression', '15%', '--out', join(dir, 'cmp')], { timeoutMs: 30_000 });
  const regressionLines = cmp.stdout.split('\n').filter((l) => / REGRESSION$/.test(l));
  assert.equal(cmp.code, regressionLines.length > 0 ? 1 : 0, cmp.stdout + cmp.stderr);
  for (const op of OPS) assert.match(cmp.stdout, new RegExp(`^${op}\\s+p99 ms\\s+[\\d.]+\\s+[\\d.]+`, 'm'));
  assert.match(cmp.stdout, /^baseline (PASS|FAIL)/m);
  assert.ok(existsSync(join(dir, 'cmp', 'compare.html')), 'compare.html in --out');

  const beside = await runCli(['compare', join(dir, 'a', 'summary.json'), join(dir, 'b', 'summary.json'), '--max-regression', '15'], { timeoutMs: 30_000 });
  assert.equal(beside.code, cmp.code, 'the same verdict with 15 and 15%');
  assert.ok(existsSync(join(dir, 'b', 'compare.html')), 'compare.html beside CURRENT by default');
});

test('a run ten times slower than its baseline fails with exit code 1 and names the regressed operation', { timeout: 240_000 }, async () => {
  const source = await run('source');
  const crafted: Summary = structuredClone(source.summary);
  for (const s of [...Object.values(crafted.operations), crafted.total]) scaleOperation(s, 0.1);
  const baselineFile = join(dir, 'crafted.json');
  await writeFile(baselineFile, JSON.stringify(crafted));

  // the scenario without its gates, so that only the baseline can fail the run
  const scenario = (await readFile(join(ROOT, 'scenarios/gaming.yaml'), 'utf8')).replace(/^gates:[\s\S]*$/m, 'gates: []\n');
  const noGates = join(dir, 'gaming-no-gates.yaml');
  await writeFile(noGates, scenario);
  const args = [...RUN.slice(0, 1), noGates, ...RUN.slice(2)];
  // floor 0.1 ms: the current run's percentiles exceed a tenth of themselves by more than that on any machine
  const { res, summary } = await run('slow', ['--baseline', baselineFile, '--max-regression', '15%', '--floor', '0.1ms', '--junit', join(dir, 'slow.xml')], {}, args);
  assert.equal(summary.gates.length, 0);
  assert.equal(res.code, 1, res.stdout);
  assert.equal(summary.pass, false);
  assert.equal(summary.comparison?.pass, false);
  assert.ok(summary.comparison!.regressions.some((r) => r.op === 'get-profile' && r.metric === 'p50'), JSON.stringify(summary.comparison!.regressions));
  assert.match(res.stdout, /^get-profile\s+p50 ms\s+[\d.]+\s+[\d.]+\s+\+[\d.]+\s+\+[\d.]+%\s+REGRESSION$/m);
  assert.match(res.stdout, /^baseline FAIL \(\d+ regressions?: .*get-profile p50 \+/m);
  assert.ok(existsSync(join(dir, 'slow', 'compare.html')), 'compare.html in the run folder');
  const saved = readSummaryJson(join(dir, 'slow', 'summary.json'));
  assert.equal(saved.comparison?.baseline.file, baselineFile);
  const junit = parseXml(await readFile(join(dir, 'slow.xml'), 'utf8'));
  const failed = junit.children[0]!.children.filter((c) => c.attrs['classname'] === 'ddbench.gaming.baseline' && c.children.some((x) => x.name === 'failure'));
  assert.ok(failed.some((c) => c.attrs['name'] === 'get-profile p50'));
});

test('a bad baseline stops the run before anything starts', { timeout: 60_000 }, async () => {
  const missing = await runCli([...RUN, '--baseline', join(dir, 'nope.json')], { timeoutMs: 30_000 });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /baseline .*nope\.json: no such file/);
  assert.doesNotMatch(missing.stderr, /started dynalite/);

  const notSummary = await runCli([...RUN, '--baseline', join(ROOT, 'scenarios/gaming.yaml')], { timeoutMs: 30_000 });
  assert.equal(notSummary.code, 2);
  assert.match(notSummary.stderr, /gaming\.yaml: not JSON/);

  const bad = await runCli([...RUN, '--baseline', join(dir, 'nope.json'), '--max-regression', 'lots'], { timeoutMs: 30_000 });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-regression: expected a percentage/);
  assert.doesNotMatch(bad.stderr, /started dynalite/);
});

test('compare exits 2 on missing files, files that are not summaries and different scenarios', { timeout: 60_000 }, async () => {
  const summaryFile = join(dir, 'fake-summary.json');
  const { standardRun } = await import('../unit/summary-fixture.js');
  const s = standardRun();
  await writeFile(summaryFile, JSON.stringify(s));
  const retailFile = join(dir, 'retail-summary.json');
  await writeFile(retailFile, JSON.stringify({ ...s, scenario: { ...s.scenario, name: 'retail' } }));

  const missing = await runCli(['compare', join(dir, 'none.json'), summaryFile], { timeoutMs: 30_000 });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /baseline .*none\.json: no such file/);
  const notSummary = await runCli(['compare', summaryFile, join(ROOT, 'package.json')], { timeoutMs: 30_000 });
  assert.equal(notSummary.code, 2);
  assert.match(notSummary.stderr, /current .*package\.json: not a ddbench summary\.json \(no ddbenchVersion; no complete; no scenario; and \d+ more\)/);
  const mismatch = await runCli(['compare', summaryFile, retailFile, '--out', join(dir, 'mm')], { timeoutMs: 30_000 });
  assert.equal(mismatch.code, 2);
  assert.match(mismatch.stderr, /scenario "gaming", not "retail".*--force/);
  const forced = await runCli(['compare', summaryFile, retailFile, '--force', '--out', join(dir, 'mm')], { timeoutMs: 30_000 });
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /note {5}different scenarios compared on purpose/);
});
