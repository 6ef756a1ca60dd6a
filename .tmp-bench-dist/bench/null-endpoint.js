// A DynamoDB stand-in that answers every request with `{}` at once (or after exactly
// --delay-ms), for measuring what a load generator itself costs. Raw TCP with a hand-rolled
// HTTP/1.1 reader, not node:http: the endpoint must be much faster than the client it serves,
// or the benchmark measures the endpoint. Keep-alive, requests answered in order.
//
// Usage: node dist/bench/null-endpoint.js [--delay-ms N]; prints `READY <port>`, exits when its
// stdin closes.
import net from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const RESPONSE = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: null\r\nContent-Length: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=600\r\n\r\n{}', 'latin1');
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** Bytes of the complete requests at the start of `buf` (0 while the first is incomplete). */
export function completeRequests(buf) {
    let at = 0;
    let count = 0;
    for (;;) {
        const end = buf.indexOf(HEADER_END, at);
        if (end < 0)
            break;
        const head = buf.toString('latin1', at, end);
        const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        const total = end + 4 + (m ? Number(m[1]) : 0);
        if (total > buf.length)
            break;
        at = total;
        count++;
    }
    return { count, consumed: at };
}
export function startNullEndpoint(delayMs = 0) {
    const sockets = new Set();
    const server = net.createServer((socket) => {
        sockets.add(socket);
        socket.setNoDelay(true);
        let pending = Buffer.alloc(0);
        socket.on('data', (chunk) => {
            pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
            const { count, consumed } = completeRequests(pending);
            if (count === 0)
                return;
            pending = consumed === pending.length ? Buffer.alloc(0) : pending.subarray(consumed);
            const answer = () => {
                for (let i = 0; i < count; i++)
                    socket.write(RESPONSE);
            };
            if (delayMs > 0)
                setTimeout(answer, delayMs);
            else
                answer();
        });
        socket.on('error', () => socket.destroy());
        socket.on('close', () => sockets.delete(socket));
    });
    return new Promise((ready) => {
        server.listen(0, '127.0.0.1', () => {
            const addr = server.address();
            ready({
                port: typeof addr === 'object' && addr !== null ? addr.port : 0,
                close: () => new Promise((done) => {
                    for (const s of sockets)
                        s.destroy();
                    server.close(() => done());
                }),
            });
        });
    });
}
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
    const i = process.argv.indexOf('--delay-ms');
    const delayMs = i >= 0 ? Number(process.argv[i + 1]) : 0;
    const { port } = await startNullEndpoint(delayMs);
    process.stdout.write(`READY ${port}\n`);
    process.stdin.resume();
    process.stdin.on('end', () => process.exit(0));
    process.stdin.on('close', () => process.exit(0));
}
//# sourceMappingURL=null-endpoint.js.map