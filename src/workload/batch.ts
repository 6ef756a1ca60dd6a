// Batch elements: DynamoDB rejects a BatchGetItem or BatchWriteItem that names the same key
// twice ("Provided list of item keys contains duplicates"), and skewed distributions make
// duplicates common (zipfian draws its hottest key several times in a batch of 25). So each
// element draws on a fresh context, duplicates are dropped, and drawing goes on until the batch
// is full or 4 x count attempts were made (a key space smaller than the batch then gives a
// smaller batch rather than an endless loop).

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from './attributes.js';
import type { EvalContext } from './context.js';
import type { MapFn } from './template.js';

/** identity of an item's primary key, as a string for a Set */
export type KeySignature = (map: AttributeMap) => string;

function valueSignature(v: AttributeValue | undefined): string {
  if (v === undefined) return '';
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return v.N;
  if (v.B !== undefined) return Buffer.from(v.B.buffer, v.B.byteOffset, v.B.byteLength).toString('latin1');
  return '';
}

export function keySignature(partitionKey: string, sortKey: string | undefined): KeySignature {
  if (sortKey === undefined) return (map) => valueSignature(map[partitionKey]);
  return (map) => {
    const pk = valueSignature(map[partitionKey]);
    // length-prefixed so that ("ab", "c") and ("a", "bc") differ
    return `${pk.length}:${pk}${valueSignature(map[sortKey])}`;
  };
}

/** up to `count` maps with distinct primary keys, each drawn on a fresh context */
export function batchKeyList(ctx: EvalContext, count: number, make: MapFn, signature: KeySignature): AttributeMap[] {
  const out: AttributeMap[] = [];
  const seen = new Set<string>();
  const maxAttempts = count * 4;
  for (let attempt = 0; out.length < count && attempt < maxAttempts; attempt++) {
    ctx.fresh();
    const map = make(ctx);
    const sig = signature(map);
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push(map);
  }
  return out;
}
