// The process-facing pieces the commands share: console I/O, the run's control (signal handlers
// stop it), and option checks that turn bad flag values into exit-2 errors.
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../errors.js';
import { durationToMs } from '../grammar/duration.js';
import type { EngineIO } from '../engine/io.js';
import { RunControl } from '../engine/run-state.js';
import { redactSecrets } from '../safety/redact.js';

/** The process's one run: signals and fatal errors stop it (see main.ts). */
export const control = new RunControl();

// every console line passes through redactSecrets: an endpoint may echo a credential in a message
export const io: EngineIO = {
  out: (t) => void process.stdout.write(redactSecrets(t)),
  err: (t) => void process.stderr.write(redactSecrets(t)),
  isTTY: Boolean(process.stderr.isTTY),
  ...(process.stdin.isTTY
    ? {
        confirm: async (question: string) => {
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          try {
            return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
          } finally {
            rl.close();
          }
        },
      }
    : {}),
};

export function durationOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = durationToMs(/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  if (ms === undefined || ms <= 0) throw new UsageError(`${flag}: expected a duration like 30s, 2m or 500ms, got ${JSON.stringify(value)}`);
  return ms;
}

export function positiveOption(value: number | undefined, flag: string, integer = false): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag}: expected a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`);
  }
  return value;
}

/** `{ key: value }` when value is defined, else `{}`: spreads optional options without undefined. */
export function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
