#!/usr/bin/env node
// Runs inside `npm test` as one test of the suite (test/integration/node-versions.test.ts, beside the other files; also `npm run test:node-versions`): ddbench on the
// other supported Node majors (the full suite then runs on this machine's Node). Under each
// other major (default 20, 22 and 24 less this one; DDBENCH_NODE_VERSIONS="22 24" to choose), the
// unit tests and one real CLI run (gaming on the embedded endpoint, short) run with that Node.
// The Node binaries come from the npm registry (the `node-<platform>-<arch>` packages the
// `node` package itself installs from), cached in the temp folder: no other download.
// Needs a built dist/ (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUPPORTED = [20, 22, 24];
const current = Number(process.versions.node.split('.')[0]);
const majors = (process.env.DDBENCH_NODE_VERSIONS ?? SUPPORTED.join(' ')).split(/[\s,]+/).filter(Boolean).map(Number).filter((m) => m !== current);

function fail(line) {
  process.stderr.write(`node-versions: ${line}\n`);
  process.exit(1);
}

/** The node binary of the newest release of `major`, installed from the npm registry into a cache folder. */
function nodeBinary(major) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(tmpdir(), 'ddbench-node-versions', String(major));
  const bin = join(dir, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    process.stdout.write(`node-versions: installing ${pkg}@${major} from the npm registry into ${dir}\n`);
    const r = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', dir, `${pkg}@${major}`], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0 || !existsSync(bin)) fail(`could not install ${pkg}@${major} from the npm registry (see npm's output above)`);
  }
  return bin;
}

function check(major) {
  const node = nodeBinary(major);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`node-versions: Node ${version}: unit tests\n`);
  const unitDir = join(ROOT, 'dist', 'test', 'unit');
  if (!existsSync(unitDir)) fail('no dist/test/unit: run npm run build first');
  const units = readdirSync(unitDir).filter((f) => f.endsWith('.test.js')).map((f) => join(unitDir, f));
  const unit = spawnSync(node, ['--test', '--test-reporter=dot', ...units], { cwd: ROOT, encoding: 'utf8' });
  if (unit.status !== 0) fail(`Node ${version}: unit tests failed:\n${unit.stdout}${unit.stderr}`);

  process.stdout.write(`node-versions: Node ${version}: ddbench run scenarios/gaming.yaml (short)\n`);
  const out = mkdtempSync(join(tmpdir(), `ddbench-node${major}-`));
  try {
    const args = [join(ROOT, 'bin', 'ddbench.js'), 'run', 'scenarios/gaming.yaml', '--duration', '2s', '--no-warmup', '--seed-items', '500', '--rate', '100', '--out', out];
    const run = spawnSync(node, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    // 0 or 1: the run completed (its gates may miss on a busy machine); anything else is a failure
    if (run.status !== 0 && run.status !== 1) fail(`Node ${version}: ddbench run exited ${run.status}:\n${run.stderr}`);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const okCount = Object.values(summary.operations).reduce((n, o) => n + o.count - o.errors, 0);
    if (summary.complete !== true || okCount === 0) fail(`Node ${version}: the run's summary is incomplete or has no successful request`);
    if (/NodeVersionSupportWarning/.test(run.stderr)) fail(`Node ${version}: the AWS SDK printed its NodeVersionSupportWarning`);
    process.stdout.write(`node-versions: Node ${version}: ok (${okCount} requests answered, exit ${run.status})\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

for (const major of majors) check(major);
process.stdout.write(`node-versions: ddbench checked on Node ${[current, ...majors].join(', ')} (the full suite on ${process.version})\n`);
