// Judging one step, and the sweep as a whole. Pure: a step is judged from its phase's recorded
// data alone (histograms and counters), with the same gate evaluation as a run's gates, so
// `--slo "get-profile.p99 < 5ms"` means exactly what `--gate` means, for one step.
//
// A step fails when any of these breaks:
//  - an SLO (a gate expression, over all operations or one);
//  - the error bound: errors / operations must stay below maxErrorRatePct (0: no error at all);
//  - keeping up: achieved / target at least minAchievedPct, and at most maxLateSendsPct of the
//    operations sent more than 5 ms after their intended start (the target held every slot, or
//    the load generator itself fell behind: either way this rate is not being delivered).
//
// A failed step is generator-bound when ddbench's own noise during it (event-loop delay beyond
// the monitor's resolution: its p99, or its longest stall when that covered 1% of the step; and
// the calibrated harness floor's p99; the lanes' longest GC pause when their pauses covered 1% of
// the step; or the step asks more than the calibration's lanes could drive against a null
// endpoint) explains every bound it broke: each broken latency
// SLO missed by less than the noise, each "cannot keep up" with the generator itself late by
// more than the late-send limit. An error-rate break is always the target's. A generator-bound
// step names no knee: the sweep says the knee is above what this machine can drive.
import type { Gate } from '../gates/parse.js';
import type { PhaseSnapshot } from '../recorder/types.js';
import type { SweepStep, SweepStepStats, SweepSummary } from '../summary/model.js';
import { evaluateGate } from '../gates/evaluate.js';
import { addMeasured, errorCount, newMeasured, operationSummary } from '../summary/operation.js';
import type { Measured } from '../summary/operation.js';
import { percentiles } from '../recorder/histogram.js';
import { formatRate } from './rate.js';
import { generatorNoise, marginUs } from '../gates/noise.js';
import { KEPT_UP_SHARE } from '../summary/kept-up.js';

/** What ddbench measured about itself during a step (the sweep controller watches it). */
export interface StepNoise {
  /** event-loop delay p99 and max during the step, raw from monitorEventLoopDelay (resolution included) */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /**
   * the harness floor's p99 when calibrated (measured once, at the sweep's highest rate, capped:
   * an upper bound for the lower steps, so a low step it explains is called generator-bound
   * rather than the target's knee: the cautious side)
   */
  floorP99Us?: number;
  /**
   * when the calibration's lane could not keep its rate (floor.saturated): what this run's lanes
   * together drove against a null endpoint. A step asking more is beyond the generator: every
   * latency or keeping-up break it shows is ddbench's (an error-rate break stays the target's).
   */
  capacityOpsPerSec?: number;
  /** GC pauses of the recording thread and every lane during the step: their sum and the longest, ms */
  gcPauseTotalMs?: number;
  gcPauseMaxMs?: number;
  /** the run's load lanes (the pauses' sum is shared among them); default 1 */
  lanes?: number;
}

/**
 * How far ddbench alone could have moved the step's percentiles (µs). The loop's delay p99 is
 * sampled in time, but one stall delays every operation due during it: a stall covering 1% of
 * the step delays 1% of its operations by up to its length, which reaches the p99. So the
 * longest stall counts whenever it lasted at least 1% of the step.
 */
export function stepNoiseUs(noise: StepNoise, durationMs: number): number {
  const p99Us = generatorNoise({ eventLoopDelayP99Ms: noise.eventLoopDelayP99Ms, ...(noise.floorP99Us !== undefined ? { floorP99Us: noise.floorP99Us } : {}) }).noiseUs;
  const maxUs = generatorNoise({ eventLoopDelayP99Ms: noise.eventLoopDelayMaxMs }).noiseUs;
  const loopUs = maxUs / 1000 >= durationMs * 0.01 ? Math.max(p99Us, maxUs) : p99Us;
  // GC pauses, the lanes' own (the recording thread's event-loop monitor does not see them): a
  // lane paused for 1% of the step delayed 1% of its operations by up to its longest pause
  const pausedShare = (noise.gcPauseTotalMs ?? 0) / Math.max(1, noise.lanes ?? 1) / Math.max(1, durationMs);
  const gcUs = pausedShare >= 0.01 ? (noise.gcPauseMaxMs ?? 0) * 1000 : 0;
  return Math.round(Math.max(loopUs, gcUs));
}

export interface StepBounds {
  gates: Gate[];
  maxErrorRatePct: number;
  minAchievedPct: number;
  maxLateSendsPct: number;
}

/** The recorded data a step is judged on: a PhaseSnapshot's fields, without the bookkeeping. */
export type StepData = Pick<PhaseSnapshot, 'index' | 'actualDurationMs' | 'latency' | 'service' | 'counts' | 'windowCount' | 'lateSends' | 'lateSendUs'>;

