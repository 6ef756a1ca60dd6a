// Where a scripted flow's time goes, counted per phase: how many calls of each step ran inside the
// flow and how long it spent in think time (ctx.sleep). Steps' latencies are their own operations'
// histograms; these counts say which steps belong to which flow and how often per iteration.
import type { Sample } from '../types.js';
import { isFlowOp } from '../types.js';

/** One flow in one phase: its steps' call counts and its total think time. */
export interface FlowSteps {
  thinkUs: number;
  steps: Record<string, number>;
}

export class FlowStepCounts {
  private readonly flows = new Map<string, FlowSteps>();

  record(sample: Sample): void {
    if (sample.flow !== undefined) {
      const f = this.of(sample.flow);
      f.steps[sample.op] = (f.steps[sample.op] ?? 0) + 1;
    } else if (sample.result.thinkUs !== undefined && isFlowOp(sample.op)) {
      this.of(sample.op).thinkUs += sample.result.thinkUs;
    }
  }

  toRecord(): Record<string, FlowSteps> {
    return Object.fromEntries(this.flows);
  }

  private of(flow: string): FlowSteps {
    let f = this.flows.get(flow);
    if (f === undefined) {
      f = { thinkUs: 0, steps: {} };
      this.flows.set(flow, f);
    }
    return f;
  }
}
