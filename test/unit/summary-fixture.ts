// Shared test fixtures for recorder, summary, gates and report tests: a small scenario,
// a sample builder and a SummaryInput around a finished Recorder.
import { Recorder } from '../../src/recorder/recorder.js';
import type { OpResult, PhaseSpec, Sample, Scenario } from '../../src/types.js';
import type { RecordedRun } from '../../src/recorder/types.js';
import type { SummaryInput } from '../../src/summary/summary.js';
import { buildSummary } from '../../src/summary/summary.js';
import type { Summary } from '../../src/summary/model.js';
import { judgeSummary } from '../../src/engine/judge.js';

export const OPS = ['get-profile', 'submit-score', 'top-10'];

export function phasesFixture(): PhaseSpec[] {
  return [
    { name: 'warmup', durationMs: 2000, rateOpsPerSec: 100, warmup: true },
    { name: 'steady', durationMs: 4000, rateOpsPerSec: 300, warmup: false },
  ];
}

export function scenarioFixture(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'gaming',
    table: { name: 'ddbench-gaming', partitionKey: { name: 'pk', type: 'S' }, indexes: [], billingMode: 'PAY_PER_REQUEST' },
    keys: {},
    operations: OPS.map((name) => ({ name, weight: 1, type: 'GetItem' as const })),
    phases: phasesFixture(),
    mode: 'open',
    concurrency: 8,
    gates: [],
    retries: { maxAttempts: 3, mode: 'standard' },
    randomSeed: 1,
    requestTimeoutMs: 5000,
    ...overrides,
  };
}

export function result(overrides: Partial<OpResult> = {}): OpResult {
  return { kind: 'ok', attempts: 1, retryDelayMs: 0, consumedRcu: 0, consumedWcu: 0, throttledAttempts: 0, ...overrides };
}

/** A sample that was sent `queueUs` after its intended start and took `serviceUs` at the target. */
export function sample(op: string, phaseIndex: number, intendedStartUs: number, serviceUs: number, r: Partial<OpResult> = {}, queueUs = 0): Sample {
  const sentUs = intendedStartUs + queueUs;
  return { op, phaseIndex, intendedStartUs, sentUs, endUs: sentUs + serviceUs, result: result(r) };
}

export function newRecorder(extra: { hlogSink?: (line: string) => void; phases?: PhaseSpec[]; mode?: 'open' | 'closed' } = {}): Recorder {
  return new Recorder({ operations: OPS, phases: extra.phases ?? phasesFixture(), startEpochMs: 1_700_000_000_000, ...extra });
}

export function summaryInput(recorded: RecordedRun, scenario: Scenario, extraGates: string[] = []): SummaryInput {
  return {
    recorded,
    scenario,
    scenarioFile: 'scenarios/gaming.yaml',
    scenarioSource: { name: scenario.name },
    target: { kind: 'dynalite', endpoint: 'http://127.0.0.1:4567', region: 'local', loopback: true, supportsTransactions: false },
    driver: 'sdk',
    generator: { saturated: false, warnings: [], eventLoopDelayP99Ms: 1, eventLoopDelayMaxMs: 2, sendLagP99Us: 100, maxQueueDepth: 0, queuedOps: 0, droppedOps: 0 },
    startedAt: '2023-11-14T22:13:20.000Z',
    durationMs: recorded.durationUs / 1000,
    complete: true,
    extraGates,
    ddbenchVersion: '0.1.0',
    environment: { node: 'v20.0.0', platform: 'linux', cpus: 4, cpuModel: 'test', totalMemMb: 8192, hostname: 'test' },
  };
}

/**
 * A finished run: warm-up at 50 ms latency (to prove it is left out), then the steady phase with
 * get-profile at 2 ms, submit-score at 4 ms with some conditional failures, top-10 with 12.4 ms.
 */
export function standardRun(gates: string[] = [], extraGates: string[] = []): Summary {
  const rec = newRecorder();
  for (let i = 0; i < 100; i++) rec.record(sample('get-profile', 0, i * 10_000, 50_000));
  for (let i = 0; i < 1000; i++) {
    const t = 2_000_000 + i * 3_000;
    rec.record(sample('get-profile', 1, t, 2_000, { consumedRcu: 0.5 }));
    if (i % 2 === 0) rec.record(sample('submit-score', 1, t + 1, 4_000, { consumedWcu: 1, kind: i % 10 === 0 ? 'conditional-failed' : 'ok' }));
    if (i % 10 === 0) rec.record(sample('top-10', 1, t + 2, 12_400, { consumedRcu: 1.5 }));
  }
  return judgeSummary(buildSummary(summaryInput(rec.finish(6_000_000), scenarioFixture({ gates }), extraGates)));
}

/** The harness floor used by the inconclusive tests: p99 2.5 ms, so top-10's 12.41 ms p99 is within it of 10 ms. */
export const FLOOR_FIXTURE = { driver: 'http', rateOpsPerSec: 300, durationMs: 3000, count: 900, latencyUs: { p50: 200, p99: 2_500, p999: 4_000, max: 5_000 } };

/** standardRun with a measured harness floor (and --strict-floor when asked). */
export function flooredRun(gates: string[] = [], strictFloor = false): Summary {
  const rec = newRecorder();
  for (let i = 0; i < 1000; i++) {
    const t = 2_000_000 + i * 3_000;
    rec.record(sample('get-profile', 1, t, 2_000));
    if (i % 2 === 0) rec.record(sample('submit-score', 1, t + 1, 4_000));
    if (i % 10 === 0) rec.record(sample('top-10', 1, t + 2, 12_400));
  }
  const input = summaryInput(rec.finish(6_000_000), scenarioFixture({ gates }));
  const harness = { floor: FLOOR_FIXTURE, gcPauses: { count: 3, totalMs: 4.5, maxMs: 2.1 }, eventLoopDelayP99Ms: 1, eventLoopDelayMaxMs: 2 };
  return judgeSummary(buildSummary({ ...input, harness, ...(strictFloor ? { strictFloor: true } : {}) }));
}
