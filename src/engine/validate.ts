// Everything `ddbench validate` and `ddbench run` check before touching a target: the file's
// shape and meaning (src/scenario), then that every template and request compiles (src/workload).
import type { LoadResult } from '../types.js';
import { loadScenarioFile } from '../scenario/load.js';
import { workloadProblems } from '../workload/index.js';

export async function validateScenarioFile(file: string): Promise<LoadResult> {
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) return loaded;
  const problems = workloadProblems(loaded.scenario);
  return problems.length > 0 ? { ok: false, problems } : loaded;
}
