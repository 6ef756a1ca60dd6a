import { countResult, newCounters } from './counters.js';
import { HistogramPool, newHistogram, recordUs } from './histogram.js';
import { formatHeaderLines } from './hlog-format.js';
import { IntervalState } from './interval.js';
import { PhaseClock } from './phase-clock.js';
export const DEFAULT_INTERVAL_MS = 1000;
export class Recorder {
    intervalUs;
    hlog;
    pool = new HistogramPool();
    clock;
    phases;
    open = new Map();
    /** the last interval written to: most samples land in the same one as the previous sample */
    current;
    /** index of the oldest interval not yet closed */
    nextIntervalIndex = 0;
    closed = [];
    result;
    constructor(options) {
        const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
        if (!(intervalMs > 0))
            throw new RangeError(`intervalMs must be positive, got ${intervalMs}`);
        this.intervalUs = intervalMs * 1000;
        this.hlog = options.hlogSink;
        this.clock = new PhaseClock(options.phases, options.mode === 'closed');
        // At least one phase so a sample always has a home; every known operation present in
        // every phase so the summary lists operations that never completed.
        this.phases = Array.from({ length: Math.max(1, options.phases.length) }, () => {
            const ops = new Map();
            for (const op of options.operations)
                ops.set(op, newPhaseOpState());
            return ops;
        });
        if (this.hlog !== undefined)
            for (const line of formatHeaderLines(options.startEpochMs))
                this.hlog(line);
    }
    startPhase(index, nowUs) {
        this.clock.startPhase(index, nowUs);
    }
    endPhase(index, nowUs) {
        this.clock.endPhase(index, nowUs);
    }
    /** Hot path. Samples that arrive after finish() are ignored. */
    record(sample) {
        if (this.result !== undefined)
            return;
        const latencyUs = sample.endUs - sample.intendedStartUs;
        const serviceUs = sample.endUs - sample.sentUs;
        const ops = this.phases[Math.min(Math.max(sample.phaseIndex, 0), this.phases.length - 1) | 0];
        let state = ops.get(sample.op);
        if (state === undefined) {
            state = newPhaseOpState();
            ops.set(sample.op, state);
        }
        recordUs(state.latency, latencyUs);
        recordUs(state.service, serviceUs);
        countResult(state.counters, sample.result);
        let index = Math.floor(sample.endUs / this.intervalUs);
        if (!(index >= this.nextIntervalIndex))
            index = this.nextIntervalIndex;
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
    }
    /**
     * Closes every interval that ended at or before `nowUs` (empty ones included, so a stall shows
     * as zero completions), writes their .hlog lines and returns their summaries, oldest first.
     */
    closeIntervals(nowUs) {
        if (this.result !== undefined)
            return [];
        return this.closeBefore(Math.floor(nowUs / this.intervalUs), nowUs);
    }
    /** Closes what is left (the last interval may be partial) and returns the whole run. Idempotent. */
    finish(nowUs) {
        if (this.result !== undefined)
            return this.result;
        let end = Math.ceil(nowUs / this.intervalUs);
        for (const index of this.open.keys())
            end = Math.max(end, index + 1);
        this.closeBefore(end, nowUs);
        const durations = this.clock.actualDurationsMs(nowUs);
        this.result = {
            durationUs: nowUs,
            phases: this.phases.map((ops, i) => {
                const latency = {};
                const service = {};
                const counts = {};
                for (const [op, s] of ops) {
                    latency[op] = s.latency;
                    service[op] = s.service;
                    counts[op] = s.counters;
                }
                return { actualDurationMs: durations[i] ?? 0, latency, service, counts };
            }),
            intervals: this.closed,
        };
        return this.result;
    }
    /** Interval summaries closed so far (also in finish()'s result). */
    get intervals() {
        return this.closed;
    }
    /** Intervals still holding histograms: stays at one or two however long the run is. */
    get openIntervalCount() {
        return this.open.size;
    }
    closeBefore(endIndex, nowUs) {
        const out = [];
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
            if (state !== undefined)
                this.open.delete(index);
            if (this.current === state)
                this.current = undefined;
            this.closed.push(summary);
            out.push(summary);
        }
        if (endIndex > this.nextIntervalIndex)
            this.nextIntervalIndex = endIndex;
        return out;
    }
}
function newPhaseOpState() {
    return { latency: newHistogram(), service: newHistogram(), counters: newCounters() };
}
function emptyInterval(t) {
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
    };
}
//# sourceMappingURL=recorder.js.map