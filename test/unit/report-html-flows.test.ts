// The report's flow breakdown: which steps a scripted flow made, how often per iteration, each
// step's p50/p99, think time and the rest, built from summary.json alone (the recorder's flow tags
// through buildSummary and the summary model), escaped, and readable without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Recorder } from '../../src/recorder/recorder.js';
import { buildSummary } from '../../src/summary/summary.js';
import { judgeSummary } from '../../src/engine/judge.js';
import { SummarySchema } from '../../src/summary/model.js';
import { renderReport } from '../../src/report/html/report.js';
import { mergeFlows } from '../../src/shard/merge-ops.js';
import { SampleBatcher, unpackSamples } from '../../src/engine/sample-codec.js';
import type { Sample } from '../../src/types.js';
import { phasesFixture, result, scenarioFixture, summaryInput } from './summary-fixture.js';
import { externalReferences, section } from './report-html-support.js';

const HOSTILE_STEP = '<img src=x onerror=alert(1)>';

/** 200 checkout flows in the steady phase: view-cart 2 ms, then the hostile-named step twice (3 ms each), 10 ms of think time, 1 ms of script code. */
function scriptedSummary() {
  const scenario = scenarioFixture({ operations: [], script: { file: '/s/retail.ts', flows: [{ name: 'checkout', weight: 1 }] } });
  const rec = new Recorder({ operations: ['flow:checkout'], phases: phasesFixture(), startEpochMs: 1_700_000_000_000 });
  for (let i = 0; i < 200; i++) {
    const start = 2_000_000 + i * 20_000;
    const step = (op: string, at: number, us: number): Sample => ({ op, phaseIndex: 1, intendedStartUs: at, sentUs: at, endUs: at + us, result: result(), flow: 'flow:checkout' });
    rec.record(step('view-cart', start, 2_000));
    rec.record(step(HOSTILE_STEP, start + 2_000, 3_000));
    rec.record(step(HOSTILE_STEP, start + 15_000, 3_000));
    rec.record({ op: 'flow:checkout', phaseIndex: 1, intendedStartUs: start, sentUs: start, endUs: start + 19_000, result: result({ thinkUs: 10_000 }) });
  }
  // a warm-up flow is left out of the breakdown, as it is of the operations
  rec.record({ op: 'view-cart', phaseIndex: 0, intendedStartUs: 0, sentUs: 0, endUs: 50_000, result: result(), flow: 'flow:checkout' });
  return judgeSummary(buildSummary(summaryInput(rec.finish(6_100_000), scenario)));
}

test('a scripted run summary says which steps each flow made and its think time, measured phases only', () => {
  const summary = scriptedSummary();
  assert.ok(SummarySchema.safeParse(summary).success);
  assert.deepEqual(summary.flows, { 'flow:checkout': { count: 200, thinkTimeUs: 2_000_000, steps: { 'view-cart': 200, [HOSTILE_STEP]: 400 } } });
});

test("the report's flow section splits a flow's mean into its steps, think time and the rest, escaped and without scripts", () => {
  const page = renderReport(scriptedSummary());
  const flows = section(page, 'flows');
  assert.match(flows, /Flow checkout: 200 iterations, mean 19\.0\d ms/);
  const byName = new Map<string, string[]>();
  for (const m of flows.matchAll(/<tr[^>]*><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)) {
    byName.set(m[1]!.replace(/<[^>]+>/g, ''), [...m[2]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!));
  }
  assert.deepEqual(byName.get('view-cart')!.slice(0, 2), ['1.00', '2.00']);
  const hostile = byName.get('&lt;img src=x onerror=alert(1)&gt;');
  assert.ok(hostile, 'the hostile step name is shown escaped');
  assert.equal(hostile[0], '2.00', 'two calls per flow');
  assert.equal(hostile[3], '6.00', '2 x 3 ms per flow');
  assert.equal(byName.get('think time')![3], '10.00');
  assert.match(byName.get('rest (start wait, script code)')![3]!, /^1\.0\d$/);
  assert.doesNotMatch(flows, /<img/);
  assert.deepEqual(externalReferences(page), []);
  assert.doesNotMatch(flows, /<script/);
});

test('a YAML run has no flow section', () => {
  const summary = scriptedSummary();
  delete summary.flows;
  assert.doesNotMatch(renderReport(summary), /id="flows"/);
});

test('merged shards add up their flows; step and flow tags survive the trip from a load worker', () => {
  const f = scriptedSummary().flows!;
  assert.deepEqual(mergeFlows([f, f])!['flow:checkout'], { count: 400, thinkTimeUs: 4_000_000, steps: { 'view-cart': 400, [HOSTILE_STEP]: 800 } });
  assert.equal(mergeFlows([undefined, undefined]), undefined);
  const index = new Map([['flow:checkout', 0]]);
  const batcher = new SampleBatcher(index);
  batcher.add({ op: 'view-cart', phaseIndex: 1, intendedStartUs: 1, sentUs: 1, endUs: 5, result: result(), flow: 'flow:checkout' });
  batcher.add({ op: 'flow:checkout', phaseIndex: 1, intendedStartUs: 1, sentUs: 1, endUs: 9, result: result({ thinkUs: 3 }) });
  const seen: Sample[] = [];
  unpackSamples(batcher.take(), ['flow:checkout'], (s) => seen.push(s));
  assert.equal(seen[0]!.flow, 'flow:checkout');
  assert.equal(seen[0]!.result.thinkUs, undefined);
  assert.equal(seen[1]!.flow, undefined);
  assert.equal(seen[1]!.result.thinkUs, 3);
});
