// The load lane's deadlines on a fake clock: an operation the client never settles is abandoned
// as a timeout and frees its slot, and a lane ends by its planned end + drain (or a stop + grace)
// whatever its driver does. Every number follows from the plan and the fake latencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLane, STOP_GRACE_MS } from '../../src/engine/lane.js';
import { ABANDONED_ERROR, operationDeadlineMs, withDeadline } from '../../src/engine/deadline.js';
import { RunControl } from '../../src/engine/run-state.js';
import { createWorkload } from '../../src/workload/index.js';
import type { Driver, OpResult, PhaseSpec, Sample, Scenario } from '../../src/types.js';
import { gamingScenario } from './workload-fixture.js';
import { FakeTime } from '../support/fake-time.js';

const OK: OpResult = { kind: 'ok', attempts: 1, retryDelayMs: 0, consumedRcu: 0, consumedWcu: 0, throttledAttempts: 0 };

/** A driver whose operations answer after `latencyUs`, or never (null): as the DAX client when its node dies. */
function fakeDriver(time: FakeTime, latencyUs: number | null): Driver & { closed: boolean } {
  return {
    name: 'fake',
    closed: false,
    execute: () => (latencyUs === null ? new Promise<OpResult>(() => undefined) : time.delay(latencyUs, OK)),
    close() {
      this.closed = true;
      return Promise.resolve();
    },
  };
}

function scenario(over: Partial<Scenario> & { phases: PhaseSpec[] }): Scenario {
  return { ...gamingScenario(), concurrency: 4, ...over };
}

async function lane(time: FakeTime, s: Scenario, driver: Driver, extra: { drainMs?: number; deadlineMs?: number; control?: RunControl } = {}) {
  const samples: Sample[] = [];
  const result = await time.run(
    runLane({
      scenario: s,
      index: 0,
      count: 1,
      workload: createWorkload(s, { seed: 1 }),
      driver,
      clock: time,
      timers: time,
      drainMs: extra.drainMs ?? 1000,
      ...(extra.deadlineMs !== undefined ? { deadlineMs: extra.deadlineMs } : {}),
      control: extra.control ?? new RunControl(),
      onSample: (x) => samples.push(x),
      onCrash: () => assert.fail('no crash expected'),
    }),
  );
  return { ...result, samples };
}

test('the default operation deadline covers every attempt, the backoff between them and 1 s', () => {
  assert.equal(operationDeadlineMs(5000, 3), 15_000 + 1000 + 2000 + 1000);
  assert.equal(operationDeadlineMs(2000, 1), 3000);
});

test('an operation with no answer by its deadline resolves as an abandoned timeout; a late answer is ignored', async () => {
  const time = new FakeTime();
  let answer: (r: OpResult) => void = () => undefined;
  const inner: Driver = { name: 'fake', execute: () => new Promise((resolve) => (answer = resolve)), close: () => Promise.resolve() };
  const driver = withDeadline(inner, 300, time, time);
  const result = await time.run(driver.execute({ op: 'get', type: 'GetItem', input: {} }));
  assert.equal(result.kind, 'timeout');
  assert.equal(result.errorName, ABANDONED_ERROR);
  assert.equal(time.nowUs(), 300_000);
  assert.equal(driver.abandonedOps, 1);
  answer(OK);
  assert.equal(driver.abandonedOps, 1);
});

test('operations that answer in time pass through untouched and abandon nothing', async () => {
  const time = new FakeTime();
  const driver = withDeadline(fakeDriver(time, 1_000), 300, time, time);
  const results = await time.run(Promise.all(Array.from({ length: 5 }, () => driver.execute({ op: 'get', type: 'GetItem', input: {} }))));
  assert.deepEqual(results.map((r) => r.kind), ['ok', 'ok', 'ok', 'ok', 'ok']);
  assert.equal(driver.abandonedOps, 0);
  await time.run(driver.close());
});

test('open loop, a target that never answers: every operation sent is abandoned at its deadline and frees its slot', async () => {
  const time = new FakeTime();
  // 100 ops/s for 1 s, 4 slots, 300 ms deadline: each slot sends, is stuck 300 ms, sends again
  const s = scenario({ mode: 'open', phases: [{ name: 'p', durationMs: 1000, rateOpsPerSec: 100, warmup: false }] });
  const driver = fakeDriver(time, null);
  const { stats, samples } = await lane(time, s, driver, { deadlineMs: 300, drainMs: 1000 });
  assert.ok(samples.length > 4, 'slots were freed and reused');
  assert.ok(samples.every((x) => x.result.kind === 'timeout' && x.result.errorName === ABANDONED_ERROR));
  // abandoned at the deadline, or at the drain deadline (1 s + 1 s + 10 ms) if that comes first
  for (const x of samples) assert.equal(x.endUs - x.sentUs, Math.min(300_000, 2_010_000 - x.sentUs));
  assert.equal(stats.abandonedOps, samples.length);
  assert.equal(stats.completedOps + stats.droppedOps, 100, 'every planned operation was sent and abandoned, or dropped at the drain deadline');
  assert.ok(time.nowUs() <= 1_000_000 + 1_000_000 + 300_000 + 20_000, `ended at ${time.nowUs()} us`);
  assert.ok(driver.closed);
});

test('open loop: what is still in flight at the drain deadline is abandoned there, long before its own deadline', async () => {
  const time = new FakeTime();
  const s = scenario({ mode: 'open', phases: [{ name: 'p', durationMs: 500, rateOpsPerSec: 20, warmup: false }] });
  const { stats, samples } = await lane(time, s, fakeDriver(time, null), { deadlineMs: 60_000, drainMs: 200 });
  // 4 slots taken at 0, 50, 100, 150 ms and never freed by the target: the other 6 are dropped
  assert.equal(samples.length, 4);
  assert.equal(stats.abandonedOps, 4);
  assert.equal(stats.droppedOps, 6);
  // the last arrival's phase ends at 500 ms, plus 200 ms of drain and the 10 ms margin after the loop's own check
  assert.equal(time.nowUs(), 710_000);
});

test('a stop: nothing more is sent and what is in flight is abandoned after the grace period', async () => {
  const time = new FakeTime();
  const control = new RunControl();
  const s = scenario({ mode: 'open', phases: [{ name: 'p', durationMs: 60_000, rateOpsPerSec: 10, warmup: false }] });
  void time.delay(250_000, null).then(() => control.stop('interrupted', 'test'));
  const { stats, samples } = await lane(time, s, fakeDriver(time, null), { control });
  // sent at 0, 100 and 200 ms; stopped at 250 ms; abandoned STOP_GRACE_MS later
  assert.equal(samples.length, 3);
  assert.equal(stats.abandonedOps, 3);
  assert.equal(time.nowUs(), 250_000 + STOP_GRACE_MS * 1000);
});

test('closed loop, a target that never answers: workers are freed at the deadline and the lane ends with its phase', async () => {
  const time = new FakeTime();
  const s = scenario({ mode: 'closed', concurrency: 2, phases: [{ name: 'p', durationMs: 1000, warmup: false }] });
  const { stats, samples } = await lane(time, s, fakeDriver(time, null), { deadlineMs: 400 });
  // each of 2 workers: sends at 0, 400 and 800 ms, each abandoned 400 ms later; the last comes back at 1.2 s
  assert.equal(samples.length, 6);
  assert.equal(stats.abandonedOps, 6);
  assert.equal(time.nowUs(), 1_200_000);
});
