// `ddbench compare BASELINE.json CURRENT.json`: the per-operation delta table, compare.html,
// exit 1 on a regression. Also exports the comparison flags, which `run --baseline` shares.
import path from 'node:path';
import type { Argv } from 'yargs';
import { compareSummaries } from '../../compare/compare.js';
import type { CompareOptions } from '../../compare/compare.js';
import { readSummaryFile } from '../../summary/file.js';
import { parseCount, parseFloorUs, parsePercent } from '../../compare/options.js';
import { writeComparisonOutputs } from '../../report/comparison.js';
import { exitCodeFor } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';
import { judge } from '../../engine/judge.js';
import { io } from '../io.js';
import type { RunOptions } from '../../engine/run.js';

/** Adds the flags that tune a comparison (tolerance and noise floors) to a command. */
export function withComparisonOptions<T>(y: Argv<T>) {
  return y
    .option('max-regression', { type: 'string', default: '15%', describe: 'tolerance: a latency percentile or the achieved rate may worsen by this much (15% or 15)' })
    .option('floor', { type: 'string', default: '1ms', describe: 'noise floor: latency changes up to this much never count as a regression (1ms, 500us, 0)' })
    .option('error-floor', { type: 'string', default: '0.1%', describe: 'the error rate may rise by this many percentage points' })
    .option('min-samples', { type: 'number', default: 100, describe: 'operations needed in both runs before a percentile gates (p99.9 needs at least 1000)' })
    .option('gate-max', { type: 'boolean', default: false, describe: 'let max gate too (by default it is reported only: one sample)' });
}

interface ComparisonArgs {
  'max-regression': string;
  floor: string;
  'error-floor': string;
  'min-samples': number;
  'gate-max': boolean;
}

/** The parsed flags; bad values are UsageErrors (exit 2). */
export function comparisonSettings(a: ComparisonArgs): Required<Pick<CompareOptions, 'maxRegressionPct' | 'floorUs' | 'floorPct' | 'minSamples' | 'gateMax'>> {
  return {
    maxRegressionPct: parsePercent(a['max-regression'], '--max-regression'),
    floorUs: parseFloorUs(a.floor, '--floor'),
    floorPct: parsePercent(a['error-floor'], '--error-floor'),
    minSamples: parseCount(a['min-samples'], '--min-samples'),
    gateMax: a['gate-max'],
  };
}

export function registerCompare(y: Argv, done: (code: ExitCode) => void): Argv {
  return y.command(
    'compare <baseline> <current>',
    'Compare two runs (summary.json files): per-operation deltas, compare.html, exit 1 when something regressed beyond the tolerance',
    (c) =>
      withComparisonOptions(
        c
          .positional('baseline', { type: 'string', demandOption: true, describe: 'summary.json of the reference run' })
          .positional('current', { type: 'string', demandOption: true, describe: 'summary.json of the run to judge' })
          .option('force', { type: 'boolean', default: false, describe: 'compare runs of different scenarios anyway' })
          .option('out', { type: 'string', describe: 'folder for compare.html (default: beside CURRENT)' }),
      ),
    async (a) => {
      const settings = comparisonSettings(a);
      const baseline = await readSummaryFile(a.baseline, 'baseline');
      const current = await readSummaryFile(a.current, 'current');
      const comparison = compareSummaries(baseline, current, { ...settings, force: a.force, baselineFile: a.baseline, currentFile: a.current });
      await writeComparisonOutputs(comparison, baseline, current, a.out ?? path.dirname(a.current), (line) => io.out(`${line}\n`));
      done(exitCodeFor({ pass: judge({ gates: [], comparison }) }));
    },
  );
}

/** `run`'s baseline and CI flags: --baseline (with the comparison flags), --junit, --markdown. */
export function withRunCiOptions<T>(y: Argv<T>) {
  return withComparisonOptions(y)
    .option('baseline', { type: 'string', describe: 'summary.json of an earlier run: fail (exit 1) when this run regresses beyond --max-regression' })
    .option('force-baseline', { type: 'boolean', default: false, describe: 'accept a baseline of another scenario' })
    .option('junit', { type: 'string', describe: 'write JUnit XML here: one test case per gate, baseline check and operation verdict' })
    .option('junit-verdict', { type: 'boolean', default: false, describe: 'in the JUnit file, a p99 >= 10 ms verdict is a failure (default: skipped, informational)' })
    .option('markdown', { type: 'string', describe: 'write a Markdown summary here (it is also appended to $GITHUB_STEP_SUMMARY when set)' });
}

/** The flags withRunCiOptions adds, for a help group of their own. */
export const RUN_CI_OPTIONS = ['baseline', 'max-regression', 'floor', 'error-floor', 'min-samples', 'gate-max', 'force-baseline', 'junit', 'junit-verdict', 'markdown'];

interface RunCiArgs extends ComparisonArgs {
  baseline?: string | undefined;
  'force-baseline': boolean;
  junit?: string | undefined;
  'junit-verdict': boolean;
  markdown?: string | undefined;
}

/** The engine's options for those flags; `env` gives GITHUB_STEP_SUMMARY. */
export function runCiSettings(a: RunCiArgs, env: NodeJS.ProcessEnv): Pick<RunOptions, 'baseline' | 'junitFile' | 'junitVerdictFailures' | 'markdownFile' | 'stepSummaryFile'> {
  const stepSummary = env['GITHUB_STEP_SUMMARY'];
  return {
    ...(a.baseline !== undefined ? { baseline: { file: a.baseline, force: a['force-baseline'], ...comparisonSettings(a) } } : {}),
    ...(a.junit !== undefined ? { junitFile: a.junit } : {}),
    junitVerdictFailures: a['junit-verdict'],
    ...(a.markdown !== undefined ? { markdownFile: a.markdown } : {}),
    ...(stepSummary !== undefined && stepSummary !== '' ? { stepSummaryFile: stepSummary } : {}),
  };
}
