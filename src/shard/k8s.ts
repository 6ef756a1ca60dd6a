// The Kubernetes manifest of a sharded run: an Indexed Job of N pods, pod k running
// `ddbench run --shard k+1/N` (k = JOB_COMPLETION_INDEX, which Kubernetes sets in each pod of
// an Indexed Job), the scenario in a ConfigMap, the outputs on a ReadWriteMany volume
// (`ddbench-reports`), a setup Job that creates and seeds the table once (shared targets only:
// see ./table.ts), and a pod to copy the outputs from. Every object carries a `ddbench/step`
// label (setup, shards, collect) so one file is applied in order with `kubectl apply -l`.
// Pure: options in, objects out (the command prints them as YAML).
import { stringify } from 'yaml';
import { isEmbeddedTarget } from './table.js';

export interface K8sOptions {
  /** the scenario as written, and its file name (the ConfigMap key) */
  scenarioText: string;
  scenarioFileName: string;
  scenarioName: string;
  shards: number;
  image: string;
  target: string;
  region?: string;
  namespace?: string;
  /** flags passed to every shard's `ddbench run` (already checked): --duration 60s, --rate 5000... */
  runArgs: string[];
  /** flags the setup Job needs too (--seed-items, --random-seed): the seed must be the shards' */
  setupArgs: string[];
  serviceAccount?: string;
  storageClass?: string;
  /** size of the reports volume, e.g. 1Gi */
  storage: string;
  /** per-pod resource requests, e.g. '1' and '1Gi' */
  cpu: string;
  memory: string;
}

export type K8sObject = Record<string, unknown>;

export const REPORTS_CLAIM = 'ddbench-reports';
export const STEP_LABEL = 'ddbench/step';

/** A DNS-1123 label for object names, short enough for Job and pod name suffixes. */
export function resourceName(scenarioName: string): string {
  const base = `ddbench-${scenarioName.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.replace(/-+/g, '-');
  return base.slice(0, 50).replace(/-+$/, '');
}

/** Single-quotes a word for sh unless it is plainly safe. */
export function shQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function buildManifest(o: K8sOptions): K8sObject[] {
  const name = resourceName(o.scenarioName);
  const shared = !isEmbeddedTarget(o.target);
  const scenarioPath = `/scenario/${o.scenarioFileName}`;
  const targetArgs = ['--target', o.target, ...(o.region !== undefined ? ['--region', o.region] : [])];
  const meta = (objName: string, step: string) => ({
    name: objName,
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    labels: { 'app.kubernetes.io/name': 'ddbench', 'app.kubernetes.io/instance': name, [STEP_LABEL]: step },
  });
  const scenarioVolume = { name: 'scenario', configMap: { name: `${name}-scenario` } };
  const reportsVolume = { name: 'reports', persistentVolumeClaim: { claimName: REPORTS_CLAIM } };
  const env = o.region !== undefined ? [{ name: 'AWS_REGION', value: o.region }] : [];
  const resources = { requests: { cpu: o.cpu, memory: o.memory }, limits: { memory: o.memory } };
  const podSpec = (container: Record<string, unknown>, volumes: unknown[]) => ({
    ...(o.serviceAccount !== undefined ? { serviceAccountName: o.serviceAccount } : {}),
    restartPolicy: 'Never',
    containers: [{ name: 'ddbench', image: o.image, ...container, ...(env.length > 0 ? { env } : {}), resources }],
    volumes,
  });
  const mounts = { volumeMounts: [{ name: 'scenario', mountPath: '/scenario', readOnly: true }, { name: 'reports', mountPath: '/reports' }] };

  const shardArgs = [...targetArgs, ...(shared ? ['--reuse-table'] : []), '--yes', ...o.runArgs].map(shQuote).join(' ');
  const script = [
    'i=$((JOB_COMPLETION_INDEX + 1))',
    `ddbench run ${shQuote(scenarioPath)} --shard "$i/${o.shards}" --out "/reports/${name}/shard-$i" ${shardArgs}`,
    'code=$?',
    "# a shard's gates see only its share of the load: `ddbench merge` judges the run, so only errors (exit >= 2) fail the pod",
    'if [ "$code" -le 1 ]; then exit 0; fi',
    'exit "$code"',
    '',
  ].join('\n');

  const objects: K8sObject[] = [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${name}-scenario`, 'setup'), data: { [o.scenarioFileName]: o.scenarioText } },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta(REPORTS_CLAIM, 'setup'),
      spec: { accessModes: ['ReadWriteMany'], ...(o.storageClass !== undefined ? { storageClassName: o.storageClass } : {}), resources: { requests: { storage: o.storage } } },
    },
  ];
  if (shared) {
    objects.push({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta(`${name}-setup`, 'setup'),
      spec: {
        backoffLimit: 0,
        template: {
          metadata: { labels: { 'app.kubernetes.io/name': 'ddbench', [STEP_LABEL]: 'setup' } },
          spec: podSpec(
            { command: ['ddbench', 'run', scenarioPath, ...targetArgs, '--setup-only', '--yes', ...o.setupArgs], volumeMounts: [{ name: 'scenario', mountPath: '/scenario', readOnly: true }] },
            [scenarioVolume],
          ),
        },
      },
    });
  }
  objects.push({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(name, 'shards'),
    spec: {
      completionMode: 'Indexed',
      completions: o.shards,
      parallelism: o.shards,
      // a shard that ran again would measure twice: a failed shard fails the Job instead
      backoffLimit: 0,
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'ddbench', [STEP_LABEL]: 'shards' } },
        spec: podSpec({ command: ['sh', '-c', script], ...mounts }, [scenarioVolume, reportsVolume]),
      },
    },
  });
  objects.push({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(`${name}-collect`, 'collect'),
    spec: {
      restartPolicy: 'Never',
      containers: [{ name: 'collect', image: o.image, command: ['sleep', '86400'], volumeMounts: [{ name: 'reports', mountPath: '/reports' }] }],
      volumes: [reportsVolume],
    },
  });
  return objects;
}

