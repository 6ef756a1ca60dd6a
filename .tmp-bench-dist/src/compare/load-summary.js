// Reads a summary.json given on the command line (a baseline, or either side of `compare`) and
// checks that it is one, so a wrong file is a clean exit-2 message instead of a TypeError later.
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
export async function readSummaryFile(file, role) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (e) {
        const code = e.code;
        throw new UsageError(`${role} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a summary.json' : String(e)}`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new UsageError(`${role} ${file}: not JSON (${e.message}); expected a ddbench summary.json`);
    }
    const problem = summaryProblem(data);
    if (problem !== undefined)
        throw new UsageError(`${role} ${file}: not a ddbench summary.json (${problem})`);
    return data;
}
const PERCENTILES = ['p50', 'p90', 'p99', 'p999', 'max'];
/** The first thing that keeps `data` from being a Summary compareSummaries can read, or undefined. */
export function summaryProblem(data) {
    if (!isObject(data))
        return 'not a JSON object';
    if (!isObject(data['scenario']) || typeof data['scenario']['name'] !== 'string')
        return 'no scenario.name';
    if (typeof data['startedAt'] !== 'string')
        return 'no startedAt';
    if (!isObject(data['target']) || typeof data['target']['kind'] !== 'string')
        return 'no target.kind';
    if (data['mode'] !== 'open' && data['mode'] !== 'closed')
        return 'no mode';
    if (!isObject(data['generator']))
        return 'no generator';
    if (!Array.isArray(data['phases']))
        return 'no phases[]';
    if (!isObject(data['operations']))
        return 'no operations';
    const subjects = [...Object.entries(data['operations']).map(([k, v]) => [`operations.${k}`, v]), ['total', data['total']]];
    for (const [path, s] of subjects) {
        if (!isObject(s))
            return `no ${path}`;
        for (const field of ['count', 'errors', 'rateOpsPerSec'])
            if (typeof s[field] !== 'number')
                return `no ${path}.${field}`;
        const latency = s['latencyUs'];
        if (!isObject(latency))
            return `no ${path}.latencyUs`;
        for (const p of PERCENTILES)
            if (typeof latency[p] !== 'number')
                return `no ${path}.latencyUs.${p}`;
    }
    return undefined;
}
function isObject(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
//# sourceMappingURL=load-summary.js.map