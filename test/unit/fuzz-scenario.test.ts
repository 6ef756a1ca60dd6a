// Fuzzed scenario files: thousands of mutations of real scenarios (fuzz-scenario-cases.ts) fed to
// the validator in-process. Each must end in either a valid plan (which then builds requests) or
// a list of problems that each have a path and a message: never an exception, never a hang. The
// cases run in a worker thread and each is bounded: a case that takes longer than CASE_LIMIT_MS
// is stopped and reported with its text. The seed is fixed, so every run checks the same cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import type { FuzzInput, FuzzMessage } from './fuzz-scenario-worker.js';

const CASE_LIMIT_MS = 10_000;
const RUNS = 2500;

test(`${RUNS} mutated scenario files each end in a valid plan or problems with a path and a message, never a throw or a hang`, { timeout: 240_000 }, async (t) => {
  const worker = new Worker(new URL('./fuzz-scenario-worker.js', import.meta.url), { workerData: { seed: 6_2026, numRuns: RUNS } satisfies FuzzInput });
  let last: { index: number; text: string } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await new Promise<FuzzMessage>((resolve) => {
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        resolve({ type: 'failed', message: `case ${last?.index ?? '?'} ran for over ${CASE_LIMIT_MS} ms:\n${last?.text ?? '(before the first case)'}` });
      }, CASE_LIMIT_MS);
    };
    arm();
    worker.on('message', (m: FuzzMessage) => {
      if (m.type === 'case') {
        last = m;
        arm();
      } else resolve(m);
    });
    worker.on('error', (e) => resolve({ type: 'failed', message: e.stack ?? e.message }));
    worker.on('exit', () => resolve({ type: 'failed', message: `the worker exited; last case:\n${last?.text ?? ''}` }));
  });
  clearTimeout(timer);
  await worker.terminate();
  if (outcome.type === 'failed') assert.fail(outcome.message);
  assert.equal(outcome.type, 'done');
  if (outcome.type === 'done') {
    t.diagnostic(`${outcome.runs} cases: ${outcome.ok} valid plans, ${outcome.invalid} refused with ${outcome.problems} problems`);
    assert.equal(outcome.runs, RUNS);
    assert.ok(outcome.ok > 0 && outcome.invalid > 0, 'the cases cover both outcomes');
  }
});
