// The open- and closed-loop schedulers on a fake clock with fake timers: every number below
// follows from the plan and the fake latencies, none is measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runOpenLoop } from '../../src/scheduler/open-loop.js';
import { runClosedLoop } from '../../src/scheduler/closed-loop.js';
import { planPhases } from '../../src/scheduler/arrivals.js';
import type { LoadHooks } from '../../src/scheduler/load.js';
import type { OpResult, PhaseSpec, Request, Sample } from '../../src/types.js';
import { FakeTime } from '../support/fake-time.js';

const OK: OpResult = { kind: 'ok', attempts: 1, retryDelayMs: 0, consumedRcu: 0, consumedWcu: 0, throttledAttempts: 0 };
const REQUEST: Request = { op: 'get', type: 'GetItem', input: {} };
const phase = (over: Partial<PhaseSpec>): PhaseSpec => ({ name: 'p', durationMs: 1000, rateOpsPerSec: 100, warmup: false, ...over });

/** Hooks whose every operation takes `latencyUs` of fake time; the samples they record. */
function fakeTarget(time: FakeTime, latencyUs: number): { hooks: LoadHooks; samples: Sample[] } {
  const samples: Sample[] = [];
  return { samples, hooks: { next: () => REQUEST, execute: () => time.delay(latencyUs, OK), onSample: (s) => samples.push(s) } };
}

const open = (time: FakeTime, phases: PhaseSpec[], over: { concurrency?: number; drainMs?: number; shouldStop?: () => boolean } = {}) => ({
  phases: planPhases(phases),
  concurrency: over.concurrency ?? 10,
  clock: time,
  timers: time,
  drainMs: over.drainMs ?? 10_000,
  shouldStop: over.shouldStop ?? (() => false),
});

test('open loop: each operation is sent at its intended start when a slot is free', async () => {
  const time = new FakeTime();
  const { hooks, samples } = fakeTarget(time, 2_000);
  const stats = await time.run(runOpenLoop(open(time, [phase({ rateOpsPerSec: 100 })]), hooks));
  assert.equal(samples.length, 100);
  samples.forEach((s, i) => {
    assert.equal(s.intendedStartUs, i * 10_000);
    assert.equal(s.sentUs, s.intendedStartUs);
    assert.equal(s.endUs - s.sentUs, 2_000);
  });
  assert.deepEqual([stats.completedOps, stats.queuedOps, stats.maxQueueDepth, stats.droppedOps], [100, 0, 0, 0]);
});

test('open loop: a ramp and a second phase keep their intended starts, and each phase is announced', async () => {
  const time = new FakeTime();
  const { hooks, samples } = fakeTarget(time, 1_000);
  const phases = [phase({ durationMs: 1000, rateOpsPerSec: 10, rampToOpsPerSec: 30 }), phase({ durationMs: 500, rateOpsPerSec: 40 })];
  const started: [number, number][] = [];
  await time.run(runOpenLoop({ ...open(time, phases), onPhase: (i, nowUs) => started.push([i, nowUs]) }, hooks));
  const [ramp, flat] = planPhases(phases);
  assert.equal(samples.filter((s) => s.phaseIndex === 0).length, 20);
  assert.equal(samples.filter((s) => s.phaseIndex === 1).length, 20);
  assert.deepEqual(started.map(([i]) => i), [0, 1]);
  // the next phase is announced once the previous one has sent its last arrival, before its own first
  const firstOfFlat = samples.find((s) => s.phaseIndex === 1)!;
  assert.ok(started[1]![1] <= firstOfFlat.sentUs && started[1]![1] >= samples.filter((s) => s.phaseIndex === 0).at(-1)!.sentUs);
  assert.equal(firstOfFlat.intendedStartUs, flat!.startUs);
  assert.equal(ramp!.endUs, flat!.startUs);
  // the ramp's arrivals get denser: its last gap is shorter than its first
  const rampSends = samples.filter((s) => s.phaseIndex === 0).map((s) => s.intendedStartUs);
  assert.ok(rampSends[1]! - rampSends[0]! > rampSends[19]! - rampSends[18]!);
  for (const s of samples) assert.equal(s.sentUs, s.intendedStartUs);
});

