import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistogramLogReader } from 'hdr-histogram-js';
import { mergeShards } from '../../src/shard/merge.js';
import type { ShardOutput } from '../../src/shard/merge.js';
import { parseHlog, splitTag } from '../../src/shard/hlog-read.js';
import { buildSummary } from '../../src/summary/summary.js';
import { newHistogram, percentiles, recordUs } from '../../src/recorder/histogram.js';
import type { Histogram } from '../../src/recorder/histogram.js';
import { UsageError } from '../../src/errors.js';
import type { Scenario } from '../../src/types.js';
import type { GeneratorHealth } from '../../src/summary/model.js';
import { Recorder } from '../../src/recorder/recorder.js';
import { OPS, sample, scenarioFixture, summaryInput } from './summary-fixture.js';
import { shardInfo } from '../../src/summary/model.js';
import { judgeSummary } from '../../src/engine/judge.js';

const T0 = 1_700_000_000_000;

interface Made {
  output: ShardOutput;
  /** latencies (µs) of the measured phase, per operation */
  measured: Map<string, number[]>;
  /** every sample, warm-up included */
  all: number;
}

/**
 * Shard `index` of `count`: its load starts `offsetMs` after T0; 100 warm-up samples, then
 * 1000 steady samples spread over the operations with latencies that differ per shard.
 */
function makeShard(index: number, count: number, o: { offsetMs?: number; scenario?: Scenario; complete?: boolean; generator?: Partial<GeneratorHealth>; errorsEvery?: number } = {}): Made {
  const lines: string[] = [];
  const recorder = new Recorder({ operations: OPS, phases: scenarioFixture().phases, startEpochMs: T0 + (o.offsetMs ?? 0), hlogSink: (l) => lines.push(l) });
  const measured = new Map<string, number[]>(OPS.map((op) => [op, []]));
  for (let i = 0; i < 100; i++) recorder.record(sample('get-profile', 0, i * 19_000, 40_000 + index));
  for (let i = 0; i < 1000; i++) {
    const op = OPS[i % OPS.length]!;
    const serviceUs = 500 + ((i * 37 * index) % 9000) + index * 100;
    const error = o.errorsEvery !== undefined && i % o.errorsEvery === 0;
    recorder.record(sample(op, 1, 2_000_000 + i * 3_900, serviceUs, error ? { kind: 'throttled', errorName: 'ThrottlingException' } : {}));
    measured.get(op)!.push(serviceUs);
  }
  const scenario = o.scenario ?? scenarioFixture({ gates: ['count >= 1500', 'p99 < 100ms'] });
  const input = summaryInput(recorder.finish(6_000_000), scenario);
  const summary = judgeSummary(buildSummary({
    ...input,
    shard: shardInfo(index, count),
    complete: o.complete ?? true,
    ...(o.complete === false ? { stopReason: 'interrupted (SIGINT)' } : {}),
    generator: { ...input.generator, ...o.generator },
  }));
  return { output: { label: `dir${index}`, summary, hlog: parseHlog(lines.join('\n')) }, measured, all: 1100 };
}

function histogramOf(values: number[]): Histogram {
  const h = newHistogram();
  for (const v of values) recordUs(h, v);
  return h;
}

test('merged counts are the sum of the shards and percentiles those of all their samples together', () => {
  const shards = [makeShard(1, 3), makeShard(2, 3, { offsetMs: 1500 }), makeShard(3, 3, { offsetMs: 700 })];
  const { summary, warnings } = mergeShards(shards.map((s) => s.output));
  assert.deepEqual(warnings, []);
  assert.deepEqual(summary.merged, { count: 3, shards: [1, 2, 3], missing: [] });
  assert.equal(summary.total.count, 3000);
  const everything: number[] = [];
  for (const op of OPS) {
    const values = shards.flatMap((s) => s.measured.get(op)!);
    everything.push(...values);
    assert.equal(summary.operations[op]!.count, shards.reduce((a, s) => a + s.output.summary.operations[op]!.count, 0));
    assert.deepEqual(summary.operations[op]!.latencyUs, percentiles(histogramOf(values)), op);
    assert.deepEqual(summary.phases[1]!.operations[op]!.latencyUs, percentiles(histogramOf(values)), `phase steady, ${op}`);
  }
  assert.deepEqual(summary.total.latencyUs, percentiles(histogramOf(everything)));
  assert.deepEqual(summary.phases[1]!.latencyUs, percentiles(histogramOf(everything)));
  assert.equal(summary.phases[0]!.count, 300, 'the warm-up phases merge too');
  const rate = shards.reduce((a, s) => a + s.output.summary.total.rateOpsPerSec, 0);
  assert.ok(Math.abs(summary.total.rateOpsPerSec - rate) < 1e-9, 'rates add up');
  assert.equal(summary.phases[1]!.targetRateOpsPerSec, 900, 'each shard planned 300 ops/s');
  assert.equal(summary.concurrency, 24);
});

