// `ddbench trend RUN...`: change-point detection over a history of runs (see src/trend/): one
// console line per change, newest first; trend.html; --junit / --markdown / $GITHUB_STEP_SUMMARY
// like `run`. Exit 1 when the newest level of any series is a regression beyond --min-change.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { parsePercent } from '../../compare/options.js';
import { UsageError } from '../../errors.js';
import { writeHtmlFile } from '../../report/html/file.js';
import { REPORT_FILE } from '../../report/html/file.js';
import { relativeHref, renderTrendPage } from '../../report/html/trend.js';
import { writeJunitFile } from '../../report/junit.js';
import { writeMarkdownOutputs } from '../../report/markdown.js';
import { formatTrendConsole } from '../../report/trend-console.js';
import { renderTrendJunit, renderTrendMarkdown } from '../../report/trend-ci.js';
import { TREND_DEFAULTS } from '../../trend/analyse.js';
import { METRICS, parseMetrics } from '../../trend/series.js';
import { analyseTrend } from '../../trend/trend.js';
import { VERSION } from '../../version.js';
import { exitCodeFor } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';
import { io } from '../io.js';
import { judge } from '../../engine/judge.js';
import { loadTrendRuns } from './trend-input.js';

export const TREND_FILE = 'trend.html';

export function registerTrend(y: Argv, done: (code: ExitCode) => void): Argv {
  return y.command(
    'trend <runs..>',
    'Find regressions across a history of runs (change-point detection, e-divisive means), write trend.html; exit 1 when the newest level of a series regressed',
    (c) =>
      c
        .positional('runs', { type: 'string', array: true, demandOption: true, describe: 'summary.json files, run folders, or folders of run folders (any order: runs are ordered by start time)' })
        .option('metric', { type: 'string', array: true, describe: `series to judge: ${METRICS.join(', ')} (default: all; comma-separated or repeated)` })
        .option('op', { type: 'string', array: true, describe: 'operations to judge (default: all; comma-separated or repeated)' })
        .option('min-change', { type: 'string', default: `${TREND_DEFAULTS.minChangePct}%`, describe: 'smallest level change that counts as a regression or improvement' })
        .option('p-value', { type: 'number', default: TREND_DEFAULTS.pValue, describe: 'significance a change point needs (permutation test)' })
        .option('permutations', { type: 'number', default: TREND_DEFAULTS.permutations, describe: 'permutations of the significance test (the smallest p it can give is 1/(permutations+1))' })
        .option('min-level-runs', { type: 'number', default: TREND_DEFAULTS.minLevelRuns, describe: 'fewest runs a level holds (an outlier run never makes a level alone)' })
        .option('seed', { type: 'number', default: TREND_DEFAULTS.seed, describe: 'seed of the permutations (same runs, same seed: same result)' })
        .option('mix-scenarios', { type: 'boolean', default: false, describe: 'judge runs of different scenarios together' })
        .option('out', { type: 'string', describe: `${TREND_FILE} to write (default: ${TREND_FILE} in the current folder)` })
        .option('junit', { type: 'string', describe: 'write JUnit XML here: one test case per series' })
        .option('markdown', { type: 'string', describe: 'write a Markdown summary here (it is also appended to $GITHUB_STEP_SUMMARY when set)' }),
    async (a) => {
      const { metrics, bad } = parseMetrics(a.metric ?? []);
      if (bad.length > 0) throw new UsageError(`--metric: unknown ${bad.map((b) => JSON.stringify(b)).join(', ')}; expected ${METRICS.join(', ')}`);
      const pValue = a['p-value'];
      if (!(pValue > 0 && pValue < 1)) throw new UsageError(`--p-value: expected a number between 0 and 1, got ${String(pValue)}`);
      for (const [flag, v] of [['--permutations', a.permutations], ['--min-level-runs', a['min-level-runs']]] as const) {
        if (!(Number.isInteger(v) && v >= 1)) throw new UsageError(`${flag}: expected a whole number >= 1, got ${String(v)}`);
      }
      if (!Number.isFinite(a.seed)) throw new UsageError(`--seed: expected a number, got ${String(a.seed)}`);
      const options = { minChangePct: parsePercent(a['min-change'], '--min-change'), pValue, permutations: a.permutations, minLevelRuns: a['min-level-runs'], seed: a.seed };
      const ops = (a.op ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter((o) => o !== '');

      const runs = await loadTrendRuns(a.runs, { mixScenarios: a['mix-scenarios'], warn: (line) => io.err(`${line}\n`) });
      const known = new Set(runs.flatMap((r) => Object.keys(r.summary.operations)));
      const unknownOps = ops.filter((o) => !known.has(o));
      if (unknownOps.length > 0) throw new UsageError(`--op: no run has ${unknownOps.map((o) => JSON.stringify(o)).join(', ')}; operations: ${[...known].join(', ')}`);
      const result = analyseTrend(runs, { metrics, ops }, options);
      io.out(`${formatTrendConsole(result)}\n`);

      const out = a.out ?? TREND_FILE;
      const from = path.dirname(path.resolve(out));
      const reportHref = (r: { dir: string }) => {
        if (!existsSync(path.join(r.dir, REPORT_FILE))) return undefined;
        return relativeHref(from, path.join(r.dir, REPORT_FILE));
      };
      io.out(`trend: ${await writeHtmlFile(out, renderTrendPage(result, { reportHref, version: VERSION }))}\n`);
      if (a.junit !== undefined) io.out(`junit: ${await writeJunitFile(a.junit, renderTrendJunit(result))}\n`);
      const stepSummary = process.env['GITHUB_STEP_SUMMARY'];
      const targets = { ...(a.markdown !== undefined ? { file: a.markdown } : {}), ...(stepSummary ? { stepSummaryFile: stepSummary } : {}) };
      if (targets.file !== undefined || targets.stepSummaryFile !== undefined) {
        for (const f of await writeMarkdownOutputs(renderTrendMarkdown(result), targets)) if (f === targets.file) io.out(`markdown: ${f}\n`);
      }
      // a trend that regressed is judged like a baseline comparison that did
      done(exitCodeFor({ pass: judge({ gates: [], comparison: { pass: result.pass } }) }));
    },
  );
}
