// Nesting limits, checked before anything else walks the file: the schema, the checks and the
// template compiler all recurse, so a value nested thousands deep would overflow the stack
// instead of becoming a problem with a path. DynamoDB itself allows attribute values (lists and
// maps) 32 levels deep; nothing in a scenario file needs more than a few levels around them.
import type { PathSegment } from './issues.js';

/** deepest nesting a scenario file may have, from its root */
export const MAX_FILE_DEPTH = 64;
/** DynamoDB's limit for nested attribute values */
export const MAX_ATTRIBUTE_DEPTH = 32;

/** The path of the first value nested deeper than maxDepth (iterative: safe at any depth), or undefined. */
export function tooDeep(root: unknown, maxDepth: number): PathSegment[] | undefined {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxDepth) return path;
    const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value as Record<string, unknown>);
    for (const [k, v] of entries) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}
