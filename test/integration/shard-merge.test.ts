// Four shards of one run, each its own ddbench process with its own dynalite, merged with
// `ddbench merge`: the merged counts are the shards' sum and the merged percentiles are those
// of one histogram holding every value the shards logged.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistogramLogReader } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import { runCli, assertEndpointsGone, ROOT, readSummaryJson } from '../support/cli.js';
import type { CliResult } from '../support/cli.js';
import { decode, mergeInto, newHistogram, percentiles } from '../../src/recorder/histogram.js';
import type { Summary } from '../../src/summary/model.js';

const SHARDS = 4;
const work = mkdtempSync(join(tmpdir(), 'ddbench-shards-'));
after(() => rmSync(work, { recursive: true, force: true }));

function shardArgs(i: number): string[] {
  return ['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynalite', '--duration', '3s', '--rate', '200', '--no-warmup', '--seed-items', '400', '--no-calibrate', '--shard', `${i}/${SHARDS}`];
}

const readJson = readSummaryJson;

/** Every value of every tagged interval of a .hlog, read with HdrHistogram's own reader and re-recorded one by one. */
function valuesFromLog(file: string, into: Map<string, Histogram>): void {
  const reader = new HistogramLogReader(readFileSync(file, 'utf8'));
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
    if (h.tag === undefined || h.tag === 'NO TAG') continue;
    const op = h.tag.slice(0, h.tag.lastIndexOf(':'));
    let target = into.get(op);
    if (target === undefined) into.set(op, (target = newHistogram()));
    const it = (h as unknown as { recordedValuesIterator: { reset(): void; hasNext(): boolean; next(): { valueIteratedTo: number; countAtValueIteratedTo: number } } }).recordedValuesIterator;
    it.reset();
    while (it.hasNext()) {
      const v = it.next();
      target.recordValueWithCount(v.valueIteratedTo, v.countAtValueIteratedTo);
    }
  }
}

let shardDirs: string[] = [];

test('four local shards write their own folders with their share of the load', { timeout: 240_000 }, async () => {
  const results: CliResult[] = [];
  // two at a time: each shard is a ddbench process plus a dynalite process
  for (let i = 1; i <= SHARDS; i += 2) results.push(...(await Promise.all([runCli(shardArgs(i), { cwd: work }), runCli(shardArgs(i + 1), { cwd: work })])));
  for (const [k, res] of results.entries()) {
    assert.ok(res.code === 0 || res.code === 1, `shard ${k + 1}: exit ${res.code}\n${res.stderr}`);
    assert.match(res.stderr, new RegExp(`seeding 100 items into ddbench-gaming \\(shard ${k + 1}/4's share\\)`));
    assert.match(res.stderr, /load: steady 3s @ 50 ops\/s/);
    await assertEndpointsGone(res);
  }
  // ordered by shard number (folder names start with the run's start second, which may differ between shards)
  const shardOf = (d: string) => Number(/-shard(\d+)of\d+$/.exec(d)?.[1]);
  shardDirs = readdirSync(join(work, 'reports')).sort((a, b) => shardOf(a) - shardOf(b)).map((d) => join(work, 'reports', d));
  assert.equal(shardDirs.length, SHARDS);
  for (const dir of shardDirs) {
    const i = Number(/-shard(\d)of4$/.exec(dir)?.[1]);
    assert.ok(i >= 1 && i <= 4, `folder ${dir} is named after its shard`);
    const s = readJson(join(dir, 'summary.json'));
    assert.deepEqual(s.shard, { index: i, count: 4 });
    assert.equal(s.total.count, 150, 'a quarter of 200 ops/s for 3 s');
    assert.ok(existsSync(join(dir, 'latency.hlog')));
  }
});

test('ddbench merge gives the shards summed counts and the percentiles of all their values together', { timeout: 60_000 }, async () => {
  assert.equal(shardDirs.length, SHARDS, 'the shards ran');
  const out = join(work, 'merged');
  const res = await runCli(['merge', ...shardDirs, '--out', out, '--gate', 'count >= 600']);
  assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
  assert.match(res.stderr, /merged shards 1, 2, 3, 4 of 4 \(600 operations\)/);
  const merged = readJson(join(out, 'summary.json'));
  const shards = shardDirs.map((d) => readJson(join(d, 'summary.json')));
  assert.deepEqual(merged.merged, { count: 4, shards: [1, 2, 3, 4], missing: [] });
  assert.equal(merged.complete, true);

  assert.equal(merged.total.count, shards.reduce((a, s) => a + s.total.count, 0));
  assert.equal(merged.total.count, 600);
  const fromLogs = new Map<string, Histogram>();
  for (const d of shardDirs) valuesFromLog(join(d, 'latency.hlog'), fromLogs);
  const allFromLogs = newHistogram();
  for (const [op, m] of Object.entries(merged.operations)) {
    assert.equal(m.count, shards.reduce((a, s) => a + s.operations[op]!.count, 0), `${op} count`);
    const fromSummaries = newHistogram();
    for (const s of shards) mergeInto(fromSummaries, decode(s.operations[op]!.latencyHistogram));
    assert.deepEqual(m.latencyUs, percentiles(fromSummaries), `${op}: percentiles of the shards' histograms merged`);
    assert.deepEqual(m.latencyUs, percentiles(fromLogs.get(op)!), `${op}: percentiles of every value in the shards' logs`);
    mergeInto(allFromLogs, fromLogs.get(op)!);
  }
  assert.deepEqual(merged.total.latencyUs, percentiles(allFromLogs));
  assert.equal(merged.intervals.reduce((a, i) => a + i.count, 0), merged.total.count, "the merged intervals' counts add up to the total");

  const gate = merged.gates.find((g) => g.expr === 'count >= 600')!;
  assert.deepEqual([gate.pass, gate.actual], [true, 600], 'judged on the merged run (each shard had 150)');
  assert.equal(merged.gates.length, 4, "the scenario's three gates are judged again, plus --gate");
  assert.ok(existsSync(join(out, 'report.html')));
  const reread = new Map<string, Histogram>();
  valuesFromLog(join(out, 'latency.hlog'), reread);
  assert.equal([...reread.values()].reduce((a, h) => a + h.totalCount, 0), 600, 'the merged .hlog holds every value');
  process.stdout.write(`# merged: shard counts ${shards.map((s) => s.total.count).join(', ')}; p50 ${merged.total.latencyUs.p50} us, p99 ${merged.total.latencyUs.p99} us\n`);
});

test('ddbench merge refuses the same shard twice (exit 2) and warns about a missing one', { timeout: 60_000 }, async () => {
  assert.equal(shardDirs.length, SHARDS, 'the shards ran');
  const twice = await runCli(['merge', shardDirs[0]!, shardDirs[0]!, '--out', join(work, 'twice')]);
  assert.equal(twice.code, 2, twice.stderr);
  assert.match(twice.stderr, /shard 1 appears twice/);
  const three = await runCli(['merge', ...shardDirs.slice(0, 3), '--out', join(work, 'three')]);
  assert.ok(three.code === 0 || three.code === 1, three.stderr);
  assert.match(three.stderr, /warning: 1 of 4 shards missing \(4\)/);
  const s = readJson(join(work, 'three', 'summary.json'));
  assert.equal(s.complete, false);
  assert.equal(s.total.count, 450);
});
