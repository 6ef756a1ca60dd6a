import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compareSummaries } from '../../src/compare/compare.js';
import { attr, renderJunit, writeJunitFile } from '../../src/report/junit.js';
import type { Summary } from '../../src/summary/model.js';
import { flooredRun, standardRun } from './summary-fixture.js';
import { parseXml } from './report-junit-xml.js';
import type { XmlElement } from './report-junit-xml.js';

function testcases(root: XmlElement): XmlElement[] {
  return root.children[0]!.children.filter((c) => c.name === 'testcase');
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);

test('the checker itself rejects what is not well-formed', () => {
  for (const bad of ['<a><b></a></b>', '<a x="1" x="2"/>', '<a>x & y</a>', '<a x="<"/>', '<a>&nbsp;</a>', '<a/><b/>', '<a>', '<a>\x01</a>', "<a x='1'/>"]) {
    assert.throws(() => parseXml(bad), Error, bad);
  }
  assert.deepEqual(parseXml('<a x="&lt;&#10;"><b/>t&amp;</a>').attrs, { x: '<\n' });
});

test('one test suite per scenario with one test case per gate, failures giving actual and threshold', () => {
  const s = standardRun(['p99 < 10ms', 'get-profile.p50 < 5ms', 'throughput >= 1000']);
  const root = parseXml(renderJunit(s));
  assert.equal(root.name, 'testsuites');
  const suite = root.children[0]!;
  assert.equal(suite.attrs['name'], 'ddbench.gaming');
  const gates = testcases(root).filter((t) => t.attrs['classname'] === 'ddbench.gaming.gates');
  assert.deepEqual(gates.map((g) => g.attrs['name']), ['p99 < 10ms', 'get-profile.p50 < 5ms', 'throughput >= 1000']);
  assert.equal(child(gates[0]!, 'failure')?.attrs['message'], 'actual 12.41ms vs threshold 10ms (p99 < 10ms)');
  assert.equal(child(gates[1]!, 'failure'), undefined);
  assert.equal(child(gates[2]!, 'failure')?.attrs['message'], 'actual 400 ops/s vs threshold 1000 ops/s (throughput >= 1000)');
  assert.equal(suite.attrs['failures'], '2');
  assert.equal(suite.attrs['tests'], String(testcases(root).length));
  const props = Object.fromEntries(child(suite, 'properties')!.children.map((p) => [p.attrs['name'], p.attrs['value']]));
  assert.equal(props['target'], 'dynalite');
  assert.equal(props['pass'], 'false');
});

test('verdict misses are skipped by default and failures with --junit-verdict', () => {
  const s = standardRun();
  const verdicts = (xml: string) => testcases(parseXml(xml)).filter((t) => t.attrs['classname'] === 'ddbench.gaming.verdict');
  const soft = verdicts(renderJunit(s));
  assert.deepEqual(soft.map((t) => t.attrs['name']), ['get-profile p99 < 10ms', 'submit-score p99 < 10ms', 'top-10 p99 < 10ms']);
  assert.equal(soft[0]!.children.length, 0, 'a passing verdict is a passing test');
  assert.match(child(soft[2]!, 'skipped')!.attrs['message']!, /^p99 12\.41 ms >= 10 ms \(informational; --junit-verdict makes it a failure\)$/);
  const strict = verdicts(renderJunit(s, { verdictFailures: true }));
  assert.equal(child(strict[2]!, 'failure')?.attrs['message'], 'p99 12.41 ms >= 10 ms');
  assert.equal(parseXml(renderJunit(s, { verdictFailures: true })).attrs['failures'], '1');
});

test('baseline rows that gate are test cases; regressions fail, rows that cannot gate are skipped', () => {
  const base = standardRun();
  const cur: Summary = structuredClone(base);
  cur.operations['get-profile']!.latencyUs.p99 = 40_000;
  cur.comparison = compareSummaries(base, cur, { maxRegressionPct: 15 });
  const cases = testcases(parseXml(renderJunit(cur))).filter((t) => t.attrs['classname'] === 'ddbench.gaming.baseline');
  const names = cases.map((t) => t.attrs['name']);
  assert.ok(names.includes('get-profile p99') && names.includes('(all) rate') && names.includes('top-10 errors'), names.join(', '));
  assert.ok(!names.some((n) => n!.endsWith(' max')), 'max never gates, so it is no test case');
  const failed = cases.filter((t) => child(t, 'failure'));
  assert.deepEqual(failed.map((t) => t.attrs['name']), ['get-profile p99']);
  assert.equal(child(failed[0]!, 'failure')!.attrs['message'], 'get-profile p99 +1900.0% (2.00 -> 40.00 ms): beyond 15% and 1.00 ms');
  const skipped = cases.filter((t) => child(t, 'skipped'));
  assert.deepEqual(skipped.map((t) => t.attrs['name']), ['submit-score p99.9', 'top-10 p99.9']);
  assert.equal(child(skipped[0]!, 'skipped')!.attrs['message'], 'too few samples (500 < 1000)');
});

