// Process and port checks shared by the endpoint, driver and table integration tests.
// Everything polls with a bound; nothing sleeps a fixed time.
import { readFileSync } from 'node:fs';
import net from 'node:net';
/** True while the process exists and is not a zombie (a container's init may not reap at once). */
export function pidAlive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch {
        return false;
    }
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    }
    catch {
        return false;
    }
}
/** True when something accepts connections on 127.0.0.1:port. */
export function portOpen(port) {
    return new Promise((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port });
        socket.setTimeout(1000);
        socket.once('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.once('timeout', () => {
            socket.destroy();
            resolve(false);
        });
        socket.once('error', () => resolve(false));
    });
}
/** True when this process could bind 127.0.0.1:port (nobody holds it). */
export function portBindable(port) {
    return new Promise((resolve) => {
        const server = net.createServer();
        server.once('error', () => resolve(false));
        server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
}
/** Polls `check` every 50 ms until true; false if `timeoutMs` passes first. */
export async function waitFor(check, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await check())
            return true;
        if (Date.now() >= deadline)
            return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
/** Port of an http://127.0.0.1:N endpoint. */
export function portOf(endpoint) {
    return Number(new URL(endpoint).port);
}
/** Pids of the direct children of `pid` (from /proc). */
export function childPids(pid) {
    try {
        return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    }
    catch {
        return [];
    }
}
//# sourceMappingURL=endpoints-process-helpers.js.map