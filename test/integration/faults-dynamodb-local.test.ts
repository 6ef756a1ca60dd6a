// A real target dying mid-run: DynamoDB Local's java process is SIGKILLed during the load. The
// run keeps measuring (every operation after the kill is a connection error, retried and
// counted), finishes on time, writes its summary and report, fails its error gate (exit 1),
// and leaves no process behind: neither the supervisor nor java.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertEndpointsGone, startCli } from '../support/cli.js';
import { FAULTS_SCENARIO, readOutputs, tempDir } from './faults-support.js';

test('DynamoDB Local killed mid-run: connection errors counted, run finishes, summary written, exit 1, nothing left', { timeout: 180_000 }, async () => {
  const out = tempDir('kill-local');
  try {
    const run = startCli(['run', FAULTS_SCENARIO, '--target', 'dynamodb-local', '--duration', '5s', '--no-calibrate', '--out', out.dir], { timeoutMs: 150_000 });
    let stderr = '';
    run.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await run.waitFor(/load: /, 120_000);
    // `started dynamodb-local on http://127.0.0.1:PORT (pid N, java pid M)`
    const javaPid = /java pid (\d+)/.exec(stderr);
    assert.ok(javaPid, `the run printed the java pid:\n${stderr}`);
    // good load first, so the summary holds both sides of the failure
    await new Promise((r) => setTimeout(r, 2000));
    process.kill(Number(javaPid[1]), 'SIGKILL');
    const res = await run.result;
    assert.equal(res.signal, null, `the run finished by itself:\n${res.stderr}`);
    assert.equal(res.code, 1, res.stderr);
    const { summary, report } = readOutputs(res, out.dir);
    assert.equal(summary.complete, true);
    assert.ok((summary.total.outcomes.ok ?? 0) > 0, 'operations before the kill succeeded');
    assert.ok((summary.total.outcomes.connection ?? 0) > 0, `operations after it are connection errors: ${JSON.stringify(summary.total.outcomes)}`);
    assert.ok(summary.total.retries > 0, 'and were retried');
    assert.equal(summary.gates.find((g) => g.expr === 'errors < 1%')?.pass, false);
    assert.match(report, /FAIL/);
    assert.match(res.stderr, /could not delete table/, 'the table could not be deleted (its endpoint is gone), and the run says so');
    await assertEndpointsGone(res);
  } finally {
    out.remove();
  }
});
