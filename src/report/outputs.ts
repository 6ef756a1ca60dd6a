// Every output of a finished run behind one interface, in one registry: the engine hands over the
// judged summary and what the command line asked for, and never imports a writer itself (k6's
// outputs, knip's reporters). Each output reads only the summary (and the baseline's, for
// compare.html), so any of them can be made again from summary.json files alone.
import type { Summary } from '../summary/model.js';
import type { Prices } from '../pricing/cost.js';
import { writeSummaryFile } from '../summary/file.js';
import { writeReportFile } from './html/file.js';
import { writeComparisonHtml } from './html/compare-file.js';
import { formatOperationTable } from './console-table.js';
import { formatComparisonTable } from './comparison-table.js';
import { formatSweepReport } from './sweep-table.js';
import { renderJunit, writeJunitFile } from './junit.js';
import { renderMarkdown, writeMarkdownOutputs } from './markdown.js';

/** What the command line asked for, beyond the summary itself. */
export interface OutputContext {
  /** the run's folder: summary.json, report.html, compare.html */
  outDir: string;
  /** --price-read / --price-write, for report.html's cost estimate */
  prices?: Prices | undefined;
  /** --baseline: the baseline's summary, for compare.html */
  baseline?: Summary | undefined;
  /** --junit FILE; --junit-verdict */
  junitFile?: string | undefined;
  junitVerdictFailures?: boolean | undefined;
  /** --markdown FILE, and $GITHUB_STEP_SUMMARY */
  markdownFile?: string | undefined;
  stepSummaryFile?: string | undefined;
}

export interface Output {
  name: string;
  /** Writes what this output writes (maybe nothing); returns the console lines that tell of it (each without its newline). */
  write(summary: Summary, ctx: OutputContext): Promise<string[]>;
}

const summaryJson: Output = {
  name: 'json',
  write: async (summary, ctx) => [`results: ${await writeSummaryFile(ctx.outDir, summary)}`],
};

const htmlReport: Output = {
  name: 'html',
  write: async (summary, ctx) => [`report: ${await writeReportFile(ctx.outDir, summary, ctx.prices ? { prices: ctx.prices } : {})}`],
};

/** The per-operation table, or a sweep's step table and knee. */
const consoleTable: Output = {
  name: 'console',
  write: async (summary) => [summary.sweep ? formatSweepReport(summary) : formatOperationTable(summary)],
};

const comparison: Output = {
  name: 'comparison',
  async write(summary, ctx) {
    if (summary.comparison === undefined || ctx.baseline === undefined) return [];
    return [`\n${formatComparisonTable(summary.comparison)}`, `comparison: ${await writeComparisonHtml(ctx.outDir, summary.comparison, ctx.baseline, summary)}`];
  },
};

const junit: Output = {
  name: 'junit',
  async write(summary, ctx) {
    if (ctx.junitFile === undefined) return [];
    return [`junit: ${await writeJunitFile(ctx.junitFile, renderJunit(summary, { verdictFailures: ctx.junitVerdictFailures ?? false }))}`];
  },
};

const markdown: Output = {
  name: 'markdown',
  async write(summary, ctx) {
    const targets = { ...(ctx.markdownFile !== undefined ? { file: ctx.markdownFile } : {}), ...(ctx.stepSummaryFile ? { stepSummaryFile: ctx.stepSummaryFile } : {}) };
    return (await writeMarkdownOutputs(renderMarkdown(summary), targets)).map((file) => `markdown: ${file}`);
  },
};

/** Written in this order: summary.json first, so a failure further on never loses the run's results. */
export const OUTPUTS: readonly Output[] = [summaryJson, htmlReport, consoleTable, comparison, junit, markdown];

/** Printed in this order: what the user reads first, where the files are last. */
const PRINT_ORDER = ['console', 'comparison', 'junit', 'markdown', 'html', 'json'];

/**
 * Runs every output and prints their lines in PRINT_ORDER, each as soon as the ones before it have
 * printed (the table shows even if a later file cannot be written).
 */
export async function writeOutputs(summary: Summary, ctx: OutputContext, print: (line: string) => void, outputs: readonly Output[] = OUTPUTS): Promise<void> {
  const done = new Map<string, string[]>();
  let next = 0;
  const order = [...PRINT_ORDER, ...outputs.map((o) => o.name).filter((n) => !PRINT_ORDER.includes(n))].filter((n) => outputs.some((o) => o.name === n));
  for (const output of outputs) {
    done.set(output.name, await output.write(summary, ctx));
    for (; next < order.length && done.has(order[next]!); next++) for (const line of done.get(order[next]!)!) print(line);
  }
}

