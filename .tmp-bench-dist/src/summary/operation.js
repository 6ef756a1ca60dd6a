import { EXPECTED_OUTCOMES } from '../types.js';
import { mergeCounters, newCounters } from '../recorder/counters.js';
import { encode, mergeInto, newHistogram, percentiles } from '../recorder/histogram.js';
export function newMeasured() {
    return { latency: newHistogram(), service: newHistogram(), counters: newCounters() };
}
export function addMeasured(target, latency, service, counters) {
    if (latency !== undefined)
        mergeInto(target.latency, latency);
    if (service !== undefined)
        mergeInto(target.service, service);
    if (counters !== undefined)
        mergeCounters(target.counters, counters);
    return target;
}
export function errorCount(outcomes) {
    let n = 0;
    for (const [kind, count] of Object.entries(outcomes))
        if (!EXPECTED_OUTCOMES.has(kind))
            n += count;
    return n;
}
/** Capacity units are multiples of 0.5: rounding keeps float noise (0.30000000000000004) out of summary.json. */
function roundUnits(x) {
    return Math.round(x * 1e6) / 1e6;
}
export function operationSummary(m, measuredSec) {
    const c = m.counters;
    return {
        count: c.count,
        errors: errorCount(c.outcomes),
        throttles: c.outcomes.throttled ?? 0,
        throttledAttempts: c.throttledAttempts,
        retries: c.retries,
        retryDelayMs: c.retryDelayMs,
        conditionalFailures: c.outcomes['conditional-failed'] ?? 0,
        transactionCancellations: c.outcomes['transaction-canceled'] ?? 0,
        outcomes: { ...c.outcomes },
        errorNames: { ...c.errorNames },
        rateOpsPerSec: measuredSec > 0 ? c.count / measuredSec : 0,
        latencyUs: percentiles(m.latency),
        serviceTimeUs: percentiles(m.service),
        consumedRcu: roundUnits(c.consumedRcu),
        consumedWcu: roundUnits(c.consumedWcu),
        latencyHistogram: encode(m.latency),
        serviceTimeHistogram: encode(m.service),
    };
}
//# sourceMappingURL=operation.js.map