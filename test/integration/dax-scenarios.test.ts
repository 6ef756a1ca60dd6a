// The three built-in scenarios through the official DAX client and the local DAX server give
// the same outcome kinds, operation by operation, as against DynamoDB Local itself, with no
// errors: large items (streaming, 5-50 KB), conditional TransactWriteItems with cancellations
// (retail), GSI queries and conditional writes (gaming). Both runs use one DynamoDB Local (the
// DAX run's server sits in front of it) and the same random seed, so they send the same
// operations. The DAX run's summary carries cache counts and hit/miss latency.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../src/summary/model.js';
import { readSummary, ROOT, runCli } from '../support/cli.js';
import { startScript, type TestEndpoint } from '../support/endpoints.js';

const SCENARIOS: { name: string; seedItems: number; expected: string[] }[] = [
  { name: 'gaming', seedItems: 300, expected: ['ok'] },
  { name: 'retail', seedItems: 300, expected: ['ok', 'transaction-canceled'] },
  { name: 'streaming', seedItems: 200, expected: ['ok'] },
];

function outcomeKinds(summary: Summary): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, op] of Object.entries(summary.operations)) {
    out[name] = Object.entries(op.outcomes).filter(([, n]) => (n ?? 0) > 0).map(([k]) => k).sort();
  }
  return out;
}

describe('built-in scenarios: DAX (local server) against DynamoDB Local', { timeout: 600_000 }, () => {
  let dynamo: TestEndpoint;
  let out: string;

  before(async () => {
    dynamo = await startScript(join(ROOT, 'dist', 'src', 'endpoints', 'endpoint-child.js'), ['dynamodb-local']);
    out = mkdtempSync(join(tmpdir(), 'ddbench-dax-scenarios-'));
  });

  after(async () => {
    await dynamo?.stop();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  async function run(scenario: string, seedItems: number, target: string[], dir: string): Promise<Summary> {
    const args = ['run', join(ROOT, 'scenarios', `${scenario}.yaml`), ...target, '--duration', '3s', '--no-warmup', '--no-calibrate', '--seed-items', String(seedItems), '--rate', '100', '--random-seed', '7', '--out', join(out, dir)];
    const res = await runCli(args, { timeoutMs: 150_000 });
    // the scenarios' latency gates may fail on a busy machine: exit 1 is a verdict, not a failure here
    assert.ok(res.code === 0 || res.code === 1, `${scenario} ${target.join(' ')}: exit ${res.code}\n${res.stderr}`);
    return readSummary(res);
  }

  // each scenario has its own table and its own local DAX server: the three run side by side
  describe('each built-in scenario, DynamoDB Local then DAX', { concurrency: true }, () => {
    for (const s of SCENARIOS) {
      test(`${s.name} gives the same outcome kinds through DAX as against DynamoDB Local, and no errors`, { timeout: 300_000 }, async () => {
        const direct = await run(s.name, s.seedItems, ['--target', dynamo.url], `${s.name}-ddb`);
        const dax = await run(s.name, s.seedItems, ['--target', 'dax-local', '--dynamodb-endpoint', dynamo.url], `${s.name}-dax`);
        assert.equal(dax.driver, 'dax');
        assert.equal(dax.target.kind, 'dax');
        assert.equal(direct.total.errors, 0, JSON.stringify(direct.total.errorNames));
        assert.equal(dax.total.errors, 0, JSON.stringify(dax.total.errorNames));
        assert.deepEqual(outcomeKinds(dax), outcomeKinds(direct));
        const all = new Set(Object.values(outcomeKinds(dax)).flat());
        assert.deepEqual([...all].sort(), s.expected);

        const cache = dax.cache;
        assert.ok(cache !== undefined, 'a DAX run reports the cache');
        const get = cache.operations['GetItem'];
        assert.ok(get !== undefined && get.hits + get.misses > 0);
        assert.equal((get.hitRequests ?? 0) + (get.missRequests ?? 0), get.hits + get.misses, 'every GetItem was timed as a hit or a miss');
        assert.ok((get.missRequests ?? 0) > 0 && (get.missLatencyUs?.p50 ?? 0) > 0);
        assert.equal(direct.cache, undefined);
      });
    }
  });
});
