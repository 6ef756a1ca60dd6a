// Axes of the report's charts: a domain, a pixel range, a mapping and labelled ticks. Three
// kinds: linear (throughput, counts), log10 (latency: 0.5 ms and 500 ms both stay readable)
// and time (linear seconds with ticks on round minutes). The percentile "nines" axis is a linear
// axis over -log10(1 - p) with its own ticks (see spectrum-data.ts).
export function linearScale(domain, range, ticks, format = plainNumber) {
    const [d0, d1] = domain[1] > domain[0] ? domain : [domain[0], domain[0] + 1];
    const k = (range[1] - range[0]) / (d1 - d0);
    return {
        kind: 'linear',
        domain: [d0, d1],
        range,
        map: (v) => range[0] + (v - d0) * k,
        ticks: ticks ?? linearTicks(d0, d1).map((value) => ({ value, label: format(value) })),
    };
}
export function logScale(domain, range, format = plainNumber) {
    const lo = Math.log10(domain[0]);
    const hi = Math.max(Math.log10(domain[1]), lo + 1e-9);
    const k = (range[1] - range[0]) / (hi - lo);
    return {
        kind: 'log',
        domain,
        range,
        map: (v) => (v > 0 ? range[0] + (Math.log10(v) - lo) * k : NaN),
        ticks: logTicks(domain[0], domain[1]).map((value) => ({ value, label: format(value) })),
    };
}
/** Upper bound rounded up to 1, 2, 2.5 or 5 x 10^k: the top of a linear axis. */
export function niceCeil(x) {
    if (!(x > 0))
        return 1;
    const p = 10 ** Math.floor(Math.log10(x));
    for (const m of [1, 2, 2.5, 5, 10])
        if (m * p >= x * (1 - 1e-12))
            return m * p;
    return 10 * p;
}
/** Ticks at a round step (1, 2, 2.5, 5 x 10^k), about five of them. */
export function linearTicks(d0, d1, target = 5) {
    const step = niceStep((d1 - d0) / target);
    const out = [];
    for (let v = Math.ceil(d0 / step - 1e-9) * step; v <= d1 + step * 1e-9; v += step)
        out.push(round(v));
    return out;
}
function niceStep(raw) {
    if (!(raw > 0))
        return 1;
    const p = 10 ** Math.floor(Math.log10(raw));
    for (const m of [1, 2, 2.5, 5])
        if (m * p >= raw)
            return m * p;
    return 10 * p;
}
/** 1-2-5 ticks per decade when the axis spans few decades, decades only when it spans many. */
export function logTicks(lo, hi) {
    const decades = Math.log10(hi / lo);
    const mantissas = decades <= 3 ? [1, 2, 5] : [1];
    const out = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
        for (const m of mantissas) {
            const v = round(m * 10 ** e);
            if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9))
                out.push(v);
        }
    }
    return out;
}
/** Log domain from the data: widened to 1-2-5 values around min and max. */
export function logDomain(min, max) {
    const lo = min > 0 ? min : max > 0 ? max / 10 : 0.1;
    const hi = max > lo ? max : lo * 10;
    return [floor125(lo), ceil125(hi)];
}
function floor125(x) {
    const p = 10 ** Math.floor(Math.log10(x));
    for (const m of [5, 2, 1])
        if (m * p <= x * (1 + 1e-12))
            return round(m * p);
    return round(p);
}
function ceil125(x) {
    const p = 10 ** Math.floor(Math.log10(x));
    for (const m of [1, 2, 5, 10])
        if (m * p >= x * (1 - 1e-12))
            return round(m * p);
    return round(10 * p);
}
/** Time ticks (seconds) on round steps, at most about eight of them. */
export function timeTicks(d0, d1, format) {
    const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400];
    const span = d1 - d0;
    const step = steps.find((s) => span / s <= 8) ?? niceStep(span / 8);
    const out = [];
    for (let v = Math.ceil(d0 / step) * step; v <= d1 + 1e-9; v += step)
        out.push({ value: v, label: format(v) });
    return out;
}
function round(v) {
    return Number(v.toPrecision(12));
}
/** `0.5`, `1`, `20`, `1000`, `1.5k`... compact enough for an axis. */
export function plainNumber(v) {
    if (Math.abs(v) >= 10_000)
        return `${round(v / 1000)}k`;
    return String(round(v));
}
/** Smallest positive and largest finite y over the series, widened to include `include`. */
export function extent(series, include) {
    let lo = include > 0 ? include : Infinity;
    let hi = include;
    for (const se of series) {
        for (const [, y] of se.points) {
            if (!Number.isFinite(y))
                continue;
            if (y > 0 && y < lo)
                lo = y;
            if (y > hi)
                hi = y;
        }
    }
    return [Number.isFinite(lo) ? lo : hi, hi];
}
//# sourceMappingURL=scale.js.map