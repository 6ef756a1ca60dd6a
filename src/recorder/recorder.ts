// The recorder: takes every finished operation from the scheduler and keeps
//  - per phase x operation: latency and service-time histograms (all outcomes) and counters,
//    for the summary; fixed in number, so memory does not grow with run length;
//  - per interval (by completion time): per operation x outcome latency histograms, written to
//    the .hlog and turned into a small IntervalSummary when the interval closes.
//
// Two times per operation, both in whole µs on the run clock (0 = load start):
//  latency      = end - intended start  (coordinated-omission corrected: includes queueing)
//  service time = end - actual send      (what the target took, as seen by the client)
//
// Phase time: the plan (phases back to back from 0) is the default; the engine may call
// startPhase(i, nowUs) when phase i really starts and endPhase(i, nowUs) when one stops early.
// Samples are attributed to phases by their own phaseIndex (by intended start), never by time.
//
// Late samples: a sample whose interval was already closed is counted in the oldest open
// interval, so interval counts always add up to the phase counts.
//
// Phase ends (options.onPhaseEnd): each phase is handed over once it has ended and its planned
// operations are all recorded (see phase-ends.ts), so a sweep can judge a step while the next runs.
import type { Histogram } from 'hdr-histogram-js';
import type { Sample } from '../types.js';
import type { IntervalSelfUsage, OpCounters, PhaseSnapshot, RecordedRun, RecorderOptions } from './types.js';
import type { IntervalSummary } from './shapes.js';
import { isFlowOp } from '../types.js';
import { FlowStepCounts } from './flow-steps.js';
import { countResult, newCounters } from './counters.js';
import { HistogramPool, newHistogram, recordUs } from './histogram.js';
import { formatHeaderLines } from './hlog-format.js';
import { IntervalState } from './interval.js';
import { PhaseClock } from './phase-clock.js';
import { LATE_SEND_US, PhaseEnds } from './phase-ends.js';
import { CompletionWindows, opsTotal } from './completion-windows.js';

interface PhaseOpState {
  latency: Histogram;
  service: Histogram;
  counters: OpCounters;
}

export const DEFAULT_INTERVAL_MS = 1000;

export class Recorder {
  private readonly intervalUs: number;
  private readonly hlog: ((line: string) => void) | undefined;
  private readonly pool = new HistogramPool();
  private readonly clock: PhaseClock;
  private readonly phases: Map<string, PhaseOpState>[];
  private readonly open = new Map<number, IntervalState>();
  /** the last interval written to: most samples land in the same one as the previous sample */
  private current: IntervalState | undefined;
  /** index of the oldest interval not yet closed */
  private nextIntervalIndex = 0;
  private readonly closed: IntervalSummary[] = [];
  private result: RecordedRun | undefined;
  private readonly ends: PhaseEnds | undefined;
  /** run clock of the latest event, for the duration of a phase handed to onPhaseEnd */
  private latestUs = 0;
  /** a scenario script's run: its schedules plan flows, not operations */
  private readonly scripted: boolean;
  /** completions by the phase window they fell in: the achieved rate (completion-windows.ts) */
  private readonly windows: CompletionWindows;
  private finishing = false;
  /** per phase: which steps ran in which flow, and the flows' think time (scripts only) */
  private readonly flowSteps: FlowStepCounts[];
  private readonly selfUsage: ((startUs: number, endUs: number) => IntervalSelfUsage) | undefined;

