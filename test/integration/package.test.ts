// What users install is what `npm pack` ships: this packs the working tree exactly as `npm pack`
// does (its prepack script builds; nothing of this checkout's dist/ is used), installs the tarball
// into an empty folder the way users do (`npm install ./ddbench-x.y.z.tgz`: dependencies from the
// registry through npm's cache, the shrinkwrapped tree) and globally (into a prefix of its own),
// and from there runs a built-in scenario by name, a user's own TypeScript flow script that
// imports defineScenario from 'ddbench', and `tsc` on that script against the installed types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../support/cli.js';

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; exports: Record<string, unknown> };

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (async, so the other test files keep running); never through a shell. */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const shown = (r: Ran) => `exit ${r.code}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-3000)}`;

/** The files `npm pack` would see in this checkout: tracked and new, less what .gitignore ignores. */
function stageCheckout(stage: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, `git ls-files: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(stage, file));
  }
  // the build needs the compiler and the types: this checkout's installed tree, as `npm ci` left it
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
}

const USER_SCRIPT = `// A user's own flow: write a cart line, read the cart back, check out exactly what it holds.
import { defineScenario } from 'ddbench';

export default defineScenario({
  name: 'my-cart',
  table: { name: 'my-cart-table', partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } },
  keys: { customer: { count: 100, distribution: 'uniform' } },
  phases: [{ name: 'steady', duration: '2s', rate: 20 }],
  concurrency: 8,
  gates: ['errors < 1%'],
  flows: {
    checkout: {
      weight: 1,
      async run(ctx) {
        const pk = \`customer#\${ctx.key('customer')}\`;
        await ctx.put('add-line', { Item: { pk, sk: \`line#\${ctx.int(1, 5)}\`, qty: ctx.int(1, 3) } });
        const cart = await ctx.query('read-cart', { KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': pk } });
        for (const line of cart.Items ?? []) await ctx.delete('check-out', { Key: { pk, sk: String(line.sk) } });
      },
    },
  },
});
`;

const USER_TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
  files: ['cart.ts'],
});

const npm = (args: string[], cwd: string) => run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], cwd);

test('npm pack ships the compiled CLI; installed from the tarball (locally and with -g) it runs a built-in scenario and a user TypeScript script that tsc checks against the installed types', { timeout: 900_000 }, async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'ddbench-package-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const stage = join(work, 'checkout');
  const packs = join(work, 'packs');
  mkdirSync(packs);
  stageCheckout(stage);

  // 1. npm pack, as a maintainer runs it: prepack builds dist/ from nothing
  assert.equal(existsSync(join(stage, 'dist')), false);
  const packed = await run('npm', ['pack', '--pack-destination', packs, '--loglevel=error'], stage);
  assert.equal(packed.code, 0, `npm pack failed\n${shown(packed)}`);
  const tarball = join(packs, `ddbench-${PKG.version}.tgz`);
  assert.ok(existsSync(tarball), `no ${tarball}: ${readdirSync(packs).join(', ')}`);
  assert.equal(existsSync(join(stage, 'npm-shrinkwrap.json')), false, 'postpack removes the shrinkwrap copy from the checkout');

  const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((p) => p.replace(/^package\//, ''));
  for (const must of ['package.json', 'README.md', 'LICENSE', 'npm-shrinkwrap.json', 'bin/ddbench.js', 'dist/src/cli/main.js', 'dist/src/public.js', 'dist/src/public.d.ts', 'scenarios/gaming.yaml', 'scenarios/gaming-match.ts', 'schema/scenario.schema.json', 'schema/summary.schema.json']) {
    assert.ok(list.includes(must), `the tarball lacks ${must}`);
  }
  for (const target of [...Object.values(PKG.bin), './dist/src/public.js', './dist/src/public.d.ts']) assert.ok(list.includes(target.replace(/^\.\//, '')), `bin/exports point at ${target}, which is not shipped`);
  // README says how big the package is: that figure stays within a fifth of what npm pack made
  const said = /The package is (\d+) kB packed \([\d.]+ MB unpacked, (\d+) files/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  assert.ok(said, 'README states the package size as "The package is N kB packed (M MB unpacked, F files"');
  const packedKb = statSync(tarball).size / 1000;
  assert.ok(Math.abs(Number(said[1]) - packedKb) <= packedKb / 5, `README says ${said[1]} kB packed; npm pack made ${packedKb.toFixed(0)} kB`);
  assert.ok(Math.abs(Number(said[2]) - list.length) <= list.length / 5, `README says ${said[2]} files; the tarball has ${list.length}`);
  const unwanted = list.filter((p) => /^(test|bench|src|scripts|\.ci|\.github|reports)\//.test(p) || p.startsWith('dist/test/') || p.startsWith('dist/bench/') || p.endsWith('.map') || p.endsWith('.tsbuildinfo'));
  assert.deepEqual(unwanted, [], 'tests, bench, sources and source maps stay out of the package');

  // 2. installed into an empty folder, and globally into a prefix of its own, at once
  const user = join(work, 'user');
  const globalPrefix = join(work, 'global');
  mkdirSync(user);
  writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'my-benchmarks', private: true, type: 'module' }));
  const [local, global] = await Promise.all([npm(['install', tarball, 'typescript@5.9'], user), npm(['install', '-g', '--prefix', globalPrefix, tarball], work)]);
  assert.equal(local.code, 0, `npm install ./ddbench-${PKG.version}.tgz failed\n${shown(local)}`);
  assert.equal(global.code, 0, `npm install -g failed\n${shown(global)}`);
  // the shrinkwrap holds the tested SDK tree: the installed client is the locked one
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
  const installedSdk = JSON.parse(readFileSync(join(user, 'node_modules', '@aws-sdk', 'client-dynamodb', 'package.json'), 'utf8')) as { version: string };
  assert.equal(installedSdk.version, lock.packages['node_modules/@aws-sdk/client-dynamodb']!.version);

  const localBin = join(user, 'node_modules', '.bin', 'ddbench');
  const globalBin = join(globalPrefix, 'bin', 'ddbench');
  const version = await run(globalBin, ['--version'], work);
  assert.equal(version.stdout.trim(), PKG.version, shown(version));

  // 3. a built-in scenario by name on the embedded endpoint (DynamoDB Local from the installed
  //    tree when Java is here, as on this machine), and the user's script on dynalite, side by side
  writeFileSync(join(user, 'cart.ts'), USER_SCRIPT);
  const [builtIn, script] = await Promise.all([
    run(localBin, ['run', 'gaming', '--duration', '3s', '--no-warmup', '--seed-items', '200', '--out', 'out-gaming'], user),
    run(localBin, ['run', 'cart.ts', '--target', 'dynalite', '--out', 'out-cart'], user),
  ]);
  for (const [name, r, dir] of [['gaming', builtIn, 'out-gaming'], ['cart.ts', script, 'out-cart']] as const) {
    // exit 1 is a gate the short run missed on a busy machine; the run itself is what is checked
    assert.ok(r.code === 0 || r.code === 1, `ddbench run ${name} from the installed package\n${shown(r)}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const summary = JSON.parse(readFileSync(join(user, dir, 'summary.json'), 'utf8')) as { complete: boolean; scenario: { name: string }; totals?: unknown };
    assert.equal(summary.complete, true, `${name}: the run completed`);
    assert.ok(existsSync(join(user, dir, 'report.html')), `${name}: report.html written`);
  }
  assert.match(builtIn.stdout + builtIn.stderr, /DynamoDB Local|dynalite/);
  const cart = readFileSync(join(user, 'out-cart', 'summary.json'), 'utf8');
  for (const step of ['add-line', 'read-cart', 'check-out']) assert.ok(cart.includes(`"${step}"`), `the user's step ${step} is in summary.json`);

  // 4. tsc checks the user's script against the types the package installed; a wrong field fails
  writeFileSync(join(user, 'tsconfig.json'), USER_TSCONFIG);
  const tsc = join(user, 'node_modules', '.bin', 'tsc');
  const typed = await run(tsc, ['-p', '.'], user);
  assert.equal(typed.code, 0, `tsc on the user's script\n${shown(typed)}`);
  writeFileSync(join(user, 'cart.ts'), USER_SCRIPT.replace("concurrency: 8", "concurrency: 'eight'"));
  const mistyped = await run(tsc, ['-p', '.'], user);
  assert.equal(mistyped.code, 2, `tsc must refuse a mistyped field\n${shown(mistyped)}`);
  assert.match(mistyped.stdout, /cart\.ts\(\d+,\d+\): error TS2322/);

  // 5. the global install runs from any folder: a built-in script scenario and the user's script
  //    (its 'ddbench' import resolves with no node_modules beside it)
  const elsewhere = join(work, 'elsewhere');
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'cart.ts'), USER_SCRIPT);
  for (const file of ['gaming-match', 'cart.ts']) {
    const checked = await run(globalBin, ['validate', file], elsewhere);
    assert.equal(checked.code, 0, `global ddbench validate ${file}\n${shown(checked)}`);
    assert.match(checked.stdout, /: ok \(1 flows/);
  }
  const missing = await run(globalBin, ['validate', 'no-such-scenario'], elsewhere);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file \(built-in scenarios, runnable by name: gaming, gaming-match, retail/);
});
