// Drivers by name. The engine and load workers build a driver from a serialisable spec, so a
// worker thread can build its own (a driver holds sockets and cannot cross threads).
import type { Driver } from '../types.js';
import { UsageError } from '../errors.js';
import { createSdkDriver } from './sdk.js';
import type { SdkDriverOptions } from './sdk.js';
import { createHttpDriver } from './http/driver.js';
import { createDaxDriver } from './dax.js';
import { captureInWorkerThread, flushWorkerCapture } from './library-output.js';

/** `sdk`: @aws-sdk/client-dynamodb; `http`: signed JSON over keep-alive connections, the same outcomes at a fraction of the CPU. */
export type DriverKind = 'sdk' | 'http' | 'dax';
export type DriverOptions = SdkDriverOptions;

export const DRIVER_KINDS: readonly DriverKind[] = ['sdk', 'http', 'dax'];

/**
 * The driver when none is asked for: http, the one with the lowest harness floor that gives the
 * same outcomes (issue 10: about a third of the SDK's p99 against a null endpoint). A scenario that
 * asks for adaptive retries gets the SDK, the only driver that implements them, rather than an error.
 */
export function defaultDriver(retryMode: DriverOptions['retryMode']): DriverKind {
  return retryMode === 'adaptive' ? 'sdk' : 'http';
}

/** Why a driver cannot run with these settings (checked before anything is created), or undefined. */
export function driverProblem(kind: DriverKind, retryMode: DriverOptions['retryMode']): string | undefined {
  if (kind === 'http' && retryMode === 'adaptive') {
    return 'retries.mode adaptive (client-side rate limiting) is only implemented by --driver sdk; use mode standard with --driver http';
  }
  return undefined;
}

export function createDriver(kind: DriverKind, opts: DriverOptions): Driver {
  const problem = driverProblem(kind, opts.retryMode);
  if (problem !== undefined) throw new UsageError(problem);
  // a load worker captures what its client library prints (the main thread's run does it there)
  captureInWorkerThread();
  const driver = kind === 'sdk' ? createSdkDriver(opts) : kind === 'http' ? createHttpDriver(opts) : createDaxDriver(opts);
  const close = driver.close.bind(driver);
  return Object.assign(driver, {
    close: async () => {
      try {
        await close();
      } finally {
        flushWorkerCapture();
      }
    },
  });
}
