// What client libraries print. The DAX client writes to the console by itself (every 4 s a
// "caught exception during cluster refresh" with a stack trace while a node is down), Node and
// the SDK emit warnings: on a user's terminal that is a flood that buries ddbench's own lines.
// While a run lasts, every thread that runs a driver captures console.* and process.emitWarning:
// each distinct message is counted (grouped by its first line, numbers and ids stripped), and
// its first line is shown once. ddbench's own output never goes through `console` (it writes
// through EngineIO), so nothing of ddbench's is captured.
//
// The main thread collects; a load worker thread reports its messages over a BroadcastChannel,
// so the worker's message protocol is not involved.

import { BroadcastChannel, isMainThread } from 'node:worker_threads';
import { format } from 'node:util';

export interface LibraryMessage {
  /** the package that printed it (from the call's stack), when it is a dependency */
  source?: string;
  /** the message's first line, as first seen */
  firstLine: string;
  count: number;
}

const CHANNEL = 'ddbench:library-output';
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
const FIRST_LINE_MAX = 300;
/** a worker sends its count updates this often (a new message goes at once) */
const WORKER_FLUSH_MS = 200;

interface Report {
  key: string;
  firstLine: string;
  source?: string;
  count: number;
}

/** The grouping key: the first line with numbers, hex ids and quoted values stripped. */
export function messageKey(firstLine: string): string {
  return firstLine
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<n>')
    .replace(/\b[0-9a-f]*\d[0-9a-f]*\b/gi, '<n>')
    .replace(/\d+/g, '<n>');
}

/** The first non-empty line of a printed message, trimmed and bounded. */
export function firstLineOf(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > FIRST_LINE_MAX ? `${trimmed.slice(0, FIRST_LINE_MAX)}...` : trimmed;
}

/** The package nearest the call in a stack trace (`@scope/name` or `name`), if it is in node_modules. */
export function sourceOf(stack: string | undefined): string | undefined {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    if (line.includes('library-output')) continue;
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(line);
    if (m) return m[1]!.replace(/\\/g, '/');
  }
  return undefined;
}

/** Counts messages by key, keeping each one's first line and source. */
export class MessageTally {
  private readonly byKey = new Map<string, LibraryMessage>();

  /** Adds `count` of a message; true when it is the first of its kind. */
  add(key: string, firstLine: string, source: string | undefined, count = 1): boolean {
    const known = this.byKey.get(key);
    if (known) {
      known.count += count;
      return false;
    }
    this.byKey.set(key, { ...(source !== undefined ? { source } : {}), firstLine, count });
    return true;
  }

  messages(): LibraryMessage[] {
    return [...this.byKey.values()].map((m) => ({ ...m })).sort((a, b) => b.count - a.count);
  }
}

type Sink = (firstLine: string, source: string | undefined) => void;

/** Replaces console.* and process.emitWarning in this thread; returns the function that puts them back. */
function installCapture(sink: Sink): () => void {
  const saved = METHODS.map((m) => [m, console[m]] as const);
  const savedEmit = process.emitWarning;
  const take = (text: string): void => {
    try {
      sink(firstLineOf(text), sourceOf(new Error().stack));
    } catch {
      // capturing must never fail the library call that printed
    }
  };
  for (const m of METHODS) console[m] = (...args: unknown[]) => take(format(...args));
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : typeof rest[0] === 'object' && rest[0] !== null ? ((rest[0] as { type?: string }).type ?? 'Warning') : 'Warning';
    take(warning instanceof Error ? `${warning.name}: ${warning.message}` : `${type}: ${warning}`);
  }) as typeof process.emitWarning;
  return () => {
    for (const [m, fn] of saved) console[m] = fn as never;
    process.emitWarning = savedEmit;
  };
}

export interface LibraryCapture {
  /** every distinct message so far, most frequent first */
  messages(): LibraryMessage[];
  /** restores the console and stops listening to the workers */
  stop(): void;
}

/**
 * The main thread's capture, for the length of a run: `onFirst` is called with each distinct
 * message's first occurrence (from this thread or a load worker), to show it once.
 */
export function captureLibraryOutput(onFirst: (message: LibraryMessage) => void): LibraryCapture {
  const tally = new MessageTally();
  const seen = (key: string, firstLine: string, source: string | undefined, count: number): void => {
    if (tally.add(key, firstLine, source, count)) onFirst({ ...(source !== undefined ? { source } : {}), firstLine, count });
  };
  const restore = installCapture((firstLine, source) => seen(messageKey(firstLine), firstLine, source, 1));
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    for (const r of (event as unknown as { data: Report[] }).data) seen(r.key, r.firstLine, r.source, r.count);
  };
  (channel as unknown as { unref(): void }).unref();
  return {
    messages: () => tally.messages(),
    stop: () => {
      restore();
      channel.close();
    },
  };
}

let workerCapture: { flush(): void } | undefined;

/**
 * In a load worker thread: captures for the rest of the thread's life and reports to the main
 * thread's capture. Does nothing in the main thread (its capture is the run's). Idempotent.
 */
export function captureInWorkerThread(): void {
  if (isMainThread || workerCapture !== undefined) return;
  const channel = new BroadcastChannel(CHANNEL);
  (channel as unknown as { unref(): void }).unref();
  const pending = new Map<string, Report>();
  const known = new Set<string>();
  const flush = (): void => {
    if (pending.size === 0) return;
    channel.postMessage([...pending.values()]);
    pending.clear();
  };
  installCapture((firstLine, source) => {
    const key = messageKey(firstLine);
    const p = pending.get(key);
    if (p) p.count++;
    else pending.set(key, { key, firstLine, ...(source !== undefined ? { source } : {}), count: 1 });
    // a new kind of message is shown at once; repeats are counted in batches
    if (!known.has(key)) {
      known.add(key);
      flush();
    }
  });
  setInterval(flush, WORKER_FLUSH_MS).unref();
  workerCapture = { flush };
}

/** Sends a worker's pending counts now (its driver is closing: the thread may end soon). */
export function flushWorkerCapture(): void {
  workerCapture?.flush();
}
