// A target that stops answering ends the run by itself: `unreachable for 10s` is on by default.
// Two ways a target goes away after the table is set up: it hangs (every data operation times
// out), or it dies (connections refused). Either way the run stops about 10 s after the last
// success, long before the 60 s it planned, says why and what to do, writes everything it
// measured and exits 3 (a runtime fault of the target, not a failed gate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutputs, runAgainst, tempDir, withFake } from './faults-support.js';

const CASES = [
  { name: 'never answers', fake: ['--fault', 'hang'] },
  { name: 'refuses connections after setup', fake: ['--die-after-ms', '0', '--die-for-ms', '600000'] },
];

for (const c of CASES) {
  test(`a target that ${c.name} stops a 60 s run by the default unreachable rule, exit 3, everything written`, { timeout: 120_000 }, async () => {
    const out = tempDir('unreachable-default');
    try {
      await withFake(c.fake, async (endpoint) => {
        // the hard bound (the run is killed past it) is far below the 60 s planned and far above the ~10 s + stop it takes
        const res = await runAgainst(endpoint, out.dir, ['--duration', '60s'], { timeoutMs: 45_000 });
        assert.equal(res.signal, null, `stopped by the default rule, not killed:\n${res.stderr}`);
        assert.equal(res.code, 3, res.stderr);
        assert.match(res.stderr, /aborted: unreachable for 10s \(no successful response from \d+s to \d+s/);
        assert.match(res.stderr, /no operation succeeded for 10s: the target is unreachable or stuck .* This rule is on by default: add "unreachable for off"/);
        const { summary } = readOutputs(res, out.dir);
        assert.equal(summary.complete, false);
        assert.equal(summary.pass, false);
        assert.match(summary.stopReason ?? '', /^aborted: unreachable for 10s/);
        const window = /from (\d+)s to (\d+)s/.exec(summary.stopReason ?? '')!;
        assert.equal(Number(window[2]) - Number(window[1]), 10, 'the window is 10 s of load time');
        assert.ok(summary.durationMs < 30_000, `the load ended early (${summary.durationMs} ms of 60 s)`);
        // the dying target may answer the first request or two before it goes
        const failed = summary.total.count - (summary.total.outcomes.ok ?? 0);
        assert.ok(failed > 0 && (summary.total.outcomes.ok ?? 0) <= 2, JSON.stringify(summary.total.outcomes));
        console.log(`${c.name}: load ran ${summary.durationMs} ms; ${summary.stopReason}`);
      });
    } finally {
      out.remove();
    }
  });
}

test('"unreachable for off" keeps a run going against a target that never answers', { timeout: 120_000 }, async () => {
  const out = tempDir('unreachable-off');
  try {
    await withFake(['--fault', 'hang'], async (endpoint) => {
      const res = await runAgainst(endpoint, out.dir, ['--duration', '14s', '--abort', 'unreachable for off'], { timeoutMs: 60_000 });
      assert.equal(res.code, 1, `ran out its plan and failed its error gate:\n${res.stderr}`);
      const { summary } = readOutputs(res, out.dir);
      assert.equal(summary.complete, true);
      assert.equal(summary.stopReason, undefined);
    });
  } finally {
    out.remove();
  }
});
