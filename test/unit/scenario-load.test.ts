import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { formatProblems, loadScenarioFile, parseScenarioText } from '../../src/scenario/load.js';
import type { Scenario, ScenarioProblem } from '../../src/types.js';
import type { LoadResult } from '../../src/scenario/load.js';

// works whether the test runs from test/unit or dist/test/unit
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}
const FIXTURES = join(repoRoot(), 'test', 'fixtures', 'scenarios');
const GAMING = join(FIXTURES, 'gaming-example.yaml');
const BROKEN = join(FIXTURES, 'broken.yaml');

function scenarioOf(result: LoadResult): Scenario {
  if (!result.ok) assert.fail(`unexpected problems:\n${formatProblems(result.problems, 'scenario')}`);
  return result.scenario;
}

function problemsOf(result: LoadResult): ScenarioProblem[] {
  if (result.ok) assert.fail('expected problems, the scenario was accepted');
  return result.problems;
}

test("the issue's gaming example is accepted as written and normalised", async () => {
  const s = scenarioOf(await loadScenarioFile(GAMING));
  assert.equal(s.name, 'gaming');
  assert.equal(s.description, 'Player profiles, score submissions and top-10 leaderboard queries');
  assert.deepEqual(s.table, {
    name: 'ddbench-gaming',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [{ name: 'leaderboard', partitionKey: { name: 'game', type: 'S' }, sortKey: { name: 'score', type: 'N' }, projection: 'ALL' }],
    billingMode: 'PAY_PER_REQUEST',
  });
  assert.deepEqual(s.keys.player, { count: 100000, distribution: 'zipfian', theta: 0.99, hotFraction: 0.2, hotOpFraction: 0.8 });
  assert.equal(s.keys.game?.distribution, 'uniform');
  assert.deepEqual(s.seed, {
    items: 20000,
    item: { pk: 'player#{player.seq}', sk: 'profile', game: 'game#{game}', score: '{int(0,1000000)}', bio: '{text(200)}' },
  });
  assert.deepEqual(
    s.operations.map((o) => [o.name, o.type, o.weight]),
    [
      ['get-profile', 'GetItem', 60],
      ['submit-score', 'UpdateItem', 30],
      ['top-10', 'Query', 10],
    ],
  );
  assert.deepEqual(s.operations[2], {
    name: 'top-10',
    weight: 10,
    type: 'Query',
    index: 'leaderboard',
    keyCondition: 'game = :g',
    values: { ':g': 'game#{game}' },
    limit: 10,
    scanForward: false,
  });
  assert.deepEqual(s.phases, [
    { name: 'warmup', durationMs: 5000, rateOpsPerSec: 100, warmup: true },
    { name: 'steady', durationMs: 20000, rateOpsPerSec: 300, warmup: false },
  ]);
  assert.equal(s.mode, 'open');
  assert.equal(s.concurrency, 64);
  assert.deepEqual(s.gates, ['p99 < 10ms', 'get-profile.p50 < 5ms', 'errors < 0.1%']);
  assert.deepEqual(s.retries, { maxAttempts: 3, mode: 'standard' });
  assert.equal(s.randomSeed, 1);
  assert.equal(s.requestTimeoutMs, 5000);
});

test('the load result carries the raw parsed file as source', async () => {
  const result = await loadScenarioFile(GAMING);
  assert.ok(result.ok);
  assert.deepEqual(result.source, parseYaml(readFileSync(GAMING, 'utf8')));
});

test('a broken file reports every problem, each with its path and line', async () => {
  const problems = problemsOf(await loadScenarioFile(BROKEN));
  const expected: [string, number, RegExp][] = [
    ['table.colour', 11, /^unknown key$/],
    ['keys.game.distribution', 14, /^expected one of uniform, zipfian, .*, got "gaussian"$/],
    ['operations[0].key', 16, /^missing, required by GetItem$/],
    ['operations[1].update', 23, /^":score" is not defined in values$/],
    ['operations[1].values[":s"]', 24, /^":s" is not used by any expression/],
    ['operations[2].item.pk', 28, /^unknown key space "plyer" in \{plyer\} \(declared in keys: player, game\)$/],
    ['operations[3].index', 32, /^unknown index "leaderboard" \(declared: by-game\)$/],
    ['phases[0].duration', 36, /^expected a duration like "500ms", "5s", "2m", "1h" or a number of seconds, got "5 seconds"$/],
    ['phases[1].rate', 37, /^expected a positive number, got -5$/],
  ];
  assert.deepEqual(
    problems.map((p) => [p.path, p.line]),
    expected.map(([path, line]) => [path, line]),
    formatProblems(problems, 'broken.yaml'),
  );
  expected.forEach(([path, , message], i) => assert.match(problems[i]!.message, message, path));
});

