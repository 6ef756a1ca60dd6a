// The recorder's contract with the engine: its options, the phase snapshot a sweep judges, and
// what it hands to buildSummary when the run ends.
import type { Histogram } from 'hdr-histogram-js';
import type { OutcomeKind, PhaseSpec } from '../types.js';
import type { IntervalSummary } from './shapes.js';
import type { FlowSteps } from './flow-steps.js';

// ---------------------------------------------------------------------------

export interface RecorderOptions {
  operations: string[];
  phases: PhaseSpec[];
  /** closed loop has no target arrival rate (interval targetRateOpsPerSec = 0); default 'open' */
  mode?: 'open' | 'closed';
  /** length of one interval (default 1000 ms) */
  intervalMs?: number;
  /** wall-clock epoch ms at load start (run clock 0), for the .hlog StartTime header */
  startEpochMs: number;
  /** receives each line of the HdrHistogram interval log (.hlog) as intervals close, without its newline */
  hlogSink?: (line: string) => void;
  /**
   * Called once per phase, in phase order, when the phase has ended (the next one started, or
   * the load finished) and every operation it planned has been recorded. A sweep judges its steps here.
   */
  onPhaseEnd?: (snapshot: PhaseSnapshot) => void;
  /** operations each phase's schedule plans (open loop), so onPhaseEnd waits for a phase's last ones */
  plannedPhaseCounts?: readonly number[];
  /**
   * ddbench's own CPU and GC pause time in [startUs, endUs) of the run clock, filed with each
   * interval: asked once per interval, oldest first, as it closes. The engine measures; the
   * recorder stays pure.
   */
  selfUsage?: (startUs: number, endUs: number) => IntervalSelfUsage;
}

/** What ddbench itself used during one interval (RecorderOptions.selfUsage). */
export interface IntervalSelfUsage {
  /** the whole process, every thread, user + system */
  processCpuMs: number;
  gcPauseMs: number;
}

/** One phase as recorded when it ended (RecorderOptions.onPhaseEnd). The histograms are live: read them in the callback. */
export interface PhaseSnapshot {
  index: number;
  actualDurationMs: number;
  latency: Record<string, Histogram>;
  service: Record<string, Histogram>;
  counts: Record<string, OpCounters>;
  /** operations recorded in the phase */
  count: number;
  /** operations (of any phase) that completed inside the phase's window: its achieved rate's numerator */
  windowCount: number;
  /** operations its schedule planned (open loop); a smaller `count` means the phase was cut short */
  plannedCount?: number;
  /** operations sent more than `lateSendUs` after their intended start: they waited for a free slot, or the generator was late */
  lateSends: number;
  lateSendUs: number;
}

/** What the recorder holds when the run ends: the input of buildSummary(). */
export interface RecordedRun {
  /** run clock of the first and last sample / finish call (µs) */
  durationUs: number;
  phases: {
    /** measured duration of the phase (ms); shorter than planned when interrupted */
    actualDurationMs: number;
    /** per operation, all outcomes together (µs) */
    latency: Record<string, Histogram>;
    service: Record<string, Histogram>;
    counts: Record<string, OpCounters>;
    /** completions inside the phase's window (by completion time, whichever phase planned them), per operation */
    windowCounts: Record<string, number>;
    /** completions of this phase's operations after the load's last window (the drain), per operation */
    drainCounts: Record<string, number>;
    /** a scenario script's run: per flow, its steps' call counts and think time */
    flows?: Record<string, FlowSteps>;
  }[];
  intervals: IntervalSummary[];
}

export interface OpCounters {
  count: number;
  outcomes: Partial<Record<OutcomeKind, number>>;
  errorNames: Record<string, number>;
  retries: number;
  retryDelayMs: number;
  throttledAttempts: number;
  consumedRcu: number;
  consumedWcu: number;
}
