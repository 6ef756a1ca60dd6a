// The history `ddbench trend` reads: each argument is a summary.json, a run folder holding one,
// or a folder of run folders (a nightly job's history). Runs are ordered by their start time,
// whatever order the arguments came in. Incomplete runs and single shards are skipped with a
// warning (their numbers describe part of a load), and so are files that cannot be read (a
// damaged summary.json); runs of different scenarios are refused.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readSummaryFile, SUMMARY_FILE } from '../../summary/file.js';
import { UsageError } from '../../errors.js';
import type { TrendRun } from '../../trend/series.js';

const SUMMARY = SUMMARY_FILE;

export async function summaryFiles(arg: string): Promise<string[]> {
  let info;
  try {
    info = await stat(arg);
  } catch {
    throw new UsageError(`run ${arg}: no such file or folder`);
  }
  if (info.isFile()) return [arg];
  if (await isFile(path.join(arg, SUMMARY))) return [path.join(arg, SUMMARY)];
  const found: string[] = [];
  for (const entry of (await readdir(arg, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && (await isFile(path.join(arg, entry.name, SUMMARY)))) found.push(path.join(arg, entry.name, SUMMARY));
  }
  if (found.length === 0) throw new UsageError(`run ${arg}: no ${SUMMARY} in this folder or its subfolders`);
  return found;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

export async function loadTrendRuns(args: readonly string[], opts: { mixScenarios: boolean; warn: (line: string) => void }): Promise<TrendRun[]> {
  const files = [...new Set((await Promise.all(args.map(summaryFiles))).flat().map((f) => path.resolve(f)))];
  const runs: TrendRun[] = [];
  const unreadable: string[] = [];
  let read = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    let summary;
    try {
      summary = await readSummaryFile(shown, 'run');
      if (Number.isNaN(Date.parse(summary.startedAt))) throw new UsageError(`run ${shown}: startedAt ${JSON.stringify(summary.startedAt)} is not a date`);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      unreadable.push(e.message);
      continue;
    }
    read++;
    if (summary.complete === false) {
      opts.warn(`warning: skipping ${shown}: the run is incomplete (${summary.stopReason ?? 'interrupted'})`);
      continue;
    }
    if (summary.shard !== undefined && summary.merged === undefined) {
      opts.warn(`warning: skipping ${shown}: shard ${summary.shard.index}/${summary.shard.count} carries part of the load; give the merged run (ddbench merge) instead`);
      continue;
    }
    runs.push({ file, dir: path.dirname(file), startedAt: summary.startedAt, summary });
  }
  // one damaged night must not hide the history: a file that cannot be read is skipped, named;
  // when nothing could be read, what is wrong with each file is the error (exit 2)
  if (read === 0 && unreadable.length > 0) throw new UsageError(unreadable.join('\n'));
  for (const problem of unreadable) opts.warn(`warning: skipping ${problem}`);
  if (runs.length === 0) throw new UsageError(`no complete run to judge among ${args.join(' ')}`);
  const scenarios = new Map<string, string[]>();
  for (const r of runs) scenarios.set(r.summary.scenario.name, [...(scenarios.get(r.summary.scenario.name) ?? []), path.relative(process.cwd(), r.file) || r.file]);
  if (scenarios.size > 1 && !opts.mixScenarios) {
    const list = [...scenarios].map(([name, f]) => `${name} (${f.slice(0, 2).join(', ')}${f.length > 2 ? `, +${f.length - 2} more` : ''})`);
    throw new UsageError(`runs of different scenarios: ${list.join(' and ')}; judge one scenario at a time, or pass --mix-scenarios`);
  }
  return runs.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.file.localeCompare(b.file));
}
