#!/usr/bin/env node
// `npm test`'s suite: every compiled test file (dist/test/unit and dist/test/integration), run by
// node's own test runner, several files at a time, the slowest files first. Most integration
// files wait on real time (fixed-length runs, endpoints starting, a frozen server's timeouts), so
// three at a time use a 2-core machine's idle time; starting the longest ones first keeps one
// long file from starting last and running alone (longest-processing-time-first scheduling).
// The list below is from a measured run (test file: its seconds); files not named run after them.
// DDBENCH_TEST_CONCURRENCY sets how many files run at once (default 3; 1 runs them one by one).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLOWEST_FIRST = [
  'integration/faults-dax', // 145
  'integration/trend-history', // 109
  'integration/package', // 86
  'integration/driver-http-local', // 68
  'integration/faults-chaos', // 59
  'integration/faults-matrix', // 53
  'integration/aws-errors', // 50
  'integration/dax-compare', // 46
  'integration/dax-scenarios', // 45
  'integration/scripts', // 39
  'integration/compare-baseline', // 35
  'integration/sweep', // 33
  'integration/run-scenarios', // 31
  'integration/safety-interrupt', // 30
  'integration/node-versions', // 29
  'integration/report-cli', // 29
  'integration/action', // 26
  'integration/table-safety', // 26
  'unit/fuzz-scenario', // 18
  'unit/fuzz-cli', // 11
];

const concurrency = Number(process.env.DDBENCH_TEST_CONCURRENCY ?? 3);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  process.stderr.write(`DDBENCH_TEST_CONCURRENCY=${process.env.DDBENCH_TEST_CONCURRENCY}: expected a whole number of files at once, 1 or more\n`);
  process.exit(2);
}
const files = [];
for (const kind of ['integration', 'unit']) {
  const dir = join(ROOT, 'dist', 'test', kind);
  if (!existsSync(dir)) {
    process.stderr.write(`no ${dir}: run npm run build first\n`);
    process.exit(2);
  }
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) files.push(`${kind}/${f.replace(/\.test\.js$/, '')}`);
}
const rank = (f) => (SLOWEST_FIRST.includes(f) ? SLOWEST_FIRST.indexOf(f) : SLOWEST_FIRST.length);
files.sort((a, b) => rank(a) - rank(b));
// Every DynamoDB Local the tests start (several dozen JVMs, each run a few seconds) spends most of
// its CPU compiling with C2 code it never runs long enough to use: the client-level JIT alone and
// the serial collector halve each JVM's start-up CPU (run-scenarios: 53 -> 31 s of CPU) on a
// 2-core machine the whole suite shares. No test measures DynamoDB Local's own speed; users' runs
// are untouched (this is the suite's environment only). A JAVA_TOOL_OPTIONS of your own wins.
const env = { ...process.env, JAVA_TOOL_OPTIONS: process.env.JAVA_TOOL_OPTIONS ?? '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' };
const r = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...files.map((f) => join('dist', 'test', `${f}.test.js`))], { cwd: ROOT, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