test('hostile names stay well-formed and come back unchanged', () => {
  const hostile = `<script>alert("x")</script> & 'q' ]]> \u0001\ttab\nline`;
  const s = standardRun();
  s.scenario.name = hostile;
  s.gates = [{ expr: hostile, pass: false, actual: null, threshold: 1, unit: 'ms', message: `${hostile}: no data (no samples) (FAIL)` }];
  s.target.endpoint = 'http://127.0.0.1:1/?a=1&b="2"';
  s.generator.warnings = ['</system-out><evil/>'];
  s.complete = false;
  s.stopReason = 'SIGINT <now>';
  const xml = renderJunit(s);
  assert.ok(!xml.includes('<script>') && !xml.includes('<evil/>'));
  const root = parseXml(xml);
  const safe = hostile.replace('\u0001', '\uFFFD');
  assert.equal(root.children[0]!.attrs['name'], `ddbench.${safe}`);
  const gate = testcases(root)[0]!;
  assert.equal(gate.attrs['name'], safe, 'tab and newline survive in attributes');
  assert.equal(gate.attrs['classname'], `ddbench.${safe}.gates`);
  assert.match(child(gate, 'failure')!.attrs['message']!, /no data \(no samples\); threshold /);
  assert.equal(child(root.children[0]!, 'system-out')!.text, 'generator: </system-out><evil/>');
  const interrupted = testcases(root).find((t) => t.attrs['name'] === 'run completed')!;
  assert.equal(child(interrupted, 'error')!.attrs['message'], 'the run stopped early: SIGINT <now>');
  assert.equal(attr('\uD800x'), '\uFFFDx', 'a lone surrogate cannot be written as XML');
});

test('the JUnit file is written, creating its folder', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ddbench-junit-'));
  try {
    const file = path.join(dir, 'deep', 'junit.xml');
    await writeJunitFile(file, renderJunit(standardRun(['p99 < 10ms'])));
    assert.equal(parseXml(await readFile(file, 'utf8')).name, 'testsuites');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a gate or verdict within the harness floor is skipped as INCONCLUSIVE (harness floor), a failure only with --strict-floor', () => {
  const root = parseXml(renderJunit(flooredRun(['p99 < 10ms', 'get-profile.p50 < 5ms'])));
  const gates = testcases(root).filter((t) => t.attrs['classname'] === 'ddbench.gaming.gates');
  assert.match(child(gates[0]!, 'skipped')!.attrs['message']!, /^INCONCLUSIVE \(harness floor\): p99 < 10ms: actual 12\.41/);
  assert.equal(child(gates[0]!, 'failure'), undefined);
  assert.equal(gates[1]!.children.length, 0, 'a gate clear of the floor passes');
  const top10 = testcases(root).find((t) => t.attrs['name'] === 'top-10 p99 < 10ms')!;
  assert.match(child(top10, 'skipped')!.attrs['message']!, /^INCONCLUSIVE \(harness floor\): p99 12\.41 ms is within ddbench's own p99 \(2\.50 ms\) of 10 ms$/);
  assert.equal(root.attrs['failures'], '0');
  const props = Object.fromEntries(child(root.children[0]!, 'properties')!.children.map((p) => [p.attrs['name'], p.attrs['value']]));
  assert.equal(props['harness.floor.p99Ms'], '2.50');
  assert.equal(props['gates.inconclusive'], '1');
  assert.equal(props['pass'], 'true');
  const strict = parseXml(renderJunit(flooredRun(['p99 < 10ms'], true)));
  const gate = testcases(strict).find((t) => t.attrs['classname'] === 'ddbench.gaming.gates')!;
  assert.equal(child(gate, 'failure')?.attrs['type'], 'inconclusive');
  assert.equal(strict.attrs['failures'], '1');
});
