import { encode, maxUs } from './histogram.js';
export const HLOG_FORMAT_VERSION = '1.3';
export function formatHeaderLines(startEpochMs) {
    const epochSec = (startEpochMs / 1000).toFixed(3);
    return [
        '#[Logged with ddbench: latency from intended start, microseconds; tags are <operation>:<outcome>]',
        `#[Histogram log format version ${HLOG_FORMAT_VERSION}]`,
        `#[StartTime: ${epochSec} (seconds since epoch), ${new Date(startEpochMs).toISOString()}]`,
        `#[BaseTime: ${epochSec} (seconds since epoch)]`,
        '"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"',
    ];
}
/** One interval line; untagged when `tag` is undefined. */
export function formatIntervalLine(h, startSec, lengthSec, tag) {
    const body = `${startSec.toFixed(3)},${lengthSec.toFixed(3)},${(maxUs(h) / 1000).toFixed(3)},${encode(h)}`;
    return tag === undefined ? body : `Tag=${tag},${body}`;
}
//# sourceMappingURL=hlog-format.js.map