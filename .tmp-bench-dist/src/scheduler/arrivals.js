/** Phases laid end to end from run clock 0. */
export function planPhases(phases) {
    let startUs = 0;
    return phases.map((p, index) => {
        const endUs = startUs + p.durationMs * 1000;
        const from = p.rateOpsPerSec ?? 0;
        const planned = { index, startUs, endUs, fromOpsPerSec: from, toOpsPerSec: p.rampToOpsPerSec ?? from };
        startUs = endUs;
        return planned;
    });
}
/**
 * Number of arrivals in [phase start, phase start + elapsedUs): the integral of the
 * (possibly linearly ramping) rate, floored. Arrival i (0-based) is due at intendedUs(phase, i).
 */
export function arrivalsBy(phase, elapsedUs) {
    const durSec = (phase.endUs - phase.startUs) / 1e6;
    const t = Math.min(Math.max(elapsedUs, 0) / 1e6, durSec);
    const slope = durSec > 0 ? (phase.toOpsPerSec - phase.fromOpsPerSec) / durSec : 0;
    // ceil: arrival i is at time i / rate, so at t=0 one arrival (i = 0) is already due
    const n = phase.fromOpsPerSec * t + (slope * t * t) / 2;
    return Math.ceil(n - 1e-9);
}
/** Total arrivals the phase plans over its whole duration. */
export function plannedArrivals(phase) {
    return arrivalsBy(phase, phase.endUs - phase.startUs);
}
/** Intended start (run clock, µs) of arrival i of the phase: solves integral(rate) = i. */
export function intendedUs(phase, i) {
    const durSec = (phase.endUs - phase.startUs) / 1e6;
    const r0 = phase.fromOpsPerSec;
    const slope = durSec > 0 ? (phase.toOpsPerSec - r0) / durSec : 0;
    let tSec;
    if (Math.abs(slope) < 1e-12) {
        tSec = r0 > 0 ? i / r0 : Infinity;
    }
    else {
        // r0 t + slope t^2 / 2 = i  ->  t = (-r0 + sqrt(r0^2 + 2 slope i)) / slope
        const disc = r0 * r0 + 2 * slope * i;
        tSec = disc < 0 ? Infinity : (-r0 + Math.sqrt(disc)) / slope;
    }
    return phase.startUs + Math.round(tSec * 1e6);
}
/** Target rate at run time tUs (0 outside any phase): for the progress line and interval summaries. */
export function targetRateAt(phases, tUs) {
    for (const p of phases) {
        if (tUs >= p.startUs && tUs < p.endUs) {
            const f = (tUs - p.startUs) / (p.endUs - p.startUs);
            return p.fromOpsPerSec + (p.toOpsPerSec - p.fromOpsPerSec) * f;
        }
    }
    return 0;
}
//# sourceMappingURL=arrivals.js.map