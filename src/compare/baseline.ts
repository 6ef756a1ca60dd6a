// `ddbench run --baseline FILE`: the baseline is read and checked before anything starts (a bad
// file must not cost a run), then applied to the finished run's summary.
import type { Comparison, Summary } from '../summary/model.js';
import { UsageError } from '../errors.js';
import { compareSummaries, scenarioMismatch } from './compare.js';
import type { CompareOptions } from './compare.js';
import { readSummaryFile } from '../summary/file.js';

export interface BaselineOptions extends Omit<CompareOptions, 'baselineFile' | 'currentFile'> {
  file: string;
}

export interface LoadedBaseline {
  options: BaselineOptions;
  summary: Summary;
}

/** Reads the baseline and refuses one of another scenario (unless forced): exit 2 before the run. */
export async function loadBaseline(options: BaselineOptions, scenarioName: string): Promise<LoadedBaseline> {
  const summary = await readSummaryFile(options.file, 'baseline');
  if (summary.scenario.name !== scenarioName && !options.force) throw new UsageError(`--baseline ${options.file}: ${scenarioMismatch(summary.scenario.name, scenarioName, '--force-baseline')}`);
  return { options, summary };
}

/** The run's summary with its comparison (the judge fails a run that regressed). */
export function applyBaseline<S extends Omit<Summary, 'pass'>>(current: S, baseline: LoadedBaseline, currentFile?: string): S & { comparison: Comparison } {
  const { file, ...rest } = baseline.options;
  const comparison: Comparison = compareSummaries(baseline.summary, current, { ...rest, baselineFile: file, ...(currentFile !== undefined ? { currentFile } : {}) });
  return { ...current, comparison };
}
