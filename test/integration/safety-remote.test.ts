// What ddbench will and will not do to a real account: a non-loopback target needs --yes (or a
// terminal to ask on), and the question shows the planned requests and an estimated cost; a
// table is deleted only when its ddbench:run tag is still this run's (where the target keeps
// tags, as AWS and the fake endpoint do). Nothing here sends a request off this machine: the
// refusals happen before any client exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli, startCli } from '../support/cli.js';
import { FAULTS_SCENARIO, tempDir, withFake } from './faults-support.js';

const GAMING = join(ROOT, 'scenarios/gaming.yaml');

for (const target of [['--target', 'http://192.0.2.1:8000'], ['--target', 'aws', '--region', 'eu-west-1']]) {
  test(`${target.join(' ')} without --yes and without a terminal: exit 2, showing the planned requests and an estimated cost`, { timeout: 30_000 }, async () => {
    const res = await runCli(['run', GAMING, ...target, '--duration', '60s', '--rate', '1000']);
    assert.equal(res.code, 2, res.stderr);
    assert.match(res.stderr, /is not on this machine/);
    assert.match(res.stderr, /write 800 seed batches and send about 6\d{4} requests/);
    assert.match(res.stderr, /estimated cost (about \$\d+\.\d\d|under \$0\.01) \([\d,]+ read units, [\d,]+ write units at \$0\.125\/\$0\.625 per million; a rough estimate/);
    assert.match(res.stderr, /pass --yes to confirm/);
    assert.doesNotMatch(res.stderr, /created table|seeding|load: /, 'nothing was created or sent');
  });
}

test('--price-read and --price-write change the estimate shown before a remote run', { timeout: 30_000 }, async () => {
  const res = await runCli(['run', GAMING, '--target', 'aws', '--price-read', '1', '--price-write', '10']);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /at \$1\/\$10 per million/);
});

test('a table whose ddbench:run tag changed during the run is not deleted; one still carrying the run tag is', { timeout: 60_000 }, async () => {
  const out = tempDir('tags');
  try {
    await withFake([], async (endpoint) => {
      const control = async (body?: unknown) =>
        (await (await fetch(`${endpoint.url}/__control`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) })).json()) as { tables: string[]; tags: Record<string, { Key: string; Value: string }[]> };
      const mine = await runCli(['run', FAULTS_SCENARIO, '--target', endpoint.url, '--duration', '1s', '--out', join(out.dir, 'a')]);
      assert.equal(mine.code, 0, mine.stderr);
      assert.match(mine.stderr, /deleted table "ddbench-faults"/);
      assert.deepEqual((await control()).tables, [], 'the table the run created and tagged is gone');

      const run = startCli(['run', FAULTS_SCENARIO, '--target', endpoint.url, '--duration', '3s', '--out', join(out.dir, 'b')], { timeoutMs: 40_000 });
      await run.waitFor(/load: /);
      const tagged = await control();
      const runTag = Object.values(tagged.tags)[0]?.find((t) => t.Key === 'ddbench:run')?.Value;
      assert.match(runTag ?? '', /^faults-/, 'the run tagged its table');
      await control({ retag: 'someone-else' });
      const res = await run.result;
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stderr, /not deleting table "ddbench-faults": its ddbench:run tag is "someone-else", not this run's/);
      assert.deepEqual((await control()).tables, ['ddbench-faults'], 'the retagged table is still there');
    });
  } finally {
    out.remove();
  }
});
