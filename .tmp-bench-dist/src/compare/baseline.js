import { UsageError } from '../errors.js';
import { compareSummaries, scenarioMismatch } from './compare.js';
import { readSummaryFile } from './load-summary.js';
/** Reads the baseline and refuses one of another scenario (unless forced): exit 2 before the run. */
export async function loadBaseline(options, scenarioName) {
    const summary = await readSummaryFile(options.file, 'baseline');
    if (summary.scenario.name !== scenarioName && !options.force)
        throw new UsageError(`--baseline ${options.file}: ${scenarioMismatch(summary.scenario.name, scenarioName, '--force-baseline')}`);
    return { options, summary };
}
/** The run's summary with its comparison, and `pass` false when something regressed. */
export function applyBaseline(current, baseline, currentFile) {
    const { file, ...rest } = baseline.options;
    const comparison = compareSummaries(baseline.summary, current, { ...rest, baselineFile: file, ...(currentFile !== undefined ? { currentFile } : {}) });
    return { ...current, comparison, pass: current.pass && comparison.pass };
}
//# sourceMappingURL=baseline.js.map