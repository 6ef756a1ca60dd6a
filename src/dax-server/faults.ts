// Failures the local DAX server can produce on purpose, so tests can check how the official
// client and ddbench's DAX driver treat each one (throttles, server errors, timeouts, dropped
// connections) without a real cluster misbehaving. Off unless asked for; never used by a run.

import { DaxWireError, fromDynamoError } from './errors.js';

export interface FaultSpec {
  /** the Nth, 2Nth... data request (counted over the whole server) fails; 1 = every one */
  everyN: number;
  /**
   * error: answer with this DynamoDB error (ProvisionedThroughputExceededException,
   * ThrottlingException, RequestLimitExceeded, InternalServerError...); hang: answer nothing for
   * `hangMs`, then carry on; close: drop the connection without answering
   */
  action: { error: string; httpStatus?: number } | { hangMs: number } | { close: true };
}

export type FaultAction = FaultSpec['action'];

/** Decides, request by request, whether to fail it. */
export class Faults {
  private count = 0;

  constructor(private readonly spec: FaultSpec | undefined) {}

  next(): FaultAction | undefined {
    if (this.spec === undefined || this.spec.everyN < 1) return undefined;
    this.count++;
    return this.count % this.spec.everyN === 0 ? this.spec.action : undefined;
  }
}

export function faultError(action: { error: string; httpStatus?: number }): DaxWireError {
  const status = action.httpStatus ?? (action.error === 'InternalServerError' ? 500 : 400);
  return fromDynamoError({ name: action.error, message: `injected ${action.error}`, $metadata: { httpStatusCode: status } });
}
