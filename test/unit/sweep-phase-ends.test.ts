// The recorder's per-phase hook a sweep judges its steps with: a phase is handed over once it
// has ended and every operation it planned is recorded, in phase order, exactly once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Recorder } from '../../src/recorder/recorder.js';
import { PhaseEnds } from '../../src/recorder/phase-ends.js';
import type { PhaseSpec } from '../../src/types.js';
import type { PhaseSnapshot } from '../../src/recorder/types.js';
import { sample } from './summary-fixture.js';

const PHASES: PhaseSpec[] = [
  { name: 'step-10', durationMs: 1000, rateOpsPerSec: 10, warmup: false },
  { name: 'step-20', durationMs: 1000, rateOpsPerSec: 20, warmup: false },
  { name: 'step-40', durationMs: 1000, rateOpsPerSec: 40, warmup: false },
];

function recorder(planned: number[] | undefined) {
  const seen: PhaseSnapshot[] = [];
  const rec = new Recorder({ operations: ['get'], phases: PHASES, startEpochMs: 0, onPhaseEnd: (s) => seen.push({ ...s }), ...(planned ? { plannedPhaseCounts: planned } : {}) });
  return { rec, seen };
}

test('a phase is handed over only when the next has started and its last planned operation is back', () => {
  const { rec, seen } = recorder([2, 2, 2]);
  rec.startPhase(0, 0);
  rec.record(sample('get', 0, 0, 1_000));
  rec.record(sample('get', 0, 500_000, 1_000));
  assert.equal(seen.length, 0, 'all in, but the phase has not ended');
  rec.startPhase(1, 1_000_000);
  assert.deepEqual(seen.map((s) => [s.index, s.count, s.plannedCount]), [[0, 2, 2]]);
  assert.equal(seen[0]!.actualDurationMs, 1000);

  rec.record(sample('get', 1, 1_000_000, 1_000));
  rec.startPhase(2, 2_000_000);
  assert.equal(seen.length, 1, 'phase 1 still has an operation in flight');
  // the slow straggler arrives during phase 2: now phase 1 is judged, with it
  rec.record(sample('get', 1, 1_500_000, 900_000));
  assert.deepEqual(seen.map((s) => s.index), [0, 1]);
  assert.equal(seen[1]!.latency.get!.maxValue >= 900_000, true);
});

test('when the load finishes, every phase that started is handed over, complete or cut short; phases never reached are not', () => {
  const { rec, seen } = recorder([2, 2, 2]);
  rec.startPhase(0, 0);
  rec.record(sample('get', 0, 0, 1_000));
  rec.startPhase(1, 1_000_000);
  rec.record(sample('get', 1, 1_000_000, 1_000));
  rec.finish(1_200_000);
  assert.deepEqual(seen.map((s) => [s.index, s.count]), [[0, 1], [1, 1]]);
  assert.equal(seen[1]!.actualDurationMs, 200);
});

test('a phase whose operations never all come back is handed over a whole phase later, not never', () => {
  const { rec, seen } = recorder([5, 1, 1]);
  rec.startPhase(0, 0);
  rec.record(sample('get', 0, 0, 1_000));
  rec.startPhase(1, 1_000_000);
  assert.equal(seen.length, 0);
  rec.startPhase(2, 2_000_000);
  assert.deepEqual(seen.map((s) => [s.index, s.count]), [[0, 1]]);
});

test('without planned counts (closed loop) a phase is handed over as soon as the next starts', () => {
  const { rec, seen } = recorder(undefined);
  rec.startPhase(0, 0);
  rec.startPhase(1, 1_000_000);
  assert.deepEqual(seen.map((s) => s.index), [0]);
});

test('operations sent more than 5 ms after their intended start are counted per phase', () => {
  const { rec, seen } = recorder([3, 1, 1]);
  rec.startPhase(0, 0);
  rec.record(sample('get', 0, 0, 1_000, {}, 5_000));
  rec.record(sample('get', 0, 100_000, 1_000, {}, 5_001));
  rec.record(sample('get', 0, 200_000, 1_000, {}, 40_000));
  rec.startPhase(1, 1_000_000);
  assert.equal(seen[0]!.lateSends, 2);
  assert.equal(seen[0]!.lateSendUs, 5_000);
});

test('each phase is reported once, in order, however events interleave', () => {
  const reported: number[] = [];
  const ends = new PhaseEnds(3, [1, 1, 1], (i) => reported.push(i));
  ends.started(0);
  ends.started(1);
  ends.sampled(1, 0); // phase 1's operation is back before phase 0's: it waits its turn
  assert.deepEqual(reported, []);
  ends.sampled(0, 0);
  assert.deepEqual(reported, [0]);
  ends.started(2);
  assert.deepEqual(reported, [0, 1]);
  ends.sampled(2, 0);
  ends.finished();
  ends.finished();
  assert.deepEqual(reported, [0, 1, 2]);
});
