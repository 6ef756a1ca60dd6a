// The placeholder grammar of template strings, shared by the validator (which reports
// problems) and the workload (which evaluates the parts). Pure and total: any string gives
// parts plus a list of problems, never a throw; a string with no problems is valid.
//
//   template    := ( literal | '{{' | '}}' | placeholder )*     '{{' and '}}' are literal braces
//   placeholder := '{' ws ( keyref | call ) ws '}'
//   keyref      := ident [ '.seq' ]          {player}: a draw from key space `player`;
//                                            {player.seq}: the next key of `player` in order
//   call        := ident ws '(' [ arg ( ',' arg )* ] ')'          {int(0, 100)}, {uuid()}
//   arg         := ws ( number | quoted | bare ) ws
//   number      := [+-]? ( digits [ '.' digits? ] | '.' digits ) [ (e|E) [+-]? digits ]   -> number
//   quoted      := '"' ( [^"\\] | '\\' any )* '"'  |  "'" ( [^'\\] | '\\' any )* "'"      -> string
//   bare        := one or more of any char but , ( ) { } " ' (trimmed; a number if it reads as one)
//   ident       := [A-Za-z_] [A-Za-z0-9_]*
//
// A placeholder with a problem is kept as a literal part holding its original text, so
// `parts` always concatenates back to something sensible. Generator names, argument counts
// and ranges are checked here too (see generators.ts); whether a key space exists is not,
// since that depends on the scenario.

import { checkCall } from './generator-calls.js';

export type PlaceholderPart =
  | { kind: 'literal'; text: string }
  | { kind: 'key'; space: string; seq: boolean }
  | { kind: 'call'; fn: string; args: (string | number)[] };

export interface ParsedTemplate {
  parts: PlaceholderPart[];
  problems: string[];
}

const KEYREF = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?$/;
const CALL = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(([\s\S]*)\)$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parsePlaceholders(s: string): ParsedTemplate {
  const parts: PlaceholderPart[] = [];
  const problems: string[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') parts.push({ kind: 'literal', text: literal });
    literal = '';
  };

  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '{' && s[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (c === '}' && s[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (c === '}') {
      problems.push(`unmatched "}" at character ${i + 1} (write "}}" for a literal brace)`);
      literal += '}';
      i += 1;
    } else if (c === '{') {
      // an unbalanced quote should not swallow the closing brace: retry without quotes
      let end = findClose(s, i + 1, true);
      if (end < 0) end = findClose(s, i + 1, false);
      if (end < 0) {
        problems.push(`unterminated placeholder at character ${i + 1} (write "{{" for a literal brace)`);
        literal += '{';
        i += 1;
        continue;
      }
      const raw = s.slice(i, end + 1);
      const parsed = parseInner(s.slice(i + 1, end));
      if (typeof parsed === 'string') {
        problems.push(`${raw}: ${parsed}`);
        literal += raw;
      } else {
        const callProblems = parsed.kind === 'call' ? checkCall(parsed.fn, parsed.args) : [];
        if (callProblems.length > 0) {
          problems.push(...callProblems.map((p) => `${raw}: ${p}`));
          literal += raw;
        } else {
          flush();
          parts.push(parsed);
        }
      }
      i = end + 1;
    } else {
      literal += c;
      i += 1;
    }
  }
  flush();
  return { parts, problems };
}

/** Index of the `}` closing a placeholder whose body starts at `from` (skipping quoted text if asked); -1 if none. */
function findClose(s: string, from: number, quotes: boolean): number {
  let quote: string | undefined;
  for (let j = from; j < s.length; j++) {
    const c = s[j];
    if (quote !== undefined) {
      if (c === '\\') j += 1;
      else if (c === quote) quote = undefined;
    } else if (quotes && (c === '"' || c === "'")) {
      quote = c;
    } else if (c === '}') {
      return j;
    } else if (c === '{') {
      return -1; // a placeholder never nests; the first one was left open
    }
  }
  return -1;
}

/** The placeholder body (between the braces) as a part, or a problem message. */
function parseInner(body: string): PlaceholderPart | string {
  const text = body.trim();
  if (text === '') return 'empty placeholder (write "{{}}" for literal braces)';
  const ref = KEYREF.exec(text);
  if (ref !== null) {
    const [, space, field] = ref;
    if (field !== undefined && field !== 'seq') return `unknown key-space field ".${field}" (only ".seq" exists)`;
    return { kind: 'key', space: space!, seq: field === 'seq' };
  }
  const call = CALL.exec(text);
  if (call !== null) {
    const args = parseArgs(call[2]!);
    if (typeof args === 'string') return args;
    return { kind: 'call', fn: call[1]!, args };
  }
  return 'expected a key space like {player}, {player.seq} or a generator call like {int(0,100)}';
}

function parseArgs(list: string): (string | number)[] | string {
  if (list.trim() === '') return [];
  const args: (string | number)[] = [];
  let i = 0;
  for (;;) {
    while (i < list.length && /\s/.test(list[i]!)) i++;
    const c = list[i];
    let value: string | number;
    if (c === '"' || c === "'") {
      const end = closingQuote(list, i);
      if (end < 0) return `unterminated ${c} quote in the arguments`;
      value = unescape(list.slice(i + 1, end));
      i = end + 1;
    } else {
      let j = i;
      while (j < list.length && !',(){}"\''.includes(list[j]!)) j++;
      if (j < list.length && list[j] !== ',') {
        return `unexpected "${list[j]}" in the arguments (quote an argument that holds it)`;
      }
      const bare = list.slice(i, j).trim();
      if (bare === '') return `empty argument ${args.length + 1}`;
      value = NUMBER.test(bare) ? Number(bare) : bare;
      i = j;
    }
    args.push(value);
    while (i < list.length && /\s/.test(list[i]!)) i++;
    if (i >= list.length) return args;
    if (list[i] !== ',') return `expected "," after argument ${args.length}, got "${list[i]}"`;
    i += 1;
  }
}

function closingQuote(s: string, open: number): number {
  const quote = s[open];
  for (let j = open + 1; j < s.length; j++) {
    if (s[j] === '\\') j += 1;
    else if (s[j] === quote) return j;
  }
  return -1;
}

/** A backslash keeps the next character as it is (`\"`, `\'`, `\\`). */
function unescape(s: string): string {
  return s.replace(/\\([\s\S])/g, '$1');
}
