// JUnit XML for CI systems (GitLab, Jenkins, GitHub test reporters). One <testsuite>
// `ddbench.<scenario>` holding one <testcase> per:
// - gate (classname `ddbench.<scenario>.gates`, name = the gate expression): a failed gate is a
//   <failure> whose message gives the actual value and the threshold;
// - baseline row that gates (classname `.baseline`, name `<op> <metric>`): a regression is a
//   <failure>; rows that would gate but cannot (too few samples, different load) are <skipped>;
// - operation verdict (classname `.verdict`, name `<op> p99 < 10ms`): the verdict is information,
//   so a miss is <skipped> with the reason, and a <failure> only when asked (--junit-verdict).
// - inconclusive (harness floor): a gate or verdict whose margin to its limit is within ddbench's own
//   p99 (summary.harness.floor) is <skipped> with a message starting `INCONCLUSIVE (harness floor)`:
//   skipped is the one JUnit state every CI reporter shows as neither passed nor failed. With
//   --strict-floor an inconclusive gate fails the run, so it is a <failure> there as well.
// An interrupted run adds an <error> test case. Every string is escaped for XML, including
// characters XML 1.0 cannot carry at all (replaced by U+FFFD).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ComparisonRow, GateResult, Summary } from '../summary/model.js';
import { INCONCLUSIVE_LABEL, tallyGates, verdictWithinFloor } from '../gates/floor.js';
import { METRIC_LABEL, describeRegression, formatDeltaPct, formatValue } from './comparison-table.js';

export interface JunitOptions {
  /** a verdict miss (p99 >= 10 ms) is a failure, not a skipped test */
  verdictFailures: boolean;
}

interface TestCase {
  classname: string;
  name: string;
  failure?: { type: string; message: string; body: string };
  skipped?: string;
  error?: { type: string; message: string };
}

export function renderJunit(summary: Summary, opts: JunitOptions = { verdictFailures: false }): string {
  const suite = `ddbench.${summary.scenario.name}`;
  const cases: TestCase[] = [
    ...summary.gates.map((g) => gateCase(`${suite}.gates`, g, summary.harness?.strictFloor === true)),
    ...(summary.comparison?.rows ?? []).flatMap((r) => baselineCase(`${suite}.baseline`, r, summary.comparison!.maxRegressionPct, summary.comparison!.floorUs)),
    ...verdictCases(`${suite}.verdict`, summary, opts.verdictFailures),
  ];
  if (!summary.complete) cases.push({ classname: suite, name: 'run completed', error: { type: 'interrupted', message: `the run stopped early: ${summary.stopReason ?? 'interrupted'}` } });

  const failures = cases.filter((c) => c.failure).length;
  const errors = cases.filter((c) => c.error).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const time = (summary.durationMs / 1000).toFixed(3);
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time}"`;
  const properties: [string, string][] = [
    ['scenario', summary.scenario.name],
    ['target', summary.target.kind],
    ['endpoint', summary.target.endpoint],
    ['driver', summary.driver],
    ['mode', summary.mode],
    ['ddbench', summary.ddbenchVersion],
    ['pass', String(summary.pass)],
    ...floorProperties(summary),
  ];
  const notes = [...summary.generator.warnings.map((w) => `generator: ${w}`), ...(summary.comparison?.notes ?? []).map((n) => `baseline: ${n}`)];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ddbench" ${counts}>`,
    `  <testsuite name="${attr(suite)}" ${counts} timestamp="${attr(summary.startedAt)}" hostname="${attr(summary.environment.hostname)}">`,
    '    <properties>',
    ...properties.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`),
    '    </properties>',
    ...cases.map(renderCase),
    ...(notes.length > 0 ? [`    <system-out>${text(notes.join('\n'))}</system-out>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export async function writeJunitFile(file: string, xml: string): Promise<string> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, xml, 'utf8');
  return file;
}

