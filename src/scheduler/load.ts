// What both schedulers share: the hooks that connect them to the workload, driver and
// recorder (the engine wires them), and the statistics they keep about their own health.
import { build } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { OpResult, Request, Sample } from '../types.js';

/**
 * What one start is: a Request for the workload's operations, or a flow of a scenario script
 * (src/flows/runner.ts); the scheduler only needs its operation name.
 */
export interface LoadHooks<W extends { op: string } = Request> {
  /** the workload's next request (weighted operation choice), or the next flow */
  next(): W;
  /** the driver (or a flow): resolves with an outcome value, never rejects */
  execute(request: W): Promise<OpResult>;
  /** the recorder */
  onSample(sample: Sample): void;
}

export interface LoadStats {
  /** intended start -> send, for operations that had a free slot: the generator's own lateness */
  sendLagUs: Histogram;
  queuedOps: number;
  maxQueueDepth: number;
  droppedOps: number;
  completedOps: number;
  /** operations given up past their deadline or at the end of the run (the lane's deadlines, src/engine/deadline.ts) */
  abandonedOps: number;
}

export function newLoadStats(): LoadStats {
  return {
    sendLagUs: build({ numberOfSignificantValueDigits: 2, lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, autoResize: true, useWebAssembly: false }),
    queuedOps: 0,
    maxQueueDepth: 0,
    droppedOps: 0,
    completedOps: 0,
    abandonedOps: 0,
  };
}
