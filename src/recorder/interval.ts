// One interval of the run (1 s by default), bucketed by completion time: latency histograms per
// operation x outcome (the .hlog's tagged lines) and the small counters of the live progress line.
// Lives only until it is closed; then its histograms go back to the pool and only numbers remain.
import type { Histogram } from 'hdr-histogram-js';
import { EXPECTED_OUTCOMES, isFlowOp } from '../types.js';
import type { OutcomeKind, Sample } from '../types.js';
import type { IntervalSummary } from './shapes.js';
import { HistogramPool, maxUs, recordUs } from './histogram.js';
import { formatIntervalLine } from './hlog-format.js';

interface OpSlot {
  count: number;
  errors: number;
  byOutcome: Map<OutcomeKind, Histogram>;
}

export interface IntervalTiming {
  /** interval start, seconds since load start (the .hlog's timestamps are relative to BaseTime) */
  startSec: number;
  lengthSec: number;
  phaseIndex: number;
  targetRateOpsPerSec: number;
}

export class IntervalState {
  private readonly ops = new Map<string, OpSlot>();
  private readonly service: Histogram;
  /** sent - intended start of this interval's operations: ddbench's own send lag (a slot wait included) */
  private readonly sendLag: Histogram;
  private count = 0;
  private errors = 0;
  private throttles = 0;
  private retries = 0;
  private conditionalFailures = 0;

  constructor(
    readonly index: number,
    private readonly pool: HistogramPool,
  ) {
    this.service = pool.take();
    this.sendLag = pool.take();
  }

  record(sample: Sample, latencyUs: number, serviceUs: number): void {
    const r = sample.result;
    let slot = this.ops.get(sample.op);
    if (slot === undefined) {
      slot = { count: 0, errors: 0, byOutcome: new Map() };
      this.ops.set(sample.op, slot);
    }
    let h = slot.byOutcome.get(r.kind);
    if (h === undefined) {
      h = this.pool.take();
      slot.byOutcome.set(r.kind, h);
    }
    recordUs(h, latencyUs);
    const isError = !EXPECTED_OUTCOMES.has(r.kind);
    if (isFlowOp(sample.op)) {
      // a flow's own line: its steps already make the interval's totals
      slot.count++;
      if (isError) slot.errors++;
      return;
    }
    recordUs(this.service, serviceUs);
    recordLagUs(this.sendLag, sample.sentUs - sample.intendedStartUs);
    slot.count++;
    this.count++;
    if (isError) {
      slot.errors++;
      this.errors++;
    }
    if (r.kind === 'throttled') this.throttles++;
    if (r.kind === 'conditional-failed') this.conditionalFailures++;
    if (r.attempts > 1) this.retries += r.attempts - 1;
  }

  /**
   * Summarises the interval, emits its .hlog lines (one untagged line for all operations, so
   * tools without tag support still see the run, then one `op:outcome` line each) and returns
   * every histogram to the pool. The state must not be used afterwards.
   */
  close(timing: IntervalTiming, hlog: ((line: string) => void) | undefined): IntervalSummary {
    const all = this.pool.take();
    const perOp = this.pool.take();
    const operations: IntervalSummary['operations'] = {};
    const tagged: string[] = [];
    for (const [op, slot] of this.ops) {
      perOp.reset();
      for (const [kind, h] of slot.byOutcome) {
        perOp.add(h);
        if (hlog !== undefined) tagged.push(formatIntervalLine(h, timing.startSec, timing.lengthSec, tagFor(op, kind)));
      }
      if (!isFlowOp(op)) all.add(perOp);
      operations[op] = {
        count: slot.count,
        errors: slot.errors,
        p50Us: perOp.getValueAtPercentile(50),
        p99Us: perOp.getValueAtPercentile(99),
        maxUs: maxUs(perOp),
      };
    }
    if (hlog !== undefined && this.count > 0) {
      hlog(formatIntervalLine(all, timing.startSec, timing.lengthSec));
      for (const line of tagged) hlog(line);
    }
    const empty = this.count === 0;
    const summary: IntervalSummary = {
      startSec: timing.startSec,
      phaseIndex: timing.phaseIndex,
      count: this.count,
      errors: this.errors,
      throttles: this.throttles,
      retries: this.retries,
      conditionalFailures: this.conditionalFailures,
      targetRateOpsPerSec: timing.targetRateOpsPerSec,
      latencyP50Us: empty ? 0 : all.getValueAtPercentile(50),
      latencyP99Us: empty ? 0 : all.getValueAtPercentile(99),
      latencyMaxUs: maxUs(all),
      serviceP50Us: empty ? 0 : this.service.getValueAtPercentile(50),
      serviceP99Us: empty ? 0 : this.service.getValueAtPercentile(99),
      operations,
      sendLagP99Us: empty ? 0 : this.sendLag.getValueAtPercentile(99),
    };
    this.pool.give(all);
    this.pool.give(perOp);
    this.pool.give(this.service);
    this.pool.give(this.sendLag);
    for (const slot of this.ops.values()) for (const h of slot.byOutcome.values()) this.pool.give(h);
    this.ops.clear();
    return summary;
  }
}

/**
 * Send lag as recorded: whole µs, clamped at 0 (a send stamped a hair before its intended start
 * is on time, not early; NaN from a broken sample also lands on 0). Unlike latency, 0 is the common
 * value here, so it is kept as 0 rather than raised to 1.
 */
function recordLagUs(h: Histogram, us: number): void {
  h.recordValue(us > 0 ? Math.round(us) : 0);
}

/** HdrHistogram log tags may not hold commas or whitespace (they delimit the line). */
export function tagFor(op: string, kind: OutcomeKind): string {
  return `${op.replace(/[\s,]/g, '_')}:${kind}`;
}
