import type { Argv } from 'yargs';
import { runScenario } from '../../engine/run.js';
import type { RunOptions, RunResult } from '../../engine/run.js';
import { TARGET_HELP } from '../../endpoints/index.js';
import { io, control, durationOption, positiveOption, defined } from '../io.js';
import { RUN_CI_OPTIONS, runCiSettings, withRunCiOptions } from './compare.js';
import { addPriceOptions, pricesFrom } from './report.js';
import { SHARD_ENV, shardFrom } from '../../shard/shard.js';
import { UsageError } from '../../errors.js';
import { runComparingTargets } from '../../engine/compare-targets.js';
import { explainRecordedDenials } from '../target-errors.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';

/** `execute` is the engine; the command-line fuzz test passes one that only plans (engine/run.ts planRun). */
export function registerRun(y: Argv, done: (code: ExitCode) => void, execute: (o: RunOptions) => Promise<RunResult> = runScenario): Argv {
  return y.command(
    'run <file>',
    'Run a scenario: create the table, seed it, apply the load, check gates, write summary.json, report.html and latency.hlog to reports/<scenario>-<time>/',
    (c) =>
      withRunCiOptions(addPriceOptions(c))
        .positional('file', { type: 'string', demandOption: true, describe: 'scenario file: YAML, JSON or a script (.ts, .mts, .js, .mjs)' })
        .option('target', { type: 'string', default: 'local', describe: TARGET_HELP })
        .option('region', { type: 'string', describe: 'AWS region (target aws; signing region for other endpoints)' })
        .option('driver', { choices: ['sdk', 'http', 'dax'] as const, describe: 'request driver: http (default: signed JSON over keep-alive connections, the lowest harness floor, same outcomes), sdk (AWS SDK v3: what an application on the SDK sees; also the default for retries.mode adaptive) or dax (the official DAX client; chosen by itself for DAX targets)' })
        .option('compare-target', { type: 'string', describe: 'also run the same workload (same random seed) against this target first, e.g. --target dax-local --compare-target local; both summaries and compare.html go in one folder' })
        .option('dynamodb-endpoint', { type: 'string', describe: 'DAX targets: DynamoDB endpoint for table setup and seeding (default: the region\'s; dax-local: an embedded one)' })
        .option('workers', { type: 'number', describe: 'load worker threads, each with 1/N of the rate and concurrency (default: as many as the peak rate needs, at most the number of cores)' })
        .option('duration', { type: 'string', describe: 'total length of the measured phases (e.g. 60s); each keeps its share' })
        .option('rate', { type: 'number', describe: 'peak arrival rate (ops/s) of the measured phases; all phases scale by the same factor' })
        .option('concurrency', { type: 'number', describe: 'maximum operations in flight (open loop) / workers (closed loop)' })
        .option('seed-items', { type: 'number', describe: 'number of items to seed (overrides seed.items)' })
        .option('random-seed', { type: 'number', describe: 'seed of the workload generators (same seed, same operations)' })
        .option('warmup', { type: 'boolean', default: true, describe: 'run warm-up phases (--no-warmup skips them)' })
        .option('gate', { type: 'string', array: true, default: [] as string[], describe: 'extra gate, repeatable: "p99<10ms", "get-profile.p50<5ms", "errors<0.1%"' })
        .option('abort', { type: 'string', array: true, default: [] as string[], describe: 'stop early when a rule holds for its window, repeatable: "errors > 50% for 10s", "p99 > 1s for 10s" (exit 1), "unreachable for 5s" (exit 3; "unreachable for 10s" is on by default, "unreachable for off" turns it off)' })
        .option('calibrate', { type: 'boolean', default: true, describe: 'before a judged open-loop run (gates, a baseline), measure the harness floor: ddbench\'s own latency at this rate and driver against a null endpoint, about 4 s added before the load; gates within it are reported inconclusive (--no-calibrate skips it)' })
        .option('strict-floor', { type: 'boolean', default: false, describe: 'an inconclusive gate (within the harness floor) fails the run (default: shown, not failed)' })
        .option('keep-table', { type: 'boolean', default: false, describe: 'do not delete the table at the end' })
        .option('reuse-table', { type: 'boolean', default: false, describe: 'run against an existing table as is (never created, seeded or deleted)' })
        .option('yes', { type: 'boolean', default: false, describe: 'confirm a run against a non-loopback target without asking' })
        .option('out', { type: 'string', describe: 'output folder (default reports/<scenario>-<timestamp>, with -shard<i>of<n> for a shard)' })
        .option('shard', { type: 'string', describe: `run shard i of n (1-based, e.g. 3/20): 1/n of the rate, concurrency and key space; default $${SHARD_ENV}; merge the shards with ddbench merge` })
        .option('setup-only', { type: 'boolean', default: false, describe: 'create the table and seed every item, keep it and stop: once before shards that run with --reuse-table on a shared target' })
        .group(RUN_CI_OPTIONS, 'Baseline and CI outputs:'),
    async (a) => {
      singleValued(a, SINGLE_OPTIONS);
      if (a.file.trim() === '') throw new UsageError('run: the scenario file name is empty');
      const compareTarget = a['compare-target'];
      const run = (o: RunOptions): Promise<RunResult> => (compareTarget !== undefined ? runComparingTargets(o, compareTarget, execute) : execute(o));
      const result = await run({
        file: a.file,
        target: a.target,
        ...defined('region', a.region),
        ...defined('dynamodbEndpoint', a['dynamodb-endpoint']),
        ...defined('driver', a.driver),
        ...defined('workers', workersOption(a.workers)),
        gates: a.gate,
        abort: a.abort,
        keepTable: a['keep-table'],
        noCalibrate: !a.calibrate,
        strictFloor: a['strict-floor'],
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
        control,
      });
      // requests IAM refused are recorded, not thrown: say so in one line, and fail as bad input
      const denied = result.summary ? explainRecordedDenials(result.summary.operations, operationTypes(result.summary.scenario.source)) : undefined;
      if (denied !== undefined) io.err(`ddbench: ${denied.line}\n`);
      const refused = denied !== undefined ? (denied.exitCode === EXIT.invalidInput ? 'invalid-input' : 'runtime') : result.invalidInput ? 'invalid-input' : undefined;
      done(exitCodeFor({ state: result.state, pass: result.pass, error: refused }));
    },
  );
}

