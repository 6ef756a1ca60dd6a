// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function, largest first, and
// self time per package / ddbench folder, so a profile reads in a terminal.
//
//   node dist/bench/profile-top.js FILE.cpuprofile [top=25]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script lives: `undici`, `@aws-sdk/client-dynamodb`, `ddbench src/drivers`, `node:net`... */
export function bucketOf(url: string): string {
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return url;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const own = /\/dist\/(src\/[^/]+|bench)\//.exec(url);
  return own ? `ddbench ${own[1]}` : url;
}

export function selfTimes(p: CpuProfile): { totalMs: number; byFunction: [string, number][]; byBucket: [string, number][] } {
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const bucket = new Map<string, number>();
  let totalUs = 0;
  p.samples.forEach((id, i) => {
    const us = p.timeDeltas[i] ?? 0;
    const n = nodes.get(id);
    if (n === undefined) return;
    totalUs += us;
    const f = n.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${f.lineNumber + 1}` : ''}`.trim();
    fn.set(name, (fn.get(name) ?? 0) + us);
    const b = bucketOf(f.url);
    bucket.set(b, (bucket.get(b) ?? 0) + us);
  });
  const sorted = (m: Map<string, number>): [string, number][] => [...m].map(([k, v]) => [k, v / 1000] as [string, number]).sort((a, b) => b[1] - a[1]);
  return { totalMs: totalUs / 1000, byFunction: sorted(fn), byBucket: sorted(bucket) };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: node dist/bench/profile-top.js FILE.cpuprofile [top]');
  const top = Number(process.argv[3] ?? 25);
  const r = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const pct = (ms: number): string => `${((ms / r.totalMs) * 100).toFixed(1).padStart(5)}%`;
  process.stdout.write(`${file}: ${(r.totalMs / 1000).toFixed(1)} s sampled\n\nself time by package / folder\n`);
  for (const [k, ms] of r.byBucket.slice(0, 15)) process.stdout.write(`${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${k}\n`);
  process.stdout.write(`\nself time by function (top ${top})\n`);
  for (const [k, ms] of r.byFunction.slice(0, top)) process.stdout.write(`${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${k}\n`);
}
