// Fuzzed command lines: a few hundred argument sets for `ddbench run`, drawn with fast-check from
// every option with good and bad values (and unknown flags, repeated flags, stray words), parsed
// in-process by the CLI's own parser (src/cli/parser.ts) with the engine replaced by its planning
// step (engine/run.ts planRun: every check before anything starts). Each must end in a valid
// plan or a UsageError (exit 2) whose message names the problem: a flag or value it was given,
// or the scenario file. Never another exception, never a stack trace, never a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildCli } from '../../src/cli/parser.js';
import { registerRun } from '../../src/cli/commands/run.js';
import { planRun } from '../../src/engine/run.js';
import type { RunOptions, RunResult } from '../../src/engine/run.js';
import { resolveTarget } from '../../src/endpoints/index.js';
import { UsageError } from '../../src/errors.js';
import { ROOT } from '../support/cli.js';

const RUNS = 400;
const CASE_LIMIT_MS = 10_000;

const FILES = [
  join(ROOT, 'scenarios/gaming.yaml'),
  join(ROOT, 'scenarios/retail.yaml'),
  join(ROOT, 'test/fixtures/scenarios/faults.yaml'),
  join(ROOT, 'test/fixtures/scenarios/closed-loop.yaml'),
  join(ROOT, 'test/fixtures/scenarios/broken-run.yaml'),
  join(ROOT, 'scenarios/nope.yaml'),
  join(ROOT, 'scenarios'),
  '',
];

/** Each option with values that are right, wrong in kind, out of range, or odd. */
const OPTIONS: Record<string, readonly string[]> = {
  '--target': ['local', 'dynalite', 'dynamodb-local', 'http://127.0.0.1:8000', 'https://example.invalid', 'aws', 'mainframe', 'http://u:p@127.0.0.1:1', 'ftp://x', 'http://127.0.0.1:8000/path', ''],
  '--region': ['us-east-1', 'eu-west-1', 'mars-1', ''],
  '--driver': ['sdk', 'http', 'bogus', ''],
  '--workers': ['1', '2', '0', '-1', '1.5', '1e9', 'abc', '300'],
  '--duration': ['10s', '500ms', '1m30s', '0', '-5s', 'soon', '99999h', '', '1e3'],
  '--rate': ['100', '0', '-1', '1e308', 'x', '100000000', '0.5'],
  '--concurrency': ['1', '64', '0', '1e9', '1.5', 'many'],
  '--seed-items': ['0', '10', '-1', '1.5', 'lots'],
  '--random-seed': ['1', '-1', '1.5', 'x'],
  '--gate': ['p99 < 10ms', 'errors < 1%', 'nosuchop.p99 < 1ms', 'p99 ~ 1', '', 'p99 < 10parsecs'],
  '--abort': ['errors > 50% for 10s', 'unreachable for 5s', 'bogus', 'p90 > 1s for 5s', '', 'errors > 50% for -1s'],
  '--out': ['/tmp/ddbench-fuzz-out', ''],
  '--shard': ['1/2', '3/2', 'x', '0/1', '2/2'],
  '--baseline': ['/nonexistent/summary.json'],
  '--max-regression': ['15%', 'abc', '-5'],
  '--price-read': ['0.1', '-1', 'x'],
  '--price-write': ['0.6', 'free'],
  '--junit': ['/tmp/ddbench-fuzz-junit.xml'],
  '--markdown': ['/tmp/ddbench-fuzz.md'],
  '--bogus': ['1'],
  '-x': ['1'],
};
const FLAGS = ['--no-warmup', '--keep-table', '--reuse-table', '--yes', '--setup-only', '--warmup', '--junit-verdict', '--force-baseline'];

const optionArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...Object.keys(OPTIONS)).chain((flag) => fc.constantFrom(...OPTIONS[flag]!).map((v) => [flag, v])) },
  { weight: 1, arbitrary: fc.constantFrom(...FLAGS).map((f) => [f]) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(OPTIONS)).map((f) => [f]) }, // a flag missing its value
  { weight: 1, arbitrary: fc.constantFrom('extra', '--', '-', '--=', '—rate').map((w) => [w]) },
);