test('intervals are merged by absolute time: a shard that started 1.5 s later lands one bucket later', () => {
  const a = makeShard(1, 2);
  const b = makeShard(2, 2, { offsetMs: 1500 });
  const { summary, hlogLines } = mergeShards([b.output, a.output]);
  assert.equal(summary.startedAt, new Date(T0).toISOString());
  const countAt = (s: typeof summary, sec: number) => s.intervals.find((i) => i.startSec === sec)?.count ?? 0;
  for (let sec = 0; sec < 6; sec++) assert.equal(countAt(summary, sec + 1) - countAt(a.output.summary, sec + 1), countAt(b.output.summary, sec), `second ${sec}`);
  assert.equal(summary.intervals.reduce((n, i) => n + i.count, 0), a.all + b.all, 'every sample in exactly one interval');
  assert.equal(summary.durationMs, 1500 + b.output.summary.durationMs);
  // the merged log reads back, with the standard reader, to the same counts
  const reader = new HistogramLogReader(hlogLines.join('\n'));
  let logged = 0;
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) if (h.tag === undefined || h.tag === 'NO TAG') logged += h.totalCount;
  assert.equal(logged, a.all + b.all);
});

test("ddbench's own figures merge per bucket: the highest send-lag p99, CPU and GC pause times summed", () => {
  const a = makeShard(1, 2);
  const b = makeShard(2, 2);
  a.output.summary.intervals.forEach((iv, k) => Object.assign(iv, { sendLagP99Us: 100 * k, processCpuMs: 10, gcPauseMs: 1.25 }));
  b.output.summary.intervals.forEach((iv, k) => Object.assign(iv, { sendLagP99Us: 700 - 100 * k, processCpuMs: 20.5, gcPauseMs: 0 }));
  const merged = mergeShards([a.output, b.output]).summary.intervals;
  assert.deepEqual(
    merged.slice(0, 6).map((iv) => [iv.sendLagP99Us, iv.processCpuMs, iv.gcPauseMs]),
    [0, 1, 2, 3, 4, 5].map((k) => [Math.max(100 * k, 700 - 100 * k), 30.5, 1.25]),
  );
  // shards written before the figures existed: the merged run has none either
  const older = mergeShards([makeShard(1, 2).output, makeShard(2, 2).output]).summary.intervals;
  for (const iv of older) for (const field of ['processCpuMs', 'gcPauseMs'] as const) assert.equal(field in iv, false);
});

test('errors, throttles and outcomes add up per operation and per interval', () => {
  const { summary } = mergeShards([makeShard(1, 2, { errorsEvery: 10 }).output, makeShard(2, 2, { errorsEvery: 20 }).output]);
  assert.equal(summary.total.errors, 100 + 50);
  assert.equal(summary.total.throttles, 150);
  assert.equal(summary.total.errorNames['ThrottlingException'], 150);
  assert.equal(summary.intervals.reduce((n, i) => n + i.throttles, 0), 150);
  assert.equal(summary.phases[1]!.errors, 150);
});

test('gates and verdict are judged again on the merged run, not taken from the shards', () => {
  const shards = [makeShard(1, 2).output, makeShard(2, 2).output];
  for (const s of shards) assert.equal(s.summary.gates.find((g) => g.expr === 'count >= 1500')!.pass, false, 'a shard alone has 1000');
  const { summary } = mergeShards(shards, { extraGates: ['errors < 1%', 'throughput >= 100000'] });
  assert.deepEqual(summary.gates.map((g) => [g.expr, g.pass]), [['count >= 1500', true], ['p99 < 100ms', true], ['errors < 1%', true], ['throughput >= 100000', false]]);
  assert.equal(judgeSummary(summary).pass, false);
  assert.equal(summary.verdict.operations['get-profile']!.p99Us, summary.operations['get-profile']!.latencyUs.p99);
});

