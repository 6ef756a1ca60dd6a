// A short GitHub-flavoured Markdown summary of a run, for pull requests and $GITHUB_STEP_SUMMARY:
// the result, one table row per operation (key percentiles and the p99 < 10 ms verdict), the
// gates with ✅/❌, and the baseline deltas when the run was compared. Every name from a scenario,
// endpoint or error is escaped (HTML and Markdown punctuation, `|` included), so it shows as text.
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ComparedMetric, Comparison, ComparisonRow, OperationSummary, Summary } from '../summary/model.js';
import { INCONCLUSIVE_LABEL, gateOutcome, singleDigitClaim, tallyGates, verdictWithinFloor } from '../gates/floor.js';
import { describeRegression, formatDeltaPct, formatValue } from './comparison-table.js';

const OK = '✅';
const FAIL = '❌';
/** inconclusive (harness floor): neither a pass nor a fail of the target */
const UNSURE = '⚠️';

export function renderMarkdown(summary: Summary, comparison: Comparison | undefined = summary.comparison): string {
  const out: string[] = [];
  const inconclusive = tallyGates(summary.gates).inconclusive;
  const heading = `${summary.pass ? `${OK} PASS` : `${FAIL} FAIL`}${inconclusive > 0 ? ` (${inconclusive} ${UNSURE} inconclusive)` : ''}`;
  out.push(`### ddbench ${md(summary.scenario.name)}: ${heading}`, '');
  const measuredSec = summary.phases.filter((p) => !p.warmup).reduce((s, p) => s + p.durationMs, 0) / 1000;
  out.push(
    `${md(summary.target.kind)} ${md(summary.target.endpoint)}, driver ${md(summary.driver)}, ${summary.mode} loop, ` +
      `${measuredSec.toFixed(1)} s measured, started ${md(summary.startedAt)}`,
  );
  if (!summary.complete) out.push('', `> **Incomplete run**: ${md(summary.stopReason ?? 'interrupted')}`);
  if (summary.generator.saturated) out.push('', `> **The load generator was saturated**: latency may be inflated by ddbench itself (${summary.generator.warnings.map(md).join('; ')})`);

  const floor = summary.harness?.floor;
  if (floor !== undefined && floor.saturated === true) {
    out.push('', `Harness ceiling: one ${md(floor.driver)} lane could not keep ${floor.rateOpsPerSec.toFixed(0)} ops/s against a null endpoint: its latencies are queueing, not a floor, and mark nothing ${INCONCLUSIVE_LABEL}.`);
  } else if (floor !== undefined) {
    const ms = (us: number) => (us / 1000).toFixed(2);
    out.push('', `Harness floor (${md(floor.driver)} at ${floor.rateOpsPerSec.toFixed(0)} ops/s against a null endpoint): p50 ${ms(floor.latencyUs.p50)} ms, p99 ${ms(floor.latencyUs.p99)} ms, p99.9 ${ms(floor.latencyUs.p999)} ms. A result closer than its p99 to its limit is ${UNSURE} ${INCONCLUSIVE_LABEL}.`);
  }
  const thresholdMs = summary.verdict.thresholdUs / 1000;
  out.push('', `| operation | count | rate/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | ${md(`p99 < ${thresholdMs} ms`)} |`, '|:--|--:|--:|--:|--:|--:|--:|--:|--:|:-:|');
  for (const [name, s] of Object.entries(summary.operations)) {
    const v = summary.verdict.operations[name];
    const within = v !== undefined && s.count > 0 && verdictWithinFloor(v.p99Us, summary.verdict.thresholdUs, floor);
    out.push(operationRow(md(name), s, v === undefined ? '' : within ? `${UNSURE} inconclusive` : v.pass ? OK : FAIL));
  }
  const claim = singleDigitClaim(summary.verdict, (op) => summary.operations[op]?.count ?? 0, floor);
  out.push(operationRow('**all**', summary.total, claim.outcome === 'yes' ? OK : claim.outcome === 'no' ? FAIL : `${UNSURE} inconclusive`));

  if (summary.gates.length > 0) {
    const t = tallyGates(summary.gates);
    const unsure = t.inconclusive > 0 ? `, ${t.inconclusive} ${UNSURE} ${INCONCLUSIVE_LABEL}${summary.harness?.strictFloor === true ? ' (failed by --strict-floor)' : ''}` : '';
    out.push('', `**Gates**: ${t.pass} of ${summary.gates.length} passed${unsure}`, '', '| gate | result | detail |', '|:--|:-:|:--|');
    const mark = { pass: OK, fail: FAIL, inconclusive: `${UNSURE} inconclusive` };
    for (const g of summary.gates) out.push(`| ${md(g.expr)} | ${mark[gateOutcome(g)]} | ${md(g.message)} |`);
  }
  if (comparison !== undefined) out.push('', ...baselineSection(comparison));
  out.push('');
  return out.join('\n');
}

