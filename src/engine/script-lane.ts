// A scenario script's lane, as the in-thread lane and each load worker build it: the module is
// loaded in this thread (functions cannot cross threads), then its flows drive the scheduler.
import type { Scenario } from '../types.js';
import { loadScenarioModule } from '../scenario/module.js';
import { createFlowLane, type FlowLane, type FlowLaneInput } from '../flows/lane.js';

export async function scriptLane(scenario: Scenario, rest: Omit<FlowLaneInput, 'scenario' | 'flows'>): Promise<FlowLane> {
  const file = scenario.script!.file;
  const loaded = await loadScenarioModule(file);
  if (!loaded.result.ok) throw new Error(`scenario script ${file} no longer loads: ${loaded.result.problems.map((p) => p.message).join('; ')}`);
  return createFlowLane({ scenario, flows: loaded.flows, ...rest });
}

/** The first few flow errors print as they happen; the summary counts all of them (errorNames.FlowError). */
export const FLOW_ERRORS_PRINTED = 5;

export function flowErrorPrinter(err: (text: string) => void): (message: string) => void {
  let seen = 0;
  return (message) => {
    seen++;
    if (seen <= FLOW_ERRORS_PRINTED) err(`flow error: ${message}\n`);
    if (seen === FLOW_ERRORS_PRINTED) err(`(further flow errors are counted in the summary, not printed)\n`);
  };
}
