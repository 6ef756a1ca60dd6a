// Damaged real outputs given to every reader: a real two-shard run's summary.json and latency.hlog
// (and their merge), mutated with a fixed seed (readers-fuzz-mutations.ts: truncated, flipped or
// replaced histograms, empty, random bytes, a folder, the wrong shape, absurd numbers), then given
// to `report`, `compare`, `trend`, `merge` and `run --baseline`. Each must end in exit 2 with one
// line naming the file, no stack trace and nothing written. `trend` is the exception by design:
// given a history, it skips a damaged run with one warning naming it (exit 0 or 1: one bad night
// does not hide the history); given nothing else readable, it exits 2 like the rest. Absurd
// numbers the model allows may also be read and used (exit 0 or 1), never crash.
// The many cases run in-process through the CLI's own parser (src/cli/parser.ts runCli, with
// `run`'s engine replaced by its planning step, which reads the baseline before anything starts);
// a handful run the real binary, for the exit code, stderr and stdout a user sees.
// Reproduce: READERS_FUZZ_SEED=<seed> node --test dist/test/integration/readers-fuzz.test.js
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli as runBinary, ROOT } from '../support/cli.js';
import { runCli } from '../../src/cli/parser.js';
import type { Command } from '../../src/cli/parser.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { registerCompare } from '../../src/cli/commands/compare.js';
import { registerTrend } from '../../src/cli/commands/trend.js';
import { registerMerge } from '../../src/cli/commands/merge.js';
import { registerRun } from '../../src/cli/commands/run.js';
import { planRun } from '../../src/engine/run.js';
import { UsageError } from '../../src/errors.js';
import { io } from '../../src/cli/io.js';
import { HLOG_MUTATIONS, SUMMARY_MUTATIONS, seededRandom } from './readers-fuzz-mutations.js';
import type { Damaged, Mutation, Rng } from './readers-fuzz-mutations.js';

const SEED = Number(process.env['READERS_FUZZ_SEED'] ?? 20_261_208);
const SUMMARY_CASES = 40;
const HLOG_CASES = 14;
const CASE_LIMIT_MS = 10_000;
const SCENARIO = join(ROOT, 'scenarios/gaming.yaml');

const work = mkdtempSync(join(tmpdir(), 'ddbench-readers-fuzz-'));
after(() => rmSync(work, { recursive: true, force: true }));
let shards: string[] = [];
let merged = '';

before(async () => {
  const args = (i: number) => ['run', SCENARIO, '--target', 'dynalite', '--duration', '2s', '--rate', '100', '--no-warmup', '--seed-items', '50', '--no-calibrate', '--shard', `${i}/2`];
  const runs = await Promise.all([runBinary(args(1), { cwd: work }), runBinary(args(2), { cwd: work })]);
  for (const r of runs) assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const shardOf = (d: string) => Number(/-shard(\d)of2$/.exec(d)?.[1]);
  shards = readdirSync(join(work, 'reports')).sort((a, b) => shardOf(a) - shardOf(b)).map((d) => join(work, 'reports', d));
  merged = join(work, 'merged');
  const m = await runBinary(['merge', ...shards, '--out', merged]);
  assert.ok(m.code === 0 || m.code === 1, m.stderr);
}, { timeout: 60_000 });

/** `run` up to its plan: the baseline is read and checked there, before any endpoint starts. */
const planOnly: Command = (y, done) =>
  registerRun(y, done, async (o) => {
    const planned = await planRun({ ...o, io: { out: (t) => io.out(t), err: (t) => io.err(t), isTTY: false } });
    return planned.ok ? { state: o.control.state } : { state: o.control.state, invalidInput: true };
  });
const COMMANDS: Command[] = [registerReport, registerCompare, registerTrend, registerMerge, planOnly];

interface Ending {
  code: number;
  stdout: string;
  /** what the process would print on stderr, main.ts's `ddbench: <message>` included */
  stderr: string;
}

