// `ddbench k8s FILE --shards N --image IMAGE`: prints (or writes) the Kubernetes manifest of a
// sharded run (src/shard/k8s.ts) and how to apply it. Talks to no cluster.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv } from 'yargs';
import { validateScenarioFile } from '../../engine/validate.js';
import { resolveScenarioPath } from '../../scenario/built-in.js';
import { formatProblems } from '../../scenario/load.js';
import { parseGate } from '../../gates/parse.js';
import { UsageError } from '../../errors.js';
import { TARGET_HELP } from '../../endpoints/index.js';
import { buildManifest, manifestRecipe, manifestYaml } from '../../shard/k8s.js';
import { durationOption, io, positiveOption } from '../io.js';
import { exitCodeFor } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';

export function registerK8s(y: Argv, done: (code: ExitCode) => void): Argv {
  return y.command(
    'k8s <file>',
    'Print a Kubernetes manifest that runs the scenario as N shards (an Indexed Job, one `ddbench run --shard i/N` per pod), plus the steps to apply it and merge the outputs',
    (c) =>
      c
        .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON), or a built-in scenario by name; it goes into a ConfigMap' })
        .option('shards', { type: 'number', demandOption: true, describe: 'number of shards (pods), each with 1/N of the rate, concurrency and key space' })
        .option('image', { type: 'string', demandOption: true, describe: 'container image with ddbench on its PATH (REGISTRY/ddbench:TAG)' })
        .option('target', { type: 'string', default: 'aws', describe: `target of every shard: ${TARGET_HELP}` })
        .option('region', { type: 'string', describe: 'AWS region (also set as AWS_REGION in the pods)' })
        .option('namespace', { type: 'string', describe: 'namespace of every object (default: kubectl\'s)' })
        .option('out', { type: 'string', describe: 'write the manifest to this file (default: print it)' })
        .option('service-account', { type: 'string', describe: 'service account of the pods (e.g. one bound to an IAM role that may use the table)' })
        .option('storage-class', { type: 'string', describe: 'storage class of the ddbench-reports volume (must offer ReadWriteMany: EFS, Filestore, NFS...)' })
        .option('storage', { type: 'string', default: '1Gi', describe: 'size of the ddbench-reports volume' })
        .option('cpu', { type: 'string', default: '1', describe: 'CPU request of each pod' })
        .option('memory', { type: 'string', default: '1Gi', describe: 'memory request and limit of each pod' })
        .option('driver', { choices: ['sdk', 'http'] as const, describe: 'request driver of every shard' })
        .option('workers', { type: 'number', describe: 'load worker threads per shard' })
        .option('duration', { type: 'string', describe: 'total length of the measured phases (e.g. 10m)' })
        .option('rate', { type: 'number', describe: 'peak arrival rate of the whole run (ops/s); each shard takes 1/N' })
        .option('concurrency', { type: 'number', describe: 'operations in flight for the whole run; each shard takes 1/N' })
        .option('seed-items', { type: 'number', describe: 'items the setup Job seeds (overrides seed.items)' })
        .option('random-seed', { type: 'number', describe: 'seed of the workload generators' })
        .option('warmup', { type: 'boolean', default: true, describe: 'run warm-up phases (--no-warmup skips them)' })
        .option('gate', { type: 'string', array: true, default: [] as string[], describe: 'extra gate, repeatable (judged per shard, and again by ddbench merge)' }),
    async (a) => {
      const loaded = await validateScenarioFile(a.file);
      if (!loaded.ok) {
        io.err(`${formatProblems(loaded.problems, a.file)}\n${loaded.problems.length} problem(s) in ${a.file}; no manifest written.\n`);
        return done(exitCodeFor({ error: 'invalid-input' }));
      }
      const shards = positiveOption(a.shards, '--shards', true)!;
      if (a.image.trim() === '') throw new UsageError('--image: name the container image (REGISTRY/ddbench:TAG)');
      const ops = loaded.scenario.operations.map((o) => o.name);
      for (const g of a.gate) {
        const parsed = parseGate(g, ops);
        if (!parsed.ok) throw new UsageError(`--gate "${g}": ${parsed.message}`);
      }
      durationOption(a.duration, '--duration');
      positiveOption(a.rate, '--rate');
      positiveOption(a.concurrency, '--concurrency', true);
      positiveOption(a.workers, '--workers', true);
      if (a['seed-items'] !== undefined && a['seed-items'] !== 0) positiveOption(a['seed-items'], '--seed-items', true);
      const flag = (name: string, value: string | number | undefined): string[] => (value === undefined ? [] : [`--${name}`, String(value)]);
      const setupArgs = [...flag('seed-items', a['seed-items']), ...flag('random-seed', a['random-seed'])];
      const runArgs = [
        ...flag('driver', a.driver),
        ...flag('workers', a.workers),
        ...flag('duration', a.duration),
        ...flag('rate', a.rate),
        ...flag('concurrency', a.concurrency),
        ...setupArgs,
        ...(a.warmup ? [] : ['--no-warmup']),
        ...a.gate.flatMap((g) => ['--gate', g]),
      ];
      // a built-in scenario's name reads the package's file, as validate did above
      const scenarioFile = resolveScenarioPath(a.file);
      const options = {
        scenarioText: await readFile(scenarioFile, 'utf8'),
        scenarioFileName: path.basename(scenarioFile).replace(/[^-._a-zA-Z0-9]/g, '_'),
        scenarioName: loaded.scenario.name,
        shards,
        image: a.image.trim(),
        target: a.target,
        ...(a.region !== undefined ? { region: a.region } : {}),
        ...(a.namespace !== undefined ? { namespace: a.namespace } : {}),
        ...(a['service-account'] !== undefined ? { serviceAccount: a['service-account'] } : {}),
        ...(a['storage-class'] !== undefined ? { storageClass: a['storage-class'] } : {}),
        runArgs,
        setupArgs,
        storage: a.storage,
        cpu: a.cpu,
        memory: a.memory,
      };
      const text = manifestYaml(buildManifest(options));
      if (a.out !== undefined) {
        await writeFile(a.out, text, 'utf8');
        io.out(`manifest: ${a.out}\n`);
      } else {
        io.out(text);
      }
      io.err(`\nto run it:\n${manifestRecipe(options, a.out ?? 'ddbench.yaml', loaded.scenario.table.name)}\n`);
      done(exitCodeFor({}));
    },
  );
}
