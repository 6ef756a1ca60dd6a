// The example nightly workflow parses, has the shape docs/github-action.md describes, and runs the
// scenarios through the repository's own action (`uses: ./`, action.yml) with inputs it declares,
// instead of hand-written ddbench commands.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readAction } from '../support/action-runner.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; strategy?: { matrix?: { scenario?: string[]; node?: number[] } }; steps: Step[] }>;
}

const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/nightly-perf.yml'), 'utf8')) as Workflow;
const action = readAction(path.join(ROOT, 'action.yml'));
const job = workflow.jobs['perf']!;
const steps = job.steps;
const uses = (prefix: string): Step => {
  const s = steps.find((x) => x.uses?.startsWith(prefix));
  assert.ok(s, `a step using ${prefix}`);
  return s;
};
const ddbench = uses('./');
const inputs = Object.fromEntries(Object.entries(ddbench.with ?? {}).map(([k, v]) => [k, String(v)]));

test('the nightly workflow runs on a schedule and by hand', () => {
  assert.match(workflow.on.schedule?.[0]?.cron ?? '', /^\S+ \S+ \S+ \S+ \S+$/);
  assert.ok('workflow_dispatch' in workflow.on);
  assert.equal(job['runs-on'], 'ubuntu-latest');
  assert.equal(workflow.permissions?.['checks'], 'write', 'publishing the JUnit report as a check');
});

test('it runs every built-in scenario', () => {
  const builtIn = readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
  assert.deepEqual([...(job.strategy?.matrix?.scenario ?? [])].sort(), builtIn);
  assert.equal(inputs['scenario'], 'scenarios/${{ matrix.scenario }}.yaml');
});

test('it runs the scenarios through the action, with inputs action.yml declares', () => {
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `action.yml has no input ${name}`);
  for (const [name, spec] of Object.entries(action.inputs)) if (spec.required) assert.ok(name in inputs, `required input ${name}`);
  assert.equal(inputs['target'], 'local');
  assert.equal(inputs['gates'], 'errors < 0.1%');
  assert.equal(inputs['max-regression'], '15%');
  assert.equal(inputs['history'], '90');
  assert.equal(inputs['fail-on-trend'], 'true', 'a regressed history fails the night');
  assert.equal(inputs['out'], 'reports/${{ matrix.scenario }}');
  const hand = steps.filter((s) => /ddbench|baseline|history/.test(s.run ?? ''));
  assert.deepEqual(hand, [], 'no hand-written ddbench, baseline or history commands: the action has them');
});

test('it sets up Node 20 with the npm cache and Java 17 before the action, which then sets up no Node of its own', () => {
  const node = uses('actions/setup-node@');
  const java = uses('actions/setup-java@');
  assert.equal(String(node.with?.['node-version']), '20');
  assert.equal(node.with?.['cache'], 'npm');
  assert.equal(String(java.with?.['java-version']), '17');
  assert.equal(inputs['node-version'], '');
  assert.ok(steps.indexOf(node) < steps.indexOf(ddbench) && steps.indexOf(java) < steps.indexOf(ddbench));
  assert.ok(steps.indexOf(uses('actions/checkout@')) < steps.indexOf(ddbench), 'uses: ./ needs the checkout');
});

test("it publishes the action's JUnit report even when the run failed", () => {
  const junit = uses('mikepenz/action-junit-report@');
  assert.equal(junit.with?.['report_paths'], `${inputs['out']}/junit.xml`);
  assert.equal(junit.if, '${{ !cancelled() }}');
  assert.ok(steps.indexOf(ddbench) < steps.indexOf(junit));
});

test("it keeps the job that runs ddbench's own tests on every supported Node major", () => {
  const tests = workflow.jobs['tests'];
  assert.ok(tests);
  assert.deepEqual(tests.strategy?.matrix?.node, [20, 22, 24]);
  assert.ok(tests.steps.some((s) => s.run === 'npm test'));
});
