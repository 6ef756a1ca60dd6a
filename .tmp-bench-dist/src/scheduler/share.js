export function sharePhases(phases, index, count) {
    return phases.map((p) => ({
        ...p,
        ...(p.rateOpsPerSec !== undefined ? { rateOpsPerSec: p.rateOpsPerSec / count } : {}),
        ...(p.rampToOpsPerSec !== undefined ? { rampToOpsPerSec: p.rampToOpsPerSec / count } : {}),
        ...(p.workers !== undefined ? { workers: splitEvenly(p.workers, index, count) } : {}),
    }));
}
/** Shift worker `index`'s planned phases so its arrivals fall between the other workers'. */
export function interleave(planned, index, count) {
    return planned.map((p) => {
        const totalRate = p.fromOpsPerSec * count;
        const offsetUs = totalRate > 0 ? Math.round((index * 1e6) / totalRate) : 0;
        return { ...p, startUs: p.startUs + offsetUs, endUs: p.endUs + offsetUs };
    });
}
/** `total` split into `count` integer parts that differ by at most one; part `index`. */
export function splitEvenly(total, index, count) {
    return Math.floor(total / count) + (index < total % count ? 1 : 0);
}
//# sourceMappingURL=share.js.map