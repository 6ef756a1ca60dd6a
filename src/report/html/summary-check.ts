// What renderReport needs beyond what every summary reader checks (summary/file.ts):
// a summary.json from another tool, or cut short by hand, is a clean exit-2 message, not a
// TypeError in the middle of rendering.

/** The first field renderReport needs that `data` lacks, or undefined. */
export function reportProblem(data: Record<string, unknown>): string | undefined {
  const objects = ['verdict', 'generator', 'environment', 'total'];
  for (const key of objects) if (!isObject(data[key])) return `no ${key}`;
  if (!isObject((data['verdict'] as Record<string, unknown>)['operations'])) return 'no verdict.operations';
  for (const key of ['intervals', 'gates', 'phases']) if (!Array.isArray(data[key])) return `no ${key}[]`;
  const g = data['generator'] as Record<string, unknown>;
  if (!Array.isArray(g['warnings'])) return 'no generator.warnings[]';
  return undefined;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
