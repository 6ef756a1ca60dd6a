// DAX in the fault matrix: the local DAX server dies, stalls, answers slowly or resets its
// connections, alone (`--target dax-local`) or as one node of a two-node cluster. Each run must
// finish within its bound, count its failures under the kinds they are, write summary.json,
// report.html and latency.hlog, exit with the right code, keep the DAX client's own logging off
// the terminal (a few "printed:" lines, no stack trace) and leave no process or port behind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OutcomeKind } from '../../src/types.js';
import type { Summary } from '../../src/summary/model.js';
import { assertEndpointsGone, startCli, type CliResult } from '../support/cli.js';
import { startScript, type TestEndpoint } from '../support/endpoints.js';
import { FAULTS_SCENARIO, readOutputs, tempDir } from './faults-support.js';
import { daxServerPid, daxUrl, ENDPOINT_CHILD, startDaxCluster, startDaxNode, stopAll } from './faults-dax-support.js';

/** What a dead or frozen DAX node shows as: the connection refused or reset, or no answer in time. */
const NODE_DOWN_KINDS: readonly string[] = ['ok', 'connection', 'timeout'] satisfies OutcomeKind[];

/**
 * The exit a failing DAX run may have: 1 (the errors gate failed) or 3 when no operation
 * succeeded for 10 s and the default `unreachable for 10s` rule ended it as a target fault.
 */
function assertFailedExit(res: CliResult, summary: Summary): void {
  const unreachable = /unreachable/.test(summary.stopReason ?? '');
  assert.equal(res.code, unreachable ? 3 : 1, `exit 1, or 3 when the unreachable rule ended it:\n${res.stderr}`);
}

function outcomeKinds(summary: Summary): string[] {
  return Object.entries(summary.total.outcomes)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([k]) => k)
    .sort();
}

/** What a run on DAX always shows: it finished by itself, wrote its files, kept library output quiet. */
function assertFinished(res: CliResult, dir: string): Summary {
  assert.equal(res.signal, null, `the run did not finish within its bound:\n${res.stderr}`);
  const { summary } = readOutputs(res, dir);
  assert.equal(summary.driver, 'dax');
  assert.ok(summary.total.count > 0);
  assert.doesNotMatch(res.stderr, /^\s+at /m, `no stack trace on stderr:\n${res.stderr}`);
  const printed = res.stderr.split('\n').filter((l) => l.includes(' printed: '));
  assert.ok(printed.length <= 8, `at most a few lines of library output:\n${printed.join('\n')}`);
  return summary;
}

/**
 * `ddbench run` of the fault scenario; once its load has run `afterMs`, `act` gets what it
 * printed so far (to find a pid in). Resolves when the run ends.
 */
async function runActing(args: string[], dir: string, afterMs: number, act: (stderr: string) => void): Promise<CliResult> {
  const run = startCli(['run', FAULTS_SCENARIO, '--duration', '4s', '--out', dir, ...args], { timeoutMs: 150_000 });
  let stderr = '';
  run.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  // a run that ends before its load starts fails here at once, with what it printed
  const early = await Promise.race([run.waitFor(/load: /, 120_000).then(() => undefined), run.result]);
  assert.equal(early, undefined, `the run ended before its load started:\n${early?.stderr ?? ''}`);
  await new Promise((r) => setTimeout(r, afterMs));
  act(stderr);
  return run.result;
}

function daxPidOf(stderr: string): number {
  const d = daxServerPid(stderr);
  assert.ok(d, `the run printed the DAX server's pid:\n${stderr}`);
  return d.pid;
}

