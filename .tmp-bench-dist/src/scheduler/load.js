// What both schedulers share: the hooks that connect them to the workload, driver and
// recorder (the engine wires them), and the statistics they keep about their own health.
import { build } from 'hdr-histogram-js';
export function newLoadStats() {
    return {
        sendLagUs: build({ numberOfSignificantValueDigits: 2, lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, autoResize: true, useWebAssembly: false }),
        queuedOps: 0,
        maxQueueDepth: 0,
        droppedOps: 0,
        completedOps: 0,
    };
}
/** Sleep with sub-millisecond waits yielding through setImmediate (timers round to 1 ms). */
export function sleepUs(us) {
    if (us < 1000)
        return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => setTimeout(resolve, Math.floor(us / 1000)));
}
//# sourceMappingURL=load.js.map