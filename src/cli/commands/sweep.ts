import type { Argv } from 'yargs';
import { runScenario } from '../../engine/run.js';
import { TARGET_HELP } from '../../endpoints/index.js';
import { UsageError } from '../../errors.js';
import { createSweepController } from '../../engine/sweep-controller.js';
import type { SweepFlags } from '../../sweep/settings.js';
import { percentFlag, SWEEP_DEFAULTS } from '../../sweep/settings.js';
import { io, control, durationOption, positiveOption, defined } from '../io.js';
import { addPriceOptions, pricesFrom } from './report.js';
import { exitCodeFor } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';

export function registerSweep(y: Argv, done: (code: ExitCode) => void): Argv {
  return y.command(
    'sweep <file>',
    "Step the arrival rate (--from, x2 or +N each --step-duration) until a step breaks an SLO, the error bound, or the target cannot keep up; report each step and the knee: the highest rate that met them. Replaces the scenario's phases",
    (c) =>
      addPriceOptions(
        c
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (YAML, JSON or a script); its sweep: block gives defaults' })
          .option('from', { type: 'number', describe: 'first measured step, ops/s (default sweep.from)' })
          .option('to', { type: 'number', describe: 'highest step, ops/s; a step landing exactly on it runs (default sweep.to)' })
          .option('step', { type: 'string', describe: `x<factor> multiplies the rate each step (x2), +<ops/s> adds to it (+500); default ${SWEEP_DEFAULTS.step}` })
          .option('step-duration', { type: 'string', describe: `length of each step (default ${SWEEP_DEFAULTS.stepDurationMs / 1000}s)` })
          .option('slo', { type: 'string', array: true, describe: `a bound every step must meet, repeatable, any gate expression: "p99<10ms", "get-profile.p99<5ms" (default ${SWEEP_DEFAULTS.slo.join(', ')})` })
          .option('max-error-rate', { type: 'string', describe: `highest error rate a step may have (default ${SWEEP_DEFAULTS.maxErrorRatePct}%)` })
          .option('min-achieved', { type: 'string', describe: `achieved / target rate below this means the target cannot keep up (default ${SWEEP_DEFAULTS.minAchievedPct}%)` })
          .option('max-late-sends', { type: 'string', describe: `more than this share of operations sent over 5 ms after their intended start also means not keeping up (every slot busy, or the load generator saturated; default ${SWEEP_DEFAULTS.maxLateSendsPct}%)` })
          .option('warmup', { type: 'string', describe: `warm-up step at --from before the first measured one, never judged; 0 for none (default ${SWEEP_DEFAULTS.warmupMs / 1000}s)` })
          .option('target', { type: 'string', default: 'local', describe: TARGET_HELP })
          .option('region', { type: 'string', describe: 'AWS region (target aws; signing region for other endpoints)' })
          .option('driver', { choices: ['sdk', 'http'] as const, describe: 'request driver: http (default: signed JSON over keep-alive connections, the lowest harness floor) or sdk (AWS SDK v3: what an application on the SDK sees; the default for retries.mode adaptive)' })
          .option('workers', { type: 'number', describe: 'load worker threads, each with 1/N of the rate and concurrency (default: as many as the highest step needs, at most the number of cores)' })
          .option('concurrency', { type: 'number', describe: 'maximum operations in flight' })
          .option('seed-items', { type: 'number', describe: 'number of items to seed (overrides seed.items)' })
          .option('random-seed', { type: 'number', describe: 'seed of the workload generators (same seed, same operations)' })
.option('calibrate', { type: 'boolean', default: true, describe: 'measure the harness floor (ddbench\'s own latency at the highest step\'s rate and this driver, against a null endpoint) before the first step, about 4 s; --no-calibrate skips it' })
          .option('keep-table', { type: 'boolean', default: false, describe: 'do not delete the table at the end' })
          .option('reuse-table', { type: 'boolean', default: false, describe: 'run against an existing table as is (never created, seeded or deleted)' })
          .option('yes', { type: 'boolean', default: false, describe: 'confirm a run against a non-loopback target without asking' })
          .option('out', { type: 'string', describe: 'output folder (default reports/<scenario>-<timestamp>)' }),
      ),
    async (a) => {
      const flags: SweepFlags = {
        ...defined('fromOpsPerSec', positiveOption(a.from, '--from')),
        ...defined('toOpsPerSec', positiveOption(a.to, '--to')),
        ...defined('step', a.step),
        ...defined('stepDurationMs', durationOption(a['step-duration'], '--step-duration')),
        ...defined('warmupMs', warmupOption(a.warmup)),
        ...defined('slo', a.slo !== undefined && a.slo.length > 0 ? a.slo : undefined),
        ...defined('maxErrorRatePct', percentFlag(a['max-error-rate'], '--max-error-rate')),
        ...defined('minAchievedPct', percentFlag(a['min-achieved'], '--min-achieved')),
        ...defined('maxLateSendsPct', percentFlag(a['max-late-sends'], '--max-late-sends')),
      };
      const result = await runScenario({
        file: a.file,
        target: a.target,
        ...defined('region', a.region),
        ...defined('driver', a.driver),
        ...defined('workers', positiveOption(a.workers, '--workers', true)),
        gates: [],
        keepTable: a['keep-table'],
        noCalibrate: !a.calibrate,
        reuseTable: a['reuse-table'],
        yes: a.yes,
        ...defined('outDir', a.out),
        ...defined('concurrency', positiveOption(a.concurrency, '--concurrency', true)),
        ...defined('seedItems', a['seed-items'] === 0 ? 0 : positiveOption(a['seed-items'], '--seed-items', true)),
        ...defined('randomSeed', a['random-seed']),
        ...defined('prices', pricesFrom(a)),
        controller: createSweepController(flags, control, io),
        io,
        control,
      });
      done(exitCodeFor({ state: result.state, pass: result.pass, error: result.invalidInput ? 'invalid-input' : undefined }));
    },
  );
}

/** `--warmup 0` turns the warm-up step off; anything else is a duration. */
function warmupOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*0+(\.0+)?(ms|s|m|h)?\s*$/.test(value)) return 0;
  const ms = durationOption(value, '--warmup');
  if (ms === undefined) throw new UsageError(`--warmup: expected a duration like 5s, or 0, got ${JSON.stringify(value)}`);
  return ms;
}
