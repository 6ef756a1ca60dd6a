// `run --compare-target T`: the same scenario, with the same random seed, first against T (the
// baseline: DynamoDB, say) and then against --target (DAX, say), one after the other so the two
// never compete for the machine, each with its own table and endpoints. Both summaries are
// written in sub-folders of one output folder, and the comparison beside them (compare.html).
// The comparison is informational: the result is judged on both runs' own (both must pass).
import { basename, extname, join, resolve } from 'node:path';
import { compareSummaries } from '../compare/compare.js';
import { writeComparisonOutputs } from '../report/comparison.js';
import { isDaxTarget } from '../endpoints/dax.js';
import { UsageError } from '../errors.js';
import type { RunOptions, RunResult } from './run.js';

/** Large: two different targets are expected to differ; the table shows by how much, it does not judge. */
export const COMPARE_TARGET_TOLERANCE_PCT = 100_000;

/** A folder name for a target: `local`, `dax-local`, `http-127.0.0.1-8000`. */
export function targetSlug(target: string): string {
  const slug = target.trim().toLowerCase().replace(/^[a-z]+:\/\//, (m) => m.slice(0, -3) + '-').replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'target' : slug.slice(0, 60);
}

/** The sub-folders of the two runs (never the same, even for the same target twice). */
export function compareFolders(outDir: string, target: string, compareTarget: string): { baseline: string; current: string } {
  const b = targetSlug(compareTarget);
  let c = targetSlug(target);
  if (c === b) c = `${c}-2`;
  return { baseline: join(outDir, b), current: join(outDir, c) };
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export async function runComparingTargets(o: RunOptions, compareTarget: string, execute: (o: RunOptions) => Promise<RunResult>): Promise<RunResult> {
  if (compareTarget.trim() === '') throw new UsageError('--compare-target is empty');
  if (o.baseline !== undefined) throw new UsageError('--compare-target and --baseline cannot be combined: the compare target is the baseline');
  if (o.shard !== undefined || o.setupOnly === true || o.reuseTable) throw new UsageError('--compare-target runs both targets from scratch: it cannot be combined with --shard, --setup-only or --reuse-table');
  const outDir = resolve(o.outDir ?? join('reports', `${basename(o.file, extname(o.file))}-compare-${stamp(new Date())}`));
  const folders = compareFolders(outDir, o.target, compareTarget);
  // The same operations on both sides: fix the seed when the user did not.
  const randomSeed = o.randomSeed ?? Math.floor(Math.random() * 2 ** 31);
  const { junitFile: _j, markdownFile: _m, stepSummaryFile: _s, driver, ...plain } = o;
  const baselineRun: RunOptions = {
    ...plain,
    target: compareTarget,
    // --driver dax belongs to the DAX side; the other side keeps the user's sdk/http choice, or the default
    ...(driver !== undefined && !(driver === 'dax' && !isDaxTarget(compareTarget)) ? { driver } : {}),
    randomSeed,
    outDir: folders.baseline,
  };
  o.io.err(`compare-target: running against ${compareTarget} first (baseline), then against ${o.target}; random seed ${randomSeed}\n`);
  const first = await execute(baselineRun);
  if (first.summary === undefined || o.control.stopping) return first;
  const second = await execute({ ...o, randomSeed, outDir: folders.current });
  if (second.summary === undefined) return second;
  const comparison = compareSummaries(first.summary, second.summary, {
    maxRegressionPct: COMPARE_TARGET_TOLERANCE_PCT,
    baselineFile: join(folders.baseline, 'summary.json'),
    currentFile: join(folders.current, 'summary.json'),
  });
  await writeComparisonOutputs(comparison, first.summary, second.summary, outDir, (line) => o.io.out(`${line}\n`), `${compareTarget} (baseline) against ${o.target}`);
  // the second ran only if the first ended running (any stop returns above): its state is the run's
  return { ...second, pass: first.pass === true && second.pass === true, outDir };
}
