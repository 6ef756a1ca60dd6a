// `ddbench sweep` as a RunController: the normal engine runs (same table lifecycle, seeding,
// workers, recorder, summary and reports); the sweep only
//  - replaces the scenario's phases with its steps (prepare),
//  - judges each step as soon as its phase has ended and its operations are back, and stops the
//    run at the first step that breaks a bound: a planned stop, not an interruption (onPhaseEnd),
//  - adds `sweep` to the summary, with the knee and its outcome, which the judge reads (finish).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Scenario } from '../types.js';
import type { PhaseSnapshot } from '../recorder/types.js';
import type { SweepStep, SweepSummary } from '../summary/model.js';
import type { RunController } from './run.js';
import type { EngineIO } from './io.js';
import type { RunControl } from './run-state.js';
import type { UnjudgedSummary } from '../summary/summary.js';
import { UsageError } from '../errors.js';
import { evaluateStep, formatRate, stopReasonFor, sweepVerdict } from '../sweep/evaluate.js';
import { formatStepLine, boundsText } from '../report/sweep-table.js';
import { resolveSweep } from '../sweep/settings.js';
import type { SweepFlags, SweepSettings } from '../sweep/settings.js';
import { stepPhases } from '../sweep/steps.js';

export interface SweepController extends RunController {
  /** the steps judged so far */
  readonly steps: readonly SweepStep[];
}

export function createSweepController(flags: SweepFlags, control: RunControl, io: EngineIO): SweepController {
  const steps: SweepStep[] = [];
  const log = (line: string) => io.err(`${io.isTTY ? '\r\x1b[2K' : ''}${line}\n`);
  let settings: SweepSettings | undefined;
  let scenario: Scenario | undefined;
  let decided = false;
  // ddbench's own event-loop delay per step (this thread: the lane's with --workers 1, the
  // recording thread's otherwise), so a step its generator failed is labelled generator-bound
  const loop = monitorEventLoopDelay({ resolution: 10 });
  // the harness floor's p99, once calibrated: part of every step's noise
  let floorP99Us: number | undefined;
  // when the calibration's lane could not keep its rate: what the run's lanes can drive at most
  let capacityOpsPerSec: number | undefined;
  // the lanes' GC pauses during the current step (every thread's: the loop monitor above sees only this one)
  let lanes = 1;
  let gcPauseTotalMs = 0;
  let gcPauseMaxMs = 0;

  return {
    steps,
    prepare(input) {
      if (input.mode === 'closed') {
        throw new UsageError(`${input.name} is a closed-loop scenario (mode: closed); a sweep steps the arrival rate, so it needs an open-loop one`);
      }
      const s = resolveSweep(flags, input.sweep, input.operations.map((o) => o.name));
      settings = s;
      scenario = { ...input, phases: stepPhases(s.rates, s.stepDurationMs, s.warmupMs), gates: [] };
      loop.enable();
      const warmup = s.warmupMs > 0 ? `, after a ${s.warmupMs / 1000}s warm-up at ${formatRate(s.fromOpsPerSec)} ops/s` : '';
      log(`sweep: ${s.rates.length} steps of ${s.stepDurationMs / 1000}s, ${s.rates.map((r) => formatRate(r)).join(', ')} ops/s (step ${s.step})${warmup}`);
      log(`sweep: each step must hold ${boundsText(s)}; the sweep stops at the first that does not`);
      if (input.gates.length > 0) log(`sweep: the scenario's gates (${input.gates.join(', ')}) are not checked: the SLOs above judge each step`);
      return scenario;
    },

    onLanes(n) {
      lanes = n;
    },

    onGcPause(_atUs, durationMs) {
      gcPauseTotalMs += durationMs;
      if (durationMs > gcPauseMaxMs) gcPauseMaxMs = durationMs;
    },

    onFloor(floor) {
      if (floor.saturated === true) capacityOpsPerSec = (floor.achievedOpsPerSec ?? 0) * lanes;
      else floorP99Us = floor.latencyUs.p99;
    },

    onPhaseEnd(snapshot: PhaseSnapshot) {
      const looped = loop.count > 0 ? { eventLoopDelayP99Ms: loop.percentile(99) / 1e6, eventLoopDelayMaxMs: loop.max / 1e6 } : { eventLoopDelayP99Ms: 0, eventLoopDelayMaxMs: 0 };
      const noise = { ...looped, ...(floorP99Us !== undefined ? { floorP99Us } : {}), ...(capacityOpsPerSec !== undefined ? { capacityOpsPerSec } : {}), gcPauseTotalMs, gcPauseMaxMs, lanes };
      gcPauseTotalMs = 0;
      gcPauseMaxMs = 0;
      loop.reset();
      const phase = scenario?.phases[snapshot.index];
      if (settings === undefined || phase === undefined || phase.warmup || decided) return;
      // cut short by an interrupt: too little of the step ran to judge it
      if (snapshot.plannedCount !== undefined && snapshot.count < snapshot.plannedCount) return;
      const step = evaluateStep(snapshot, phase.rateOpsPerSec ?? 0, scenario!.operations.map((o) => o.name), settings, noise);
      steps.push(step);
      log(formatStepLine(step));
      if (step.pass) return;
      decided = true;
      control.stop('planned-stop', stopReasonFor(step));
    },

    finish(summary: UnjudgedSummary): UnjudgedSummary {
      loop.disable();
      const s = settings!;
      const verdict = sweepVerdict(steps, s.rates.length);
      const last = steps[steps.length - 1];
      const stopReason =
        verdict.broken !== undefined
          ? stopReasonFor(verdict.broken)
          : verdict.outcome === 'all-passed'
            ? `sweep: every step passed, up to ${formatRate(last!.targetOpsPerSec, false)} ops/s (--to ${s.toOpsPerSec}); the knee is higher`
            : (summary.stopReason ?? 'interrupted');
      const sweep: SweepSummary = {
        fromOpsPerSec: s.fromOpsPerSec,
        toOpsPerSec: s.toOpsPerSec,
        step: s.step,
        stepDurationMs: s.stepDurationMs,
        warmupMs: s.warmupMs,
        slo: s.slo,
        maxErrorRatePct: s.maxErrorRatePct,
        minAchievedPct: s.minAchievedPct,
        maxLateSendsPct: s.maxLateSendsPct,
        steps,
        kneeOpsPerSec: verdict.kneeOpsPerSec,
        outcome: verdict.outcome,
        stopReason,
      };
      return { ...summary, stopReason, sweep };
    },
  };
}
