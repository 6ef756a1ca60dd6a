// A run interrupted at a random moment (seeded, so every CI run tries the same moments) always
// leaves a readable summary.json marked complete: false and a complete report.html, exits 130,
// and leaves no temporary file: whether the signal lands just after the table is created, at
// the first operations, or deep in the load. The moment is measured from the `created table`
// line (much earlier, node may still be loading ddbench, and no handler exists yet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCli } from '../support/cli.js';
import { seededRandom } from '../support/fake-faults.js';
import { FAULTS_SCENARIO, readOutputs, tempDir, withFake } from './faults-support.js';

const random = seededRandom(20240601);
/** the load lasts 3 s from just after that line: every moment below 2.5 s falls inside the run */
const MOMENTS_MS = [0, 1, 2, 3, 4].map(() => Math.floor(random() * 2500));

test('a run interrupted at a random moment always leaves a readable, incomplete summary and report', { timeout: 150_000 }, async (t) => {
  for (const [i, delayMs] of MOMENTS_MS.entries()) {
    const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
    t.diagnostic(`${signal} ${delayMs} ms after the table was created`);
    const out = tempDir('interrupt');
    try {
      await withFake(['--latency-ms', '1-10'], async (endpoint) => {
        const run = startCli(['run', FAULTS_SCENARIO, '--target', endpoint.url, '--duration', '3s', '--driver', i % 2 === 0 ? 'sdk' : 'http', '--out', out.dir], { timeoutMs: 30_000 });
        await run.waitFor(/created table/, 20_000);
        await new Promise((r) => setTimeout(r, delayMs));
        run.child.kill(signal);
        const res = await run.result;
        assert.equal(res.code, 130, `${signal} at ${delayMs} ms:\n${res.stderr}`);
        const { summary, report } = readOutputs(res, out.dir);
        assert.equal(summary.complete, false, `${signal} at ${delayMs} ms`);
        assert.match(summary.stopReason ?? '', signal === 'SIGINT' ? /interrupted/ : /terminated/);
        assert.match(report, /Incomplete run/);
        assert.ok(summary.total.count <= 60, 'nothing after the signal was sent');
      });
    } finally {
      out.remove();
    }
  }
});