function gateCase(classname: string, g: GateResult, strictFloor: boolean): TestCase {
  if (g.inconclusive === true) {
    const why = `${INCONCLUSIVE_LABEL}: ${g.message}`;
    return strictFloor ? { classname, name: g.expr, failure: { type: 'inconclusive', message: `${why}; --strict-floor fails it`, body: g.message } } : { classname, name: g.expr, skipped: why };
  }
  if (g.pass) return { classname, name: g.expr };
  const unit = g.unit === 'ops/s' ? ' ops/s' : g.unit;
  const actual = g.actual === null ? g.message.replace(/ \(FAIL\)$/, '') : `actual ${round(g.actual)}${unit}`;
  const message = g.actual === null ? `${actual}; threshold ${g.expr}` : `${actual} vs threshold ${round(g.threshold)}${unit} (${g.expr})`;
  return { classname, name: g.expr, failure: { type: 'gate', message, body: g.message } };
}

function baselineCase(classname: string, r: ComparisonRow, tolerancePct: number, floorUs: number): TestCase[] {
  const name = `${r.op} ${METRIC_LABEL[r.metric].split(' ')[0]}`;
  if (r.metric === 'max' && !r.gating) return [];
  if (!r.gating) return [{ classname, name, skipped: r.note ?? 'not judged' }];
  if (!r.regression) return [{ classname, name }];
  const limit = r.metric === 'errorRatePct' ? 'beyond the error-rate floor' : r.metric === 'rateOpsPerSec' ? `fell more than ${tolerancePct}%` : `beyond ${tolerancePct}% and ${formatValue('p50', floorUs)} ms`;
  const body = `baseline ${formatValue(r.metric, r.baseline)}, current ${formatValue(r.metric, r.current)} (${formatDeltaPct(r)}) ${METRIC_LABEL[r.metric]}`;
  return [{ classname, name, failure: { type: 'baseline-regression', message: `${describeRegression(r)}: ${limit}`, body } }];
}

function verdictCases(classname: string, summary: Summary, verdictFailures: boolean): TestCase[] {
  const thresholdMs = summary.verdict.thresholdUs / 1000;
  return Object.entries(summary.verdict.operations).map(([op, v]) => {
    const name = `${op} p99 < ${thresholdMs}ms`;
    const count = summary.operations[op]?.count ?? 0;
    const floor = summary.harness?.floor;
    if (count > 0 && floor !== undefined && verdictWithinFloor(v.p99Us, summary.verdict.thresholdUs, floor)) {
      return { classname, name, skipped: `${INCONCLUSIVE_LABEL}: p99 ${(v.p99Us / 1000).toFixed(2)} ms is within ddbench's own p99 (${(floor.latencyUs.p99 / 1000).toFixed(2)} ms) of ${thresholdMs} ms` };
    }
    if (v.pass) return { classname, name };
    const why = count === 0 ? 'no samples in the measured phases' : `p99 ${(v.p99Us / 1000).toFixed(2)} ms >= ${thresholdMs} ms`;
    if (verdictFailures) return { classname, name, failure: { type: 'verdict', message: why, body: why } };
    return { classname, name, skipped: `${why} (informational; --junit-verdict makes it a failure)` };
  });
}

/** The floor and the inconclusive count as suite properties, for CI systems that show them. */
function floorProperties(summary: Summary): [string, string][] {
  const floor = summary.harness?.floor;
  if (floor === undefined) return [];
  return [
    ['harness.floor.driver', floor.driver],
    ['harness.floor.p99Ms', (floor.latencyUs.p99 / 1000).toFixed(2)],
    ['gates.inconclusive', String(tallyGates(summary.gates).inconclusive)],
  ];
}

function renderCase(c: TestCase): string {
  const open = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}" time="0"`;
  if (c.failure) return `${open}>\n      <failure type="${attr(c.failure.type)}" message="${attr(c.failure.message)}">${text(c.failure.body)}</failure>\n    </testcase>`;
  if (c.error) return `${open}>\n      <error type="${attr(c.error.type)}" message="${attr(c.error.message)}"/>\n    </testcase>`;
  if (c.skipped !== undefined) return `${open}>\n      <skipped message="${attr(c.skipped)}"/>\n    </testcase>`;
  return `${open}/>`;
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Characters XML 1.0 cannot hold even escaped: C0 controls other than tab/LF/CR, U+FFFE/F, lone surrogates. */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element text: markup characters escaped, the rest kept (newlines included). */
export function text(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value (always double-quoted): also quotes, and whitespace that parsers would otherwise fold into spaces. */
export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
