// The part of GitHub Actions' expression language that action.yml uses, for running the action in
// tests (test/support/action-runner.ts). Grammar (GitHub's, cut down):
//
//   expr    := or
//   or      := and ('||' and)*
//   and     := unary ('&&' unary)*
//   unary   := '!' unary | compare
//   compare := primary (('==' | '!=') primary)?
//   primary := '(' expr ')' | 'string' | number | true | false | null | name '()' | path
//   path    := name ('.' name)*          (names may hold '-', as in inputs.max-regression)
//
// As on GitHub: a missing property is null, null equals '', strings compare case-insensitively,
// `a || b` gives the first truthy value, '' and null are falsy and 'false' is not. Anything else
// (other functions, indexing, other operators) throws, so the action cannot use a form these tests
// would silently misread.

export type Value = string | number | boolean | null;
export interface Context {
  [key: string]: Value | Context | undefined;
}
export interface Status {
  /** an earlier step failed */
  failed: boolean;
}

type Token = { kind: 'op'; text: string } | { kind: 'str'; text: string } | { kind: 'num'; value: number } | { kind: 'name'; text: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === "'" && src[i + 1] === "'") (text += "'"), (i += 2);
        else if (src[i] === "'") break;
        else text += src[i++];
      }
      i++;
      out.push({ kind: 'str', text });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ kind: 'num', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      out.push({ kind: 'name', text: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['==', '!=', '&&', '||'].includes(two)) (out.push({ kind: 'op', text: two }), (i += 2));
      else if ('!().'.includes(c)) (out.push({ kind: 'op', text: c }), i++);
      else throw new Error(`unsupported character ${JSON.stringify(c)} in ${src}`);
    }
  }
  return out;
}

const truthy = (v: Value): boolean => v !== null && v !== '' && v !== false && v !== 0;
const asText = (v: Value): string => (v === null ? '' : String(v));
const equal = (a: Value, b: Value): boolean => {
  if (typeof a === 'number' || typeof b === 'number') return Number(a ?? 0) === Number(b ?? 0);
  return asText(a).toLowerCase() === asText(b).toLowerCase();
};

/** The value of one expression (the text between `${{` and `}}`, or an `if:`). */
export function evaluate(src: string, ctx: Context, status: Status): Value {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (text: string) => tokens[pos]?.kind === 'op' && (tokens[pos] as { text: string }).text === text;
  const expect = (text: string) => {
    if (!peek(text)) throw new Error(`expected ${text} at token ${pos} of ${src}`);
    pos++;
  };
  const or = (): Value => {
    let v = and();
    while (peek('||')) {
      pos++;
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const and = (): Value => {
    let v = unary();
    while (peek('&&')) {
      pos++;
      const r = unary();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const unary = (): Value => {
    if (peek('!')) {
      pos++;
      return !truthy(unary());
    }
    return compare();
  };
  const compare = (): Value => {
    const a = primary();
    if (peek('==') || peek('!=')) {
      const negate = peek('!=');
      pos++;
      const same = equal(a, primary());
      return negate ? !same : same;
    }
    return a;
  };
  const primary = (): Value => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error(`unexpected end of ${src}`);
    if (t.kind === 'op' && t.text === '(') {
      const v = or();
      expect(')');
      return v;
    }
    if (t.kind === 'str') return t.text;
    if (t.kind === 'num') return t.value;
    if (t.kind !== 'name') throw new Error(`unexpected ${t.text} in ${src}`);
    if (t.text === 'true' || t.text === 'false') return t.text === 'true';
    if (t.text === 'null') return null;
    if (peek('(')) {
      pos++;
      expect(')');
      switch (t.text) {
        case 'always':
          return true;
        case 'cancelled':
          return false;
        case 'success':
          return !status.failed;
        case 'failure':
          return status.failed;
        default:
          throw new Error(`unsupported function ${t.text}() in ${src}`);
      }
    }
    let v: Value | Context | undefined = ctx[t.text];
    if (v === undefined) throw new Error(`unknown context ${t.text} in ${src}`);
    while (peek('.')) {
      pos++;
      const name = tokens[pos++];
      if (name?.kind !== 'name') throw new Error(`expected a property name in ${src}`);
      v = v !== null && typeof v === 'object' ? v[name.text] : undefined;
    }
    if (v !== undefined && v !== null && typeof v === 'object') throw new Error(`${src} is an object, not a value`);
    return v ?? null;
  };
  const v = or();
  if (pos !== tokens.length) throw new Error(`unexpected tokens after position ${pos} in ${src}`);
  return v;
}

/** A string with every `${{ expr }}` replaced by its value, as text. */
export function interpolate(text: string, ctx: Context, status: Status): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => asText(evaluate(expr, ctx, status)));
}

/**
 * An `if:` condition: `${{ }}` is optional; no condition means success(), and a condition without
 * a status function (always, cancelled, success, failure) is ANDed with success(), as on GitHub.
 */
export function condition(src: string | undefined, ctx: Context, status: Status): boolean {
  if (src === undefined) return !status.failed;
  const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(src);
  const expr = m ? m[1]! : src;
  if (!/\b(always|cancelled|success|failure)\s*\(/.test(expr) && status.failed) return false;
  return truthy(evaluate(expr, ctx, status));
}
