// Deadlines on every driver. A client library may never settle an operation's promise (the DAX
// client does not when its node dies): such an operation would hold its concurrency slot for ever
// and the run would never end. Past its deadline an operation is *abandoned*: it resolves as a
// `timeout` outcome (errorName OperationAbandoned), frees its slot and is counted; whatever the
// library does with it later is ignored. One timer serves every operation in flight (they share
// one deadline, so the oldest expires first): the request path costs a map entry, not a timer.
import type { Driver, OpResult, Request } from '../types.js';
import type { Clock } from '../scheduler/clock.js';
import type { Timers } from '../scheduler/timers.js';

export const ABANDONED_ERROR = 'OperationAbandoned';

/** Slack on top of the attempts' own timeouts and backoff, for the client's bookkeeping. */
const DEADLINE_SLACK_MS = 1000;
/** The SDK's (and http driver's) throttle backoff: base 1 s doubling, each wait capped at 20 s. */
const THROTTLE_BASE_MS = 1000;
const MAX_BACKOFF_MS = 20_000;

/**
 * An operation's deadline: every attempt may take the request timeout, and between attempts the
 * longest backoff the retry policy can wait (throttle backoff, 1 s, 2 s, 4 s... each at most
 * 20 s), plus 1 s. Scenario defaults (5 s timeout, 3 attempts): 15 s + 3 s + 1 s = 19 s.
 */
export function operationDeadlineMs(requestTimeoutMs: number, maxAttempts: number): number {
  let backoffMs = 0;
  for (let retry = 0; retry < maxAttempts - 1; retry++) backoffMs += Math.min(THROTTLE_BASE_MS * 2 ** retry, MAX_BACKOFF_MS);
  return requestTimeoutMs * Math.max(1, maxAttempts) + backoffMs + DEADLINE_SLACK_MS;
}

function abandoned(why: string): OpResult {
  return { kind: 'timeout', attempts: 1, retryDelayMs: 0, consumedRcu: 0, consumedWcu: 0, throttledAttempts: 0, errorName: ABANDONED_ERROR, errorMessage: why };
}

interface InFlight {
  deadlineUs: number;
  resolve(result: OpResult): void;
}

export interface DeadlineDriver extends Driver {
  /** operations given up so far (deadline passed, or abandoned by abandonAll) */
  readonly abandonedOps: number;
  /** Gives up every operation still in flight now (the drain deadline, or a stop's grace is over). */
  abandonAll(why: string): void;
}

export function withDeadline(driver: Driver, deadlineMs: number, clock: Clock, timers: Timers): DeadlineDriver {
  const deadlineUs = deadlineMs * 1000;
  const inFlight = new Map<number, InFlight>();
  let nextId = 0;
  let abandonedOps = 0;
  let cancelTimer: (() => void) | undefined;

  const arm = (atUs: number): void => {
    cancelTimer = timers.after(Math.max(1000, atUs - clock.nowUs()), expire);
  };
  // the map keeps start order and every operation has the same deadline: stop at the first one still in time
  function expire(): void {
    cancelTimer = undefined;
    const nowUs = clock.nowUs();
    for (const [id, op] of inFlight) {
      if (op.deadlineUs > nowUs) return arm(op.deadlineUs);
      inFlight.delete(id);
      abandonedOps++;
      op.resolve(abandoned(`no answer within the operation deadline (${deadlineMs} ms): abandoned`));
    }
  }

  return {
    name: driver.name,
    get abandonedOps() {
      return abandonedOps;
    },
    execute(request: Request): Promise<OpResult> {
      return new Promise<OpResult>((resolve) => {
        const id = nextId++;
        const op = { deadlineUs: clock.nowUs() + deadlineUs, resolve };
        inFlight.set(id, op);
        if (cancelTimer === undefined) arm(op.deadlineUs);
        void driver.execute(request).then((result) => {
          if (inFlight.delete(id)) resolve(result);
        });
      });
    },
    abandonAll(why: string) {
      for (const op of inFlight.values()) {
        abandonedOps++;
        op.resolve(abandoned(why));
      }
      inFlight.clear();
      cancelTimer?.();
      cancelTimer = undefined;
    },
    close: () => {
      cancelTimer?.();
      cancelTimer = undefined;
      return driver.close();
    },
  };
}