/** values every option accepts, so that a fair share of the command lines are valid plans */
const GOOD: Record<string, readonly string[]> = {
  '--target': ['local', 'http://127.0.0.1:8000', 'aws'],
  '--driver': ['sdk', 'http'],
  '--workers': ['1', '2'],
  '--duration': ['10s', '500ms', '1m30s'],
  '--rate': ['100', '0.5'],
  '--concurrency': ['1', '64'],
  '--seed-items': ['0', '10'],
  '--random-seed': ['1', '-1'],
  '--gate': ['p99 < 10ms', 'errors < 1%'],
  '--abort': ['errors > 50% for 10s', 'unreachable for 5s'],
};
const goodOptionArb = fc.constantFrom(...Object.keys(GOOD)).chain((flag) => fc.constantFrom(...GOOD[flag]!).map((v) => [flag, v]));
const goodArgvArb = fc.tuple(fc.constantFrom(...FILES.slice(0, 4)), fc.array(goodOptionArb, { maxLength: 5 })).map(([file, opts]) => ['run', file, ...opts.flat()]);

const anyArgvArb = fc.tuple(fc.constantFrom(...FILES), fc.array(optionArb, { maxLength: 6 }), fc.boolean()).map(([file, opts, withFile]) => ['run', ...(withFile ? [file] : []), ...opts.flat()]);

/** The engine's planning step, and the target's own check where it starts nothing (a URL, aws). */
async function plan(o: RunOptions, err: string[]): Promise<RunResult> {
  const planned = await planRun({ ...o, io: { out: () => undefined, err: (t) => void err.push(t), isTTY: false } });
  if (!planned.ok) return { state: o.control.state, invalidInput: true };
  if (!['local', 'dynalite', 'dynamodb-local', ''].includes(o.target.trim().toLowerCase())) {
    await resolveTarget(o.target, { ...(o.region ? { region: o.region } : {}), log: () => undefined });
  }
  return { state: o.control.state };
}

type Ending = { kind: 'plan' } | { kind: 'exit2'; message: string } | { kind: 'other'; error: unknown };

async function parse(argv: string[]): Promise<Ending> {
  const err: string[] = [];
  let exitCode = 0;
  try {
    await buildCli(argv, [(y) => registerRun(y, (code) => (exitCode = code), (o) => plan(o, err))])
      .exitProcess(false)
      .parseAsync();
    if (exitCode === 2) return { kind: 'exit2', message: err.join('') };
    return exitCode === 0 ? { kind: 'plan' } : { kind: 'other', error: new Error(`exit code ${exitCode}`) };
  } catch (error) {
    return error instanceof UsageError ? { kind: 'exit2', message: error.message } : { kind: 'other', error };
  }
}

function withLimit<T>(p: Promise<T>, argv: string[]): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hung for ${CASE_LIMIT_MS} ms: ${JSON.stringify(argv)}`)), CASE_LIMIT_MS)));
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/** The message names the problem: a word of the command line it was given, or a flag. */
function namesTheProblem(message: string, argv: string[]): boolean {
  const words = argv.slice(1).flatMap((a) => [a, a.replace(/^-+/, '').split('=')[0]!]).filter((w) => w.length >= 2);
  return words.some((w) => message.includes(w)) || /argument|command|scenario file|--[a-z]/.test(message);
}

test(`${RUNS} fuzzed command lines each end in a valid plan or exit 2 naming the problem, never a stack trace`, { timeout: 180_000 }, async (t) => {
  const tally = { plan: 0, exit2: 0 };
  await fc.assert(
    fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: anyArgvArb }, { weight: 1, arbitrary: goodArgvArb }), async (argv) => {
      const ending = await withLimit(parse(argv), argv);
      if (ending.kind === 'other') {
        const e = ending.error;
        throw new Error(`${JSON.stringify(argv)} ended in ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      tally[ending.kind]++;
      if (ending.kind === 'exit2') {
        assert.ok(ending.message.trim() !== '', `${JSON.stringify(argv)}: an empty message`);
        assert.doesNotMatch(ending.message, /\n\s+at .+:\d+:\d+/, `${JSON.stringify(argv)}: a stack trace in ${ending.message}`);
        assert.ok(namesTheProblem(ending.message, argv), `${JSON.stringify(argv)}: the message does not name the problem: ${ending.message}`);
      }
    }),
    { seed: 20_260_601, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
  );
  t.diagnostic(`${tally.plan} valid plans, ${tally.exit2} refused with exit 2`);
  assert.ok(tally.plan > 0 && tally.exit2 > 0, 'both endings are covered');
});
