// Parsing of the comparison flags, shared by `ddbench compare` and `ddbench run --baseline`.
// Bad values are UsageErrors (exit 2) that quote the flag and the value.
import { UsageError } from '../errors.js';
/** `15%`, `15` or `2.5%` -> 15 / 15 / 2.5 (percent). */
export function parsePercent(value, flag) {
    const text = String(value).trim();
    const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text);
    if (!m)
        throw new UsageError(`${flag}: expected a percentage like 15% or 15, got ${JSON.stringify(String(value))}`);
    return Number(m[1]);
}
const US_PER_UNIT = { us: 1, 'µs': 1, ms: 1000, s: 1_000_000 };
/** `1ms`, `500us`, `0.5ms`, `0` or a bare number of milliseconds (as in gates) -> microseconds. */
export function parseFloorUs(value, flag) {
    const text = String(value).trim();
    const m = /^(\d+(?:\.\d+)?)\s*(us|µs|ms|s)?$/.exec(text);
    if (!m)
        throw new UsageError(`${flag}: expected a latency like 1ms, 500us or 0, got ${JSON.stringify(String(value))}`);
    return Math.round(Number(m[1]) * US_PER_UNIT[m[2] ?? 'ms']);
}
/** A whole number >= 0. */
export function parseCount(value, flag) {
    if (!Number.isInteger(value) || value < 0)
        throw new UsageError(`${flag}: expected a whole number >= 0, got ${String(value)}`);
    return value;
}
//# sourceMappingURL=options.js.map