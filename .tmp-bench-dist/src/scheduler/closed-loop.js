import { newLoadStats } from './load.js';
export async function runClosedLoop(opts, hooks) {
    const stats = newLoadStats();
    const { clock } = opts;
    for (let phaseIndex = 0; phaseIndex < opts.phases.length; phaseIndex++) {
        if (opts.shouldStop())
            break;
        const phase = opts.phases[phaseIndex];
        const startUs = clock.nowUs();
        opts.onPhase?.(phaseIndex, startUs);
        const endUs = startUs + phase.durationMs * 1000;
        const workers = phase.workers ?? opts.defaultWorkers;
        const thinkMs = phase.thinkTimeMs ?? 0;
        const worker = async () => {
            while (!opts.shouldStop() && clock.nowUs() < endUs) {
                const request = hooks.next();
                const sentUs = clock.nowUs();
                const result = await hooks.execute(request);
                hooks.onSample({ op: request.op, phaseIndex, intendedStartUs: sentUs, sentUs, endUs: clock.nowUs(), result });
                stats.completedOps++;
                if (thinkMs > 0)
                    await new Promise((resolve) => setTimeout(resolve, thinkMs));
            }
        };
        await Promise.all(Array.from({ length: workers }, worker));
    }
    return stats;
}
//# sourceMappingURL=closed-loop.js.map