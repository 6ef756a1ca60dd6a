// summary.json's file I/O in one place: every writer (a run, `merge`) and every reader (a baseline,
// `compare`, `report`, `merge`) goes through here.
// Writing is atomic: a reader (CI, a report regenerator, a run interrupted while writing) sees
// either the previous file or the complete new one, never half a file.
// Reading checks the file against the summary model and decodes every histogram in it, so a wrong
// or damaged file is a clean exit-2 message instead of a TypeError or a zlib error later.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Summary } from './model.js';
import { parseSummary, summaryDrift } from './check.js';
import { histogramProblems } from './histograms.js';
import { UsageError } from '../errors.js';

export const SUMMARY_FILE = 'summary.json';

/** Printed (never thrown: the run's numbers are still written) when a summary leaves its model; the tests fail on it. */
export const SUMMARY_DRIFT_WARNING = 'ddbench: internal error: summary.json does not match its model (src/summary/model.ts)';

/** Writes `<dir>/summary.json` (creating dir) and returns its path. */
export async function writeSummaryFile(dir: string, summary: Summary): Promise<string> {
  // Every summary ddbench writes goes through here, so every run in the tests checks the model
  // against the real thing: a field added without its schema, or a NaN, shows up at once.
  const drift = summaryDrift(summary);
  if (drift.length > 0) process.stderr.write(`${SUMMARY_DRIFT_WARNING}:\n${drift.map((d) => `  ${d}\n`).join('')}`);
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

/** writeSummaryFile, synchronously: for a process that exits right after (a second signal). */
export function writeSummaryFileSync(dir: string, summary: Summary): string {
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, SUMMARY_FILE);
  const temp = path.join(dir, `.${SUMMARY_FILE}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
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
    throw new UsageError(`${role} ${file}: not JSON (${printable((e as Error).message)}); expected a ddbench summary.json`);
  }
  const checked = parseSummary(data);
  if (!checked.ok) throw new UsageError(`${role} ${file}: not a ddbench summary.json (${problemList(checked.problems)})`);
  // decoded once here, so no later step (a merge, a gate, a report section) meets a broken one
  const broken = histogramProblems(checked.summary);
  if (broken.length > 0) throw new UsageError(`${role} ${file}: ${problemList(broken)}`);
  return checked.summary;
}

/** The first few problems: a wrong file has dozens, and the first ones say what it is. */
function problemList(problems: string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}

/**
 * JSON.parse quotes the text around the error, raw: a binary or multi-line file would put control
 * characters and line breaks in a message that must stay one readable line.
 */
function printable(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/g, (c) => (c === '\n' ? '\\n' : c === '\ufffd' ? '?' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