/** operation name -> its DynamoDB call, from the scenario as written */
function operationTypes(source: unknown): Record<string, string> {
  const ops = (source as { operations?: unknown } | undefined)?.operations;
  const out: Record<string, string> = {};
  if (Array.isArray(ops)) for (const op of ops as { name?: unknown; type?: unknown }[]) if (typeof op.name === 'string' && typeof op.type === 'string') out[op.name] = op.type;
  return out;
}

/** load threads: each is a V8 isolate of its own (tens of MB); past a few hundred a machine runs out of memory, not of load */
const MAX_WORKERS = 256;

function workersOption(value: number | undefined): number | undefined {
  const n = positiveOption(value, '--workers', true);
  if (n !== undefined && n > MAX_WORKERS) throw new UsageError(`--workers: at most ${MAX_WORKERS} load threads, got ${n}`);
  return n;
}

/** options that take one value: yargs turns a repeated one into a list, which nothing downstream expects */
const SINGLE_OPTIONS = ['file', 'target', 'compare-target', 'region', 'driver', 'workers', 'duration', 'rate', 'concurrency', 'seed-items', 'random-seed', 'out', 'shard', 'baseline', 'max-regression', 'floor', 'error-floor', 'min-samples', 'junit', 'markdown', 'price-read', 'price-write'];

export function singleValued(a: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    const v = a[name];
    if (Array.isArray(v)) throw new UsageError(`--${name} given ${v.length} times (${v.map(String).join(', ')}); give it once`);
  }
}
