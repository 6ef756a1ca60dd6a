// compare.html beside a run (or wherever `compare --out` says): rendering is the HTML report's
// job (report/html/compare.ts); this only puts the page in a file.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Comparison, Summary } from '../../summary/model.js';
import { renderComparison } from './compare.js';

export const COMPARE_FILE = 'compare.html';

export async function writeComparisonHtml(dir: string, comparison: Comparison, baseline: Summary, current: Summary): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, COMPARE_FILE);
  await writeFile(file, renderComparison(comparison, baseline, current), 'utf8');
  return file;
}
