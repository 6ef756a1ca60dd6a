// Runs the real, compiled ddbench CLI as a child process, as a user would.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'ddbench.js');
export function startCli(args, opts = {}) {
    const child = spawn(process.execPath, [BIN, ...args], {
        cwd: opts.cwd ?? ROOT,
        env: { ...process.env, ...opts.env },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const watchers = [];
    const check = () => {
        for (const w of [...watchers]) {
            if (w.pattern.test(stdout) || w.pattern.test(stderr)) {
                watchers.splice(watchers.indexOf(w), 1);
                w.resolve();
            }
        }
    };
    child.stdout.on('data', (d) => ((stdout += d.toString()), check()));
    child.stderr.on('data', (d) => ((stderr += d.toString()), check()));
    const limit = opts.timeoutMs ?? 120_000;
    const result = new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), limit);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr });
        });
    });
    return {
        child,
        result,
        waitFor(pattern, timeoutMs = 60_000) {
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; stderr so far:\n${stderr}`)), timeoutMs);
                watchers.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
                check();
            });
        },
    };
}
export function runCli(args, opts = {}) {
    return startCli(args, opts).result;
}
/** The summary.json a run wrote, from the `results: <path>` line it printed. */
export function readSummary(res) {
    const m = /results: (.+summary\.json)/.exec(res.stdout);
    if (!m)
        throw new Error(`no results line in output:\n${res.stdout}\n${res.stderr}`);
    return JSON.parse(readFileSync(m[1], 'utf8'));
}
/** Process ids whose command line mentions any of the given markers (endpoint children, java). */
export function processesMatching(markers) {
    const pids = [];
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry))
            continue;
        try {
            const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
            if (markers.some((m) => cmd.includes(m)))
                pids.push(Number(entry));
        }
        catch {
            // the process ended while we looked
        }
    }
    return pids;
}
/** Markers of every process ddbench may start: its endpoint supervisors and DynamoDB Local. */
export const ENDPOINT_MARKERS = ['endpoint-child.js', 'DynamoDBLocal.jar'];
export async function waitUntil(check, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
        if (Date.now() > deadline)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
    }
}
/** Pids of the endpoint processes a run said it started (`started X at ... (pid N, java pid M)`). */
export function startedPids(res) {
    const pids = [];
    for (const m of res.stderr.matchAll(/\(pid (\d+)(?:, java pid (\d+))?\)/g)) {
        pids.push(Number(m[1]));
        if (m[2])
            pids.push(Number(m[2]));
    }
    return pids;
}
export function isAlive(pid) {
    try {
        process.kill(pid, 0);
        // a zombie still answers signal 0: look at its state
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return !/^\d+ \(.*\) Z/.test(stat);
    }
    catch {
        return false;
    }
}
/** Asserts that every endpoint process the run started has ended (waits briefly for the kernel to reap). */
export async function assertEndpointsGone(res, expectStarted = true) {
    const pids = startedPids(res);
    if (expectStarted && pids.length === 0)
        throw new Error(`the run printed no endpoint pid:\n${res.stderr}`);
    await waitUntil(() => pids.every((p) => !isAlive(p)), 10_000, `endpoint processes ${pids.join(', ')} to end`);
}
//# sourceMappingURL=cli.js.map