  constructor(options: RecorderOptions) {
    const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    if (!(intervalMs > 0)) throw new RangeError(`intervalMs must be positive, got ${intervalMs}`);
    this.intervalUs = intervalMs * 1000;
    this.hlog = options.hlogSink;
    this.selfUsage = options.selfUsage;
    this.clock = new PhaseClock(options.phases, options.mode === 'closed');
    this.scripted = options.operations.some(isFlowOp);
    // At least one phase so a sample always has a home; every known operation present in
    // every phase so the summary lists operations that never completed.
    this.phases = Array.from({ length: Math.max(1, options.phases.length) }, () => {
      const ops = new Map<string, PhaseOpState>();
      for (const op of options.operations) ops.set(op, newPhaseOpState());
      return ops;
    });
    this.windows = new CompletionWindows(this.phases.length, (i) => this.clock.endUsOf(i), (us) => this.clock.phaseAt(us));
    this.flowSteps = this.phases.map(() => new FlowStepCounts());
    if (this.hlog !== undefined) for (const line of formatHeaderLines(options.startEpochMs)) this.hlog(line);
    const onPhaseEnd = options.onPhaseEnd;
    if (onPhaseEnd !== undefined) {
      this.ends = new PhaseEnds(this.phases.length, options.plannedPhaseCounts, (index, count, lateSends) =>
        onPhaseEnd(this.snapshot(index, count, lateSends, options.plannedPhaseCounts?.[index])),
      );
    }
  }

  startPhase(index: number, nowUs: number): void {
    this.clock.startPhase(index, nowUs);
    this.windows.started(index, nowUs);
    this.latestUs = nowUs;
    this.ends?.started(index);
  }

  endPhase(index: number, nowUs: number): void {
    this.clock.endPhase(index, nowUs);
  }

  /** Hot path. Samples that arrive after finish() are ignored. */
  record(sample: Sample): void {
    if (this.result !== undefined) return;
    const latencyUs = sample.endUs - sample.intendedStartUs;
    const serviceUs = sample.endUs - sample.sentUs;

    const phaseIndex = Math.min(Math.max(sample.phaseIndex, 0), this.phases.length - 1) | 0;
    const ops = this.phases[phaseIndex]!;
    let state = ops.get(sample.op);
    if (state === undefined) {
      state = newPhaseOpState();
      ops.set(sample.op, state);
    }
    recordUs(state.latency, latencyUs);
    recordUs(state.service, serviceUs);
    countResult(state.counters, sample.result);
    this.windows.completed(sample.op, phaseIndex, sample.endUs);
    if (this.scripted) this.flowSteps[phaseIndex]!.record(sample);

    let index = Math.floor(sample.endUs / this.intervalUs);
    if (!(index >= this.nextIntervalIndex)) index = this.nextIntervalIndex;
    let interval = this.current;
    if (interval === undefined || interval.index !== index) {
      interval = this.open.get(index);
      if (interval === undefined) {
        interval = new IntervalState(index, this.pool);
        this.open.set(index, interval);
      }
      this.current = interval;
    }
    interval.record(sample, latencyUs, serviceUs);
    // a script's phases plan flows: its steps do not count towards a phase's end
    if (this.ends !== undefined && (!this.scripted || isFlowOp(sample.op))) {
      this.latestUs = sample.endUs;
      this.ends.sampled(phaseIndex, sample.sentUs - sample.intendedStartUs);
    }
  }

  /**
   * Closes every interval that ended at or before `nowUs` (empty ones included, so a stall shows
   * as zero completions), writes their .hlog lines and returns their summaries, oldest first.
   */
  closeIntervals(nowUs: number): IntervalSummary[] {
    if (this.result !== undefined) return [];
    return this.closeBefore(Math.floor(nowUs / this.intervalUs), nowUs);
  }

  /** Closes what is left (the last interval may be partial) and returns the whole run. Idempotent. */
  finish(nowUs: number): RecordedRun {
    if (this.result !== undefined) return this.result;
    let end = Math.ceil(nowUs / this.intervalUs);
    for (const index of this.open.keys()) end = Math.max(end, index + 1);
    this.closeBefore(end, nowUs);
    const durations = this.clock.actualDurationsMs(nowUs);
    this.latestUs = nowUs;
    this.finishing = true;
    this.ends?.finished();
    this.result = {
      durationUs: nowUs,
      phases: this.phases.map((ops, i) => {
        const latency: Record<string, Histogram> = {};
        const service: Record<string, Histogram> = {};
        const counts: Record<string, OpCounters> = {};
        for (const [op, s] of ops) {
          latency[op] = s.latency;
          service[op] = s.service;
          counts[op] = s.counters;
        }
        const w = this.windows.counts(i, true);
        return { actualDurationMs: durations[i] ?? 0, latency, service, counts, windowCounts: w.window, drainCounts: w.drain, ...(this.scripted ? { flows: this.flowSteps[i]!.toRecord() } : {}) };
      }),
      intervals: this.closed,
    };
    return this.result;
  }

