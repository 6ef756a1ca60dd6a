import { EXPECTED_OUTCOMES } from '../types.js';
import { maxUs, recordUs } from './histogram.js';
import { formatIntervalLine } from './hlog-format.js';
export class IntervalState {
    index;
    pool;
    ops = new Map();
    service;
    count = 0;
    errors = 0;
    throttles = 0;
    retries = 0;
    conditionalFailures = 0;
    constructor(index, pool) {
        this.index = index;
        this.pool = pool;
        this.service = pool.take();
    }
    record(sample, latencyUs, serviceUs) {
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
        recordUs(this.service, serviceUs);
        const isError = !EXPECTED_OUTCOMES.has(r.kind);
        slot.count++;
        this.count++;
        if (isError) {
            slot.errors++;
            this.errors++;
        }
        if (r.kind === 'throttled')
            this.throttles++;
        if (r.kind === 'conditional-failed')
            this.conditionalFailures++;
        if (r.attempts > 1)
            this.retries += r.attempts - 1;
    }
    /**
     * Summarises the interval, emits its .hlog lines (one untagged line for all operations, so
     * tools without tag support still see the run, then one `op:outcome` line each) and returns
     * every histogram to the pool. The state must not be used afterwards.
     */
    close(timing, hlog) {
        const all = this.pool.take();
        const perOp = this.pool.take();
        const operations = {};
        const tagged = [];
        for (const [op, slot] of this.ops) {
            perOp.reset();
            for (const [kind, h] of slot.byOutcome) {
                perOp.add(h);
                if (hlog !== undefined)
                    tagged.push(formatIntervalLine(h, timing.startSec, timing.lengthSec, tagFor(op, kind)));
            }
            all.add(perOp);
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
            for (const line of tagged)
                hlog(line);
        }
        const empty = this.count === 0;
        const summary = {
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
        };
        this.pool.give(all);
        this.pool.give(perOp);
        this.pool.give(this.service);
        for (const slot of this.ops.values())
            for (const h of slot.byOutcome.values())
                this.pool.give(h);
        this.ops.clear();
        return summary;
    }
}
/** HdrHistogram log tags may not hold commas or whitespace (they delimit the line). */
export function tagFor(op, kind) {
    return `${op.replace(/[\s,]/g, '_')}:${kind}`;
}
//# sourceMappingURL=interval.js.map