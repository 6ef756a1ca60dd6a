import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { buildManifest, manifestRecipe, manifestYaml, resourceName, shQuote } from '../../src/shard/k8s.js';
import type { K8sOptions } from '../../src/shard/k8s.js';

const SCENARIO_TEXT = 'name: gaming\n# a comment, "quotes" and: colons\nphases:\n  - { name: steady, duration: 20s, rate: 300 }\n';

function options(over: Partial<K8sOptions> = {}): K8sOptions {
  return {
    scenarioText: SCENARIO_TEXT,
    scenarioFileName: 'gaming.yaml',
    scenarioName: 'gaming',
    shards: 20,
    image: 'registry.example.com/ddbench:1.2',
    target: 'aws',
    region: 'eu-west-1',
    namespace: 'load',
    runArgs: ['--duration', '10m', '--rate', '20000', '--gate', 'p99 < 10ms'],
    setupArgs: ['--seed-items', '50000'],
    storage: '1Gi',
    cpu: '1',
    memory: '1Gi',
    ...over,
  };
}

type Obj = Record<string, any>;

/** The manifest as a cluster would read it: every YAML document parsed back. */
function parsed(o: K8sOptions): Obj[] {
  const docs = parseAllDocuments(manifestYaml(buildManifest(o)));
  for (const d of docs) assert.deepEqual(d.errors, []);
  return docs.map((d) => d.toJS() as Obj);
}

test('the manifest parses back to a ConfigMap, a volume claim, a setup Job, an Indexed Job and a collect pod', () => {
  const docs = parsed(options());
  assert.deepEqual(docs.map((d) => `${d['apiVersion']} ${d['kind']} ${d['metadata'].name}`), [
    'v1 ConfigMap ddbench-gaming-scenario',
    'v1 PersistentVolumeClaim ddbench-reports',
    'batch/v1 Job ddbench-gaming-setup',
    'batch/v1 Job ddbench-gaming',
    'v1 Pod ddbench-gaming-collect',
  ]);
  for (const d of docs) assert.equal(d['metadata'].namespace, 'load');
  assert.deepEqual(docs.map((d) => d['metadata'].labels['ddbench/step']), ['setup', 'setup', 'setup', 'shards', 'collect']);
});

test('the Indexed Job runs N pods at once, each `ddbench run --shard JOB_COMPLETION_INDEX+1/N` on the reused table', () => {
  const job = parsed(options()).find((d) => d['metadata'].name === 'ddbench-gaming')!;
  assert.equal(job['spec'].completionMode, 'Indexed');
  assert.equal(job['spec'].completions, 20);
  assert.equal(job['spec'].parallelism, 20);
  const pod = job['spec'].template.spec;
  assert.equal(pod.restartPolicy, 'Never');
  const container = pod.containers[0];
  assert.equal(container.image, 'registry.example.com/ddbench:1.2');
  assert.deepEqual(container.command.slice(0, 2), ['sh', '-c']);
  const script: string = container.command[2];
  assert.match(script, /i=\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)/);
  assert.match(script, /ddbench run \/scenario\/gaming\.yaml --shard "\$i\/20" --out "\/reports\/ddbench-gaming\/shard-\$i" --target aws --region eu-west-1 --reuse-table --yes --duration 10m --rate 20000 --gate 'p99 < 10ms'/);
  assert.match(script, /if \[ "\$code" -le 1 \]; then exit 0; fi/, 'a gate miss on one shard does not fail the Job');
  assert.deepEqual(container.volumeMounts.map((m: Obj) => m['mountPath']), ['/scenario', '/reports']);
  assert.deepEqual(pod.volumes.map((v: Obj) => v['configMap']?.name ?? v['persistentVolumeClaim']?.claimName), ['ddbench-gaming-scenario', 'ddbench-reports']);
  assert.deepEqual(container.env, [{ name: 'AWS_REGION', value: 'eu-west-1' }]);
});

test('the scenario file round-trips through the ConfigMap byte for byte', () => {
  const cm = parsed(options())[0]!;
  assert.equal(cm['data']['gaming.yaml'], SCENARIO_TEXT);
});

test('the setup Job creates and seeds the table once and keeps it', () => {
  const setup = parsed(options()).find((d) => d['metadata'].name === 'ddbench-gaming-setup')!;
  const command: string[] = setup['spec'].template.spec.containers[0].command;
  assert.deepEqual(command, ['ddbench', 'run', '/scenario/gaming.yaml', '--target', 'aws', '--region', 'eu-west-1', '--setup-only', '--yes', '--seed-items', '50000']);
  assert.equal(setup['spec'].backoffLimit, 0);
});

test('on an embedded target every pod makes its own table: no setup Job, no --reuse-table', () => {
  const docs = parsed(options({ target: 'dynalite', region: undefined, namespace: undefined, serviceAccount: 'ddbench' }));
  assert.equal(docs.some((d) => d['metadata'].name.endsWith('-setup')), false);
  const pod = docs.find((d) => d['metadata'].name === 'ddbench-gaming')!['spec'].template.spec;
  assert.doesNotMatch(pod.containers[0].command[2], /--reuse-table/);
  assert.equal(pod.serviceAccountName, 'ddbench');
  assert.equal(pod.containers[0].env, undefined);
});

test('names are DNS labels and shell words are quoted only when needed', () => {
  assert.equal(resourceName('Retail_Checkout.v2'), 'ddbench-retail-checkout-v2');
  assert.ok(resourceName('x'.repeat(100)).length <= 50);
  assert.equal(shQuote('--rate'), '--rate');
  assert.equal(shQuote('p99 < 10ms'), "'p99 < 10ms'");
  assert.equal(shQuote("it's"), `'it'\\''s'`);
});

test('the recipe applies the steps in order, copies the outputs and merges them', () => {
  const recipe = manifestRecipe(options(), 'ddbench.yaml', 'ddbench-gaming').split('\n');
  const at = (pattern: RegExp) => recipe.findIndex((l) => pattern.test(l));
  assert.ok(at(/-l ddbench\/step=setup/) < at(/wait .*job\/ddbench-gaming-setup/));
  assert.ok(at(/wait .*job\/ddbench-gaming-setup/) < at(/-l ddbench\/step=shards/));
  assert.ok(at(/-l ddbench\/step=shards/) < at(/kubectl cp/));
  assert.ok(at(/kubectl cp/) < at(/ddbench merge/));
  assert.ok(at(/delete-table --table-name ddbench-gaming --region eu-west-1/) > 0);
});
