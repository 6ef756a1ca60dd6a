// Which operation names a gate or an abort rule may address. A YAML scenario: its operations. A
// script: its declared flows (`flow:<name>`, so `flow:nope` is refused) and any step name, since
// steps are named only as the flows call them; a rule on a step that is never called never holds.
import type { Scenario } from '../types.js';
import { FLOW_OP_PREFIX } from '../types.js';

/** An operation-looking prefix of a rule (`view-cart.p99 < 20ms` -> view-cart) that is not a flow, taken as a step name. */
export function stepNamesIn(expr: string): string[] {
  const m = /^\s*([A-Za-z0-9_-]{1,64})\s*\./.exec(expr);
  return m ? [m[1]!] : [];
}

export function ruleOperationNames(scenario: Pick<Scenario, 'operations' | 'script'>, exprs: readonly string[]): string[] {
  const names = scenario.operations.map((o) => o.name);
  if (scenario.script === undefined) return names;
  return [...names, ...scenario.script.flows.map((f) => `${FLOW_OP_PREFIX}${f.name}`), ...exprs.flatMap(stepNamesIn)];
}
