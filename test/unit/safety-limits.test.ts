// Every limit DynamoDB (or a sane run) has is enforced before any request: each broken scenario
// below is refused by validation with a problem at the right path, and command-line options that
// push a valid plan out of range are refused before anything starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenarioText } from '../../src/scenario/load.js';
import { workloadProblems } from '../../src/workload/index.js';
import { planRun } from '../../src/engine/run.js';
import type { RunOptions } from '../../src/engine/run.js';
import { UsageError } from '../../src/errors.js';
import { join } from 'node:path';
import { ROOT } from '../support/cli.js';
import { RunControl } from '../../src/engine/run-state.js';

const TABLE = 'table: { name: ddbench-limits, partitionKey: { name: pk, type: S } }\nkeys: { user: { count: 100, distribution: uniform } }';
const PHASES = 'phases: [{ name: steady, duration: 10s, rate: 100 }]';

function scenario(parts: { table?: string; operations?: string; phases?: string; extra?: string }): string {
  return [
    'name: limits',
    parts.table ?? TABLE,
    `operations:\n${parts.operations ?? '  - { name: get, weight: 1, type: GetItem, key: { pk: "u#{user}" } }'}`,
    parts.phases ?? PHASES,
    parts.extra ?? '',
  ].join('\n');
}

function problemsOf(text: string): { path: string; message: string }[] {
  const loaded = parseScenarioText(text, 'limits.yaml');
  return loaded.ok ? workloadProblems(loaded.scenario) : loaded.problems;
}

