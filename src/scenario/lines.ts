// Finds the line of the node at a path in a parsed YAML (or JSON) document, falling back to
// the nearest parent that exists, so a missing field points at the object that lacks it.

import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './issues.js';

/** 1-based line of the node at `path` (for a map entry: the line of its key), or undefined. */
export function lineAt(doc: Document, counter: LineCounter, path: readonly PathSegment[]): number | undefined {
  let node: unknown = doc.contents;
  let line = lineOf(node, counter);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (pair === undefined) break;
      line = lineOf(pair.key, counter) ?? lineOf(pair.value, counter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      line = lineOf(item, counter) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function lineOf(node: unknown, counter: LineCounter): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (range === undefined || range === null) return undefined;
  return counter.linePos(range[0]).line;
}
