// Ctrl-C stops cleanly: the partial summary is written and marked incomplete, the table is
// deleted, the endpoint stopped, exit code 130; nothing is left running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { startCli, readSummary, assertEndpointsGone, startedPids, isAlive, waitUntil, ROOT } from '../support/cli.js';
for (const signal of ['SIGINT', 'SIGTERM']) {
    test(`${signal} during load writes a partial summary, exits 130 and leaves no process behind`, { timeout: 120_000 }, async () => {
        const run = startCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynalite', '--seed-items', '200', '--duration', '60s', '--rate', '100', '--no-warmup']);
        await run.waitFor(/load: /);
        await new Promise((r) => setTimeout(r, 2500));
        run.child.kill(signal);
        const res = await run.result;
        assert.equal(res.code, 130, res.stderr);
        const summary = readSummary(res);
        assert.equal(summary.complete, false);
        assert.match(summary.stopReason ?? '', new RegExp(signal === 'SIGINT' ? 'interrupted' : 'terminated'));
        assert.ok(summary.operations['get-profile'].count > 0, 'what was measured is kept');
        const dir = /results: (.+)summary\.json/.exec(res.stdout)[1];
        assert.ok(existsSync(join(dir, 'latency.hlog')));
        assert.match(readFileSync(join(dir, 'latency.hlog'), 'utf8'), /Tag=get-profile:ok/);
        await assertEndpointsGone(res);
    });
}
test('a SIGKILLed run leaves no endpoint process behind', { timeout: 120_000 }, async () => {
    const run = startCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynamodb-local', '--seed-items', '200', '--duration', '60s', '--rate', '50', '--no-warmup']);
    await run.waitFor(/load: /, 90_000);
    run.child.kill('SIGKILL');
    const res = await run.result;
    const pids = startedPids(res);
    assert.equal(pids.length, 2, 'the supervisor and java were running during the load');
    await waitUntil(() => pids.every((p) => !isAlive(p)), 15_000, 'DynamoDB Local and its supervisor to end after their parent was killed');
});
//# sourceMappingURL=interrupt.test.js.map