// The file side of `ddbench merge`: read each shard's folder (summary.json + latency.hlog),
// write the merged folder (summary.json, latency.hlog, report.html). A shard given as the path
// of its summary.json works too: the .hlog is read from beside it.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { readSummaryFile, SUMMARY_FILE, writeSummaryFile } from '../summary/file.js';
import { writeReportFile } from '../report/html/file.js';
import { openHlogFile } from '../report/hlog.js';
import type { Summary } from '../summary/model.js';
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
    throw new UsageError(`shard ${hlogFile}: ${code === 'ENOENT' ? 'no such file' : String(e)}; the merge needs each shard's latency.hlog beside its summary.json (it places the shards' intervals in time)`);
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

export interface WrittenMerge {
  summaryFile: string;
  hlogFile: string;
  reportFile: string;
}

export async function writeMergedOutputs(dir: string, summary: Summary, hlogLines: string[]): Promise<WrittenMerge> {
  const summaryFile = await writeSummaryFile(dir, summary);
  const hlogFile = path.join(dir, HLOG_FILE);
  const hlog = openHlogFile(hlogFile);
  for (const line of hlogLines) hlog.write(line);
  await hlog.close();
  const reportFile = await writeReportFile(dir, summary);
  return { summaryFile, hlogFile, reportFile };
}
