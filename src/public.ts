// What `import { defineScenario } from 'ddbench'` gives a scenario script: the helper (an
// identity function that only exists so editors check the model and complete the context) and
// the types of the model and of a flow's context. Kept tiny: the loader bundles it into the
// user's module.
export type { FlowContext, FlowFn, FlowSpec, ScenarioModule, StepResult, StepOutcome, Doc } from './flows/api.js';
import type { ScenarioModule } from './flows/api.js';

/** Declares a scripted scenario: `export default defineScenario({ name, table, phases, flows: {...} })`. */
export function defineScenario<T extends ScenarioModule>(scenario: T): T {
  return scenario;
}