export function evaluateStep(data: StepData, targetOpsPerSec: number, operationNames: readonly string[], bounds: StepBounds, noise?: StepNoise): SweepStep {
  const noiseUs = noise === undefined ? 0 : stepNoiseUs(noise, data.actualDurationMs);
  const beyondGenerator = noise?.capacityOpsPerSec !== undefined && targetOpsPerSec > noise.capacityOpsPerSec * KEPT_UP_SHARE;
  // per broken bound: could ddbench's own noise explain it?
  const byNoise: boolean[] = [];
  const sec = data.actualDurationMs / 1000;
  const names = [...operationNames, ...Object.keys(data.counts).filter((n) => !operationNames.includes(n)).sort()];
  const all = newMeasured();
  const perOp = new Map<string, Measured>();
  for (const name of names) {
    const m = addMeasured(newMeasured(), data.latency[name], data.service[name], data.counts[name]);
    perOp.set(name, m);
    addMeasured(all, m.latency, m.service, m.counters);
  }
  const count = all.counters.count;
  // what the target served while the step ran (completions in its window), not the step's count over its length
  const achievedOpsPerSec = sec > 0 ? data.windowCount / sec : 0;
  const reasons: string[] = [];
  if (count === 0) reasons.push('no operation completed'), byNoise.push(false);

  if (count > 0) {
    const view = { total: operationSummary(all, sec), operations: Object.fromEntries([...perOp].map(([n, m]) => [n, operationSummary(m, sec)])) };
    for (const gate of bounds.gates) {
      const r = evaluateGate(gate, view);
      if (!r.pass) {
        reasons.push(`broke ${gate.expr.trim()} (${r.actual === null ? 'no samples' : formatValue(r.actual, r.unit)})`);
        const m = marginUs(r);
        byNoise.push(beyondGenerator || (m !== undefined && noiseUs > 0 && m <= noiseUs));
      }
    }
    const errorPct = (errorCount(all.counters.outcomes) / count) * 100;
    const errorsOk = bounds.maxErrorRatePct > 0 ? errorPct < bounds.maxErrorRatePct : errorPct === 0;
    if (!errorsOk) reasons.push(`broke errors < ${bounds.maxErrorRatePct}% (${formatValue(errorPct, '%')})`), byNoise.push(false);
    const achievedPct = targetOpsPerSec > 0 ? (achievedOpsPerSec / targetOpsPerSec) * 100 : 100;
    if (achievedPct < bounds.minAchievedPct) {
      reasons.push(`cannot keep up: achieved ${formatRate(achievedOpsPerSec)} ops/s, ${achievedPct.toFixed(0)}% of the target (below ${bounds.minAchievedPct}%)`);
      byNoise.push(beyondGenerator || noiseUs > data.lateSendUs);
    }
    const latePct = (data.lateSends / count) * 100;
    if (latePct > bounds.maxLateSendsPct) {
      reasons.push(
        `cannot keep up: ${latePct.toFixed(1)}% of operations left more than ${data.lateSendUs / 1000} ms after their intended start (every concurrency slot busy, or the load generator saturated)`,
      );
      byNoise.push(beyondGenerator || noiseUs > data.lateSendUs);
    }
  }
  return {
    phaseIndex: data.index,
    targetOpsPerSec,
    achievedOpsPerSec,
    durationMs: data.actualDurationMs,
    pass: reasons.length === 0,
    reasons,
    ...(noise !== undefined ? { noiseUs } : {}),
    ...(reasons.length > 0 && byNoise.every(Boolean) ? { generatorBound: true } : {}),
    operations: Object.fromEntries([...perOp].map(([n, m]) => [n, stepStats(m)])),
    total: stepStats(all),
  };
}

/** The same percentiles, at the same precision, as summary.json's (0 when empty). */
function stepStats(m: Measured): SweepStepStats {
  const p = percentiles(m.latency);
  return { count: m.counters.count, errors: errorCount(m.counters.outcomes), p50Us: p.p50, p99Us: p.p99, p999Us: p.p999, maxUs: p.max };
}

export interface SweepVerdict {
  kneeOpsPerSec: number | null;
  outcome: SweepSummary['outcome'];
  /** the step that broke a bound, when one did */
  broken?: SweepStep;
}

/**
 * The knee: the achieved rate of the highest step that met every bound. Steps are judged in
 * order and the sweep stops at the first that fails, so the passing steps are the ones before
 * it. `plannedSteps`: how many measured steps the sweep had; fewer judged and none failed
 * means it was interrupted.
 */
export function sweepVerdict(steps: readonly SweepStep[], plannedSteps: number): SweepVerdict {
  const failed = steps.findIndex((s) => !s.pass);
  const passed = failed < 0 ? steps : steps.slice(0, failed);
  const last = passed[passed.length - 1];
  const kneeOpsPerSec = last === undefined ? null : last.achievedOpsPerSec;
  // ddbench, not the target, may have failed the step: no knee is named (the passed steps' rate is a lower bound)
  if (failed >= 0 && steps[failed]!.generatorBound === true) return { kneeOpsPerSec: null, outcome: 'generator-bound', broken: steps[failed]! };
  if (failed >= 0) return { kneeOpsPerSec, outcome: failed === 0 ? 'none-passed' : 'knee', broken: steps[failed]! };
  return { kneeOpsPerSec, outcome: steps.length >= plannedSteps && steps.length > 0 ? 'all-passed' : 'interrupted' };
}

/** `sweep: step 4000 ops/s broke p99 < 10ms (12.3 ms)` */
export function stopReasonFor(step: SweepStep): string {
  if (step.generatorBound === true) {
    const rate = formatRate(step.targetOpsPerSec, false);
    return `sweep: step ${rate} ops/s ${step.reasons.join('; ')} while generator-bound (ddbench's own stalls: event loop, GC pauses or its floor, up to ${((step.noiseUs ?? 0) / 1000).toFixed(1)} ms, explain it): no knee named; the knee is above what this machine can drive at ${rate} ops/s`;
  }
  return `sweep: step ${formatRate(step.targetOpsPerSec, false)} ops/s ${step.reasons.join('; ')}`;
}

export { formatRate } from './rate.js';

/** A gate's measured value in its unit: `12.3 ms`, `2.50%`, `3,400 ops/s`. */
export function formatValue(value: number, unit: string): string {
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'us':
      return `${value.toFixed(0)} us`;
    case 's':
      return `${value.toFixed(3)} s`;
    case '%':
      return `${value < 0.1 && value > 0 ? value.toPrecision(2) : value.toFixed(2)}%`;
    case 'ops/s':
      return `${formatRate(value)} ops/s`;
    default:
      return String(Math.round(value));
  }
}