describe('DAX fault matrix', { concurrency: 1, timeout: 600_000 }, () => {
  test('the local DAX server killed mid-run: connection or timeout errors counted, the run finishes, exit 1 (3 once unreachable), nothing left', { timeout: 180_000 }, async () => {
    const out = tempDir('dax-kill');
    try {
      const res = await runActing(['--target', 'dax-local'], out.dir, 1500, (stderr) => process.kill(daxPidOf(stderr), 'SIGKILL'));
      const summary = assertFinished(res, out.dir);
      assertFailedExit(res, summary);
      assert.ok((summary.total.outcomes.ok ?? 0) > 0, 'operations before the kill succeeded');
      assert.ok(summary.total.errors > 0, 'operations after the kill failed');
      assert.ok(outcomeKinds(summary).every((k) => NODE_DOWN_KINDS.includes(k)), `only connection and timeout failures: ${outcomeKinds(summary)}`);
      await assertEndpointsGone(res);
    } finally {
      out.remove();
    }
  });

  test('the local DAX server stalled mid-run (SIGSTOP): timeouts counted, the run finishes, exit 1 (3 once unreachable), the frozen server is stopped too', { timeout: 180_000 }, async () => {
    const out = tempDir('dax-stall');
    try {
      const res = await runActing(['--target', 'dax-local'], out.dir, 1500, (stderr) => process.kill(daxPidOf(stderr), 'SIGSTOP'));
      const summary = assertFinished(res, out.dir);
      assertFailedExit(res, summary);
      assert.ok((summary.total.outcomes.ok ?? 0) > 0, 'operations before the stall succeeded');
      assert.ok((summary.total.outcomes.timeout ?? 0) > 0, `operations sent to the frozen node timed out: ${JSON.stringify(summary.total.outcomes)}`);
      assert.ok(outcomeKinds(summary).every((k) => NODE_DOWN_KINDS.includes(k)), `only timeout and connection failures: ${outcomeKinds(summary)}`);
      await assertEndpointsGone(res);
    } finally {
      out.remove();
    }
  });

  describe('against DAX nodes this test starts', () => {
    let dynamo: TestEndpoint;
    const started: TestEndpoint[] = [];
    before(async () => {
      dynamo = await startScript(ENDPOINT_CHILD, ['dynamodb-local']);
    });
    after(async () => {
      await stopAll([...started, ...(dynamo ? [dynamo] : [])]);
    });

    const target = (node: TestEndpoint) => ['--target', daxUrl(node), '--dynamodb-endpoint', dynamo.url];

    test('two nodes, the leader (the seed) killed mid-run: the client fails over to the replica, reads and writes succeed to the end', { timeout: 120_000 }, async () => {
      const { leader, replica } = await startDaxCluster(dynamo.url);
      started.push(leader, replica);
      const out = tempDir('dax-failover');
      try {
        const res = await runActing(target(leader), out.dir, 1000, () => process.kill(leader.child.pid!, 'SIGKILL'));
        const summary = assertFinished(res, out.dir);
        // a request in flight on the leader when it died may fail: exit 1 then, 0 when none was
        assert.ok(res.code === 0 || res.code === 1, `exit 0 or 1: ${res.code}\n${res.stderr}`);
        assert.ok(outcomeKinds(summary).every((k) => NODE_DOWN_KINDS.includes(k)), `only connection and timeout failures: ${outcomeKinds(summary)}`);
        // the leader died about 1 s into the 4 s load: seconds 2 and 3 are after it (later
        // intervals hold only the drain: operations the dead node never answered, abandoned)
        const afterKill = summary.intervals.filter((i) => i.startSec >= 2 && i.startSec < 4);
        for (const op of ['get', 'put']) {
          const succeeded = afterKill.reduce((n, i) => n + (i.operations[op]?.count ?? 0) - (i.operations[op]?.errors ?? 0), 0);
          assert.ok(succeeded > 0, `${op}: successes after the leader died: ${JSON.stringify(afterKill.map((i) => [i.startSec, i.operations]))}`);
        }
      } finally {
        out.remove();
        await stopAll([leader, replica]);
      }
    });

    test('a node that answers slowly (5 to 30 ms added): no error, the delay shows in the service time, exit 0', { timeout: 120_000 }, async () => {
      const node = await startDaxNode(dynamo.url, ['--fault', 'delay:5-30']);
      started.push(node);
      const out = tempDir('dax-slow');
      try {
        const res = await runActing(target(node), out.dir, 0, () => undefined);
        const summary = assertFinished(res, out.dir);
        assert.equal(res.code, 0, res.stderr);
        assert.deepEqual(outcomeKinds(summary), ['ok']);
        assert.ok(summary.total.serviceTimeUs.p50 >= 5000, `the added latency shows in the service time: ${summary.total.serviceTimeUs.p50} us`);
      } finally {
        out.remove();
        await stopAll([node]);
      }
    });

    test('a node that resets every connection: connection errors counted, exit 1 (3 once unreachable)', { timeout: 120_000 }, async () => {
      const node = await startDaxNode(dynamo.url, ['--fault', 'reset', '--fault-after-ms', '0']);
      started.push(node);
      const out = tempDir('dax-reset');
      try {
        const res = await runActing(target(node), out.dir, 0, () => undefined);
        const summary = assertFinished(res, out.dir);
        assertFailedExit(res, summary);
        assert.ok((summary.total.outcomes.connection ?? 0) > 0, `reset connections count as connection errors: ${JSON.stringify(summary.total.outcomes)}`);
        assert.ok(outcomeKinds(summary).every((k) => NODE_DOWN_KINDS.includes(k)), `only connection and timeout failures: ${outcomeKinds(summary)}`);
      } finally {
        out.remove();
        await stopAll([node]);
      }
    });
  });
});
