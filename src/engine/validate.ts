// Everything `ddbench validate` and `ddbench run` check before touching a target: the file's
// shape and meaning (src/scenario), then that every template and request compiles (src/workload).
// Scenario scripts (.ts/.js/.mjs) are loaded as modules; their flows come back beside the model.
import type { LoadResult } from '../scenario/load.js';
import type { FlowFn } from '../flows/api.js';
import { loadScenarioFile } from '../scenario/load.js';
import { isScriptFile, loadScenarioModule } from '../scenario/module.js';
import { workloadProblems } from '../workload/index.js';
import { existsSync } from 'node:fs';
import { builtInScenarioNames, resolveScenarioPath } from '../scenario/built-in.js';

export async function validateScenarioFile(file: string): Promise<LoadResult> {
  return (await validateScenario(file)).result;
}

export async function validateScenario(fileOrName: string): Promise<{ result: LoadResult; flows: Map<string, FlowFn> }> {
  const file = resolveScenarioPath(fileOrName);
  if (!existsSync(file)) {
    const message = `no such file (built-in scenarios, runnable by name: ${builtInScenarioNames().join(', ')})`;
    return { result: { ok: false, problems: [{ path: '', message }] }, flows: new Map() };
  }
  const script = isScriptFile(file) ? await loadScenarioModule(file) : { result: await loadScenarioFile(file), flows: new Map<string, FlowFn>() };
  const loaded = script.result;
  if (!loaded.ok) return script;
  const problems = workloadProblems(loaded.scenario);
  return problems.length > 0 ? { result: { ok: false, problems }, flows: script.flows } : script;
}
