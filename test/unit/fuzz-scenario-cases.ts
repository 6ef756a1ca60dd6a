// Mutated scenario files for the fuzz test (fuzz-scenario.test.ts), generated with fast-check
// from real scenarios: the built-in ones, the example and the closed-loop fixture. A case
// is a base document, a few structural mutations (replace a value anywhere with a value of any
// type, delete a key, add one, rename one), the format it is written in (YAML or JSON), then a
// few edits of the text itself (insert a YAML token or random text, delete a range, duplicate or
// drop a line, truncate). Values include huge and odd numbers, templates that ask for too much,
// expressions, and deep nesting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { ROOT } from '../support/cli.js';

export const BASE_FILES = ['scenarios/gaming.yaml', 'scenarios/retail.yaml', 'scenarios/streaming.yaml', 'test/fixtures/scenarios/gaming-example.yaml', 'test/fixtures/scenarios/closed-loop.yaml'];

export function loadBases(): unknown[] {
  return BASE_FILES.map((f) => parse(readFileSync(join(ROOT, f), 'utf8')) as unknown);
}

const ODD_NUMBERS = [0, -1, -0, 0.5, 1e-300, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e21, 4e5, 400_001, 26, 101, 1e9, Infinity, -Infinity, Number.NaN];
const ODD_STRINGS = [
  '', ' ', '{player}', '{player.seq}', '{nope}', '{int(0,1e309)}', '{int(5,1)}', '{text(999999999)}', '{text(400000)}', '{text(410000)}', '{bytes(500000)}',
  '{choice()}', '{float(a,b)}', '{ttl(-1)}', '{{', '}}', '{', '}', '{uuid(1)}', '{timestamp}', ':v', ':s', '#n', 'SET #a = :v', 'SET score = :s REMOVE',
  'attribute_exists(pk) AND', 'pk = :p AND begins_with(sk, :x)', '1s', '0s', '-5s', '10ms', '1e3s', '99999h', 'x2', '+0', 'p99 < 10ms', 'errors > 50% for 10s',
  'unreachable for 0s', 'PAY_PER_REQUEST', 'PROVISIONED', 'GetItem', 'TransactWriteItems', 'BatchWriteItem', 'S', 'N', 'B', 'closed', 'open', 'zipfian', 'hotspot',
  'a'.repeat(300), 'ÿ\u0000\u202e', '<script>', '__proto__', 'constructor',
];

/** A nested list or map `depth` deep: the parser, the schema and the checks all recurse. */
function nested(depth: number, kind: 'list' | 'map'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'list' ? [v] : { a: v };
  return v;
}

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ODD_NUMBERS),
  fc.constantFrom(...ODD_STRINGS),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  // block YAML indents every level of a map: past a few hundred levels the text grows quadratically
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 20, max: 3000 }).map((d) => nested(d, 'list')), fc.integer({ min: 20, max: 200 }).map((d) => nested(d, 'map'))) },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 120 }) },
);

export type Mutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'rename'; pick: number; key: string };

export type TextEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line' | 'drop-line'; at: number }
  | { kind: 'truncate'; at: number };

const key = fc.oneof(fc.constantFrom('name', 'rate', 'duration', 'count', 'items', 'key', 'item', 'values', 'abort', 'sweep', 'weight', 'type', 'warmup', 'mode', 'workers', '__proto__', 'x-unknown'), fc.string({ maxLength: 10 }));
const YAML_TOKENS = [': ', '- ', '&a ', '*a', '!!binary ', '!!js/function ', '? ', '{', '}', '[', ']', '"', "'", '\t', '\n', '#', '%YAML 1.2\n---\n', '\n---\n', '\n...\n', '<<: *a\n', '|', '>', '\\', '\u0000', '\uFEFF'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), key }) },
);

const edit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constantFrom('duplicate-line' as const, 'drop-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

export interface FuzzCase {
  base: number;
  mutations: Mutation[];
  format: 'yaml' | 'json';
  edits: TextEdit[];
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  base: fc.nat({ max: BASE_FILES.length - 1 }),
  mutations: fc.array(mutation, { minLength: 0, maxLength: 4 }),
  format: fc.constantFrom('yaml' as const, 'json' as const),
  edits: fc.oneof({ weight: 3, arbitrary: fc.constant<TextEdit[]>([]) }, { weight: 1, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }) }),
});

type Container = Record<string, unknown> | unknown[];

/** Every container in the document with one of its keys: the places a mutation can apply. */
function slots(doc: unknown): { parent: Container; key: string | number }[] {
  const out: { parent: Container; key: string | number }[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 12 || v === null || typeof v !== 'object') return;
    const c = v as Container;
    for (const k of Array.isArray(c) ? c.keys() : Object.keys(c)) {
      out.push({ parent: c, key: k });
      walk((c as Record<string | number, unknown>)[k], depth + 1);
    }
  };
  walk(doc, 0);
  return out;
}

export function applyMutations(doc: unknown, mutations: Mutation[]): unknown {
  const root = structuredClone(doc);
  for (const m of mutations) {
    const all = slots(root);
    if (all.length === 0) break;
    const { parent, key: k } = all[m.pick % all.length]!;
    const bag = parent as Record<string | number, unknown>;
    switch (m.kind) {
      case 'replace':
        bag[k] = m.value;
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(Number(k), 1);
        else delete bag[k];
        break;
      case 'add':
        if (Array.isArray(parent)) parent.push(m.value);
        else Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
      case 'rename':
        if (!Array.isArray(parent)) {
          Object.defineProperty(parent, m.key, { value: bag[k], enumerable: true, writable: true, configurable: true });
          if (m.key !== k) delete bag[k];
        }
        break;
    }
  }
  return root;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === 'truncate') out = out.slice(0, at);
    else {
      const lines = out.split('\n');
      const i = e.at % Math.max(1, lines.length);
      if (e.kind === 'duplicate-line') lines.splice(i, 0, lines[i] ?? '');
      else lines.splice(i, 1);
      out = lines.join('\n');
    }
  }
  return out;
}

/** The text of a case, as it would be saved in a file (`.yaml` or `.json`). */
export function renderCase(c: FuzzCase, bases: unknown[]): { text: string; fileName: string } {
  const doc = applyMutations(bases[c.base], c.mutations);
  let text: string;
  try {
    text = c.format === 'json' ? JSON.stringify(doc, null, 1) : stringify(doc, { aliasDuplicateObjects: false });
  } catch {
    // a document too deep for the serialiser (its stack ran out): write deep nesting by hand
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    text = c.format === 'json' ? `{"name": "deep", "operations": ${deep}}` : `name: deep\noperations: ${deep}\n`;
  }
  return { text: applyEdits(text, c.edits), fileName: `fuzz.${c.format}` };
}
