import { intendedUs, plannedArrivals, arrivalsBy } from './arrivals.js';
import { newLoadStats, sleepUs } from './load.js';
export async function runOpenLoop(opts, hooks) {
    const { phases, concurrency, clock } = opts;
    const stats = newLoadStats();
    const planned = phases.map(plannedArrivals);
    const scheduleEndUs = phases.length > 0 ? phases[phases.length - 1].endUs : 0;
    let inflight = 0;
    let wake = null;
    // latest moment we saw a due operation with every slot taken: operations due before it waited for a slot
    let capacityBlockedAtUs = -1;
    const start = (phaseIndex, dueUs, nowUs) => {
        const request = hooks.next();
        if (dueUs <= capacityBlockedAtUs)
            stats.queuedOps++;
        else
            stats.sendLagUs.recordValue(Math.max(1, nowUs - dueUs));
        inflight++;
        void hooks.execute(request).then((result) => {
            hooks.onSample({ op: request.op, phaseIndex, intendedStartUs: dueUs, sentUs: nowUs, endUs: clock.nowUs(), result });
            inflight--;
            stats.completedOps++;
            if (wake) {
                const w = wake;
                wake = null;
                w();
            }
        });
    };
    const waitForCompletion = (timeoutUs = Infinity) => new Promise((resolve) => {
        const timer = Number.isFinite(timeoutUs) ? setTimeout(resolve, Math.ceil(timeoutUs / 1000)) : undefined;
        wake = () => {
            if (timer)
                clearTimeout(timer);
            resolve();
        };
    });
    let phaseIndex = 0;
    let i = 0;
    if (phases.length > 0)
        opts.onPhase?.(0, clock.nowUs());
    while (phaseIndex < phases.length) {
        if (opts.shouldStop())
            break;
        if (i >= planned[phaseIndex]) {
            phaseIndex++;
            i = 0;
            if (phaseIndex < phases.length)
                opts.onPhase?.(phaseIndex, clock.nowUs());
            continue;
        }
        const phase = phases[phaseIndex];
        const dueUs = intendedUs(phase, i);
        const nowUs = clock.nowUs();
        if (dueUs > nowUs) {
            await sleepUs(dueUs - nowUs);
            continue;
        }
        if (inflight < concurrency) {
            start(phaseIndex, dueUs, nowUs);
            i++;
            continue;
        }
        // every slot is busy and operations are due: they queue (counted, and their wait is latency)
        const backlog = arrivalsBy(phase, nowUs - phase.startUs) - i;
        if (backlog > stats.maxQueueDepth)
            stats.maxQueueDepth = backlog;
        if (nowUs > scheduleEndUs + opts.drainMs * 1000) {
            stats.droppedOps = planned.slice(phaseIndex).reduce((a, b) => a + b, 0) - i;
            break;
        }
        // wake on a completion, or when the drain deadline passes with every slot still stuck
        await waitForCompletion(Math.max(1000, scheduleEndUs + opts.drainMs * 1000 - nowUs + 1000));
        capacityBlockedAtUs = clock.nowUs();
    }
    while (inflight > 0)
        await waitForCompletion();
    return stats;
}
//# sourceMappingURL=open-loop.js.map