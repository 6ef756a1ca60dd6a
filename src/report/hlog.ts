// The .hlog file sink: the recorder hands it one line at a time (without newline) as intervals
// close, so the log is on disk while the run goes on and survives an interrupted run.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

export interface HlogFile {
  write(line: string): void;
  /** flushes and closes; rejects with the first write error (e.g. a missing folder), if any */
  close(): Promise<void>;
}

export function openHlogFile(path: string): HlogFile {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  let failure: Error | undefined;
  let closed = false;
  // without a listener, a write error would crash the process as an unhandled 'error' event
  stream.on('error', (err) => {
    failure ??= err;
  });
  return {
    write(line: string): void {
      if (failure === undefined && !closed) stream.write(`${line}\n`);
    },
    async close(): Promise<void> {
      if (!closed) {
        closed = true;
        stream.end();
      }
      try {
        await finished(stream);
      } catch (err) {
        throw failure ?? err;
      }
      if (failure !== undefined) throw failure;
    },
  };
}