/** The manifest as one multi-document YAML file. */
export function manifestYaml(objects: K8sObject[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}

/** The steps to run the manifest, for the console and docs/distributed.md. */
export function manifestRecipe(o: Pick<K8sOptions, 'scenarioName' | 'target' | 'namespace' | 'region'>, file: string, tableName: string): string {
  const name = resourceName(o.scenarioName);
  const ns = o.namespace !== undefined ? ` -n ${o.namespace}` : '';
  const lines = [
    `kubectl apply${ns} -f ${file} -l ${STEP_LABEL}=setup`,
    ...(isEmbeddedTarget(o.target) ? [] : [`kubectl wait${ns} --for=condition=complete job/${name}-setup --timeout=1h`]),
    `kubectl apply${ns} -f ${file} -l ${STEP_LABEL}=shards`,
    `kubectl wait${ns} --for=condition=complete job/${name} --timeout=6h`,
    `kubectl apply${ns} -f ${file} -l ${STEP_LABEL}=collect`,
    `kubectl wait${ns} --for=condition=ready pod/${name}-collect`,
    `kubectl cp${ns} ${name}-collect:/reports/${name} ./${name}`,
    `npx ddbench merge ./${name}/shard-*`,
    ...(isEmbeddedTarget(o.target) ? [] : [`# the table was kept for the shards: delete it when done`, deleteCommand(o.target, tableName, o.region)]),
    `kubectl delete${ns} -f ${file}`,
  ];
  return lines.join('\n');
}

function deleteCommand(target: string, table: string, region: string | undefined): string {
  const where = target === 'aws' ? (region !== undefined ? ` --region ${region}` : '') : ` --endpoint-url ${target}`;
  return `aws dynamodb delete-table --table-name ${table}${where}`;
}
