// The file side of `ddbench merge`: read each shard's folder (summary.json + latency.hlog),
// write the merged latency.hlog (summary.json and report.html are report/outputs.ts's). A shard given as the path
// of its summary.json works too: the .hlog is read from beside it.
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { readSummaryFile, SUMMARY_FILE } from '../summary/file.js';
import { openHlogFile } from '../report/hlog.js';
import { parseHlog } from './hlog-read.js';
import type { ShardOutput } from './merge.js';

export const HLOG_FILE = 'latency.hlog';

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export async function readShardOutput(given: string): Promise<ShardOutput> {
  const isDir = await isDirectory(given);
  if (!isDir && !given.endsWith('.json')) {
    const exists = await stat(given).then(() => true, () => false);
    throw new UsageError(`shard ${given}: ${exists ? 'not a folder' : 'no such folder'}; name each shard's output folder (with summary.json and latency.hlog)`);
  }
  const dir = isDir ? given : path.dirname(given);
  const summaryFile = isDir ? path.join(given, SUMMARY_FILE) : given;
  const summary = await readSummaryFile(summaryFile, 'shard');
  const hlogFile = path.join(dir, HLOG_FILE);
  let text: string;
  try {
    text = await readFile(hlogFile, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String(e);
    throw new UsageError(`shard ${hlogFile}: ${what}; the merge needs each shard's latency.hlog beside its summary.json (it places the shards' intervals in time)`);
  }
  try {
    return { label: dir, summary, hlog: parseHlog(text, hlogFile) };
  } catch (e) {
    throw new UsageError(`shard ${(e as Error).message}`);
  }
}

export async function readShardOutputs(paths: string[]): Promise<ShardOutput[]> {
  const out: ShardOutput[] = [];
  for (const p of paths) out.push(await readShardOutput(p));
  return out;
}

/** Writes the merged run's latency.hlog into `dir`; returns its path. */
export async function writeMergedHlog(dir: string, hlogLines: string[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const hlogFile = path.join(dir, HLOG_FILE);
  const hlog = openHlogFile(hlogFile);
  for (const line of hlogLines) hlog.write(line);
  await hlog.close();
  return hlogFile;
}
