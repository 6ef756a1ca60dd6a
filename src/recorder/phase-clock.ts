// Where each phase sits on the run clock (µs since load start), and the target arrival rate
// at any moment. Starts from the plan (phases back to back from 0) and follows the engine's
// startPhase/endPhase calls, so a phase that started late or was cut short is measured as run.
import type { PhaseSpec } from '../types.js';

interface Span {
  startUs: number;
  endUs: number;
  /** planned length: the ramp's slope is fixed by the plan even when the phase is cut short */
  plannedUs: number;
  rateStart: number;
  rateEnd: number;
}

export class PhaseClock {
  private readonly spans: Span[];

  constructor(phases: readonly PhaseSpec[], closedLoop = false) {
    let t = 0;
    this.spans = phases.map((p) => {
      const plannedUs = Math.max(0, p.durationMs * 1000);
      const rateStart = closedLoop ? 0 : (p.rateOpsPerSec ?? 0); // closed loop has no target rate
      const span = { startUs: t, endUs: t + plannedUs, plannedUs, rateStart, rateEnd: closedLoop ? 0 : (p.rampToOpsPerSec ?? rateStart) };
      t += plannedUs;
      return span;
    });
  }

  get count(): number {
    return this.spans.length;
  }

  /** Phase `index` started at `nowUs`: the previous one ends there and later ones are re-planned after it. */
  startPhase(index: number, nowUs: number): void {
    const span = this.spans[index];
    if (span === undefined) return;
    const previous = this.spans[index - 1];
    if (previous !== undefined) previous.endUs = Math.max(previous.startUs, nowUs);
    let t = nowUs;
    for (let i = index; i < this.spans.length; i++) {
      const s = this.spans[i]!;
      s.startUs = t;
      s.endUs = t + s.plannedUs;
      t = s.endUs;
    }
  }

  /** Phase `index` ended at `nowUs` (early, on interrupt, or exactly as planned). */
  endPhase(index: number, nowUs: number): void {
    const span = this.spans[index];
    if (span !== undefined) span.endUs = Math.max(span.startUs, nowUs);
  }

  /** Phase `index`'s end as planned now (µs); Infinity for a phase the plan does not have. */
  endUsOf(index: number): number {
    return this.spans[index]?.endUs ?? Infinity;
  }

  /** Measured duration (ms) of each phase when the run stops at `finishUs`; phases not reached last 0. */
  actualDurationsMs(finishUs: number): number[] {
    return this.spans.map((s) => Math.max(0, Math.min(s.endUs, finishUs) - Math.min(s.startUs, finishUs)) / 1000);
  }

  /** The phase running at `tUs`: before the first phase, phase 0; after the last, the last. */
  phaseAt(tUs: number): number {
    for (let i = 0; i < this.spans.length; i++) if (tUs < this.spans[i]!.endUs) return i;
    return Math.max(0, this.spans.length - 1);
  }

  /** Mean target rate (ops/s) over [fromUs, toUs): the integral of the piecewise-linear schedule. */
  meanTargetRate(fromUs: number, toUs: number): number {
    if (toUs <= fromUs) return 0;
    let ops = 0;
    for (const s of this.spans) {
      const a = Math.max(fromUs, s.startUs);
      const b = Math.min(toUs, s.endUs);
      if (b <= a) continue;
      const mid = (a + b) / 2;
      const slope = s.plannedUs > 0 ? (s.rateEnd - s.rateStart) / s.plannedUs : 0;
      ops += (s.rateStart + slope * (mid - s.startUs)) * (b - a);
    }
    return ops / (toUs - fromUs);
  }
}
