// Bad input gets a clear error and loses nothing: every problem named with its path, exit 2,
// and nothing created on the target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { runCli, ROOT } from '../support/cli.js';
import { startScript } from '../support/endpoints.js';
const BROKEN = join(ROOT, 'test/fixtures/scenarios/broken-run.yaml');
function assertEveryProblem(stderr) {
    assert.match(stderr, /table\.colour/);
    assert.match(stderr, /operations\[0\]\.key\.pk.*gamer/);
    assert.match(stderr, /operations\[1\].*:s/);
    assert.match(stderr, /phases\[1\]\.rate/);
    assert.match(stderr, /broken-run\.yaml:\d+:/, 'problems carry their line');
}
test('validate names every problem of a broken scenario with its path and exits 2', { timeout: 30_000 }, async () => {
    const res = await runCli(['validate', BROKEN]);
    assert.equal(res.code, 2);
    assertEveryProblem(res.stderr);
});
test('validate accepts every built-in scenario', { timeout: 30_000 }, async () => {
    for (const name of ['gaming', 'retail', 'streaming']) {
        const res = await runCli(['validate', join(ROOT, 'scenarios', `${name}.yaml`)]);
        assert.equal(res.code, 0, res.stderr);
    }
});
test('run with a broken scenario exits 2 and creates nothing on the target', { timeout: 60_000 }, async () => {
    const endpoint = await startScript(join(ROOT, 'dist/src/endpoints/endpoint-child.js'), ['dynalite']);
    const client = new DynamoDBClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    try {
        const res = await runCli(['run', BROKEN, '--target', endpoint.url]);
        assert.equal(res.code, 2);
        assertEveryProblem(res.stderr);
        const tables = await client.send(new ListTablesCommand({}));
        assert.deepEqual(tables.TableNames, []);
    }
    finally {
        client.destroy();
        await endpoint.stop();
    }
});
test('bad command-line values exit 2 with the flag named', { timeout: 30_000 }, async () => {
    const bad = await runCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--duration', 'soon']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--duration/);
    const gate = await runCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--gate', 'nosuchop.p99 < 5ms']);
    assert.equal(gate.code, 2);
    assert.match(gate.stderr, /nosuchop/);
    const target = await runCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'mainframe']);
    assert.equal(target.code, 2);
    assert.match(target.stderr, /mainframe/);
    const missing = await runCli(['run', join(ROOT, 'scenarios/nope.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.yaml/);
});
//# sourceMappingURL=bad-input.test.js.map