import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../../src/scenario/write-json-schema.js';
import { durationToMs } from '../../src/grammar/duration.js';
import { formatPath, suggest } from '../../src/scenario/issues.js';

test('the committed schema/scenario.schema.json is what the zod schema generates (run `npm run schema`)', () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), scenarioJsonSchemaText());
});

test('the JSON Schema is closed (unknown keys are errors) and requires the core sections', () => {
  const schema = scenarioJsonSchema() as {
    additionalProperties: boolean;
    required: string[];
    properties: Record<string, { additionalProperties?: boolean; items?: { additionalProperties?: boolean } }>;
  };
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(schema.required.sort(), ['name', 'operations', 'phases', 'table']);
  assert.equal(schema.properties.table?.additionalProperties, false);
  assert.equal(schema.properties.operations?.items?.additionalProperties, false);
  assert.equal(schema.properties.phases?.items?.additionalProperties, false);
});

test('durations read units, compounds and bare seconds', () => {
  assert.equal(durationToMs('500ms'), 500);
  assert.equal(durationToMs('5s'), 5000);
  assert.equal(durationToMs('2m'), 120_000);
  assert.equal(durationToMs('1h'), 3_600_000);
  assert.equal(durationToMs('1m30s'), 90_000);
  assert.equal(durationToMs('1.5s'), 1500);
  assert.equal(durationToMs(20), 20_000);
  assert.equal(durationToMs(0.25), 250);
  for (const bad of ['5', '5 s', 's', '5sec', '-1s', '', '1d']) assert.equal(durationToMs(bad), undefined, bad);
  assert.equal(durationToMs(-1), undefined);
});

test('paths use dots for plain keys, brackets for indexes and quoted odd keys', () => {
  assert.equal(formatPath(['phases', 1, 'rate']), 'phases[1].rate');
  assert.equal(formatPath(['operations', 0, 'values', ':s']), 'operations[0].values[":s"]');
  assert.equal(formatPath(['operations', 0, 'names', '#n']), 'operations[0].names["#n"]');
  assert.equal(formatPath(['keys', 'bad-name']), 'keys["bad-name"]');
  assert.equal(formatPath([]), '');
});

test('suggestions only come for near misses', () => {
  const known = ['partitionKey', 'sortKey', 'indexes', 'name'];
  assert.equal(suggest('partition_key', known), 'partitionKey');
  assert.equal(suggest('sortkey', known), 'sortKey');
  assert.equal(suggest('indexs', known), 'indexes');
  assert.equal(suggest('colour', known), undefined);
  assert.equal(suggest('nm', known), undefined);
});
