// Shards against one shared endpoint: the table is set up once (--setup-only), every shard
// reuses it (--reuse-table) and none creates or deletes it; a shard that would create its own
// table on a shared target is refused before anything is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { runCli, ROOT, readSummaryJson } from '../support/cli.js';
import { startScript } from '../support/endpoints.js';
import type { Summary } from '../../src/summary/model.js';

const SCENARIO = join(ROOT, 'scenarios/gaming.yaml');

test('shards share a table set up once: --setup-only seeds it all, shards reuse it and leave it in place', { timeout: 180_000 }, async () => {
  const endpoint = await startScript(join(ROOT, 'dist/src/endpoints/endpoint-child.js'), ['dynalite']);
  const work = mkdtempSync(join(tmpdir(), 'ddbench-shared-'));
  const client = new DynamoDBClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  try {
    const refused = await runCli(['run', SCENARIO, '--target', endpoint.url, '--shard', '1/2', '--duration', '1s', '--no-warmup']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /needs --reuse-table/);
    await assert.rejects(client.send(new DescribeTableCommand({ TableName: 'ddbench-gaming' })), /ResourceNotFound/, 'nothing was created');

    const setup = await runCli(['run', SCENARIO, '--target', endpoint.url, '--setup-only', '--seed-items', '200']);
    assert.equal(setup.code, 0, setup.stderr);
    assert.match(setup.stderr, /seeded 200 items/);
    assert.match(setup.stderr, /--reuse-table/);
    assert.equal((await client.send(new ScanCommand({ TableName: 'ddbench-gaming', Select: 'COUNT' }))).Count, 200);

    const shard = (i: number) =>
      runCli(['run', SCENARIO, '--target', endpoint.url, '--shard', `${i}/2`, '--reuse-table', '--duration', '2s', '--rate', '100', '--no-warmup', '--out', join(work, `shard-${i}`)]);
    const results = await Promise.all([shard(1), shard(2)]);
    for (const res of results) {
      assert.ok(res.code === 0 || res.code === 1, res.stderr);
      assert.doesNotMatch(res.stderr, /created table|deleted table|seeding/);
    }
    const table = await client.send(new DescribeTableCommand({ TableName: 'ddbench-gaming' }));
    assert.equal(table.Table?.TableStatus, 'ACTIVE', 'the shards left the shared table in place');

    const merged = await runCli(['merge', join(work, 'shard-1'), join(work, 'shard-2'), '--out', join(work, 'merged')]);
    assert.ok(merged.code === 0 || merged.code === 1, merged.stderr);
    const summary = readSummaryJson(join(work, 'merged', 'summary.json'));
    assert.equal(summary.total.count, 200, '100 ops/s for 2 s over two shards');
    assert.equal(summary.target.endpoint, endpoint.url);
  } finally {
    client.destroy();
    await endpoint.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
