// The example nightly workflow parses, has the shape the README describes, and runs exactly
// the commands the README's "CI and baselines" section shows.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/nightly-perf.yml'), 'utf8'));
const job = workflow.jobs['perf'];
const steps = job.steps;
const uses = (prefix) => {
    const s = steps.find((x) => x.uses?.startsWith(prefix));
    assert.ok(s, `a step using ${prefix}`);
    return s;
};
const runLines = steps.flatMap((s) => (s.run ?? '').split('\n').map((l) => l.trim())).filter((l) => l !== '');
/** The shell block the README gives as the workflow's commands. */
function readmeCommands() {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## CI and baselines'));
    const m = /Each job runs exactly these commands:\s*```sh\n([\s\S]*?)```/.exec(section);
    assert.ok(m, 'the README shows the commands of the nightly workflow');
    return m[1].split('\n').map((l) => l.trim()).filter((l) => l !== '');
}
test('the nightly workflow runs on a schedule and by hand', () => {
    assert.match(workflow.on.schedule?.[0]?.cron ?? '', /^\S+ \S+ \S+ \S+ \S+$/);
    assert.ok('workflow_dispatch' in workflow.on);
    assert.equal(job['runs-on'], 'ubuntu-latest');
    assert.equal(workflow.permissions?.['checks'], 'write', 'publishing the JUnit report as a check');
});
test('it runs every built-in scenario', () => {
    const builtIn = readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
    assert.deepEqual([...(job.strategy?.matrix?.scenario ?? [])].sort(), builtIn);
    assert.equal(job.env?.['SCENARIO'], '${{ matrix.scenario }}');
});
test('it sets up Node 20 and Java 17, installs with npm ci, and keeps the baseline in the cache', () => {
    assert.equal(String(uses('actions/setup-node@').with?.['node-version']), '20');
    assert.equal(String(uses('actions/setup-java@').with?.['java-version']), '17');
    assert.ok(runLines.includes('npm ci'));
    const restore = uses('actions/cache/restore@');
    const save = uses('actions/cache/save@');
    assert.equal(restore.with?.['path'], 'baseline');
    assert.equal(save.with?.['key'], restore.with?.['key']);
    assert.ok(String(restore.with?.['key']).startsWith(String(restore.with?.['restore-keys'])), 'restores the newest earlier baseline');
    assert.equal(save.if, '${{ success() }}', 'only a passing run becomes the next baseline');
    assert.ok(steps.indexOf(restore) < steps.findIndex((s) => s.run?.includes('ddbench run')), 'restored before the run');
});
test('it publishes the JUnit report and uploads reports/ even when the run failed', () => {
    const junit = uses('mikepenz/action-junit-report@');
    assert.equal(junit.with?.['report_paths'], 'reports/${{ matrix.scenario }}/junit.xml');
    const upload = uses('actions/upload-artifact@');
    assert.equal(upload.with?.['path'], 'reports/');
    for (const s of [junit, upload])
        assert.equal(s.if, '${{ !cancelled() }}');
});
test('it runs exactly the commands the README shows', () => {
    const readme = readmeCommands();
    assert.ok(readme.some((l) => l.startsWith('npx ddbench run ')));
    for (const line of readme)
        assert.ok(runLines.includes(line), `README line not in the workflow: ${line}`);
    for (const line of runLines.filter((l) => /ddbench|baseline|--/.test(l)))
        assert.ok(readme.includes(line), `workflow line not in the README: ${line}`);
    const run = runLines.join('\n');
    for (const flag of ['--baseline', '--max-regression 15%', '--junit', '--markdown', '--gate', '--target local'])
        assert.ok(run.includes(flag), flag);
});
//# sourceMappingURL=compare-workflow.test.js.map