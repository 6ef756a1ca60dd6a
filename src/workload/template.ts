// Compiles scenario templates once into functions that make AttributeValues, so the request
// loop does no parsing, no regex and no JSON work: a constant is built once and shared, a
// placeholder is a closure, a mixed string is a concatenation of closures.
//
// Typing rules:
// - a string that is exactly one placeholder keeps the generator's type: key draws, int, float,
//   ttl and timestampMs give numbers, bytes gives binary, text/uuid/timestamp give strings,
//   choice gives its arguments as written (numbers stay numbers); any other string is a string;
// - an attribute that is a key of the table or of one of its indexes gets its declared type
//   (a number into S becomes its decimal string, a string into B its UTF-8 bytes); a value that
//   can be seen at compile time not to be a number, going into N, is a problem;
// - anything else is inferred: number N, string S, boolean BOOL, null NULL, array L, object M,
//   binary B.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { KeyType, ScenarioProblem, Template, TemplateMap } from '../types.js';
import type { AttributeMap } from './attributes.js';
import { parsePlaceholders, type PlaceholderPart } from '../grammar/placeholders.js';
import { GENERATORS, type GeneratorYield } from '../grammar/generator-calls.js';
import type { EvalContext } from './context.js';
import { makeGenerator, type GeneratedValue } from './generators.js';
import { formatNumber, inferScalar, isNumericString, toKeyType, utf8 } from './attributes.js';

export type AttrFn = (ctx: EvalContext) => AttributeValue;
export type MapFn = (ctx: EvalContext) => AttributeMap;

export interface TemplateEnv {
  /** key space name -> its index in the EvalContext */
  spaces: ReadonlyMap<string, number>;
  /** compile problems are appended here, with the path of the template */
  problems: ScenarioProblem[];
}

interface Compiled {
  fn: AttrFn;
  /** set when the value never changes: built once, shared by every request */
  constant?: AttributeValue;
}

const PLACEHOLDER_VALUE: AttributeValue = { NULL: true };

function constant(value: AttributeValue): Compiled {
  return { fn: () => value, constant: value };
}

