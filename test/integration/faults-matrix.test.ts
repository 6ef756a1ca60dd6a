// The fault matrix: every fault the fake endpoint can inject, against each driver, through the
// real CLI. Each run must finish within its bound, count every failure under the kind it is
// (throttled, timeout, connection, server, malformed), show the retries and their delay where
// the fault is retryable, write summary.json, report.html and latency.hlog, exit with the right
// code (1: the scenario's `errors < 1%` gate fails; 0 when nothing failed) and leave no process
// or port behind. Two runs go at a time (one per driver), each against its own endpoint.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OutcomeKind } from '../../src/types.js';
import { assertEndpointsGone } from '../support/cli.js';
import { readOutputs, runAgainst, tempDir, withFake } from './faults-support.js';

interface FaultCase {
  name: string;
  /** fake-dynamodb flags */
  fake: string[];
  /** the outcome every failed operation must have */
  kind: OutcomeKind;
  errorName: string;
  /** retried by both drivers' standard policy */
  retryable: boolean;
  /** some operations succeed too (the fault covers part of the run) */
  recovers?: boolean;
  exitCode: number;
}

const CASES: FaultCase[] = [
  { name: '400 ProvisionedThroughputExceededException', fake: ['--fault', 'throttle'], kind: 'throttled', errorName: 'ProvisionedThroughputExceededException', retryable: true, exitCode: 1 },
  { name: '400 ThrottlingException', fake: ['--fault', 'throttle-te'], kind: 'throttled', errorName: 'ThrottlingException', retryable: true, exitCode: 1 },
  { name: '500 InternalServerError', fake: ['--fault', '500'], kind: 'server', errorName: 'InternalServerError', retryable: true, exitCode: 1 },
  { name: '503 ServiceUnavailable', fake: ['--fault', '503'], kind: 'server', errorName: 'ServiceUnavailableException', retryable: true, exitCode: 1 },
  { name: 'connection reset before the answer', fake: ['--fault', 'reset'], kind: 'connection', errorName: 'ECONNRESET', retryable: true, exitCode: 1 },
  { name: 'connection closed mid-response', fake: ['--fault', 'half'], kind: 'connection', errorName: 'ECONNRESET', retryable: true, exitCode: 1 },
  { name: 'malformed JSON with a 200', fake: ['--fault', 'malformed'], kind: 'malformed', errorName: 'SyntaxError', retryable: false, exitCode: 1 },
  { name: 'an HTML page with text/html', fake: ['--fault', 'content-type'], kind: 'malformed', errorName: 'SyntaxError', retryable: false, exitCode: 1 },
  { name: 'no answer at all', fake: ['--fault', 'hang'], kind: 'timeout', errorName: 'TimeoutError', retryable: true, exitCode: 1 },
  { name: 'an endpoint that dies for 1 s and comes back', fake: ['--die-after-ms', '500', '--die-for-ms', '1000'], kind: 'connection', errorName: 'ECONNREFUSED', retryable: true, recovers: true, exitCode: 1 },
  { name: '503 from the second second on', fake: ['--fault', '503', '--fault-after-ms', '1000'], kind: 'server', errorName: 'ServiceUnavailableException', retryable: true, recovers: true, exitCode: 1 },
  { name: 'added latency of 5 to 30 ms', fake: ['--latency-ms', '5-30'], kind: 'ok', errorName: '', retryable: false, exitCode: 0 },
];

describe('fault matrix', { concurrency: 2 }, () => {
  for (const c of CASES) {
    for (const driver of ['sdk', 'http'] as const) {
      test(`${c.name} (--driver ${driver}): ${c.kind === 'ok' ? 'no error' : `counted as ${c.kind}`}, exit ${c.exitCode}, every file written, nothing left`, { timeout: 90_000 }, async () => {
        const out = tempDir(`fault-${driver}`);
        try {
          await withFake(c.fake, async (endpoint) => {
            const res = await runAgainst(endpoint, out.dir, ['--driver', driver], { timeoutMs: 60_000 });
            assert.equal(res.signal, null, `the run did not finish within its bound:\n${res.stderr}`);
            assert.equal(res.code, c.exitCode, res.stderr);
            const { summary, hlog, report } = readOutputs(res, out.dir);
            assert.equal(summary.complete, true);
            assert.equal(summary.driver, driver);
            const total = summary.total;
            assert.equal(total.count + summary.generator.droppedOps, 40, 'every planned operation (2 s at 20 ops/s) completed, or was dropped at the end of the drain');
            assert.ok(total.count > 0);
            for (const [name, op] of Object.entries(summary.operations)) {
              assert.ok((op.outcomes[c.kind] ?? 0) > 0, `${name}: no ${c.kind} outcome in ${JSON.stringify(op.outcomes)}`);
              const kinds = Object.keys(op.outcomes).filter((k) => k !== 'ok');
              assert.deepEqual(kinds, c.kind === 'ok' ? [] : [c.kind], `${name}: only ${c.kind} failures: ${JSON.stringify(op.outcomes)}`);
            }
            if (c.kind === 'ok') {
              assert.equal(total.errors, 0);
              assert.ok(total.serviceTimeUs.p50 >= 5000, `the added latency shows in the service time: ${total.serviceTimeUs.p50} us`);
            } else {
              assert.ok(total.errorNames[c.errorName]! > 0, `error name ${c.errorName} in ${JSON.stringify(total.errorNames)}`);
              if (c.recovers) assert.ok((total.outcomes.ok ?? 0) > 0, 'some operations succeeded before or after the fault');
              else assert.equal(total.errors, total.count, 'every operation failed');
              assert.match(hlog, new RegExp(`Tag=get:${c.kind}`), 'the .hlog has the failure tag');
              assert.match(report, /FAIL/);
            }
            if (c.retryable) {
              assert.ok(total.retries > 0, `retries are visible: ${total.retries}`);
              assert.ok(total.retryDelayMs > 0, `their delay is visible: ${total.retryDelayMs}`);
            } else {
              assert.equal(total.retries, 0, 'not retried');
            }
            if (c.kind === 'throttled') assert.ok(total.throttledAttempts >= total.count, `every throttled attempt counted: ${total.throttledAttempts}`);
            await assertEndpointsGone(res, false);
          });
        } finally {
          out.remove();
        }
      });
    }
  }
});
