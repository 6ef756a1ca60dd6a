/** Latency in ms with 2 decimals below 100 ms, fewer above: `1.23`, `123.4`, `1234`. */
export function msFromUs(us) {
    const ms = us / 1000;
    if (ms < 100)
        return ms.toFixed(2);
    if (ms < 1000)
        return ms.toFixed(1);
    return ms.toFixed(0);
}
export function count(n) {
    return Math.round(n).toLocaleString('en-US');
}
export function rate(opsPerSec) {
    return opsPerSec >= 100 ? opsPerSec.toFixed(0) : opsPerSec.toFixed(1);
}
export function units(n) {
    return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}
export function pct(x, digits = 2) {
    return `${x.toFixed(digits)}%`;
}
/** Dollars with enough digits to show a tiny run's cost: `$0.000125`, `$1.23`. */
export function usd(x) {
    if (x === 0)
        return '$0';
    if (x >= 1)
        return `$${x.toFixed(2)}`;
    return `$${x.toPrecision(3)}`;
}
/** Seconds as `45s`, `2m`, `2m30s`, `1h`, `1h05m`. */
export function duration(sec) {
    const s = Math.round(sec);
    if (s < 60)
        return `${s}s`;
    if (s < 3600)
        return s % 60 === 0 ? `${s / 60}m` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
    const m = Math.floor((s % 3600) / 60);
    return m === 0 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 3600)}h${String(m).padStart(2, '0')}m`;
}
/** Duration for prose, with decimals under a minute: `3.2 s`, `2m30s`. */
export function durationMs(ms) {
    return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : duration(ms / 1000);
}
/** How the comparison's metrics read in a table. */
export const METRIC_LABEL = {
    p50: 'p50',
    p90: 'p90',
    p99: 'p99',
    p999: 'p99.9',
    max: 'max',
    rateOpsPerSec: 'rate',
    errorRatePct: 'error rate',
};
//# sourceMappingURL=format.js.map