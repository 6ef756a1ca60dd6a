const METRIC_HELP = 'p50, p90, p95, p99, p99.9 (or p999), max, mean, min (latency; prefix `service.` for service time), ' +
    'errors, throttles, conditional_failures (percent), rate / throughput (ops/s), count';
const PERCENT_METRICS = {
    errors: 'errors',
    error_rate: 'errors',
    throttles: 'throttles',
    throttle_rate: 'throttles',
    conditional_failures: 'conditional_failures',
};
export function parseGate(expr, operationNames) {
    const fail = (why) => ({ ok: false, message: `gate \`${expr}\`: ${why}` });
    const m = /^(.*?)(<=|>=|<|>)(.*)$/s.exec(expr.trim());
    if (m === null) {
        return fail(/[=!]=?/.test(expr) ? 'comparator must be one of < <= > >=' : 'expected `[operation.]metric < value[unit]`, e.g. `p99 < 10ms`');
    }
    const lhs = m[1].trim().replace(/\s*\.\s*/g, '.');
    const comparator = m[2];
    const rhs = m[3].trim();
    if (/^[=<>]/.test(rhs) || /[=!]$/.test(lhs))
        return fail('comparator must be one of < <= > >=');
    if (lhs === '')
        return fail('missing metric before the comparator');
    if (/\s/.test(lhs))
        return fail(`unexpected space in \`${lhs}\``);
    const value = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(.*)$/s.exec(rhs);
    if (value === null)
        return fail(`expected a number after \`${comparator}\`, got \`${rhs}\``);
    const threshold = Number(value[1]);
    const rawUnit = value[2].trim();
    if (!Number.isFinite(threshold) || threshold < 0)
        return fail(`threshold must be a number >= 0, got ${value[1]}`);
    const target = resolveSubject(lhs, operationNames);
    if (!target.ok)
        return fail(target.message);
    const unit = canonicalUnit(target.subject.metric, rawUnit);
    if (!unit.ok)
        return fail(unit.message);
    const gate = { expr, metric: target.subject.metric, comparator, threshold, unit: unit.unit };
    if (target.operation !== undefined)
        gate.operation = target.operation;
    if (target.subject.stat !== undefined)
        gate.stat = target.subject.stat;
    return { ok: true, gate };
}
function resolveSubject(lhs, operationNames) {
    const overall = parseMetric(lhs);
    if (overall !== undefined)
        return { ok: true, subject: overall };
    const byLength = [...operationNames].sort((a, b) => b.length - a.length);
    for (const op of byLength) {
        if (lhs === op)
            return { ok: false, message: `missing metric after operation \`${op}\` (metrics: ${METRIC_HELP})` };
        if (lhs.startsWith(`${op}.`)) {
            const rest = lhs.slice(op.length + 1);
            const subject = parseMetric(rest);
            if (subject === undefined)
                return { ok: false, message: `unknown metric \`${rest}\` (metrics: ${METRIC_HELP})` };
            return { ok: true, operation: op, subject };
        }
    }
    const first = lhs.split('.')[0];
    const looksLikeMetric = lhs === first || /^(p\d|service$|latency$)/i.test(first) || parseMetric(first) !== undefined;
    if (looksLikeMetric)
        return { ok: false, message: `unknown metric \`${lhs}\` (metrics: ${METRIC_HELP})` };
    const known = operationNames.length > 0 ? operationNames.join(', ') : '(none)';
    return { ok: false, message: `unknown operation \`${first}\` (operations: ${known})` };
}
/** A metric name, or undefined when it is not one. */
function parseMetric(text) {
    const lower = text.toLowerCase();
    const percent = PERCENT_METRICS[lower];
    if (percent !== undefined)
        return { metric: percent };
    if (lower === 'rate' || lower === 'throughput')
        return { metric: 'rate' };
    if (lower === 'count')
        return { metric: 'count' };
    let metric = 'latency';
    let statText = lower;
    if (lower.startsWith('service.')) {
        metric = 'service';
        statText = lower.slice('service.'.length);
    }
    else if (lower.startsWith('latency.')) {
        statText = lower.slice('latency.'.length);
    }
    const stat = parseStat(statText);
    return stat === undefined ? undefined : { metric, stat };
}
function parseStat(text) {
    if (text === 'max' || text === 'mean' || text === 'min')
        return text;
    const m = /^p(\d+(?:\.\d+)?)$/.exec(text);
    if (m === null)
        return undefined;
    const digits = m[1];
    // p999 is the field's shorthand for the 99.9th percentile, p9999 for the 99.99th
    const percentile = /^99\d+$/.test(digits) ? Number(`99.${digits.slice(2)}`) : Number(digits);
    return percentile > 0 && percentile <= 100 ? percentile : undefined;
}
function canonicalUnit(metric, raw) {
    const u = raw.toLowerCase().replace(/\s+/g, '');
    switch (metric) {
        case 'latency':
        case 'service':
            if (u === '' || u === 'ms')
                return { ok: true, unit: 'ms' };
            if (u === 'us' || u === 'µs' || u === 'μs')
                return { ok: true, unit: 'us' };
            if (u === 's')
                return { ok: true, unit: 's' };
            return { ok: false, message: `unit \`${raw}\` is not a time unit (us, ms, s; none means ms)` };
        case 'errors':
        case 'throttles':
        case 'conditional_failures':
            if (u === '' || u === '%')
                return { ok: true, unit: '%' };
            return { ok: false, message: `unit \`${raw}\` is not valid for a percentage (use %, or none)` };
        case 'rate':
            if (u === '' || u === '/s' || u === 'ops/s' || u === 'op/s')
                return { ok: true, unit: 'ops/s' };
            return { ok: false, message: `unit \`${raw}\` is not valid for a rate (use /s, ops/s, or none)` };
        case 'count':
            if (u === '')
                return { ok: true, unit: '' };
            return { ok: false, message: `count takes no unit, got \`${raw}\`` };
    }
}
//# sourceMappingURL=parse.js.map