  /** Interval summaries closed so far (also in finish()'s result). */
  get intervals(): readonly IntervalSummary[] {
    return this.closed;
  }

  /** Intervals still holding histograms: stays at one or two however long the run is. */
  get openIntervalCount(): number {
    return this.open.size;
  }

  private snapshot(index: number, count: number, lateSends: number, plannedCount: number | undefined): PhaseSnapshot {
    const latency: Record<string, Histogram> = {};
    const service: Record<string, Histogram> = {};
    const counts: Record<string, OpCounters> = {};
    for (const [op, s] of this.phases[index]!) {
      latency[op] = s.latency;
      service[op] = s.service;
      counts[op] = s.counters;
    }
    const actualDurationMs = this.clock.actualDurationsMs(this.latestUs)[index] ?? 0;
    // the last step is handed over by finish(): its drain is not window
    const w = this.windows.counts(index, this.result !== undefined || this.finishing);
    return { index, actualDurationMs, latency, service, counts, count, windowCount: opsTotal(w.window), ...(plannedCount !== undefined ? { plannedCount } : {}), lateSends, lateSendUs: LATE_SEND_US };
  }

  private closeBefore(endIndex: number, nowUs: number): IntervalSummary[] {
    const out: IntervalSummary[] = [];
    for (let index = this.nextIntervalIndex; index < endIndex; index++) {
      const startUs = index * this.intervalUs;
      const endUs = Math.min(startUs + this.intervalUs, Math.max(nowUs, startUs));
      // a partial last interval is logged with its real length; one ending before it began
      // (samples stamped after nowUs) keeps the full length
      const lengthUs = endUs > startUs ? endUs - startUs : this.intervalUs;
      const timing = {
        startSec: startUs / 1e6,
        lengthSec: lengthUs / 1e6,
        phaseIndex: this.clock.phaseAt(startUs + lengthUs / 2),
        targetRateOpsPerSec: this.clock.meanTargetRate(startUs, startUs + lengthUs),
      };
      const state = this.open.get(index);
      const summary = state !== undefined ? state.close(timing, this.hlog) : emptyInterval(timing);
      if (this.selfUsage !== undefined) Object.assign(summary, roundUsage(this.selfUsage(startUs, startUs + lengthUs)));
      if (state !== undefined) this.open.delete(index);
      if (this.current === state) this.current = undefined;
      this.closed.push(summary);
      out.push(summary);
    }
    if (endIndex > this.nextIntervalIndex) this.nextIntervalIndex = endIndex;
    return out;
  }
}

function newPhaseOpState(): PhaseOpState {
  return { latency: newHistogram(), service: newHistogram(), counters: newCounters() };
}

function emptyInterval(t: { startSec: number; phaseIndex: number; targetRateOpsPerSec: number }): IntervalSummary {
  return {
    startSec: t.startSec,
    phaseIndex: t.phaseIndex,
    count: 0,
    errors: 0,
    throttles: 0,
    retries: 0,
    conditionalFailures: 0,
    targetRateOpsPerSec: t.targetRateOpsPerSec,
    latencyP50Us: 0,
    latencyP99Us: 0,
    latencyMaxUs: 0,
    serviceP50Us: 0,
    serviceP99Us: 0,
    operations: {},
    sendLagP99Us: 0,
  };
}

/** Hundredths of a ms: finer is noise, and summary.json stays readable. */
function roundUsage(u: IntervalSelfUsage): IntervalSelfUsage {
  const r = (ms: number) => (ms > 0 ? Math.round(ms * 100) / 100 : 0);
  return { processCpuMs: r(u.processCpuMs), gcPauseMs: r(u.gcPauseMs) };
}
