// Failures the local DAX server can produce on purpose, so tests can check how the official
// client and ddbench's DAX driver treat each one (throttles, server errors, timeouts, dropped or
// reset connections, slow answers) without a real cluster misbehaving. Off unless asked for;
// never used by a run.

import { DaxWireError, fromDynamoError } from './errors.js';

export interface FaultSpec {
  /** the Nth, 2Nth... data request (counted over the whole server) fails; 1 = every one */
  everyN: number;
  /** requests before this many ms after the server started are served normally */
  afterMs?: number;
  /**
   * error: answer with this DynamoDB error (ProvisionedThroughputExceededException,
   * ThrottlingException, RequestLimitExceeded, InternalServerError...); hang: answer nothing for
   * `hangMs`, then carry on; close: drop the connection without answering (FIN); reset: abort it
   * with a TCP reset (RST); delay: answer, but only after minMs..maxMs (slow answers)
   */
  action: { error: string; httpStatus?: number } | { hangMs: number } | { close: true } | { reset: true } | { delayMs: { minMs: number; maxMs: number } };
}

export type FaultAction = FaultSpec['action'];

/** Decides, request by request, whether to fail it. */
export class Faults {
  private count = 0;
  private readonly startMs: number;

  constructor(
    private readonly spec: FaultSpec | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.startMs = now();
  }

  next(): FaultAction | undefined {
    if (this.spec === undefined || this.spec.everyN < 1) return undefined;
    if (this.spec.afterMs !== undefined && this.now() - this.startMs < this.spec.afterMs) return undefined;
    this.count++;
    return this.count % this.spec.everyN === 0 ? this.spec.action : undefined;
  }
}

export function faultError(action: { error: string; httpStatus?: number }): DaxWireError {
  const status = action.httpStatus ?? (action.error === 'InternalServerError' ? 500 : 400);
  return fromDynamoError({ name: action.error, message: `injected ${action.error}`, $metadata: { httpStatusCode: status } });
}

/** The fault of a `--fault` flag: close, reset, hang:MS, delay:MIN-MAX or error:NAME. */
export function parseFaultAction(text: string): FaultAction {
  if (text === 'close') return { close: true };
  if (text === 'reset') return { reset: true };
  const hang = /^hang:(\d+)$/.exec(text);
  if (hang) return { hangMs: Number(hang[1]) };
  const delay = /^delay:(\d+)-(\d+)$/.exec(text);
  if (delay) return { delayMs: { minMs: Number(delay[1]), maxMs: Math.max(Number(delay[1]), Number(delay[2])) } };
  const error = /^error:(\w+)$/.exec(text);
  if (error) return { error: error[1]! };
  throw new Error(`--fault ${text}: expected close, reset, hang:MS, delay:MIN-MAX or error:NAME`);
}
