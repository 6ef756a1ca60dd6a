// Upper bounds on the numbers that size a run. Beyond them a run is not a benchmark but a hang
// or a crash: a rate no process can send (the schedule would never end), a duration past what a
// timer can wait (Node fires timers over 24.8 days at once, and the loop would spin), thousands
// of threads or closed-loop workers allocated up front. Checked in the file (with paths and
// lines) and again after the command line has scaled the plan (--rate, --duration...).
import type { Scenario } from '../types.js';

export const LIMITS = {
  /** ops/s of one phase: far above what one process sends, room for a sharded run's whole rate */
  rateOpsPerSec: 10_000_000,
  /** one phase: a week-long soak test at most */
  phaseDurationMs: 7 * 24 * 3_600_000,
  thinkTimeMs: 3_600_000,
  requestTimeoutMs: 3_600_000,
  /** operations in flight, or closed-loop workers */
  concurrency: 100_000,
} as const;

const fmt = (n: number): string => n.toLocaleString('en-US');

export const LIMIT_TEXT = {
  rate: `at most ${fmt(LIMITS.rateOpsPerSec)} ops/s`,
  duration: 'at most 7 days (168h)',
  thinkTime: 'at most 1 hour',
  requestTimeout: 'at most 1 hour',
  concurrency: `at most ${fmt(LIMITS.concurrency)}`,
} as const;

/** Problems of a normalised plan (after command-line overrides), as `path: message` lines. */
export function planLimitProblems(scenario: Scenario): string[] {
  const out: string[] = [];
  scenario.phases.forEach((p, i) => {
    for (const [field, v] of [['rate', p.rateOpsPerSec], ['rampTo', p.rampToOpsPerSec]] as const) {
      if (v !== undefined && !(v <= LIMITS.rateOpsPerSec)) out.push(`phases[${i}].${field}: ${fmt(v)} ops/s, expected ${LIMIT_TEXT.rate}`);
    }
    if (!(p.durationMs <= LIMITS.phaseDurationMs)) out.push(`phases[${i}].duration: ${fmt(p.durationMs / 1000)} s, expected ${LIMIT_TEXT.duration}`);
    if (p.workers !== undefined && !(p.workers <= LIMITS.concurrency)) out.push(`phases[${i}].workers: ${fmt(p.workers)}, expected ${LIMIT_TEXT.concurrency}`);
  });
  if (!(scenario.concurrency <= LIMITS.concurrency)) out.push(`concurrency: ${fmt(scenario.concurrency)}, expected ${LIMIT_TEXT.concurrency}`);
  return out;
}
