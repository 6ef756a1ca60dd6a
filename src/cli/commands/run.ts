import type { Argv } from 'yargs';
import { runScenario } from '../../engine/run.js';
import { TARGET_HELP } from '../../endpoints/index.js';
import { io, stop, outcome, durationOption, positiveOption, defined } from '../io.js';
import { RUN_CI_OPTIONS, runCiSettings, withRunCiOptions } from './compare.js';
import { addPriceOptions, pricesFrom } from './report.js';
import { SHARD_ENV, shardFrom } from '../../shard/shard.js';

export function registerRun(y: Argv): Argv {
  return y.command(
    'run <file>',
    'Run a scenario: create the table, seed it, apply the load, check gates, write reports/<scenario>-<time>/summary.json and latency.hlog',
    (c) =>
      withRunCiOptions(addPriceOptions(c))
        .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
        .option('target', { type: 'string', default: 'local', describe: TARGET_HELP })
        .option('region', { type: 'string', describe: 'AWS region (target aws; signing region for other endpoints)' })
        .option('driver', { choices: ['sdk', 'http'] as const, default: 'sdk' as const, describe: 'request driver: sdk (AWS SDK v3) or http (signed JSON over keep-alive connections, same outcomes, far less CPU per request)' })
        .option('workers', { type: 'number', describe: 'load worker threads, each with 1/N of the rate and concurrency (default: as many as the peak rate needs, at most the number of cores)' })
        .option('duration', { type: 'string', describe: 'total length of the measured phases (e.g. 60s); each keeps its share' })
        .option('rate', { type: 'number', describe: 'peak arrival rate (ops/s) of the measured phases; all phases scale by the same factor' })
        .option('concurrency', { type: 'number', describe: 'maximum operations in flight (open loop) / workers (closed loop)' })
        .option('seed-items', { type: 'number', describe: 'number of items to seed (overrides seed.items)' })
        .option('random-seed', { type: 'number', describe: 'seed of the workload generators (same seed, same operations)' })
        .option('warmup', { type: 'boolean', default: true, describe: 'run warm-up phases (--no-warmup skips them)' })
        .option('gate', { type: 'string', array: true, default: [] as string[], describe: 'extra gate, repeatable: "p99<10ms", "get-profile.p50<5ms", "errors<0.1%"' })
        .option('abort', { type: 'string', array: true, default: [] as string[], describe: 'stop early when a rule holds for its window, repeatable: "errors > 50% for 10s", "unreachable for 5s", "p99 > 1s for 10s" (exit 1)' })
        .option('keep-table', { type: 'boolean', default: false, describe: 'do not delete the table at the end' })
        .option('reuse-table', { type: 'boolean', default: false, describe: 'run against an existing table as is (never created, seeded or deleted)' })
        .option('yes', { type: 'boolean', default: false, describe: 'confirm a run against a non-loopback target without asking' })
        .option('out', { type: 'string', describe: 'output folder (default reports/<scenario>-<timestamp>, with -shard<i>of<n> for a shard)' })
        .option('shard', { type: 'string', describe: `run shard i of n (1-based, e.g. 3/20): 1/n of the rate, concurrency and key space; default $${SHARD_ENV}; merge the shards with ddbench merge` })
        .option('setup-only', { type: 'boolean', default: false, describe: 'create the table and seed every item, keep it and stop: once before shards that run with --reuse-table on a shared target' })
        .group(RUN_CI_OPTIONS, 'Baseline and CI outputs:'),
    async (a) => {
      const result = await runScenario({
        file: a.file,
        target: a.target,
        ...defined('region', a.region),
        driver: a.driver,
        ...defined('workers', positiveOption(a.workers, '--workers', true)),
        gates: a.gate,
        abort: a.abort,
        keepTable: a['keep-table'],
        reuseTable: a['reuse-table'],
        yes: a.yes,
        noWarmup: !a.warmup,
        ...defined('outDir', a.out),
        ...defined('durationMs', durationOption(a.duration, '--duration')),
        ...defined('rateOpsPerSec', positiveOption(a.rate, '--rate')),
        ...defined('concurrency', positiveOption(a.concurrency, '--concurrency', true)),
        ...defined('seedItems', a['seed-items'] === 0 ? 0 : positiveOption(a['seed-items'], '--seed-items', true)),
        ...defined('randomSeed', a['random-seed']),
        ...defined('shard', shardFrom(a.shard, process.env)),
        setupOnly: a['setup-only'],
        ...runCiSettings(a, process.env),
        ...defined('prices', pricesFrom(a)),
        io,
        stop,
      });
      outcome.exitCode = result.exitCode;
    },
  );
}