const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const CASES: { limit: string; text: string; path: string; message: RegExp }[] = [
  { limit: 'an item over 400 KB', text: scenario({ operations: '  - { name: put, weight: 1, type: PutItem, item: { pk: "u#{user}", a: "{text(300000)}", b: "{text(300000)}" } }' }), path: 'operations[0].item', message: /400 KB/ },
  { limit: 'a BatchWriteItem of 26 items', text: scenario({ operations: '  - { name: bw, weight: 1, type: BatchWriteItem, count: 26, item: { pk: "u#{user}" } }' }), path: 'operations[0].count', message: /1 to 25/ },
  { limit: 'a BatchGetItem of 101 keys', text: scenario({ operations: '  - { name: bg, weight: 1, type: BatchGetItem, count: 101, key: { pk: "u#{user}" } }' }), path: 'operations[0].count', message: /1 to 100/ },
  {
    limit: 'a transaction of 101 items',
    text: scenario({ operations: `  - name: tx\n    weight: 1\n    type: TransactWriteItems\n    items:\n${Array.from({ length: 101 }, () => '      - { type: Put, item: { pk: "u#{user}" } }').join('\n')}` }),
    path: 'operations[0].items',
    message: /1 to 100 items/,
  },
  { limit: 'a table name of 2 characters', text: scenario({ table: 'table: { name: ab, partitionKey: { name: pk, type: S } }\nkeys: { user: { count: 100, distribution: uniform } }' }), path: 'table.name', message: /3 to 255/ },
  { limit: 'a table name with a space', text: scenario({ table: 'table: { name: "bad name", partitionKey: { name: pk, type: S } }\nkeys: { user: { count: 100, distribution: uniform } }' }), path: 'table.name', message: /table name/ },
  { limit: 'a key attribute name over 255 bytes', text: scenario({ table: `table: { name: ddbench-limits, partitionKey: { name: ${'k'.repeat(256)}, type: S } }\nkeys: { user: { count: 100, distribution: uniform } }`, operations: `  - { name: get, weight: 1, type: GetItem, key: { ${'k'.repeat(256)}: "u#{user}" } }` }), path: 'table.partitionKey.name', message: /255 bytes/ },
  { limit: 'an empty attribute name', text: scenario({ operations: '  - { name: put, weight: 1, type: PutItem, item: { pk: "u#{user}", "": 1 } }' }), path: 'operations[0].item', message: /cannot be empty/ },
  { limit: 'a rate of 20 million ops/s', text: scenario({ phases: 'phases: [{ name: steady, duration: 10s, rate: 20000000 }]' }), path: 'phases[0].rate', message: /at most 10,000,000/ },
  { limit: 'a phase of 200 hours', text: scenario({ phases: 'phases: [{ name: steady, duration: 200h, rate: 100 }]' }), path: 'phases[0].duration', message: /at most 7 days/ },
  { limit: 'a request timeout of 2 hours', text: scenario({ extra: 'requestTimeout: 2h' }), path: 'requestTimeout', message: /at most 1 hour/ },
  { limit: 'a concurrency of a million', text: scenario({ extra: 'concurrency: 1000000' }), path: 'concurrency', message: /at most 100,000/ },
  { limit: 'an undefined expression value', text: scenario({ operations: '  - { name: up, weight: 1, type: UpdateItem, key: { pk: "u#{user}" }, update: "SET v = :v" }' }), path: 'operations[0]', message: /:v/ },
  { limit: 'an undefined expression name', text: scenario({ operations: '  - { name: up, weight: 1, type: UpdateItem, key: { pk: "u#{user}" }, update: "SET #n = :v", values: { ":v": 1 } }' }), path: 'operations[0]', message: /#n/ },
  { limit: 'an attribute value nested 40 deep', text: scenario({ operations: `  - { name: put, weight: 1, type: PutItem, item: { pk: "u#{user}", deep: ${nested(40)} } }` }), path: 'operations[0].item.deep', message: /32 levels/ },
  { limit: 'a file nested 5000 deep', text: scenario({ operations: `  - { name: put, weight: 1, type: PutItem, item: { pk: "u#{user}", deep: ${nested(5000)} } }` }), path: '', message: /nested/ },
];

for (const c of CASES) {
  test(`validation refuses ${c.limit}, at ${c.path || 'the file'}`, () => {
    const problems = problemsOf(c.text);
    const hit = problems.find((p) => p.path.startsWith(c.path) && c.message.test(p.message));
    assert.ok(hit, `no problem at ${c.path} matching ${c.message}: ${JSON.stringify(problems, null, 1)}`);
  });
}

test('a file nested deeper than any scenario needs is refused at the deep path, in JSON too (no stack overflow)', () => {
  const json = JSON.stringify({ name: 'x', table: { name: 'ddbench-x', partitionKey: { name: 'pk', type: 'S' } }, operations: [{ name: 'p', weight: 1, type: 'PutItem', item: { pk: 'a', deep: JSON.parse(nested(3000)) as unknown } }], phases: [{ name: 's', duration: '1s', rate: 1 }] });
  const loaded = parseScenarioText(json, 'deep.json');
  assert.equal(loaded.ok, false);
  if (!loaded.ok) assert.match(loaded.problems[0]!.path, /^operations\[0\]\.item\.deep(\[0\])+$/);
});

test('command-line options that push a valid plan out of range are refused before anything starts', async () => {
  const base: RunOptions = {
    file: join(ROOT, 'test/fixtures/scenarios/faults.yaml'),
    target: 'local',
    driver: 'sdk',
    gates: [],
    keepTable: false,
    reuseTable: false,
    yes: false,
    io: { out: () => undefined, err: () => undefined, isTTY: false },
    control: new RunControl(),
  };
  await assert.rejects(planRun({ ...base, rateOpsPerSec: 2e7 }), (e: unknown) => e instanceof UsageError && /phases\[0\]\.rate: 20,000,000 ops\/s, expected at most 10,000,000/.test(e.message));
  await assert.rejects(planRun({ ...base, durationMs: 8 * 24 * 3_600_000 }), (e: unknown) => e instanceof UsageError && /phases\[0\]\.duration/.test(e.message));
  await assert.rejects(planRun({ ...base, concurrency: 200_000 }), (e: unknown) => e instanceof UsageError && /concurrency: 200,000/.test(e.message));
  const ok = await planRun({ ...base, rateOpsPerSec: 1000, durationMs: 60_000 });
  assert.equal(ok.ok, true);
});