test('formatProblems writes one file:line: path: message line per problem', async () => {
  const problems = problemsOf(await loadScenarioFile(BROKEN));
  const lines = formatProblems(problems, 'broken.yaml').split('\n');
  assert.equal(lines.length, problems.length);
  assert.ok(lines.includes('broken.yaml:37: phases[1].rate: expected a positive number, got -5'), lines.join('\n'));
  assert.equal(formatProblems([{ path: '', message: 'cannot read' }], 'x.yaml'), 'x.yaml: cannot read');
  assert.equal(formatProblems([{ path: 'name', line: 3, message: 'bad' }], 'x.yaml'), 'x.yaml:3: name: bad');
});

test('JSON input gives the same scenario as the YAML it was converted from', () => {
  const yamlText = readFileSync(GAMING, 'utf8');
  const jsonText = JSON.stringify(parseYaml(yamlText), null, 2);
  const fromJson = scenarioOf(parseScenarioText(jsonText, 'gaming.json'));
  assert.deepEqual(fromJson, scenarioOf(parseScenarioText(yamlText, 'gaming.yaml')));
});

test('JSON problems carry the line of the offending node', () => {
  const source = parseYaml(readFileSync(GAMING, 'utf8')) as { phases: { rate: number }[] };
  source.phases[1]!.rate = -5;
  const text = JSON.stringify(source, null, 2);
  const problems = problemsOf(parseScenarioText(text, 'gaming.json'));
  assert.equal(problems.length, 1);
  const rateLine = text.split('\n').findIndex((l) => l.includes('"rate": -5')) + 1;
  assert.deepEqual(problems[0], { path: 'phases[1].rate', line: rateLine, message: 'expected a positive number, got -5' });
});

test('content starting with { is read as JSON whatever the extension', () => {
  const problems = problemsOf(parseScenarioText('{ "name": "x", }', 'scenario'));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /^JSON: /);
  assert.equal(problems[0]!.line, 1);
});

test('JSON syntax errors are problems with a line', () => {
  const problems = problemsOf(parseScenarioText('{\n  "name": "x",\n  "table": ,\n}\n', 'bad.json'));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /^JSON: /);
  assert.equal(problems[0]!.line, 3);
});

test('YAML syntax errors and duplicate keys are problems with their line', () => {
  const dup = problemsOf(parseScenarioText('name: a\ntable: {}\nname: b\n', 'dup.yaml'));
  assert.deepEqual(
    dup.map((p) => [p.line, p.message]),
    [[3, 'YAML: Map keys must be unique']],
  );
  const bad = problemsOf(parseScenarioText('name: a\nphases: [\n  { name: x\n', 'bad.yaml'));
  assert.ok(bad.length >= 1);
  assert.ok(bad.every((p) => p.message.startsWith('YAML: ') && typeof p.line === 'number'), JSON.stringify(bad));
});

test('an empty file or a file that is not a mapping is one clear problem', () => {
  assert.deepEqual(problemsOf(parseScenarioText('', 'empty.yaml')), [
    { path: '', line: 1, message: 'the file is empty; expected a scenario mapping (name, table, operations, phases...)' },
  ]);
  assert.deepEqual(problemsOf(parseScenarioText('- 1\n- 2\n', 'list.yaml')), [{ path: '', line: 1, message: 'expected a mapping, got a list' }]);
});

test('a missing file is a problem, not a throw', async () => {
  const problems = problemsOf(await loadScenarioFile(join(FIXTURES, 'does-not-exist.yaml')));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /^cannot read the scenario file: .*ENOENT/);
});

test('a missing required field points at the line of the object that lacks it', () => {
  const text = 'name: x\ntable:\n  name: ddbench-x\noperations:\n  - { name: a, weight: 1, type: Scan }\nphases:\n  - { name: p, duration: 1s, rate: 1 }\n';
  const problems = problemsOf(parseScenarioText(text, 'x.yaml'));
  assert.deepEqual(problems, [{ path: 'table.partitionKey', line: 2, message: 'missing, expected a mapping' }]);
});

test('unknown keys suggest the known key they were probably meant to be', () => {
  const text = readFileSync(GAMING, 'utf8').replace('partitionKey: { name: pk', 'partition_key: { name: pk').replace('scanForward', 'scanforward');
  const problems = problemsOf(parseScenarioText(text, 'x.yaml'));
  const messages = problems.map((p) => `${p.path}: ${p.message}`);
  assert.ok(messages.includes('table.partition_key: unknown key (did you mean "partitionKey"?)'), messages.join('\n'));
  assert.ok(messages.includes('operations[2].scanforward: unknown key (did you mean "scanForward"?)'), messages.join('\n'));
});
