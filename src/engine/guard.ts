// A driver's contract is to return an outcome for every request and never throw. If one throws
// anyway (a bug, in ddbench or in a library under it), the run must not die and lose what it
// measured: the guard turns the throw into a request to stop, so the engine writes the partial
// summary, .hlog and report marked incomplete, and the run exits 3.
//
// Test hook: DDBENCH_TEST_CRASH_AFTER_OPS=N makes the guarded driver fail after N requests, the
// only way a test can reach this path through the real CLI (no real driver throws on purpose).
// DDBENCH_TEST_CRASH_MODE picks how: `reject` (default) rejects execute(), as a driver bug would;
// `uncaught` throws from a later tick, out of every try (an uncaught exception in the thread).
import type { Driver, OpResult, Request } from '../types.js';
import { redactSecrets } from '../safety/redact.js';
import type { RunControl } from './run-state.js';

/** What a crashed request resolves to: the scheduler gets its outcome, the recorder never sees it. */
export const CRASHED: OpResult = Object.freeze({ kind: 'client', attempts: 1, retryDelayMs: 0, consumedRcu: 0, consumedWcu: 0, throttledAttempts: 0, errorName: 'DriverCrash' }) as OpResult;

export interface CrashHook {
  afterOps: number;
  mode: 'reject' | 'uncaught';
}

/** The test hook from the environment, or undefined (the normal case). */
export function crashHookFromEnv(env: NodeJS.ProcessEnv = process.env): CrashHook | undefined {
  const raw = env['DDBENCH_TEST_CRASH_AFTER_OPS'];
  if (raw === undefined || raw === '') return undefined;
  const afterOps = Number(raw);
  if (!Number.isInteger(afterOps) || afterOps < 0) return undefined;
  return { afterOps, mode: env['DDBENCH_TEST_CRASH_MODE'] === 'uncaught' ? 'uncaught' : 'reject' };
}

export function describeCrash(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}

/**
 * Wraps a driver: a rejected execute() calls onCrash once (the first error) and resolves to
 * CRASHED, so the scheduler's bookkeeping of requests in flight stays right and it can drain.
 */
export function guardDriver(driver: Driver, onCrash: (error: unknown) => void, hook: CrashHook | undefined = crashHookFromEnv()): Driver {
  let crashed = false;
  const crash = (error: unknown): OpResult => {
    if (!crashed) {
      crashed = true;
      onCrash(error);
    }
    return CRASHED;
  };
  // the request loop's path: one .then per request, no extra async frames unless the test hook is on
  const send = hook === undefined ? (request: Request) => driver.execute(request) : withCrashHook(driver, hook);
  return {
    name: driver.name,
    execute(request: Request): Promise<OpResult> {
      try {
        return send(request).then(undefined, crash);
      } catch (error) {
        return Promise.resolve(crash(error));
      }
    },
    close: () => driver.close(),
  };
}

function withCrashHook(driver: Driver, hook: CrashHook): (request: Request) => Promise<OpResult> {
  let sent = 0;
  return (request) => {
    sent++;
    if (sent > hook.afterOps) {
      const error = new Error(`DDBENCH_TEST_CRASH_AFTER_OPS=${hook.afterOps}: injected driver failure`);
      if (hook.mode === 'uncaught') {
        if (sent === hook.afterOps + 1) setImmediate(() => { throw error; });
      } else {
        return Promise.reject(error);
      }
    }
    return driver.execute(request);
  };
}

/** Stops the run because something crashed; the first cause wins (a crash during a signal's drain stays a signal). */
export function requestCrashStop(control: RunControl, log: (text: string) => void, what: string): void {
  // the reason goes into summary.json: an error message may echo a credential an endpoint sent back
  const line = redactSecrets(what.split('\n')[0]!.slice(0, 300));
  log(`\nddbench: ${line}; stopping and writing what was measured so far\n`);
  control.stop('crashed', `crashed: ${line}`);
}
