// A DynamoDB stand-in that answers every request with `{}` at once (or after exactly
// --delay-ms), for measuring what a load generator itself costs. Raw TCP with a hand-rolled
// HTTP/1.1 reader, not node:http: the endpoint must be much faster than the client it serves,
// or the benchmark measures the endpoint. Keep-alive, requests answered in order.
//
// DescribeTable gets an ACTIVE table with a string `pk` hash key (whatever TableName it asks
// for), so the real CLI can run a bench scenario against it with --reuse-table.
//
// The delay is exact rather than a bare setTimeout: libuv's timers count whole milliseconds
// from a cached loop time, so `setTimeout(2)` answers anywhere between about 1 and 3 ms. Each
// answer is due `delayMs` after its request was read (hrtime); the timer wakes us near that,
// and the last fraction of a millisecond is waited out with setImmediate.
//
// It counts what it served (answers written, first request to last answer): the endpoint-side
// count that ddbench's achieved rate is checked against. `ddbench calibrate` and the harness
// floor run it in a worker thread; bench/null-endpoint.ts runs it as a pinned child process.

import net from 'node:net';

function response(body: string): Buffer {
  return Buffer.from(
    `HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: null\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=600\r\n\r\n${body}`,
    'latin1',
  );
}

const EMPTY = response('{}');
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');

/** DescribeTable's answer: an ACTIVE table keyed by `pk` (S), as the bench scenarios declare. */
export function describeTableBody(tableName: string): string {
  return JSON.stringify({
    Table: {
      TableName: tableName,
      TableStatus: 'ACTIVE',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      TableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${tableName}`,
    },
  });
}

/** The answers to the complete requests at the start of `buf`, and the bytes they took. */
export function completeRequests(buf: Buffer): { answers: Buffer[]; consumed: number } {
  let at = 0;
  const answers: Buffer[] = [];
  for (;;) {
    const end = buf.indexOf(HEADER_END, at);
    if (end < 0) break;
    const head = buf.toString('latin1', at, end);
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    const total = end + 4 + (m ? Number(m[1]) : 0);
    if (total > buf.length) break;
    if (head.includes('DescribeTable')) {
      const name = /"TableName"\s*:\s*"([^"]*)"/.exec(buf.toString('utf8', end + 4, total))?.[1] ?? 'ddbench-bench';
      answers.push(response(describeTableBody(name)));
    } else {
      answers.push(EMPTY);
    }
    at = total;
  }
  return { answers, consumed: at };
}

/** What the endpoint served: answers written, and when the first request came and the last answer left (hrtime ns). */
export interface ServedCount {
  answers: number;
  firstRequestNs: bigint;
  lastAnswerNs: bigint;
}

function newServed(): ServedCount {
  return { answers: 0, firstRequestNs: 0n, lastAnswerNs: 0n };
}

function countAnswers(served: ServedCount, n: number): void {
  served.answers += n;
  served.lastAnswerNs = process.hrtime.bigint();
}

interface Due {
  atNs: bigint;
  socket: net.Socket;
  answers: Buffer[];
}

/** Holds answers until they are due, in arrival order (the delay is the same for all, so FIFO is due order). */
function delayLine(delayMs: number, served: ServedCount): (socket: net.Socket, answers: Buffer[]) => void {
  const delayNs = BigInt(Math.round(delayMs * 1e6));
  const queue: Due[] = [];
  let head = 0;
  let armed = false;
  const flush = (): void => {
    armed = false;
    const now = process.hrtime.bigint();
    while (head < queue.length && queue[head]!.atNs <= now) {
      const d = queue[head++]!;
      if (!d.socket.destroyed) {
        for (const a of d.answers) d.socket.write(a);
        countAnswers(served, d.answers.length);
      }
    }
    if (head > 1024 && head * 2 > queue.length) queue.splice(0, head), (head = 0);
    if (head < queue.length) arm(queue[head]!.atNs - now);
  };
  const arm = (waitNs: bigint): void => {
    if (armed) return;
    armed = true;
    // the timer may wake up to 1 ms early or late; the remainder under 1 ms is waited turn by turn
    if (waitNs > 1_500_000n) setTimeout(flush, Number(waitNs / 1_000_000n) - 1);
    else setImmediate(flush);
  };
  return (socket, answers) => {
    queue.push({ atNs: process.hrtime.bigint() + delayNs, socket, answers });
    arm(delayNs);
  };
}

export interface NullEndpoint {
  port: number;
  /** what it served so far (a live object) */
  served: ServedCount;
  close(): Promise<void>;
}

export function startNullEndpoint(delayMs = 0): Promise<NullEndpoint> {
  const sockets = new Set<net.Socket>();
  const served = newServed();
  const later = delayMs > 0 ? delayLine(delayMs, served) : undefined;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const { answers, consumed } = completeRequests(pending);
      if (answers.length === 0) return;
      if (served.firstRequestNs === 0n) served.firstRequestNs = process.hrtime.bigint();
      pending = consumed === pending.length ? Buffer.alloc(0) : pending.subarray(consumed);
      if (later) later(socket, answers);
      else {
        for (const a of answers) socket.write(a);
        countAnswers(served, answers.length);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((ready) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      ready({
        port: typeof addr === 'object' && addr !== null ? addr.port : 0,
        served,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
