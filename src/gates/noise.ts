// Generator-bound, said out loud: a latency gate whose margin to its limit is smaller than
// ddbench's own noise could have been decided by ddbench, not by the target. The noise is the
// largest of what the generator measured about itself during the run: event-loop delay p99
// beyond the monitor's resolution (the loop was late by that much, so every operation it timed
// could be), send lag p99 (operations left that late after their intended start with a slot
// free), and the harness floor's p99 when calibrated. Any one of them can move a percentile by
// its size; flagging on "the loop was 98% busy" alone misses a loop that is idle but starved of
// CPU on a busy machine. Pure; the summary applies it once the gates are judged.
import type { GateResult } from './result.js';

/** monitorEventLoopDelay's sampling resolution (engine/health.ts): its percentiles include it */
export const EVENT_LOOP_RESOLUTION_MS = 10;

const LATENCY_UNITS: Record<string, number> = { us: 1, ms: 1000, s: 1_000_000 };

export interface GeneratorNoiseInput {
  eventLoopDelayP99Ms: number;
  sendLagP99Us?: number;
  /** the harness floor's p99, when calibrated */
  floorP99Us?: number;
}

export interface GeneratorNoise {
  /** the largest of the parts, µs */
  noiseUs: number;
  /** which part it is: "event-loop delay p99", "send lag p99" or "harness floor p99" */
  source: string;
}

/** ddbench's own noise in µs, and where it comes from. */
export function generatorNoise(n: GeneratorNoiseInput): GeneratorNoise {
  const parts: [number, string][] = [
    [Math.max(0, n.eventLoopDelayP99Ms - EVENT_LOOP_RESOLUTION_MS) * 1000, 'event-loop delay p99'],
    [n.sendLagP99Us ?? 0, 'send lag p99'],
    [n.floorP99Us ?? 0, 'harness floor p99'],
  ];
  const [noiseUs, source] = parts.reduce((a, b) => (b[0] > a[0] ? b : a));
  return { noiseUs: Math.round(noiseUs), source };
}

/** A latency gate's margin to its limit in µs (undefined: not a latency gate, or no value). */
export function marginUs(g: Pick<GateResult, 'actual' | 'threshold' | 'unit'>): number | undefined {
  const perUnit = LATENCY_UNITS[g.unit];
  if (perUnit === undefined || g.actual === null) return undefined;
  return Math.abs(g.actual - g.threshold) * perUnit;
}

/** The latency gates ddbench's noise could have decided: margin to the limit at most the noise. */
export function gatesWithinNoise(gates: readonly GateResult[], noise: GeneratorNoise): GateResult[] {
  return gates.filter((g) => {
    const m = marginUs(g);
    return m !== undefined && noise.noiseUs > 0 && m <= noise.noiseUs;
  });
}

/** The warning a generator-bound run carries: which gates, by how much, and why. */
export function generatorBoundWarning(within: readonly GateResult[], noise: GeneratorNoise): string {
  const ms = (us: number): string => (us / 1000).toFixed(us < 10_000 ? 2 : 1);
  const gates = within.map((g) => `${g.expr.trim()} (${g.pass ? 'passes' : 'fails'} by ${ms(marginUs(g)!)} ms)`).join(', ');
  return `generator-bound: ddbench's own ${noise.source} of ${ms(noise.noiseUs)} ms is larger than the margin of ${gates}: the verdict may be ddbench's, not the target's; add --workers, lower the rate or use a quieter machine`;
}
