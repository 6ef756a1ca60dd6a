// action.yml's shape (a composite action on GitHub's own actions, no shell injection, no dangling
// reference) and docs/github-action.md agreeing with it: the inputs and outputs tables, and the
// workflow examples, whose `with:` may only name inputs the action declares.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readAction } from '../support/action-runner.js';
import type { ActionStep } from '../support/action-runner.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const actionText = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
const action = readAction(path.join(ROOT, 'action.yml'));
const steps = action.runs.steps;
const docs = readFileSync(path.join(ROOT, 'docs/github-action.md'), 'utf8');

/** The rows of the first Markdown table under a `## heading`: cells, backticks removed. */
function table(heading: string): string[][] {
  const at = docs.indexOf(`## ${heading}\n`);
  assert.ok(at >= 0, `docs/github-action.md has ## ${heading}`);
  const lines = docs.slice(at).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const last = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  return lines.slice(first + 2, last).map((r) => r.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, '')));
}

/** The ```yaml blocks of the docs page. */
const yamlBlocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('action.yml is a composite action whose every uses: is one of GitHub\'s own actions, pinned to a major', () => {
  assert.equal(action.runs.using, 'composite');
  const used = steps.filter((s) => s.uses !== undefined).map((s) => s.uses!);
  assert.ok(used.length > 0);
  for (const u of used) assert.match(u, /^actions\/(setup-node|cache\/restore|cache\/save|upload-artifact)@v\d+$/, u);
});

test('its scripts run in bash and take every expression through env:, never inside the script', () => {
  for (const s of steps.filter((x) => x.run !== undefined)) {
    assert.equal(s.shell, 'bash', s.name);
    assert.doesNotMatch(s.run!, /\$\{\{/, `${s.name}: an expression in the script text`);
  }
});

test('every input it declares is used, and every input, step output and step it names exists', () => {
  const usedInputs = new Set([...actionText.matchAll(/inputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]!));
  assert.deepEqual([...usedInputs].sort(), Object.keys(action.inputs).sort());
  const ids: string[] = [];
  const check = (text: string, where: string, known: string[]) => {
    for (const m of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.(outputs|outcome)/g)) assert.ok(known.includes(m[1]!), `${where} names step ${m[1]} before it exists`);
  };
  for (const s of steps) {
    check(JSON.stringify({ if: s.if, env: s.env, with: s.with }), s.name ?? '?', ids);
    if (s.id) ids.push(s.id);
  }
  for (const [name, o] of Object.entries(action.outputs)) check(o.value, `output ${name}`, ids);
  // every step output it reads is one its step writes
  const written = (s: ActionStep) => new Set([...(s.run ?? '').matchAll(/echo "([a-z-]+)=/g)].map((m) => m[1]!));
  for (const m of actionText.matchAll(/steps\.([a-z-]+)\.outputs\.([a-z-]+)/g)) {
    const s = steps.find((x) => x.id === m[1]);
    if (m[1] === 'comment') continue; // written by action/comment.mjs
    assert.ok(s && written(s).has(m[2]!), `step ${m[1]} writes no output ${m[2]}`);
  }
});

test('the docs page lists exactly its inputs with their defaults and descriptions', () => {
  const rows = table('Inputs');
  assert.deepEqual(rows.map((r) => r[0]), Object.keys(action.inputs));
  for (const [name, def, description] of rows) {
    const spec = action.inputs[name!]!;
    assert.equal(def, spec.required ? '(required)' : String(spec.default ?? ''), `${name} default`);
    assert.equal(description, spec.description.replace(/`/g, ''), `${name} description`);
  }
});

test('the docs page lists exactly its outputs', () => {
  const rows = table('Outputs');
  assert.deepEqual(rows.map((r) => r[0]), Object.keys(action.outputs));
  for (const [name, description] of rows) assert.equal(description, action.outputs[name!]!.description.replace(/`/g, ''), name);
});

test('the three lines a user adds name the action and its one required input', () => {
  const three = yamlBlocks[0]!;
  assert.equal(three.split('\n').filter((l) => l.trim() !== '').length, 3, three);
  const [step] = parse(three) as ActionStep[];
  assert.match(step!.uses ?? '', /^OWNER\/ddbench@REF$/);
  assert.deepEqual(Object.keys(step!.with ?? {}), Object.entries(action.inputs).filter(([, s]) => s.required).map(([n]) => n));
});

test('the full example workflow grants pull-requests: write and passes only declared inputs', () => {
  const workflows = yamlBlocks.map((b) => parse(b) as { jobs?: Record<string, { steps: ActionStep[] }>; permissions?: Record<string, string> }).filter((w) => w && !Array.isArray(w) && w.jobs);
  assert.ok(workflows.length > 0);
  for (const w of workflows) {
    assert.equal(w.permissions?.['pull-requests'], 'write');
    const step = Object.values(w.jobs!).flatMap((j) => j.steps).find((s) => s.uses?.includes('ddbench@'));
    assert.ok(step);
    for (const k of Object.keys(step.with ?? {})) assert.ok(k in action.inputs, k);
  }
});
