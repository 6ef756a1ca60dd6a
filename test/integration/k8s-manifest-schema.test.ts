// `ddbench k8s` manifests checked against the Kubernetes API's own schema: the real CLI prints
// the manifest for every option combination docs/distributed.md documents, and each object is validated
// with kubernetes-models 4.5 (JSON schemas generated from the OpenAPI spec of Kubernetes v1.33.0:
// types, enums, required fields, integer formats). No cluster and no network.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, PersistentVolumeClaim, Pod } from 'kubernetes-models/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { runCli } from '../support/cli.js';

type Obj = Record<string, any>;

/** apiVersion/kind -> a validator that throws with the schema's complaint. */
const MODELS: Record<string, (o: Obj) => void> = {
  'v1/ConfigMap': (o) => new ConfigMap(o as never).validate(),
  'v1/PersistentVolumeClaim': (o) => new PersistentVolumeClaim(o as never).validate(),
  'v1/Pod': (o) => new Pod(o as never).validate(),
  'batch/v1/Job': (o) => new Job(o as never).validate(),
};

function validateAll(docs: Obj[]): string[] {
  return docs.map((d) => {
    const key = `${d['apiVersion']}/${d['kind']}`;
    const validate = MODELS[key];
    assert.ok(validate, `an object of a kind the test knows: ${key}`);
    validate(d);
    return `${d['kind']} ${d['metadata'].name}`;
  });
}

function parse(text: string): Obj[] {
  const docs = parseAllDocuments(text);
  for (const d of docs) assert.deepEqual(d.errors, []);
  return docs.map((d) => d.toJS() as Obj);
}

const BASE = ['k8s', 'scenarios/gaming.yaml', '--image', 'registry.example.com/ddbench:1.0'];

/** The option combinations docs/distributed.md "On Kubernetes" documents. */
const COMBINATIONS: { name: string; args: string[]; kinds: string[] }[] = [
  {
    name: 'the docs example: AWS, 20 shards, rate and duration',
    args: ['--shards', '20', '--target', 'aws', '--region', 'eu-west-1', '--rate', '40000', '--duration', '10m'],
    kinds: ['ConfigMap', 'PersistentVolumeClaim', 'Job', 'Job', 'Pod'],
  },
  {
    name: 'placement: namespace, service account, storage class and size, cpu and memory',
    args: ['--shards', '4', '--target', 'aws', '--region', 'us-east-1', '--namespace', 'load', '--service-account', 'ddbench-irsa', '--storage-class', 'efs-sc', '--storage', '5Gi', '--cpu', '2', '--memory', '2Gi'],
    kinds: ['ConfigMap', 'PersistentVolumeClaim', 'Job', 'Job', 'Pod'],
  },
  {
    name: 'every run option passed through',
    args: ['--shards', '3', '--target', 'aws', '--region', 'eu-west-1', '--driver', 'http', '--workers', '2', '--concurrency', '300', '--seed-items', '5000', '--random-seed', '7', '--no-warmup', '--gate', 'p99 < 10ms', '--gate', 'errors < 0.1%'],
    kinds: ['ConfigMap', 'PersistentVolumeClaim', 'Job', 'Job', 'Pod'],
  },
  {
    name: 'a shared http(s) endpoint',
    args: ['--shards', '2', '--target', 'https://dynamodb.example.internal:8000'],
    kinds: ['ConfigMap', 'PersistentVolumeClaim', 'Job', 'Job', 'Pod'],
  },
  {
    name: 'an embedded target in every pod (no setup Job)',
    args: ['--shards', '2', '--target', 'local', '--duration', '30s'],
    kinds: ['ConfigMap', 'PersistentVolumeClaim', 'Job', 'Pod'],
  },
];

describe('ddbench k8s manifests validate against the Kubernetes v1.33 API schema', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'ddbench-k8s-schema-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of COMBINATIONS) {
    it(c.name, async () => {
      const res = await runCli([...BASE, ...c.args]);
      assert.equal(res.code, 0, res.stderr);
      const objects = validateAll(parse(res.stdout));
      assert.deepEqual(objects.map((o) => o.split(' ')[0]), c.kinds);
    });
  }

  it('--out writes the same valid manifest to a file', async () => {
    const file = join(dir, 'ddbench.yaml');
    const res = await runCli([...BASE, '--shards', '2', '--region', 'eu-west-1', '--out', file]);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(validateAll(parse(readFileSync(file, 'utf8'))).length, 5);
  });

  it('the schema check bites: a wrong enum or a string count is refused', async () => {
    const res = await runCli([...BASE, '--shards', '2', '--region', 'eu-west-1']);
    const job = parse(res.stdout).find((d) => d['kind'] === 'Job' && d['spec'].completionMode === 'Indexed')!;
    assert.throws(() => MODELS['batch/v1/Job']!({ ...job, spec: { ...job['spec'], completionMode: 'Indexd' } }), /completionMode/);
    assert.throws(() => MODELS['batch/v1/Job']!({ ...job, spec: { ...job['spec'], parallelism: '2' } }), /parallelism/);
  });
});