/** Writes the Markdown to `file` and/or appends it to the GitHub step summary file. */
export async function writeMarkdownOutputs(markdown: string, targets: { file?: string; stepSummaryFile?: string }): Promise<string[]> {
  const written: string[] = [];
  if (targets.file !== undefined) {
    await mkdir(path.dirname(path.resolve(targets.file)), { recursive: true });
    await writeFile(targets.file, markdown, 'utf8');
    written.push(targets.file);
  }
  if (targets.stepSummaryFile !== undefined && targets.stepSummaryFile !== '') {
    await appendFile(targets.stepSummaryFile, `${markdown}\n`, 'utf8');
    written.push(targets.stepSummaryFile);
  }
  return written;
}

function operationRow(name: string, s: OperationSummary, verdict: string): string {
  const ms = (us: number) => (us / 1000).toFixed(2);
  const l = s.latencyUs;
  return `| ${name} | ${s.count} | ${s.rateOpsPerSec.toFixed(1)} | ${ms(l.p50)} | ${ms(l.p90)} | ${ms(l.p99)} | ${ms(l.p999)} | ${ms(l.max)} | ${s.errors} | ${verdict} |`;
}

const BASELINE_COLUMNS: [ComparedMetric, string][] = [
  ['p50', 'p50 ms'],
  ['p99', 'p99 ms'],
  ['p999', 'p99.9 ms'],
  ['rateOpsPerSec', 'rate/s'],
  ['errorRatePct', 'errors %'],
];

function baselineSection(c: Comparison): string[] {
  const head =
    `**Baseline** (${md(c.baseline.startedAt)}${c.baseline.file !== undefined ? `, ${md(c.baseline.file)}` : ''}; ` +
    `regression = worse by more than ${c.maxRegressionPct}% and ${(c.floorUs / 1000).toFixed(2)} ms): ` +
    (c.pass ? `${OK} no regression` : `${FAIL} ${c.regressions.length} regression${c.regressions.length === 1 ? '' : 's'}`);
  const out = [head, '', `| operation | ${BASELINE_COLUMNS.map(([, t]) => t).join(' | ')} |`, `|:--|${BASELINE_COLUMNS.map(() => '--:').join('|')}|`];
  const byOp = new Map<string, Map<ComparedMetric, ComparisonRow>>();
  for (const r of c.rows) {
    if (!byOp.has(r.op)) byOp.set(r.op, new Map());
    byOp.get(r.op)!.set(r.metric, r);
  }
  for (const [op, rows] of byOp) out.push(`| ${md(op)} | ${BASELINE_COLUMNS.map(([m]) => cell(rows.get(m))).join(' | ')} |`);
  out.push('', `${FAIL} regression, 🟢 improvement, ⚪ not judged (too few samples or a different load)`);
  for (const r of c.regressions) out.push(`- ${FAIL} ${md(describeRegression(r))}`);
  for (const n of c.notes ?? []) out.push(`- ${md(n)}`);
  if (c.onlyInBaseline.length > 0) out.push(`- only in the baseline: ${c.onlyInBaseline.map(md).join(', ')}`);
  if (c.onlyInCurrent.length > 0) out.push(`- only in this run: ${c.onlyInCurrent.map(md).join(', ')}`);
  return out;
}

function cell(r: ComparisonRow | undefined): string {
  if (r === undefined) return '';
  const mark = r.regression ? ` ${FAIL}` : r.improvement ? ' 🟢' : r.gating === false ? ' ⚪' : '';
  return `${formatValue(r.metric, r.baseline)} → ${formatValue(r.metric, r.current)} (${md(formatDeltaPct(r))})${mark}`;
}

/** Text safe in a GFM table cell: HTML escaped, Markdown punctuation backslash-escaped, one line. */
export function md(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, (ch) => `\\${ch}`);
}