test('the generator counts as saturated when any shard was; complete only when every shard was', () => {
  const { summary } = mergeShards([
    makeShard(1, 2, { generator: { saturated: true, warnings: ['event loop late'], queuedOps: 5, maxQueueDepth: 3 } }).output,
    makeShard(2, 2, { complete: false, generator: { queuedOps: 7, maxQueueDepth: 9 } }).output,
  ]);
  assert.equal(summary.generator.saturated, true);
  assert.deepEqual(summary.generator.warnings, ['shard 1: event loop late']);
  assert.equal(summary.generator.queuedOps, 12);
  assert.equal(summary.generator.maxQueueDepth, 9);
  assert.equal(summary.complete, false);
  assert.match(summary.stopReason!, /shard 2: interrupted/);
});

test('missing shards are a warning, and the merged run is marked incomplete', () => {
  const { summary, warnings } = mergeShards([makeShard(1, 4).output, makeShard(3, 4).output]);
  assert.deepEqual(summary.merged, { count: 4, shards: [1, 3], missing: [2, 4] });
  assert.match(warnings.join('\n'), /2 of 4 shards missing \(2, 4\)/);
  assert.equal(summary.complete, false);
  assert.equal(summary.total.count, 2000);
});

test('merge refuses different scenarios, the same shard twice, disagreeing shard counts and non-shard runs', () => {
  const other = makeShard(2, 2, { scenario: scenarioFixture({ name: 'retail' }) }).output;
  assert.throws(() => mergeShards([makeShard(1, 2).output, other]), (e: unknown) => e instanceof UsageError && /different scenarios \(gaming, retail\)/.test(e.message));
  assert.throws(() => mergeShards([makeShard(1, 2).output, makeShard(1, 2).output]), /shard 1 appears twice/);
  assert.throws(() => mergeShards([makeShard(1, 2).output, makeShard(2, 3).output]), /disagree on the shard count \(2 vs 3\)/);
  const plain = makeShard(1, 2).output;
  const { shard: _drop, ...unsharded } = plain.summary;
  assert.throws(() => mergeShards([{ ...plain, summary: unsharded }]), /not a shard's output/);
  assert.throws(() => mergeShards([]), UsageError);
  const fewerPhases = makeShard(2, 2).output;
  assert.throws(() => mergeShards([makeShard(1, 2).output, { ...fewerPhases, summary: { ...fewerPhases.summary, phases: fewerPhases.summary.phases.slice(1) } }]), /other phases/);
});

test('the .hlog reader takes the start time and every tagged interval from a log ddbench wrote', () => {
  const made = makeShard(1, 1, { offsetMs: 250 });
  const { hlog } = made.output;
  assert.equal(hlog.startEpochMs, T0 + 250);
  const tagged = hlog.intervals.filter((i) => i.tag !== undefined);
  assert.ok(tagged.every((i) => splitTag(i.tag!) !== undefined));
  assert.deepEqual(splitTag('top-10:conditional-failed'), { op: 'top-10', kind: 'conditional-failed' });
  assert.equal(splitTag('nonsense'), undefined);
  assert.throws(() => parseHlog('0.000,1.000,0.001,HISTx\n'), /no StartTime/);
  assert.throws(() => parseHlog('#[StartTime: 1700000000.000 (seconds since epoch)]\n1,2,3\n', 'x.hlog'), /x\.hlog:2: not an interval line/);
});

test('a log line whose histogram does not decode is refused naming the file and line, tagged or not', () => {
  const lines = readLines(makeShard(1, 2));
  const tagged = lines.findIndex((l) => l.startsWith('Tag='));
  const untagged = lines.findIndex((l) => /^\d/.test(l));
  for (const [at, replacement] of [[tagged, 'abc'], [untagged, Buffer.from('not a histogram').toString('base64')]] as const) {
    const broken = [...lines];
    broken[at] = `${broken[at]!.slice(0, broken[at]!.lastIndexOf(',') + 1)}${replacement}`;
    const two = makeShard(2, 2).output;
    const one = { ...makeShard(1, 2).output, hlog: parseHlog(broken.join('\n'), 'dir1/latency.hlog') };
    assert.throws(() => mergeShards([one, two]), (e: unknown) => e instanceof UsageError && new RegExp(`^shard dir1/latency\\.hlog:${at + 1}: the interval's histogram is not a compressed HdrHistogram`).test(e.message));
  }
});

test('a log interval far past its shard\'s end, or a log of another week, is refused before the merge builds empty seconds up to it', () => {
  const lines = readLines(makeShard(1, 2));
  const at = lines.findIndex((l) => l.startsWith('Tag='));
  const late = [...lines];
  late[at] = late[at]!.replace(/^(Tag=[^,]+,)[\d.]+/, '$1999999999.000');
  const one = { ...makeShard(1, 2).output, hlog: parseHlog(late.join('\n'), 'dir1/latency.hlog') };
  assert.throws(() => mergeShards([one, makeShard(2, 2).output]), new RegExp(`^UsageError: shard dir1/latency\\.hlog:${at + 1}: the interval starts \\d+ s after the shard's run ended`));
  const other = makeShard(2, 2, { offsetMs: 30 * 86_400_000 }).output;
  assert.throws(() => mergeShards([makeShard(1, 2).output, other]), /not a shard of the same run/);
});

/** The shard's .hlog as lines, as it was logged. */
function readLines(made: Made): string[] {
  const out: string[] = [`#[StartTime: ${(made.output.hlog.startEpochMs / 1000).toFixed(3)} (seconds since epoch)]`];
  for (const i of made.output.hlog.intervals) out.push(`${i.tag !== undefined ? `Tag=${i.tag},` : ''}${i.startSec.toFixed(3)},${i.lengthSec.toFixed(3)},0.001,${i.encoded}`);
  return out;
}

test("a merged gate within the noisiest shard's harness floor is inconclusive, as the shards' own would be; a ceiling marks nothing", () => {
  const floor = (p99Us: number, saturated = false) => ({ driver: 'http', rateOpsPerSec: 300, durationMs: 3000, count: 900, latencyUs: { p50: 200, p99: p99Us, p999: p99Us, max: p99Us }, ...(saturated ? { saturated: true, achievedOpsPerSec: 100 } : {}) });
  const withHarness = (m: Made, f: ReturnType<typeof floor>, strictFloor = false): ShardOutput => ({
    ...m.output,
    summary: { ...m.output.summary, harness: { floor: f, eventLoopDelayP99Ms: 1, eventLoopDelayMaxMs: 2, gcPauses: { count: 2, totalMs: 3, maxMs: 2 }, ...(strictFloor ? { strictFloor: true } : {}) } },
  });
  const plain = mergeShards([makeShard(1, 2).output, makeShard(2, 2).output]).summary;
  // a limit 4 ms above the merged p99: within a 6 ms floor, outside a 2.5 ms one
  const limitMs = Math.round(plain.total.latencyUs.p99 / 1000) + 4;
  const gate = [`p99 < ${limitMs}ms`];
  const noisy = mergeShards([withHarness(makeShard(1, 2), floor(2_500)), withHarness(makeShard(2, 2), floor(6_000))], { extraGates: gate }).summary;
  assert.equal(noisy.harness?.floor?.latencyUs.p99, 6_000, "the noisiest shard's floor");
  assert.deepEqual(noisy.harness?.gcPauses, { count: 4, totalMs: 6, maxMs: 2 });
  const merged = noisy.gates.find((g) => g.expr === gate[0])!;
  assert.equal(merged.inconclusive, true, merged.message);
  assert.equal(judgeSummary(noisy).pass, true, 'inconclusive does not fail the run by default');
  const quiet = mergeShards([withHarness(makeShard(1, 2), floor(2_500)), withHarness(makeShard(2, 2), floor(2_000))], { extraGates: gate }).summary;
  assert.notEqual(quiet.gates.find((g) => g.expr === gate[0])!.inconclusive, true);
  // one shard's ceiling (a lane that could not keep its rate) is no floor: the other shard's counts
  const ceiling = mergeShards([withHarness(makeShard(1, 2), floor(50_000, true)), withHarness(makeShard(2, 2), floor(2_000))], { extraGates: gate }).summary;
  assert.equal(ceiling.harness?.floor?.latencyUs.p99, 2_000);
  // --strict-floor on a shard holds for the merged run: the inconclusive gate fails it
  const strict = mergeShards([withHarness(makeShard(1, 2), floor(6_000), true), withHarness(makeShard(2, 2), floor(2_000))], { extraGates: gate }).summary;
  assert.equal(strict.harness?.strictFloor, true);
  assert.equal(judgeSummary(strict).pass, false);
});
