// Runs a script's flows under either scheduler: next() picks a flow by weight (seeded), execute()
// runs one iteration and resolves with the flow's outcome. The scheduler records that as the
// operation `flow:<name>`, from the flow's intended start, so flow latency is coordinated-omission
// corrected like any operation's; the steps are recorded as they finish (context.ts).
// A throw in user code ends the iteration as a `FlowError` (message and the script's file:line),
// never the run.
import type { OpResult, Scenario } from '../types.js';
import type { Rng } from '../workload/rng.js';
import { userLocation } from './location.js';
import type { FlowFn } from './api.js';
import { createFlowContext, type StepEnv, type StepTotals } from './context.js';

import { FLOW_OP_PREFIX as FLOW_PREFIX } from '../types.js';
export const FLOW_ERROR = 'FlowError';

export interface FlowStart {
  /** the flow's operation name, `flow:<name>` */
  op: string;
  fn: FlowFn;
  /** the phase the flow was started in: its steps are recorded there too, so a phase's flows and steps match */
  phaseIndex: number;
}

export interface FlowRunner {
  next(): FlowStart;
  execute(start: FlowStart): Promise<OpResult>;
  /** operation names the recorder should know up front: the flows */
  readonly operationNames: string[];
}

export interface FlowRunnerOptions {
  scenario: Scenario;
  flows: Map<string, FlowFn>;
  /** picks flows (its own stream, so flows and their draws do not shift each other) */
  pick: Rng;
  env: Omit<StepEnv, 'tables' | 'table' | 'phaseIndex' | 'flow' | 'uses' | 'unsupported'>;
  /** the scheduler's current phase (flows are picked as they start) */
  phaseIndex(): number;
  /** told of every flow error (the engine prints the first few) */
  onFlowError?(message: string): void;
}

export function createFlowRunner(opts: FlowRunnerOptions): FlowRunner {
  const script = opts.scenario.script;
  if (script === undefined) throw new Error('createFlowRunner: the scenario has no script');
  const entries = script.flows.filter((f) => f.weight > 0).map((f) => {
    const fn = opts.flows.get(f.name);
    if (fn === undefined) throw new Error(`flow ${f.name} is missing from the loaded module`);
    return { op: `${FLOW_PREFIX}${f.name}`, fn, weight: f.weight };
  });
  const totalWeight = entries.reduce((s, e) => s + e.weight, 0);
  const tables = new Set([opts.scenario.table.name]);
  const limits = {
    ...(script.uses !== undefined ? { uses: new Set(script.uses) } : {}),
    ...(script.unsupported !== undefined ? { unsupported: { types: new Set(script.unsupported.types), target: script.unsupported.target } } : {}),
  };
  return {
    operationNames: script.flows.map((f) => `${FLOW_PREFIX}${f.name}`),
    next(): FlowStart {
      let r = opts.pick.nextFloat() * totalWeight;
      let chosen = entries[entries.length - 1]!;
      for (const e of entries) {
        if (r < e.weight) {
          chosen = e;
          break;
        }
        r -= e.weight;
      }
      return { op: chosen.op, fn: chosen.fn, phaseIndex: opts.phaseIndex() };
    },
    async execute(start: FlowStart): Promise<OpResult> {
      const totals: StepTotals = { steps: 0, thinkUs: 0, consumedRcu: 0, consumedWcu: 0 };
      const base = { attempts: 1, retryDelayMs: 0, throttledAttempts: 0 };
      try {
        const env: StepEnv = { ...opts.env, ...limits, table: opts.scenario.table.name, tables, phaseIndex: () => start.phaseIndex, flow: start.op };
        await start.fn(createFlowContext(env, totals));
        return { kind: 'ok', ...base, consumedRcu: totals.consumedRcu, consumedWcu: totals.consumedWcu, thinkUs: totals.thinkUs };
      } catch (error) {
        const where = userLocation(error, script.file);
        const text = error instanceof Error ? error.message : String(error);
        const message = `${text}${where !== undefined ? ` (${script.file}:${where})` : ''}`;
        opts.onFlowError?.(`${start.op}: ${message}`);
        return { kind: 'client', ...base, consumedRcu: totals.consumedRcu, consumedWcu: totals.consumedWcu, thinkUs: totals.thinkUs, errorName: FLOW_ERROR, errorMessage: message };
      }
    },
  };
}
