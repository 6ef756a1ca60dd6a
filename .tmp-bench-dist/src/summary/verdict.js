export const VERDICT_THRESHOLD_US = 10_000;
/** An operation with no measured samples does not pass: no evidence is not a pass. */
export function buildVerdict(operations, thresholdUs = VERDICT_THRESHOLD_US) {
    const out = {};
    for (const [name, s] of Object.entries(operations)) {
        const l = s.latencyUs;
        out[name] = { p50Us: l.p50, p99Us: l.p99, p999Us: l.p999, maxUs: l.max, pass: s.count > 0 && l.p99 < thresholdUs };
    }
    const all = Object.values(out);
    return { thresholdUs, pass: all.length > 0 && all.every((o) => o.pass), operations: out };
}
//# sourceMappingURL=verdict.js.map