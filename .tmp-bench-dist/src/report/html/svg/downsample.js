// One point per pixel: a 1-hour run has 3,600 intervals, a chart has ~900 pixels across. Each
// bucket keeps the max for tail lines (p99, max, errors: a spike must never vanish when zoomed
// out), the mean for central lines (p50, throughput), or the min. NaN marks "no data" (an empty
// interval on a log axis) and survives only when a whole bucket is empty.
export function downsample(points, buckets, how) {
    if (points.length <= buckets || points.length < 2)
        return [...points];
    const x0 = points[0][0];
    const span = points[points.length - 1][0] - x0;
    if (!(span > 0))
        return [...points];
    const out = [];
    let current = -1;
    let xs = 0;
    let n = 0;
    let acc = NaN;
    let finite = 0;
    const flush = () => {
        if (n === 0)
            return;
        out.push([xs / n, how === 'mean' && finite > 0 ? acc / finite : acc]);
    };
    for (const [x, y] of points) {
        const b = Math.min(buckets - 1, Math.floor(((x - x0) / span) * buckets));
        if (b !== current) {
            flush();
            current = b;
            xs = 0;
            n = 0;
            acc = NaN;
            finite = 0;
        }
        xs += x;
        n++;
        if (!Number.isFinite(y))
            continue;
        finite++;
        if (Number.isNaN(acc))
            acc = y;
        else if (how === 'max')
            acc = Math.max(acc, y);
        else if (how === 'min')
            acc = Math.min(acc, y);
        else
            acc += y;
    }
    flush();
    return out;
}
//# sourceMappingURL=downsample.js.map