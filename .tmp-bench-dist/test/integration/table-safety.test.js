// ddbench never drops or overwrites a table it did not create: an existing table of the same
// name stops the run (exit 2) untouched, and --reuse-table runs against it without deleting it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DynamoDBClient, DescribeTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { runCli, readSummary, ROOT } from '../support/cli.js';
import { startScript } from '../support/endpoints.js';
test('an existing table is never dropped: exit 2 without --reuse-table, kept with it', { timeout: 120_000 }, async () => {
    const endpoint = await startScript(join(ROOT, 'dist/src/endpoints/endpoint-child.js'), ['dynalite']);
    const client = new DynamoDBClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const scenario = join(ROOT, 'scenarios/gaming.yaml');
    const short = ['--target', endpoint.url, '--duration', '2s', '--rate', '50', '--no-warmup', '--seed-items', '100'];
    try {
        const first = await runCli(['run', scenario, ...short, '--keep-table']);
        assert.ok(first.code === 0 || first.code === 1, first.stderr);
        const key = { pk: { S: 'player#0' }, sk: { S: 'profile' } };
        const before = await client.send(new GetItemCommand({ TableName: 'ddbench-gaming', Key: key }));
        assert.ok(before.Item, 'the first run seeded player#0 and kept the table');
        const clash = await runCli(['run', scenario, ...short]);
        assert.equal(clash.code, 2);
        assert.match(clash.stderr, /already exists/);
        assert.match(clash.stderr, /--reuse-table/);
        const after = await client.send(new GetItemCommand({ TableName: 'ddbench-gaming', Key: key }));
        assert.deepEqual(after.Item, before.Item, 'the existing table was not touched');
        const reuse = await runCli(['run', scenario, ...short, '--reuse-table']);
        assert.ok(reuse.code === 0 || reuse.code === 1, reuse.stderr);
        assert.ok(readSummary(reuse).operations['get-profile'].count > 0);
        const still = await client.send(new DescribeTableCommand({ TableName: 'ddbench-gaming' }));
        assert.equal(still.Table?.TableStatus, 'ACTIVE', 'a reused table is never deleted');
    }
    finally {
        client.destroy();
        await endpoint.stop();
    }
});
test('closed loop: N workers, latency equals service time, throughput follows latency', { timeout: 60_000 }, async () => {
    const res = await runCli(['run', join(ROOT, 'test/fixtures/scenarios/closed-loop.yaml'), '--target', 'dynalite']);
    assert.equal(res.code, 0, res.stderr);
    const summary = readSummary(res);
    assert.equal(summary.mode, 'closed');
    const read = summary.operations.read;
    assert.ok(read.count > 50, `closed loop ran: ${read.count}`);
    assert.deepEqual(read.latencyUs, read.serviceTimeUs, 'no schedule: latency is service time');
    assert.equal(summary.generator.queuedOps, 0);
});
//# sourceMappingURL=table-safety.test.js.map