// The DAX client parses expressions itself and sends them as CBOR S-expressions:
// [1, spec, [values]] where spec is a tree of [functionCode, args...], names are inlined as
// document paths [18, "a", "b", tag3324(0)] and values are references [17, index]. DynamoDB
// wants strings, so this turns the tree back into an expression with generated #names and
// :values. Parenthesising every sub-condition would trip DynamoDB's "redundant parentheses"
// check, so only an OR under an AND and compound operands of NOT get parentheses.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { decodeOne, Tagged } from './cbor.js';
import { TAG_LIST_INDEX, toAttributeValue } from './attrs.js';

const F = {
  Equal: 0, NotEqual: 1, LessThan: 2, GreaterEqual: 3, GreaterThan: 4, LessEqual: 5,
  And: 6, Or: 7, Not: 8, Between: 9, In: 10,
  AttributeExists: 11, AttributeNotExists: 12, AttributeType: 13, BeginsWith: 14, Contains: 15, Size: 16,
  Variable: 17, DocumentPath: 18,
  SetAction: 19, AddAction: 20, DeleteAction: 21, RemoveAction: 22,
  IfNotExists: 23, ListAppend: 24, Plus: 25, Minus: 26,
} as const;

const COMPARATORS: Record<number, string> = { 0: '=', 1: '<>', 2: '<', 3: '>=', 4: '>', 5: '<=' };
const FUNCTIONS: Record<number, string> = {
  11: 'attribute_exists', 12: 'attribute_not_exists', 13: 'attribute_type', 14: 'begins_with',
  15: 'contains', 16: 'size', 23: 'if_not_exists', 24: 'list_append',
};

export class ExpressionError extends Error {}

