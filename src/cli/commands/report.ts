import path from 'node:path';
import type { Argv } from 'yargs';
import { readSummaryFile } from '../../summary/file.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_PRICES } from '../../pricing/cost.js';
import type { Prices } from '../../pricing/cost.js';
import { REPORT_FILE, writeHtmlFile } from '../../report/html/file.js';
import { renderReport } from '../../report/html/report.js';
import { io } from '../io.js';
import { exitCodeFor } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';

/** --price-read / --price-write, shared by `run` and `report`. */
export function addPriceOptions<T>(c: Argv<T>) {
  return c
    .option('price-read', { type: 'number', describe: `on-demand price per million read request units, USD, for the report's cost estimate (default ${DEFAULT_PRICES.readPerMillionUsd}, us-east-1)` })
    .option('price-write', { type: 'number', describe: `on-demand price per million write request units, USD (default ${DEFAULT_PRICES.writePerMillionUsd}, us-east-1)` });
}

/** The prices the flags give (each defaulting on its own), or undefined when neither is set. */
export function pricesFrom(a: { 'price-read'?: number | undefined; 'price-write'?: number | undefined }): Prices | undefined {
  const read = a['price-read'];
  const write = a['price-write'];
  if (read === undefined && write === undefined) return undefined;
  for (const [flag, v] of [['--price-read', read], ['--price-write', write]] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new UsageError(`${flag}: expected a price in USD (a number >= 0), got ${String(v)}`);
  }
  return { readPerMillionUsd: read ?? DEFAULT_PRICES.readPerMillionUsd, writePerMillionUsd: write ?? DEFAULT_PRICES.writePerMillionUsd };
}

export function registerReport(y: Argv, done: (code: ExitCode) => void): Argv {
  return y.command(
    'report <summary>',
    'Write report.html (self-contained HTML: verdict, percentile spectra, charts over time, tables) from a summary.json alone',
    (c) =>
      addPriceOptions(
        c
          .positional('summary', { type: 'string', demandOption: true, describe: 'summary.json written by ddbench run' })
          .option('out', { type: 'string', describe: `HTML file to write (default ${REPORT_FILE} beside the summary)` }),
      ),
    async (a) => {
      const prices = pricesFrom(a);
      const summary = await readSummaryFile(a.summary, 'summary');
      const out = a.out ?? path.join(path.dirname(a.summary), REPORT_FILE);
      const file = await writeHtmlFile(path.resolve(out), renderReport(summary, prices ? { prices } : {}));
      io.out(`report: ${file}\n`);
      done(exitCodeFor({}));
    },
  );
}
