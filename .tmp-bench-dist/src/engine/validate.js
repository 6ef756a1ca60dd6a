import { loadScenarioFile } from '../scenario/load.js';
import { workloadProblems } from '../workload/index.js';
export async function validateScenarioFile(file) {
    const loaded = await loadScenarioFile(file);
    if (!loaded.ok)
        return loaded;
    const problems = workloadProblems(loaded.scenario);
    return problems.length > 0 ? { ok: false, problems } : loaded;
}
//# sourceMappingURL=validate.js.map