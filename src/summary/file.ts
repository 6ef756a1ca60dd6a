// summary.json's file I/O in one place: every writer (a run, `merge`) and every reader (a baseline,
// `compare`, `report`, `merge`) goes through here.
// Writing is atomic: a reader (CI, a report regenerator, a run interrupted while writing) sees
// either the previous file or the complete new one, never half a file.
// Reading checks that the file is a summary, so a wrong file is a clean exit-2 message instead of
// a TypeError later.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Summary } from '../types.js';
import { UsageError } from '../errors.js';

export const SUMMARY_FILE = 'summary.json';

/** Writes `<dir>/summary.json` (creating dir) and returns its path. */
export async function writeSummaryFile(dir: string, summary: Summary): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, SUMMARY_FILE);
  const temp = path.join(dir, `.${SUMMARY_FILE}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return target;
}

/** Reads a summary.json given on the command line; `role` names it in messages (`--baseline`...). */
export async function readSummaryFile(file: string, role: string): Promise<Summary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${role} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a summary.json' : String(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${role} ${file}: not JSON (${(e as Error).message}); expected a ddbench summary.json`);
  }
  const problem = summaryProblem(data);
  if (problem !== undefined) throw new UsageError(`${role} ${file}: not a ddbench summary.json (${problem})`);
  return data as Summary;
}

const PERCENTILES = ['p50', 'p90', 'p99', 'p999', 'max'] as const;

/** The first thing that keeps `data` from being a Summary compareSummaries can read, or undefined. */
export function summaryProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'not a JSON object';
  if (!isObject(data['scenario']) || typeof data['scenario']['name'] !== 'string') return 'no scenario.name';
  if (typeof data['startedAt'] !== 'string') return 'no startedAt';
  if (!isObject(data['target']) || typeof data['target']['kind'] !== 'string') return 'no target.kind';
  if (data['mode'] !== 'open' && data['mode'] !== 'closed') return 'no mode';
  if (!isObject(data['generator'])) return 'no generator';
  if (!Array.isArray(data['phases'])) return 'no phases[]';
  if (!isObject(data['operations'])) return 'no operations';
  const subjects: [string, unknown][] = [...Object.entries(data['operations']).map(([k, v]): [string, unknown] => [`operations.${k}`, v]), ['total', data['total']]];
  for (const [path, s] of subjects) {
    if (!isObject(s)) return `no ${path}`;
    for (const field of ['count', 'errors', 'rateOpsPerSec']) if (typeof s[field] !== 'number') return `no ${path}.${field}`;
    const latency = s['latencyUs'];
    if (!isObject(latency)) return `no ${path}.latencyUs`;
    for (const p of PERCENTILES) if (typeof latency[p] !== 'number') return `no ${path}.latencyUs.${p}`;
  }
  return undefined;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
