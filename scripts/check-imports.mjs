#!/usr/bin/env node
// `npm run lint:deps`: src/'s imports against the house rules. dependency-cruiser checks the rules
// in .dependency-cruiser.cjs (file cycles, what the pure stages, drivers and report may import,
// nothing reaches up into cli/); this script adds the one it cannot express: no cycle between
// src/ folders, each module counted as its top folder (src/report/html/x.ts is src/report).
// Prints every problem with the imports that make it and exits 1, or one line and exits 0.
// Offline: everything comes from node_modules and the sources.
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output } = await cruise(['src'], { ...options, outputType: 'json' }, undefined, { tsConfig: extractTSConfig('tsconfig.json') });
const result = typeof output === 'string' ? JSON.parse(output) : output;

const lines = [];
for (const v of result.summary.violations) {
  const where = v.cycle ? [v.from, ...v.cycle.map((c) => (typeof c === 'string' ? c : c.name))].join(' -> ') : `${v.from} -> ${v.to}`;
  lines.push(`${v.rule.severity} ${v.rule.name}: ${where}`);
}

/** src/<folder> for a module in a folder, the file itself for src/types.ts and the like. */
const folderOf = (source) => /^src\/[^/]+(?=\/)/.exec(source)?.[0] ?? source;
const edges = new Map(); // folder -> folder -> ['a.ts -> b.ts', ...]
for (const m of result.modules) {
  if (!m.source.startsWith('src/')) continue;
  for (const d of m.dependencies) {
    if (!d.resolved.startsWith('src/')) continue;
    const from = folderOf(m.source);
    const to = folderOf(d.resolved);
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const byTarget = edges.get(from);
    byTarget.set(to, [...(byTarget.get(to) ?? []), `${m.source} -> ${d.resolved}${d.dependencyTypes.includes('type-only') ? ' (type)' : ''}`]);
  }
}
for (const group of stronglyConnected([...edges.keys()], (f) => [...(edges.get(f)?.keys() ?? [])])) {
  lines.push(`error no-folder-cycle: ${group.join(', ')} import each other:`);
  const inGroup = new Set(group);
  for (const from of group) for (const [to, imports] of edges.get(from) ?? []) if (inGroup.has(to)) for (const i of imports) lines.push(`    ${i}`);
}

const errors = result.summary.error + lines.filter((l) => l.startsWith('error no-folder-cycle')).length;
if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(`imports: ${result.summary.totalCruised} modules, ${result.summary.totalDependenciesCruised} imports; ${errors} error(s), ${result.summary.warn} warning(s)\n`);
process.exit(errors > 0 ? 1 : 0);

/** Tarjan: the groups of more than one node that can all reach each other. */
function stronglyConnected(nodes, next) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return groups;
}