/**
 * The command line in-process; what the commands print through cli/io.ts captured (the test
 * runner's own channel is the process's stdout, so that is left alone); a UsageError becomes
 * main.ts's `ddbench: <message>` line and exit 2, anything else is a crash.
 */
async function inProcess(argv: string[]): Promise<Ending> {
  let stdout = '';
  let stderr = '';
  const { out, err } = io;
  io.out = (t) => void (stdout += t);
  io.err = (t) => void (stderr += t);
  let timer: NodeJS.Timeout | undefined;
  try {
    const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hung for ${CASE_LIMIT_MS} ms`)), CASE_LIMIT_MS)));
    const code = await Promise.race([runCli(argv, COMMANDS), limit]);
    return { code, stdout, stderr };
  } catch (e) {
    if (!(e instanceof UsageError)) throw new Error(`not a UsageError (exit 3 with a stack): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nstderr: ${stderr}`);
    return { code: 2, stdout, stderr: `${stderr}ddbench: ${e.message}\n` };
  } finally {
    clearTimeout(timer);
    io.out = out;
    io.err = err;
  }
}

function place(file: string, damaged: Damaged): void {
  rmSync(file, { recursive: true, force: true });
  if ('folder' in damaged) mkdirSync(file, { recursive: true });
  else writeFileSync(file, damaged.content);
}

const names = (line: string, file: string) => line.includes(file) || line.includes(relative(process.cwd(), file));

function assertRefused(e: Ending, file: string, outDir: string): void {
  assert.equal(e.code, 2, `exit ${e.code}, expected 2`);
  assert.equal(e.stdout, '', 'nothing on stdout');
  const lines = e.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `exactly one line on stderr, got:\n${e.stderr}`);
  assert.ok(names(lines[0]!, file), `the line names ${file}: ${lines[0]}`);
  assert.doesNotMatch(e.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(!existsSync(outDir), `nothing written, but ${outDir} exists`);
}

type Reader = 'report' | 'compare' | 'trend' | 'merge' | 'run --baseline';
const READERS: Reader[] = ['report', 'compare', 'trend', 'merge', 'run --baseline'];

interface Case {
  reader: Reader;
  mutation: Mutation;
  /** the damaged file and the command line that reads it */
  file: string;
  argv: string[];
  outDir: string;
  /** trend given a readable history beside the damaged run */
  withHistory: boolean;
  damaged: Damaged;
}

/** Case n: a reader, a mutation of the file it reads, in a folder of its own. */
function summaryCase(n: number, rng: Rng): Case {
  const reader = READERS[n % READERS.length]!;
  // every reader meets every kind of damage: the kinds rotate at another stride than the readers
  const mutation = SUMMARY_MUTATIONS[Math.floor(n / READERS.length + n) % SUMMARY_MUTATIONS.length]!;
  const dir = join(work, 'cases', `s${n}`);
  const outDir = join(dir, 'out');
  const shard = join(dir, 'shard1');
  if (reader === 'merge') cpSync(shards[0]!, shard, { recursive: true });
  else mkdirSync(dir, { recursive: true });
  const file = reader === 'merge' ? join(shard, 'summary.json') : join(dir, 'summary.json');
  const original = readFileSync(reader === 'merge' ? join(shards[0]!, 'summary.json') : join(merged, 'summary.json'), 'utf8');
  const damaged = mutation.apply(original, rng);
  place(file, damaged);
  const withHistory = reader === 'trend' && rng() < 0.6;
  const good = join(merged, 'summary.json');
  const argv: Record<Reader, () => string[]> = {
    report: () => ['report', file, '--out', join(outDir, 'report.html')],
    compare: () => ['compare', ...(rng() < 0.5 ? [good, file] : [file, good]), '--out', outDir],
    trend: () => ['trend', ...(withHistory ? [merged] : []), file, '--out', join(outDir, 'trend.html')],
    merge: () => ['merge', shard, shards[1]!, '--out', outDir],
    'run --baseline': () => ['run', SCENARIO, '--target', 'dynalite', '--no-calibrate', '--baseline', file, '--out', outDir],
  };
  return { reader, mutation, file, argv: argv[reader](), outDir, withHistory, damaged };
}

function hlogCase(n: number, rng: Rng): Case {
  const mutation = HLOG_MUTATIONS[n % HLOG_MUTATIONS.length]!;
  const dir = join(work, 'cases', `h${n}`);
  const shard = join(dir, `shard${1 + (n % 2)}`);
  cpSync(shards[n % 2]!, shard, { recursive: true });
  const file = join(shard, 'latency.hlog');
  const damaged = mutation.apply(readFileSync(file, 'utf8'), rng);
  place(file, damaged);
  const outDir = join(dir, 'out');
  return { reader: 'merge', mutation, file, argv: ['merge', shard, shards[(n + 1) % 2]!, '--out', outDir], outDir, withHistory: false, damaged };
}

async function check(c: Case): Promise<string> {
  const e = await inProcess(c.argv);
  if (c.withHistory) {
    // skipped with one warning naming it, the history judged; or (not a run at all: a folder) refused
    if (e.code === 2) return (assertRefused(e, c.file, c.outDir), 'refused');
    assert.ok(e.code === 0 || e.code === 1, `exit ${e.code}`);
    const lines = e.stderr.split('\n').filter((l) => l !== '');
    if (!c.mutation.sure && lines.length === 0) return 'read';
    assert.equal(lines.length, 1, `one warning line, got:\n${e.stderr}`);
    assert.match(lines[0]!, /^warning: skipping run /);
    assert.ok(names(lines[0]!, c.file), `the warning names ${c.file}: ${lines[0]}`);
    return 'skipped';
  }
  if (!c.mutation.sure && e.code !== 2) {
    assert.ok(e.code === 0 || e.code === 1, `exit ${e.code}`);
    return 'read';
  }
  assertRefused(e, c.file, c.outDir);
  return 'refused';
}

async function runCases(make: (n: number, rng: Rng) => Case, count: number, seed: number): Promise<Record<string, number>> {
  const rng = seededRandom(seed);
  const tally: Record<string, number> = {};
  for (let n = 0; n < count; n++) {
    const c = make(n, rng);
    let ending: string;
    try {
      ending = await check(c);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`seed ${seed}, case ${n}: ${c.reader} with ${c.mutation.kind} (${c.damaged.what}) of ${c.file}\n  ${c.argv.join(' ')}\n${why}`);
    }
    const key = `${c.reader} ${ending}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

test(`${SUMMARY_CASES} damaged summary.json files: every reader exits 2 with one line naming the file and writes nothing (trend skips one beside a history)`, { timeout: 60_000 }, async (t) => {
  const tally = await runCases(summaryCase, SUMMARY_CASES, SEED);
  t.diagnostic(`seed ${SEED}: ${JSON.stringify(tally)}`);
  for (const r of READERS) assert.ok((tally[`${r} refused`] ?? 0) > 0, `${r} refused some`);
  assert.ok((tally['trend skipped'] ?? 0) > 0, 'trend skipped a damaged run beside a history');
});

test(`${HLOG_CASES} damaged latency.hlog files: merge exits 2 with one line naming the file before writing anything`, { timeout: 60_000 }, async (t) => {
  const tally = await runCases(hlogCase, HLOG_CASES, SEED + 1);
  t.diagnostic(`seed ${SEED + 1}: ${JSON.stringify(tally)}`);
  assert.equal(tally['merge refused'], HLOG_CASES);
});

test('the real binary: the two crashes of issue 18 and one damaged file per reader end in one stderr line, exit 2, no stack, nothing written', { timeout: 60_000 }, async () => {
  const dir = join(work, 'binary');
  const shardWith = (name: string, file: string, edit: (text: string) => string | Buffer) => {
    const shard = join(dir, name);
    cpSync(shards[0]!, shard, { recursive: true });
    writeFileSync(join(shard, file), edit(readFileSync(join(shard, file), 'utf8')));
    return shard;
  };
  // a summary.json histogram cut short (was: Error: unexpected end of file at Zlib...)
  const badHistogram = shardWith('bad-histogram', 'summary.json', (t) => t.replace(/("latencyHistogram": ")([^"]{40})[^"]*"/, '$1$2"'));
  // an interval line whose base64 lost its last character (was: Invalid string. Length must be a multiple of 4 at getLens)
  const badLine = shardWith('bad-line', 'latency.hlog', (t) => t.replace(/^(Tag=.*).$/m, '$1'));
  const binary = join(dir, 'binary.json');
  writeFileSync(binary, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)));
  const truncated = join(dir, 'truncated.json');
  writeFileSync(truncated, readFileSync(join(merged, 'summary.json'), 'utf8').slice(0, 5000));
  const folder = join(dir, 'folder.json');
  mkdirSync(folder);
  const runCwd = join(dir, 'run-cwd');
  mkdirSync(runCwd);
  const cases: { argv: string[]; file: string; expected: RegExp; cwd?: string }[] = [
    { argv: ['merge', badHistogram, shards[1]!, '--out', join(dir, 'out1')], file: join(badHistogram, 'summary.json'), expected: /summary\.json: (phases\[\d\]\.)?operations.*latencyHistogram is not a compressed HdrHistogram in base64 \(.+\)$/ },
    { argv: ['merge', badLine, shards[1]!, '--out', join(dir, 'out2')], file: join(badLine, 'latency.hlog'), expected: /latency\.hlog:\d+: the interval's histogram is not a compressed HdrHistogram in base64 \(Invalid string\. Length must be a multiple of 4\)$/ },
    { argv: ['report', binary, '--out', join(dir, 'out3', 'report.html')], file: binary, expected: /binary\.json: not JSON/ },
    { argv: ['compare', folder, join(merged, 'summary.json'), '--out', join(dir, 'out4')], file: folder, expected: /folder\.json: is a folder/ },
    { argv: ['trend', truncated, '--out', join(dir, 'out5', 'trend.html')], file: truncated, expected: /truncated\.json: not JSON/ },
    // run: refused before the endpoint starts or the output folder is made (run-cwd/reports)
    { argv: ['run', SCENARIO, '--target', 'dynalite', '--baseline', truncated], file: truncated, expected: /^ddbench: baseline .*truncated\.json: not JSON/, cwd: runCwd },
  ];
  const results = await Promise.all(cases.map((c) => runBinary(c.argv, { cwd: c.cwd ?? ROOT, timeoutMs: 30_000 })));
  for (const [i, res] of results.entries()) {
    const c = cases[i]!;
    const what = `${c.argv.join(' ')}:\n${res.stdout}${res.stderr}`;
    assert.equal(res.code, 2, what);
    assert.equal(res.stdout, '', what);
    // `run` says, on Node 20, which AWS SDK releases it keeps to: a note line before anything else
    const lines = res.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('note: Node '));
    assert.equal(lines.length, 1, what);
    assert.match(lines[0]!, /^ddbench: /, what);
    assert.match(lines[0]!, c.expected, what);
    assert.ok(names(lines[0]!, c.file) || lines[0]!.includes(relative(c.cwd ?? ROOT, c.file)), what);
    assert.doesNotMatch(res.stderr, /started dynalite|\n\s+at /, what);
  }
  for (const out of ['out1', 'out2', 'out3', 'out4', 'out5', join('run-cwd', 'reports')]) assert.ok(!existsSync(join(dir, out)), `${out} was written`);

  // trend beside a history: the damaged run skipped in one line, the history judged
  const trend = await runBinary(['trend', merged, truncated, '--out', join(dir, 'trend.html')]);
  assert.ok(trend.code === 0 || trend.code === 1, trend.stderr);
  assert.match(trend.stderr, /^warning: skipping run .*truncated\.json: not JSON .*\n$/);
  assert.match(trend.stdout, /trend: 1 runs/);
});
