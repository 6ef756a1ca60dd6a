// The benchmark's pure helpers: how its tables are drawn, how BENCHMARKS.md is updated, and
// the arithmetic that turns probe samples into CPU time. (The benchmark itself is a script.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed2, goal, int, markdownTable, msFromUs, replaceBetween, sectionMarkdown, signedMs, textTable } from '../../bench/format.js';
import { best, completionsPerSec, cpuAt, cpuMsBetween, hlogStartEpochMs, ratio, sampleAt } from '../../bench/measure.js';
import { completeRequests, describeTableBody } from '../../bench/null-endpoint.js';
import { scenarioDocument } from '../../bench/cli-run.js';

const TABLE = { headers: ['client', 'requests/s'], rows: [['http', '36,358'], ['sdk', '1,883']] };

test('text tables align text left and numbers right under a rule', () => {
  assert.equal(textTable(TABLE), ['client  requests/s', '------  ----------', 'http        36,358', 'sdk          1,883'].join('\n'));
});

test('markdown tables right-align number columns and escape pipes in cells', () => {
  const md = markdownTable({ headers: ['a|b', 'n'], rows: [['x', '1']] });
  assert.equal(md, ['| a\\|b | n |', '|---|---:|', '| x | 1 |'].join('\n'));
});

test('a section in markdown has its title, method, table and notes as a list', () => {
  const md = sectionMarkdown({ title: 'T', method: 'how', table: TABLE, notes: ['ratio 0.5'] });
  assert.match(md, /^### T\n\nhow\n\n\| client \| requests\/s \|/);
  assert.match(md, /\n- ratio 0\.5$/);
});

test('numbers are shown with separators, fixed decimals, signs and n/a for what was not measured', () => {
  assert.equal(int(12345.6), '12,346');
  assert.equal(fixed2(0.4567), '0.46');
  assert.equal(fixed2(undefined), 'n/a');
  assert.equal(fixed2(Infinity), 'n/a');
  assert.equal(msFromUs(2134), '2.134');
  assert.equal(signedMs(0.1344), '+0.134');
  assert.equal(signedMs(-0.25), '-0.250');
  assert.equal(goal(0.6, 0.5), 'met (0.600 >= 0.5)');
  assert.equal(goal(0.8996, 0.9), 'NOT met (0.900 < 0.9)'.replace('0.900', (0.8996).toFixed(3)));
  assert.equal(goal(undefined, 0.5), 'not measured');
});

test('replaceBetween swaps only the block between the markers and keeps the text around it', () => {
  const doc = 'intro\n<!-- b -->\nold\nfigures\n<!-- e -->\noutro\n';
  assert.equal(replaceBetween(doc, '<!-- b -->', '<!-- e -->', 'new\n'), 'intro\n<!-- b -->\nnew\n<!-- e -->\noutro\n');
});

test('replaceBetween appends the block when the markers are missing', () => {
  assert.equal(replaceBetween('# Benchmarks\n', '<!-- b -->', '<!-- e -->', 'x'), '# Benchmarks\n\n<!-- b -->\nx\n<!-- e -->\n');
});

test('CPU between two instants is interpolated between the probe samples and clamped at the ends', () => {
  const samples = [
    [1000, 100],
    [1100, 150],
    [1200, 250],
  ] as const;
  assert.equal(cpuAt(samples, 900), 100);
  assert.equal(cpuAt(samples, 1050), 125);
  assert.equal(cpuAt(samples, 5000), 250);
  assert.equal(cpuMsBetween(samples, 1050, 1150), 75);
  assert.equal(cpuMsBetween([], 0, 10), 0);
});

test('the load start is read from the .hlog StartTime header, in epoch ms', () => {
  assert.equal(hlogStartEpochMs('#[Histogram log format version 1.3]\n#[StartTime: 1795568842.331 (seconds since epoch), 2026-11-25T01:07:22.331Z]\n'), 1795568842331);
  assert.throws(() => hlogStartEpochMs('no header'), /StartTime/);
});

test('sampleAt gives the last sample taken at or before the instant', () => {
  const rss = [
    [1000, 50],
    [2000, 60],
  ] as const;
  assert.equal(sampleAt(rss, 500), undefined);
  assert.equal(sampleAt(rss, 1500), 50);
  assert.equal(sampleAt(rss, 9000), 60);
});

test('the achieved rate counts completions in the whole seconds of the window only', () => {
  const intervals = [0, 1, 2, 3, 4, 5].map((startSec) => ({ startSec, count: 100 * (startSec + 1) }));
  assert.equal(completionsPerSec(intervals, 1, 5), (200 + 300 + 400 + 500) / 4);
  assert.equal(completionsPerSec(intervals, 3, 3), 0);
});

test('ratios of nothing are undefined, and the best run is the highest score', () => {
  assert.equal(ratio(1, 0), undefined);
  assert.equal(ratio(1, 4), 0.25);
  assert.deepEqual(best([{ v: 1 }, { v: 3 }, { v: 2 }], (r) => r.v), { v: 3 });
  assert.throws(() => best([], () => 0));
});

test('the null endpoint answers pipelined requests in order and describes any table as ACTIVE', () => {
  const req = (target: string, body: string): string => `POST / HTTP/1.1\r\nx-amz-target: DynamoDB_20120810.${target}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const buf = Buffer.from(req('GetItem', '{"TableName":"t"}') + req('DescribeTable', '{"TableName":"ddbench-bench"}') + 'POST / HTTP/1.1\r\ncontent-len');
  const { answers, consumed } = completeRequests(buf);
  assert.equal(answers.length, 2, 'the incomplete third request waits for more bytes');
  assert.equal(consumed, buf.indexOf('POST / HTTP/1.1\r\ncontent-len'));
  assert.match(answers[0]!.toString(), /\r\n\r\n\{\}$/);
  const body = JSON.parse(answers[1]!.toString().split('\r\n\r\n')[1]!) as { Table: { TableName: string; TableStatus: string } };
  assert.equal(body.Table.TableName, 'ddbench-bench');
  assert.equal(body.Table.TableStatus, 'ACTIVE');
  assert.equal(JSON.parse(describeTableBody('x')).Table.KeySchema[0].AttributeName, 'pk');
});

test('bench scenarios put the warm-up first and give closed loops workers, open loops a rate', () => {
  const closed = scenarioDocument({ name: 'c', mode: 'closed', concurrency: 64, warmupMs: 1000, measureMs: 4000 }) as { phases: Record<string, unknown>[] };
  assert.deepEqual(closed.phases, [
    { name: 'warmup', duration: '1000ms', warmup: true, workers: 64 },
    { name: 'measure', duration: '4000ms', workers: 64 },
  ]);
  const open = scenarioDocument({ name: 'o', mode: 'open', concurrency: 64, rateOpsPerSec: 500, warmupMs: 0, measureMs: 30000 }) as { phases: Record<string, unknown>[] };
  assert.deepEqual(open.phases, [{ name: 'measure', duration: '30000ms', rate: 500 }]);
});
