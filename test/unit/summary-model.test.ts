import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSummary, summaryDrift } from '../../src/summary/check.js';
import { SUMMARY_SCHEMA_FILE, summaryJsonSchema, summaryJsonSchemaText } from '../../src/summary/write-json-schema.js';
import { ROOT } from '../support/cli.js';
import { standardRun } from './summary-fixture.js';

const OLD = join(ROOT, 'test', 'fixtures', 'summaries-0.1.0');

test('the committed schema/summary.schema.json is what the zod model generates (run `npm run schema`)', () => {
  assert.equal(readFileSync(SUMMARY_SCHEMA_FILE, 'utf8'), summaryJsonSchemaText());
});

test('the published schema requires the core fields and lets later versions add new ones', () => {
  const schema = summaryJsonSchema() as { required: string[]; additionalProperties?: unknown; properties: Record<string, { required?: string[] }> };
  for (const field of ['ddbenchVersion', 'complete', 'scenario', 'operations', 'total', 'intervals', 'gates', 'pass']) assert.ok(schema.required.includes(field), field);
  for (const optional of ['comparison', 'sweep', 'cache', 'shard', 'merged', 'stopReason', 'loadWorkers', 'seed']) assert.ok(!schema.required.includes(optional), optional);
  assert.notEqual(schema.additionalProperties, false);
});

// Nightly jobs keep last night's summary.json as the baseline: what the previous version wrote
// (a retail run, a run with a baseline comparison, a sweep, a DAX run with its cache section, a
// merge with a shard missing, a closed loop, a run interrupted during warm-up) must still read.
for (const file of readdirSync(OLD).filter((f) => f.endsWith('.json'))) {
  test(`a summary.json written by ddbench 0.1.0 (${file}) is read and matches the model field for field`, () => {
    const data: unknown = JSON.parse(readFileSync(join(OLD, file), 'utf8'));
    const parsed = parseSummary(data);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('\n'));
    assert.deepEqual(summaryDrift(data), []);
    assert.deepEqual(parsed.summary, data, 'nothing dropped or changed');
  });
}

test('the summary the report tests render matches the model exactly', () => {
  assert.deepEqual(summaryDrift(standardRun()), []);
});

test('drift names the path: a key the model lacks, a NaN, a missing field', () => {
  const s = structuredClone(standardRun()) as unknown as Record<string, any>;
  s['total']['p42'] = 1;
  s['operations']['get-profile']['latencyUs']['p99'] = Number.NaN;
  delete s['generator']['droppedOps'];
  const drift = summaryDrift(s);
  assert.ok(drift.some((d) => /^operations\["get-profile"\]\.latencyUs\.p99: .*number.*NaN/i.test(d)), drift.join('\n'));
  assert.ok(drift.includes('no generator.droppedOps'), drift.join('\n'));
  delete s['operations']['get-profile']['latencyUs'];
  s['operations']['get-profile']['latencyUs'] = standardRun().operations['get-profile']!.latencyUs;
  s['generator']['droppedOps'] = 0;
  assert.deepEqual(summaryDrift(s), ['total.p42: not in the summary model']);
});

test('a reader ignores fields a later version added, and names what a foreign file lacks', () => {
  const later = { ...structuredClone(standardRun()), addedLater: { x: 1 } };
  const parsed = parseSummary(later);
  assert.ok(parsed.ok);
  assert.equal('addedLater' in parsed.summary, false);
  const foreign = parseSummary({ name: 'x', version: '1.0.0' });
  assert.ok(!foreign.ok);
  assert.deepEqual(foreign.problems.slice(0, 3), ['no ddbenchVersion', 'no complete', 'no scenario']);
  const notObject = parseSummary([]);
  assert.ok(!notObject.ok);
  assert.match(notObject.problems[0]!, /^top level: .*expected object/);
});
