// Two runs side by side, as `ddbench compare` and `run --compare-target` show them: the delta
// table (under an optional heading), what DAX saved when one side went through DAX, and
// compare.html. compare/ computes the comparison; this only shows and writes it.
import type { Comparison, Summary } from '../summary/model.js';
import { daxComparison, formatDaxCapacityLine } from '../compare/dax.js';
import { formatComparisonTable } from './comparison-table.js';
import { writeComparisonHtml } from './html/compare-file.js';

/** Prints the table (the first thing a user reads, even if compare.html cannot be written), then writes compare.html into `dir`. */
export async function writeComparisonOutputs(comparison: Comparison, baseline: Summary, current: Summary, dir: string, print: (line: string) => void, heading?: string): Promise<void> {
  const table = formatComparisonTable(comparison);
  print(heading === undefined ? table : `\n${heading}:\n${table}`);
  const dax = daxComparison(baseline, current);
  if (dax !== undefined) print(formatDaxCapacityLine(dax));
  print(`comparison: ${await writeComparisonHtml(dir, comparison, baseline, current)}`);
}
