// A doc example is a test: every fenced block of README.md and docs/*.md is extracted
// (test/support/doc-examples.ts) and checked with the code it documents. Scenario files go through
// `ddbench validate`'s own checks; scenario scripts are type-checked against the public types and
// loaded as `ddbench validate` loads them; every ddbench command line of a shell block is parsed
// by the CLI's own definitions (strict), and the cheap ones are run with the real binary in a
// scratch folder. A block none of these check needs a marker saying why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { parseCommandLine } from '../../src/cli/parser.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { validateScenarioFile } from '../../src/engine/validate.js';
import { formatProblems } from '../../src/scenario/load.js';
import { ROOT } from '../support/cli.js';
import { anchors, readPage } from '../support/doc-examples.js';
import { BASE_SCENARIO, BLOCKS, COMMANDS_IN_SHELL, FRAGMENT, PAGES, WORKFLOW, kindOf, where } from '../support/doc-manual.js';

const scratchRoot = mkdtempSync(join(tmpdir(), 'ddbench-docs-'));
test.after(() => rmSync(scratchRoot, { recursive: true, force: true }));

test('every block of the manual is checked, or marked with the reason it is not', () => {
  const unmarked = BLOCKS.filter((b) => kindOf(b) === 'unmarked').map(where);
  assert.deepEqual(unmarked, [], `blocks with neither a checked language nor a marker ("${FRAGMENT}", "${WORKFLOW}" or "not checked: REASON")`);
  assert.ok(BLOCKS.length > 30, `found only ${BLOCKS.length} blocks`);
});

test('every scenario file in the manual passes ddbench validate, fragments merged into a base scenario', async () => {
  const dir = join(scratchRoot, 'yaml');
  mkdirSync(dir);
  const base = parseYaml(readFileSync(BASE_SCENARIO, 'utf8')) as Record<string, unknown>;
  const failures: string[] = [];
  let n = 0;
  for (const b of BLOCKS) {
    const kind = kindOf(b);
    if (kind !== 'scenario' && kind !== 'fragment') continue;
    const text = kind === 'fragment' ? JSON.stringify({ ...base, ...(parseYaml(b.text) as Record<string, unknown>) }) : b.text;
    const file = join(dir, `example-${++n}.${kind === 'fragment' || b.lang === 'json' ? 'json' : 'yaml'}`);
    writeFileSync(file, text);
    const loaded = await validateScenarioFile(file);
    if (!loaded.ok) failures.push(`${where(b)} (${kind}):\n${formatProblems(loaded.problems, file)}`);
  }
  assert.ok(n >= 3, `only ${n} scenario blocks found`);
  assert.deepEqual(failures, []);
});

test('every scenario script in the manual type-checks against the public types and loads as ddbench validate loads it', async () => {
  const dir = join(scratchRoot, 'scripts');
  mkdirSync(dir);
  const scripts = BLOCKS.filter((b) => kindOf(b) === 'script').map((b, i) => ({ block: b, file: join(dir, `script-${i + 1}.ts`) }));
  assert.ok(scripts.length >= 1, 'the manual shows a scenario script');
  for (const s of scripts) writeFileSync(s.file, s.block.text);
  const program = ts.createProgram(
    scripts.map((s) => s.file),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      paths: { ddbench: [join(ROOT, 'src', 'public.ts')] },
    },
  );
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const s = scripts.find((x) => resolve(x.file) === resolve(d.file?.fileName ?? ''));
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    return `${s ? `${s.block.file}:${s.block.line + 1 + line}` : (d.file?.fileName ?? '?')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  assert.deepEqual(diagnostics, [], 'type errors in the manual\'s scripts');
  for (const s of scripts) {
    const loaded = await validateScenarioFile(s.file);
    assert.ok(loaded.ok, `${where(s.block)}: ${loaded.ok ? '' : formatProblems(loaded.problems, s.file)}`);
  }
});

test('the workflow steps in the manual are a list of steps, and use only inputs the action declares', () => {
  const blocks = BLOCKS.filter((b) => kindOf(b) === 'workflow');
  assert.ok(blocks.length >= 1, 'the README shows the workflow lines');
  const actionFile = join(ROOT, 'action.yml');
  const inputs = existsSync(actionFile) ? Object.keys((parseYaml(readFileSync(actionFile, 'utf8')) as { inputs?: Record<string, unknown> }).inputs ?? {}) : undefined;
  type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
  let ddbenchSteps = 0;
  for (const b of blocks) {
    const doc = parseYaml(b.text) as Step[] | { jobs?: Record<string, { steps?: Step[] }> };
    // a list of steps, or a whole workflow whose jobs hold them
    const steps = Array.isArray(doc) ? doc : Object.values(doc.jobs ?? {}).flatMap((j) => j.steps ?? []);
    assert.ok(steps.length > 0 && steps.every((s) => typeof s.uses === 'string' || typeof s.run === 'string'), `${where(b)}: not a list of steps`);
    // the action as users name it (OWNER/ddbench@REF) or as this repository's workflow does (./)
    for (const s of steps.filter((x) => /(^|\/)ddbench@|^\.\/?$/.test(x.uses ?? '') && inputs !== undefined)) {
      ddbenchSteps++;
      for (const key of Object.keys(s.with ?? {})) assert.ok(inputs!.includes(key), `${where(b)}: action.yml has no input "${key}" (it has ${inputs!.join(', ')})`);
      assert.ok(s.with?.['scenario'] !== undefined, `${where(b)}: the action's required input scenario is missing`);
    }
  }
  if (inputs !== undefined) assert.ok(ddbenchSteps >= 2, 'the README and docs/github-action.md show the action in use');
});


test('every ddbench command line in the manual parses with the CLI\'s own definitions (strict)', async () => {
  assert.ok(COMMANDS_IN_SHELL.length > 40, `found only ${COMMANDS_IN_SHELL.length} command lines`);
  const failures: string[] = [];
  for (const c of COMMANDS_IN_SHELL) {
    try {
      const parsed = await parseCommandLine(c.argv, COMMANDS);
      // yargs turns a number option's bad value into NaN without a word; the command would refuse it
      for (const name of parsed.options.number) {
        const v = parsed.args[name];
        if (typeof v === 'number' && Number.isNaN(v)) failures.push(`${where(c)}: --${name} is not a number: ${c.source}`);
      }
    } catch (error) {
      failures.push(`${where(c)}: ${c.source}\n  ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('every link between the pages of the manual points at a page and a heading that exist', () => {
  const broken: string[] = [];
  for (const page of PAGES) {
    const text = readPage(ROOT, page).replace(/```[\s\S]*?```/g, '');
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = m[1]!;
      if (/^[a-z]+:/.test(href)) continue;
      const [path, anchor] = href.split('#') as [string, string | undefined];
      const target = path === '' ? page : join(dirname(page), path);
      if (!existsSync(join(ROOT, target))) {
        // the GitHub Action's page is written in its own branch; its link is kept
        if (target !== 'docs/github-action.md') broken.push(`${page}: ${href} (no such file)`);
        continue;
      }
      if (anchor !== undefined && target.endsWith('.md') && !anchors(readPage(ROOT, target)).has(anchor)) broken.push(`${page}: ${href} (no such heading)`);
    }
  }
  assert.deepEqual(broken, []);
});
