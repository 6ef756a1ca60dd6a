import type { Argv } from 'yargs';
import { CALIBRATION, calibrateFloor } from '../../engine/calibrate.js';
import { UsageError } from '../../errors.js';
import { durationOption, positiveOption } from '../io.js';

/** `ddbench calibrate`: the harness floor alone, per driver, at a rate: what ddbench itself adds. */
export function registerCalibrate(y: Argv): Argv {
  return y.command(
    'calibrate',
    "Measure the harness floor: the latency ddbench itself adds at a rate, per driver, against a null endpoint in its own thread (no target, no table)",
    (c) =>
      c
        .option('rate', { type: 'number', default: 1000, describe: 'arrival rate (ops/s, open loop)' })
        .option('driver', { choices: ['http', 'sdk'] as const, array: true, default: ['http', 'sdk'] as ('http' | 'sdk')[], describe: 'drivers to calibrate' })
        .option('concurrency', { type: 'number', default: 64, describe: 'maximum operations in flight' })
        .option('duration', { type: 'string', default: `${CALIBRATION.durationMs / 1000}s`, describe: 'measured time per driver, after a 1 s warm-up' }),
    async (a) => {
      const rate = positiveOption(a.rate, '--rate');
      const concurrency = positiveOption(a.concurrency, '--concurrency', true);
      const durationMs = durationOption(a.duration, '--duration');
      if (rate === undefined || concurrency === undefined || durationMs === undefined) throw new UsageError('calibrate: --rate, --concurrency and --duration must be positive');
      const ms = (us: number) => (us / 1000).toFixed(2).padStart(7);
      process.stdout.write(`harness floor at ${rate.toLocaleString('en-US')} ops/s, GetItem, open loop, ${concurrency} in flight (ms, from intended start)\ndriver      p50      p99    p99.9      max  answered/s\n`);
      for (const driver of a.driver) {
        const f = await calibrateFloor({ driver, rateOpsPerSec: rate, concurrency, durationMs, warmupMs: CALIBRATION.warmupMs });
        // a lane that could not keep the rate measured its own queue: a ceiling, not a floor
        const kept = f.saturated === true ? `  could not keep ${rate.toLocaleString('en-US')}/s: a ceiling, not a floor (add --workers to a run, or --driver http)` : '';
        process.stdout.write(`${driver.padEnd(6)} ${ms(f.latencyUs.p50)}  ${ms(f.latencyUs.p99)}  ${ms(f.latencyUs.p999)}  ${ms(f.latencyUs.max)}  ${String(f.achievedOpsPerSec ?? 0).padStart(10)}${kept}\n`);
      }
    },
  );
}
