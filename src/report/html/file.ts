// report.html beside summary.json, written like it atomically (temporary file, then rename): a
// CI job that uploads the folder while a run writes never ships half a page.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Summary } from '../../summary/model.js';
import { renderReport } from './report.js';
import type { ReportOptions } from './report.js';

export const REPORT_FILE = 'report.html';

/** Writes `<dir>/report.html` and returns its path. */
export async function writeReportFile(dir: string, summary: Summary, opts: ReportOptions = {}): Promise<string> {
  return writeHtmlFile(path.join(dir, REPORT_FILE), renderReport(summary, opts));
}

export async function writeHtmlFile(file: string, markup: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, markup, 'utf8');
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return file;
}
