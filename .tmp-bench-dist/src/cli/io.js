// The process-facing pieces the commands share: console I/O, the stop signal that signal
// handlers set, and option checks that turn bad flag values into exit-2 errors.
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../errors.js';
import { durationToMs } from '../scenario/duration.js';
export const stop = { requested: false };
export const io = {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    ...(process.stdin.isTTY
        ? {
            confirm: async (question) => {
                const rl = createInterface({ input: process.stdin, output: process.stderr });
                try {
                    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
                }
                finally {
                    rl.close();
                }
            },
        }
        : {}),
};
/** The process exit code a command asks for (commands set it; main exits with it). */
export const outcome = { exitCode: 0 };
export function durationOption(value, flag) {
    if (value === undefined)
        return undefined;
    const ms = durationToMs(/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);
    if (ms === undefined || ms <= 0)
        throw new UsageError(`${flag}: expected a duration like 30s, 2m or 500ms, got ${JSON.stringify(value)}`);
    return ms;
}
export function positiveOption(value, flag, integer = false) {
    if (value === undefined)
        return undefined;
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
        throw new UsageError(`${flag}: expected a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`);
    }
    return value;
}
/** `{ key: value }` when value is defined, else `{}`: spreads optional options without undefined. */
export function defined(key, value) {
    return value === undefined ? {} : { [key]: value };
}
//# sourceMappingURL=io.js.map