// ddbench's command line: parse -> options -> engine -> exit code. Known errors print a
// clean message; unknown ones keep their stack. Signals stop the run cleanly.
import { createInterface } from 'node:readline/promises';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UsageError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import { runScenario } from '../engine/run.js';
import type { EngineIO, StopSignal } from '../engine/run.js';
import { formatProblems } from '../scenario/load.js';
import { validateScenarioFile } from '../engine/validate.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { durationToMs } from '../scenario/duration.js';
import { stopAllEndpoints } from '../endpoints/index.js';
import { VERSION } from '../version.js';

const stop: StopSignal = { requested: false };
let signalCount = 0;

function onSignal(signal: NodeJS.Signals): void {
  signalCount++;
  if (signalCount === 1) {
    stop.requested = true;
    stop.reason = signal === 'SIGINT' ? 'interrupted (SIGINT)' : 'terminated (SIGTERM)';
    process.stderr.write(`\n${signal}: stopping; writing what was measured, deleting the table, stopping the endpoint (${signal === 'SIGINT' ? 'Ctrl-C' : 'signal'} again to quit at once)\n`);
    return;
  }
  void stopAllEndpoints().finally(() => process.exit(EXIT.interrupted));
}

function onFatal(error: unknown): void {
  process.stderr.write(`ddbench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  void stopAllEndpoints().finally(() => process.exit(EXIT.runtimeError));
}

const io: EngineIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  ...(process.stdin.isTTY
    ? {
        confirm: async (question: string) => {
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
          } finally {
            rl.close();
          }
        },
      }
    : {}),
};

function durationOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = durationToMs(/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  if (ms === undefined || ms <= 0) throw new UsageError(`${flag}: expected a duration like 30s, 2m or 500ms, got ${JSON.stringify(value)}`);
  return ms;
}

function positive(value: number | undefined, flag: string, integer = false): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag}: expected a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`);
  }
  return value;
}

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.pass;
  await yargs(argv)
    .scriptName('ddbench')
    .version(VERSION)
    .strict()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .command(
      'run <file>',
      'Run a scenario: create the table, seed it, apply the load, write reports/<scenario>-<time>/summary.json and latency.hlog, check gates',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
          .option('target', { type: 'string', default: 'local', describe: 'local (DynamoDB Local if Java is present, else dynalite) | dynamodb-local | dynalite | http(s)://host:port | aws' })
          .option('region', { type: 'string', describe: 'AWS region (target aws; signing region for other endpoints)' })
          .option('driver', { choices: ['sdk'] as const, default: 'sdk' as const, describe: 'request driver' })
          .option('duration', { type: 'string', describe: 'total length of the measured phases (e.g. 60s); each keeps its share' })
          .option('rate', { type: 'number', describe: 'peak arrival rate (ops/s) of the measured phases; all phases scale by the same factor' })
          .option('concurrency', { type: 'number', describe: 'maximum operations in flight (open loop) / workers (closed loop)' })
          .option('seed-items', { type: 'number', describe: 'number of items to seed (overrides seed.items)' })
          .option('random-seed', { type: 'number', describe: 'seed of the workload generators (same seed, same operations)' })
          .option('warmup', { type: 'boolean', default: true, describe: 'run warm-up phases (--no-warmup skips them)' })
          .option('gate', { type: 'string', array: true, default: [] as string[], describe: 'extra gate, repeatable: "p99<10ms", "get-profile.p50<5ms", "errors<0.1%"' })
          .option('keep-table', { type: 'boolean', default: false, describe: 'do not delete the table at the end' })
          .option('reuse-table', { type: 'boolean', default: false, describe: 'run against an existing table as is (never created, seeded or deleted)' })
          .option('yes', { type: 'boolean', default: false, describe: 'confirm a run against a non-loopback target without asking' })
          .option('out', { type: 'string', describe: 'output folder (default reports/<scenario>-<timestamp>)' }),
      async (a) => {
        const result = await runScenario({
          file: a.file,
          target: a.target,
          ...(a.region ? { region: a.region } : {}),
          driver: a.driver,
          gates: a.gate,
          keepTable: a['keep-table'],
          reuseTable: a['reuse-table'],
          yes: a.yes,
          noWarmup: !a.warmup,
          ...(a.out ? { outDir: a.out } : {}),
          ...defined('durationMs', durationOption(a.duration, '--duration')),
          ...defined('rateOpsPerSec', positive(a.rate, '--rate')),
          ...defined('concurrency', positive(a.concurrency, '--concurrency', true)),
          ...defined('seedItems', a['seed-items'] === 0 ? 0 : positive(a['seed-items'], '--seed-items', true)),
          ...defined('randomSeed', a['random-seed']),
          io,
          stop,
        });
        exitCode = result.exitCode;
      },
    )
    .command(
      'validate <file>',
      'Check a scenario file and print every problem with its path and line (exit 2 if any); sends nothing',
      (y) => y.positional('file', { type: 'string', demandOption: true }),
      async (a) => {
        const loaded = await validateScenarioFile(a.file);
        if (loaded.ok) {
          process.stdout.write(`${a.file}: ok (${loaded.scenario.operations.length} operations, ${loaded.scenario.phases.length} phases)\n`);
        } else {
          process.stderr.write(`${formatProblems(loaded.problems, a.file)}\n${loaded.problems.length} problem(s) in ${a.file}\n`);
          exitCode = EXIT.invalidInput;
        }
      },
    )
    .command('schema', 'Print the JSON Schema of scenario files (for editors)', {}, () => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    })
    .demandCommand(1, 'name a command: run, validate or schema')
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    })
    .help()
    .parseAsync();
  return exitCode;
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('uncaughtException', onFatal);
process.on('unhandledRejection', onFatal);

main(hideBin(process.argv)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`ddbench: ${error.message}\n`);
      void stopAllEndpoints().finally(() => process.exit(EXIT.invalidInput));
      return;
    }
    const known = error instanceof Error && error.name === 'RuntimeError';
    process.stderr.write(`ddbench: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    void stopAllEndpoints().finally(() => process.exit(stop.requested ? EXIT.interrupted : EXIT.runtimeError));
  },
);