test('open loop: with every slot busy, due operations queue and their wait counts in latency', async () => {
  const time = new FakeTime();
  // 1000 ops/s due, but 2 slots x 10 ms = 200 ops/s of capacity: the schedule falls behind
  const { hooks, samples } = fakeTarget(time, 10_000);
  const stats = await time.run(runOpenLoop(open(time, [phase({ durationMs: 100, rateOpsPerSec: 1000 })], { concurrency: 2 }), hooks));
  assert.equal(samples.length, 100);
  assert.equal(stats.droppedOps, 0);
  assert.equal(stats.completedOps, 100);
  // the first two find a free slot; nearly every other one waited for a slot
  assert.ok(stats.queuedOps >= 90 && stats.queuedOps <= 98, `queued ${stats.queuedOps}`);
  // the backlog peaks when the last arrival is due (99 ms): 100 due, about 2 x 10 done or in flight
  assert.ok(stats.maxQueueDepth >= 70 && stats.maxQueueDepth <= 100, `max queue ${stats.maxQueueDepth}`);
  for (const s of samples) assert.equal(s.endUs - s.sentUs, 10_000, 'service time is the target latency alone');
  // 50 operations per slot of 10 ms each: the second slot started at 1 ms and ends at 501 ms; the
  // last operation was due at 99 ms, so 392 ms of its latency is the wait for a slot
  const last = samples[samples.length - 1]!;
  assert.equal(last.intendedStartUs, 99_000);
  assert.equal(last.endUs, 501_000);
  assert.equal(last.sentUs - last.intendedStartUs, 392_000);
});

test('open loop: operations still queued at the drain deadline are dropped, not sent', async () => {
  const time = new FakeTime();
  // 1 slot, 100 ms per operation, 100 due in 100 ms, 200 ms of drain: sends at 0, 100, 200 and 300 ms
  const { hooks, samples } = fakeTarget(time, 100_000);
  const stats = await time.run(runOpenLoop(open(time, [phase({ durationMs: 100, rateOpsPerSec: 1000 })], { concurrency: 1, drainMs: 200 }), hooks));
  assert.deepEqual(samples.map((s) => s.sentUs), [0, 100_000, 200_000, 300_000]);
  assert.equal(stats.completedOps, 4);
  assert.equal(stats.droppedOps, 96);
  assert.equal(stats.completedOps + stats.droppedOps, 100, 'every planned operation is either sent or dropped');
  assert.equal(time.nowUs(), 400_000, 'the loop ends when the last one sent comes back');
});

test('open loop: a stop request sends nothing more and waits for what is in flight', async () => {
  const time = new FakeTime();
  const { hooks, samples } = fakeTarget(time, 5_000);
  const stats = await time.run(runOpenLoop(open(time, [phase({ rateOpsPerSec: 100 })], { shouldStop: () => time.nowUs() >= 250_000 }), hooks));
  assert.equal(samples.length, 25);
  assert.equal(stats.completedOps, 25);
  assert.equal(samples[24]!.intendedStartUs, 240_000);
});

test('closed loop: each worker sends, waits for the answer, thinks, and sends again until the phase ends', async () => {
  const time = new FakeTime();
  const { hooks, samples } = fakeTarget(time, 5_000);
  const phases = [phase({ durationMs: 100, rateOpsPerSec: undefined, workers: 2, thinkTimeMs: 5 })];
  const stats = await time.run(runClosedLoop({ phases, defaultWorkers: 8, clock: time, timers: time, shouldStop: () => false }, hooks));
  // a 10 ms cycle per worker (5 ms answer + 5 ms think) over 100 ms: 10 each
  assert.equal(samples.length, 20);
  assert.equal(stats.completedOps, 20);
  const sends = samples.map((s) => s.sentUs).sort((a, b) => a - b);
  assert.deepEqual(sends, Array.from({ length: 10 }, (_, i) => [i * 10_000, i * 10_000]).flat());
  for (const s of samples) {
    assert.equal(s.intendedStartUs, s.sentUs, 'closed loop has no intended start apart from the send');
    assert.equal(s.endUs - s.sentUs, 5_000);
  }
});

test('closed loop: without think time and per-phase workers, the scenario concurrency sets the workers', async () => {
  const time = new FakeTime();
  const { hooks, samples } = fakeTarget(time, 20_000);
  const phases = [phase({ durationMs: 100, rateOpsPerSec: undefined }), phase({ durationMs: 40, rateOpsPerSec: undefined, workers: 1 })];
  await time.run(runClosedLoop({ phases, defaultWorkers: 3, clock: time, timers: time, shouldStop: () => false }, hooks));
  // phase 0: 3 workers x 5 cycles of 20 ms; phase 1 starts when the last answer is back and runs 1 worker x 2 cycles
  assert.equal(samples.filter((s) => s.phaseIndex === 0).length, 15);
  assert.equal(samples.filter((s) => s.phaseIndex === 1).length, 2);
});
