// The live progress line: rewritten in place on a TTY, plain periodic lines otherwise
// (CI logs), so a long run is never silent and never floods a log.
import type { PhaseSpec } from '../types.js';
import type { IntervalSummary } from '../recorder/shapes.js';

export interface ProgressOptions {
  phases: PhaseSpec[];
  totalMs: number;
  tty: boolean;
  write: (text: string) => void;
  /** on a non-TTY, print one line per this many intervals */
  plainEvery?: number;
}

export interface Progress {
  onIntervals(intervals: IntervalSummary[], elapsedMs: number, lagMs: number): void;
  /** clear the in-place line before other output */
  clear(): void;
}

export function createProgress(o: ProgressOptions): Progress {
  let shown = false;
  let sincePlain = 0;
  let errorsTotal = 0;
  const every = o.plainEvery ?? 5;
  return {
    onIntervals(intervals, elapsedMs, lagMs) {
      for (const iv of intervals) errorsTotal += iv.errors;
      const last = intervals[intervals.length - 1];
      if (!last) return;
      sincePlain += intervals.length;
      const line = formatLine(o, last, elapsedMs, errorsTotal, lagMs);
      if (o.tty) {
        o.write(`\r\x1b[2K${line}`);
        shown = true;
      } else if (sincePlain >= every) {
        sincePlain = 0;
        o.write(`${line}\n`);
      }
    },
    clear() {
      if (shown) o.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export function formatLine(o: ProgressOptions, iv: IntervalSummary, elapsedMs: number, errorsTotal: number, lagMs: number): string {
  const phase = o.phases[iv.phaseIndex];
  const name = phase ? `${phase.name}${phase.warmup ? ' (warm-up)' : ''}` : '-';
  const target = iv.targetRateOpsPerSec > 0 ? `/${iv.targetRateOpsPerSec.toFixed(0)}` : '';
  const lag = lagMs > 20 ? `  loop lag ${lagMs.toFixed(0)}ms!` : '';
  // ddbench's own send lag beside the target's latency: a p99 spike with it is ddbench's, not the target's
  const send = iv.sendLagP99Us !== undefined && iv.count > 0 ? `  send lag p99 ${ms(iv.sendLagP99Us)}` : '';
  return (
    `[${name}] ${fmtSec(elapsedMs)}/${fmtSec(o.totalMs)}  ${iv.count}${target} ops/s  ` +
    `p50 ${ms(iv.latencyP50Us)}  p99 ${ms(iv.latencyP99Us)}  errors ${errorsTotal}${send}${lag}`
  );
}

function fmtSec(msValue: number): string {
  return `${Math.floor(msValue / 1000)}s`;
}

function ms(us: number): string {
  return `${(us / 1000).toFixed(2)}ms`;
}
