/**
 * process.hrtime is one monotonic clock for the whole process, worker threads included, so
 * workers given the main thread's origin share its run clock exactly.
 */
export function monotonicClock(originNs = process.hrtime.bigint()) {
    return { nowUs: () => Number((process.hrtime.bigint() - originNs) / 1000n) };
}
//# sourceMappingURL=clock.js.map