// The .hlog file sink: the recorder hands it one line at a time (without newline) as intervals
// close, so the log is on disk while the run goes on and survives an interrupted run.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
export function openHlogFile(path) {
    const stream = createWriteStream(path, { encoding: 'utf8' });
    let failure;
    let closed = false;
    // without a listener, a write error would crash the process as an unhandled 'error' event
    stream.on('error', (err) => {
        failure ??= err;
    });
    return {
        write(line) {
            if (failure === undefined && !closed)
                stream.write(`${line}\n`);
        },
        async close() {
            if (!closed) {
                closed = true;
                stream.end();
            }
            try {
                await finished(stream);
            }
            catch (err) {
                throw failure ?? err;
            }
            if (failure !== undefined)
                throw failure;
        },
    };
}
//# sourceMappingURL=hlog.js.map