export function childPath(path: string, name: string | number): string {
  if (typeof name === 'number') return `${path}[${name}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** Compiles a map of attribute templates; `keyTypes` gives the declared types of key attributes. */
export function compileMap(
  map: TemplateMap,
  keyTypes: ReadonlyMap<string, KeyType> | undefined,
  env: TemplateEnv,
  path: string,
): MapFn {
  const names = Object.keys(map);
  const fns = names.map((name) => compileValue(map[name]!, keyTypes?.get(name), env, childPath(path, name)).fn);
  const n = names.length;
  return (ctx) => {
    const out: AttributeMap = {};
    for (let i = 0; i < n; i++) out[names[i]!] = fns[i]!(ctx);
    return out;
  };
}

/** Compiles one template value; `declared` is set when it goes into a key attribute. */
export function compileValue(t: Template, declared: KeyType | undefined, env: TemplateEnv, path: string): Compiled {
  const problem = (message: string): Compiled => {
    env.problems.push({ path, message });
    return constant(PLACEHOLDER_VALUE);
  };
  if (typeof t === 'string') return compileString(t, declared, env, path);
  if (typeof t === 'number') {
    if (!Number.isFinite(t)) return problem(`${t} is not a number DynamoDB can store`);
    if (declared === undefined) return constant({ N: formatNumber(t) });
    const v = toKeyType(t, declared);
    return typeof v === 'string' ? problem(v) : constant(v);
  }
  if (declared !== undefined) {
    return problem(`key attribute of type ${declared} needs a string or number, got ${describe(t)}`);
  }
  if (typeof t === 'boolean') return constant({ BOOL: t });
  if (t === null) return constant({ NULL: true });
  if (Array.isArray(t)) {
    const elements = t.map((e, i) => compileValue(e, undefined, env, childPath(path, i)));
    if (elements.every((e) => e.constant !== undefined)) return constant({ L: elements.map((e) => e.constant!) });
    const fns = elements.map((e) => e.fn);
    return { fn: (ctx) => ({ L: fns.map((f) => f(ctx)) }) };
  }
  const fields = Object.keys(t).map((name) => [name, compileValue(t[name]!, undefined, env, childPath(path, name))] as const);
  if (fields.every(([, c]) => c.constant !== undefined)) {
    return constant({ M: Object.fromEntries(fields.map(([name, c]) => [name, c.constant!])) });
  }
  const mapFn = compileMap(t, undefined, env, path);
  return { fn: (ctx) => ({ M: mapFn(ctx) }) };
}

function describe(t: Template): string {
  return t === null ? 'null' : Array.isArray(t) ? 'a list' : typeof t === 'object' ? 'a map' : `${typeof t} ${String(t)}`;
}

type ScalarFn = (ctx: EvalContext) => GeneratedValue;

/** A placeholder part as a value function and the type it yields, or a problem message. */
function compilePart(
  part: Exclude<PlaceholderPart, { kind: 'literal' }>,
  env: TemplateEnv,
): { fn: ScalarFn; yields: GeneratorYield } | string {
  if (part.kind === 'key') {
    const index = env.spaces.get(part.space);
    if (index === undefined) {
      const known = [...env.spaces.keys()].join(', ') || 'none';
      return `unknown key space "${part.space}" (scenario keys: ${known})`;
    }
    return { fn: part.seq ? (ctx) => ctx.seq(index) : (ctx) => ctx.key(index), yields: 'number' };
  }
  const fn = makeGenerator(part.fn, part.args);
  const sig = Object.hasOwn(GENERATORS, part.fn) ? GENERATORS[part.fn] : undefined;
  if (fn === undefined || sig === undefined) return `unknown generator "${part.fn}"`;
  return { fn, yields: sig.yields(part.args) };
}

function compileString(s: string, declared: KeyType | undefined, env: TemplateEnv, path: string): Compiled {
  const problem = (message: string): Compiled => {
    env.problems.push({ path, message });
    return constant(PLACEHOLDER_VALUE);
  };
  const parsed = parsePlaceholders(s);
  for (const message of parsed.problems) env.problems.push({ path, message });
  const parts = parsed.parts;

  if (parts.every((p) => p.kind === 'literal')) {
    const text = parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
    if (declared === 'N' && !isNumericString(text)) return problem(`"${text}" is not a number, for an N key attribute`);
    return constant(declared === undefined ? { S: text } : (toKeyType(text, declared) as AttributeValue));
  }

  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only !== undefined && only.kind === 'call' && only.fn === 'choice') {
    // Convert every option now (each to the declared type), pick one per request.
    const options = only.args.map((a) => compileValue(a, declared, env, path).fn);
    return { fn: (ctx) => options[ctx.rng.nextInt(options.length)]!(ctx) };
  }
  if (only !== undefined && only.kind !== 'literal') {
    const compiled = compilePart(only, env);
    if (typeof compiled === 'string') return problem(compiled);
    const gen = compiled.fn;
    if (declared === undefined) return { fn: (ctx) => inferScalar(gen(ctx)) };
    if (declared === 'N' && compiled.yields !== 'number') {
      return problem(`${placeholderText(only)} gives ${compiled.yields} values, not numbers, for an N key attribute`);
    }
    if (declared !== 'B' && compiled.yields === 'binary') {
      return problem(`${placeholderText(only)} gives binary values, not allowed in an ${declared} key attribute`);
    }
    return { fn: (ctx) => toKeyType(gen(ctx), declared) as AttributeValue };
  }

  // A mixed string: concatenate. Numbers are formatted without exponent, like N values.
  const pieces: Array<(ctx: EvalContext) => string> = [];
  let maybeNumeric = true;
  for (const part of parts) {
    if (part.kind === 'literal') {
      const text = part.text;
      if (!/^[0-9.eE+-]*$/.test(text)) maybeNumeric = false;
      pieces.push(() => text);
      continue;
    }
    const compiled = compilePart(part, env);
    if (typeof compiled === 'string') return problem(compiled);
    if (compiled.yields === 'binary') return problem(`${placeholderText(part)} gives binary values: it cannot be part of a string`);
    if (compiled.yields !== 'number') maybeNumeric = false;
    const gen = compiled.fn;
    pieces.push(compiled.yields === 'number' ? (ctx) => formatNumber(gen(ctx) as number) : (ctx) => String(gen(ctx)));
  }
  if (declared === 'N' && !maybeNumeric) return problem(`"${s}" does not make a number, for an N key attribute`);
  const n = pieces.length;
  const concat = (ctx: EvalContext): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += pieces[i]!(ctx);
    return out;
  };
  if (declared === 'N') return { fn: (ctx) => ({ N: concat(ctx) }) };
  if (declared === 'B') return { fn: (ctx) => ({ B: utf8(concat(ctx)) }) };
  return { fn: (ctx) => ({ S: concat(ctx) }) };
}

function placeholderText(part: Exclude<PlaceholderPart, { kind: 'literal' }>): string {
  if (part.kind === 'key') return `{${part.space}${part.seq ? '.seq' : ''}}`;
  return `{${part.fn}(${part.args.join(',')})}`;
}
