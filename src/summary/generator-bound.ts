// The run-level half of "generator-bound, said out loud": once the gates are judged, the
// generator's health (engine/health.ts, measured during the load) is compared with each latency
// gate's margin (gates/noise.ts). A gate ddbench's own noise could have decided marks the run
// saturated and generator-bound, with a warning naming the gate. The single-digit verdict is a
// judged figure too, gates or not: an operation whose p99 is closer to 10 ms than that noise gets
// a note naming it (the verdict is informational, so it flags the run without marking it saturated).
// The noise counts the load lanes' own event-loop delay as well as the recording thread's: with
// --workers the lanes run in threads of their own, and theirs is the loop that times each request.
import type { GateResult } from '../gates/result.js';
import { gatesWithinNoise, generatorBoundWarning, generatorNoise, marginUs, type GeneratorNoise } from '../gates/noise.js';
import type { GeneratorHealth, Verdict } from './model.js';

/** The single-digit verdict, for the noise check: its per-operation p99s and how many samples each had. */
export interface JudgedVerdict {
  verdict: Pick<Verdict, 'thresholdUs' | 'operations'>;
  countOf: (op: string) => number;
}

export function flagGeneratorBound(
  health: GeneratorHealth,
  gates: readonly GateResult[],
  floorP99Us: number | undefined,
  judged?: JudgedVerdict,
  laneEventLoopDelayP99Ms?: number,
): GeneratorHealth {
  const hasVerdict = judged !== undefined && Object.keys(judged.verdict.operations).length > 0;
  if (gates.length === 0 && !hasVerdict) return health;
  const eventLoopDelayP99Ms = Math.max(health.eventLoopDelayP99Ms, laneEventLoopDelayP99Ms ?? 0);
  const noise = generatorNoise({ eventLoopDelayP99Ms, sendLagP99Us: health.sendLagP99Us, ...(floorP99Us !== undefined ? { floorP99Us } : {}) });
  const within = gatesWithinNoise(gates, noise);
  const verdictNote = judged !== undefined ? verdictWithinNoise(judged, noise) : undefined;
  const warnings = [...health.warnings, ...(within.length > 0 ? [generatorBoundWarning(within, noise)] : []), ...(verdictNote !== undefined ? [verdictNote] : [])];
  if (within.length === 0) return { ...health, noiseUs: noise.noiseUs, warnings };
  return { ...health, saturated: true, generatorBound: true, noiseUs: noise.noiseUs, warnings };
}

/** The note for verdict rows whose p99 lies within ddbench's own noise of the threshold, if any. */
function verdictWithinNoise(j: JudgedVerdict, noise: GeneratorNoise): string | undefined {
  if (noise.noiseUs <= 0) return undefined;
  const thresholdMs = j.verdict.thresholdUs / 1000;
  const close = Object.entries(j.verdict.operations)
    .filter(([op]) => j.countOf(op) > 0)
    .map(([op, v]) => ({ op, pass: v.pass, m: marginUs({ actual: v.p99Us / 1000, threshold: thresholdMs, unit: 'ms' })! }))
    .filter((x) => x.m <= noise.noiseUs);
  if (close.length === 0) return undefined;
  const ms = (us: number): string => (us / 1000).toFixed(us < 10_000 ? 2 : 1);
  const list = close.map((x) => `${x.op} p99 (${x.pass ? 'under' : 'over'} ${thresholdMs} ms by ${ms(x.m)} ms)`).join(', ');
  return `verdict within ddbench's noise: its own ${noise.source} of ${ms(noise.noiseUs)} ms is larger than the margin of ${list}: that answer may be ddbench's, not the target's`;
}