/** Collects generated placeholders for one DynamoDB request (shared by all its expressions). */
export class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private byName = new Map<string, string>();
  private valueCount = 0;

  name(n: string): string {
    let p = this.byName.get(n);
    if (p === undefined) {
      p = `#n${this.byName.size}`;
      this.byName.set(n, p);
      this.names[p] = n;
    }
    return p;
  }
  value(v: AttributeValue): string {
    const p = `:v${this.valueCount++}`;
    this.values[p] = v;
    return p;
  }
  /** only the non-empty maps, as DynamoDB rejects empty ones */
  request(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, AttributeValue> } {
    return {
      ...(Object.keys(this.names).length > 0 ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length > 0 ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

/** A document path as components: attribute names and list indexes. */
export type PathComponent = string | number;

function asList(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new ExpressionError(`malformed ${what}`);
  return v;
}

export function pathComponents(node: unknown): PathComponent[] {
  const parts = asList(node, 'document path');
  if (parts[0] !== F.DocumentPath) throw new ExpressionError('expected a document path');
  return parts.slice(1).map((p) => {
    if (typeof p === 'string') return p;
    if (p instanceof Tagged && p.tag === TAG_LIST_INDEX) return Number(p.value);
    throw new ExpressionError('malformed document path element');
  });
}

class Printer {
  constructor(
    private readonly ph: Placeholders,
    private readonly vars: AttributeValue[],
  ) {}

  path(node: unknown): string {
    let out = '';
    for (const c of pathComponents(node)) out += typeof c === 'number' ? `[${c}]` : `${out === '' ? '' : '.'}${this.ph.name(c)}`;
    return out;
  }

  operand(node: unknown): string {
    const n = asList(node, 'operand');
    const f = n[0];
    if (f === F.DocumentPath) return this.path(n);
    if (f === F.Variable) {
      const v = this.vars[Number(n[1])];
      if (v === undefined) throw new ExpressionError('expression value reference out of range');
      return this.ph.value(v);
    }
    if (f === F.Plus || f === F.Minus) return `${this.operand(n[1])} ${f === F.Plus ? '+' : '-'} ${this.operand(n[2])}`;
    if (typeof f === 'number' && FUNCTIONS[f] !== undefined) return `${FUNCTIONS[f]}(${n.slice(1).map((a) => this.operand(a)).join(', ')})`;
    throw new ExpressionError(`unexpected operand function ${String(f)}`);
  }

  condition(node: unknown): string {
    const n = asList(node, 'condition');
    const f = n[0];
    if (typeof f !== 'number') throw new ExpressionError('malformed condition');
    if (COMPARATORS[f] !== undefined) return `${this.operand(n[1])} ${COMPARATORS[f]} ${this.operand(n[2])}`;
    switch (f) {
      case F.And:
        return `${this.wrapIf(n[1], F.Or)} AND ${this.wrapIf(n[2], F.Or)}`;
      case F.Or:
        return `${this.condition(n[1])} OR ${this.condition(n[2])}`;
      case F.Not:
        return `NOT (${this.condition(n[1])})`;
      case F.Between:
        return `${this.operand(n[1])} BETWEEN ${this.operand(n[2])} AND ${this.operand(n[3])}`;
      case F.In:
        return `${this.operand(n[1])} IN (${asList(n[2], 'IN list').map((a) => this.operand(a)).join(', ')})`;
      default:
        if (FUNCTIONS[f] !== undefined) return this.operand(n);
        throw new ExpressionError(`unexpected condition function ${f}`);
    }
  }

  private wrapIf(node: unknown, op: number): string {
    const text = this.condition(node);
    return Array.isArray(node) && node[0] === op ? `(${text})` : text;
  }

  update(node: unknown): string {
    const groups: Record<string, string[]> = { SET: [], REMOVE: [], ADD: [], DELETE: [] };
    for (const action of asList(node, 'update')) {
      const a = asList(action, 'update action');
      switch (a[0]) {
        case F.SetAction:
          groups['SET']!.push(`${this.path(a[1])} = ${this.operand(a[2])}`);
          break;
        case F.RemoveAction:
          groups['REMOVE']!.push(this.path(a[1]));
          break;
        case F.AddAction:
          groups['ADD']!.push(`${this.path(a[1])} ${this.operand(a[2])}`);
          break;
        case F.DeleteAction:
          groups['DELETE']!.push(`${this.path(a[1])} ${this.operand(a[2])}`);
          break;
        default:
          throw new ExpressionError(`unexpected update action ${String(a[0])}`);
      }
    }
    return Object.entries(groups)
      .filter(([, parts]) => parts.length > 0)
      .map(([kw, parts]) => `${kw} ${parts.join(', ')}`)
      .join(' ');
  }
}

function unpack(bytes: Buffer): { spec: unknown; vars: AttributeValue[] } {
  const top = asList(decodeOne(bytes), 'expression');
  if (top[0] !== 1) throw new ExpressionError(`unsupported expression encoding ${String(top[0])}`);
  const vars = top.length > 2 ? asList(top[2], 'expression values').map(toAttributeValue) : [];
  return { spec: top[1], vars };
}

export function conditionExpression(bytes: Buffer, ph: Placeholders): string {
  const { spec, vars } = unpack(bytes);
  return new Printer(ph, vars).condition(spec);
}

export function updateExpression(bytes: Buffer, ph: Placeholders): string {
  const { spec, vars } = unpack(bytes);
  return new Printer(ph, vars).update(spec);
}

/** Projection: the DynamoDB string and the paths in order (responses are keyed by ordinal). */
export function projectionExpression(bytes: Buffer, ph: Placeholders): { text: string; paths: PathComponent[][] } {
  const { spec } = unpack(bytes);
  const printer = new Printer(ph, []);
  const nodes = asList(spec, 'projection');
  return { text: nodes.map((n) => printer.path(n)).join(', '), paths: nodes.map(pathComponents) };
}

/** The value at a document path, or undefined when the item has none there. */
export function valueAt(item: Record<string, AttributeValue>, path: PathComponent[]): AttributeValue | undefined {
  let cur: AttributeValue | undefined;
  for (const [i, c] of path.entries()) {
    if (i === 0) cur = typeof c === 'string' ? item[c] : undefined;
    else if (typeof c === 'number') cur = cur?.L?.[c];
    else cur = cur?.M?.[c];
    if (cur === undefined) return undefined;
  }
  return cur;
}
