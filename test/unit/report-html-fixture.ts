// Summaries for the HTML report tests: one whose every user-supplied string is hostile markup,
// and a synthetic 1-hour run (3,600 intervals, 4 operations) for the size budget.
import { Recorder } from '../../src/recorder/recorder.js';
import { encode, newHistogram, percentiles, recordUs } from '../../src/recorder/histogram.js';
import { buildSummary } from '../../src/summary/summary.js';
import { buildVerdict } from '../../src/summary/verdict.js';
import type { PhaseSpec } from '../../src/types.js';
import type { IntervalSummary } from '../../src/recorder/shapes.js';
import type { OperationSummary, Summary } from '../../src/summary/model.js';
import { sample, scenarioFixture, standardRun, summaryInput } from './summary-fixture.js';
import { judgeSummary } from '../../src/engine/judge.js';

/** Each hostile string, and a marker that must never appear unescaped in the page. */
export const HOSTILE = {
  scenario: '<script>alert(1)</script>',
  description: '<img src=x onerror=alert(2)>',
  op: '<svg onload=alert(3)>"x\'',
  endpoint: 'http://127.0.0.1:1/<script>alert(4)</script>',
  errorName: '<b onclick=alert(5)>Boom</b>',
  phase: '<i onmouseover=alert(6)>steady</i>',
  warning: '<iframe src=javascript:alert(7)>',
  gate: '<a href=javascript:alert(8)>p99</a> < 10ms',
  stopReason: '<style>body{display:none}</style>',
  source: '<marquee>alert(9)</marquee>',
  hostname: '<object data=x>',
};

export function hostileSummary(): Summary {
  const ops = [HOSTILE.op, 'plain-op'];
  const phases: PhaseSpec[] = [
    { name: 'warm', durationMs: 1000, rateOpsPerSec: 100, warmup: true },
    { name: HOSTILE.phase, durationMs: 3000, rateOpsPerSec: 200, warmup: false },
  ];
  const rec = new Recorder({ operations: ops, phases, startEpochMs: 1_700_000_000_000 });
  for (let i = 0; i < 50; i++) rec.record(sample(HOSTILE.op, 0, i * 20_000, 3_000));
  for (let i = 0; i < 600; i++) {
    const t = 1_000_000 + i * 5_000;
    rec.record(sample(HOSTILE.op, 1, t, 2_000 + (i % 7) * 1_000, i % 50 === 0 ? { kind: 'client', errorName: HOSTILE.errorName, attempts: 2 } : {}));
    rec.record(sample('plain-op', 1, t + 1, 1_500, { consumedRcu: 0.5 }));
  }
  const scenario = scenarioFixture({ name: HOSTILE.scenario, description: HOSTILE.description, operations: ops.map((name) => ({ name, weight: 1, type: 'GetItem' as const })), phases });
  const input = summaryInput(rec.finish(4_000_000), scenario, ['p99 < 10ms']);
  input.target = { ...input.target, endpoint: HOSTILE.endpoint };
  input.scenarioSource = { name: HOSTILE.scenario, description: HOSTILE.source, operations: [{ name: HOSTILE.op }] };
  input.generator = { ...input.generator, saturated: true, warnings: [HOSTILE.warning] };
  input.complete = false;
  input.stopReason = HOSTILE.stopReason;
  input.environment = { ...input.environment, hostname: HOSTILE.hostname };
  const s = buildSummary(input);
  s.gates = s.gates.map((g) => ({ ...g, expr: HOSTILE.gate, message: `${HOSTILE.gate}: actual ${HOSTILE.errorName}`, pass: false }));
  return judgeSummary(s);
}

/** Deterministic xorshift in [0, 1): the same synthetic run every time. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** One hour at 400 ops/s: 5 min warm-up then 55 min steady, a latency spike every 10 minutes. */
export function hourLongSummary(): Summary {
  const ops = ['get-profile', 'submit-score', 'top-10', 'record-session'];
  const base = standardRun(['p99 < 10ms']);
  const rand = rng(42);
  const operations: Record<string, OperationSummary> = {};
  for (const [k, op] of ops.entries()) {
    const lat = newHistogram();
    const svc = newHistogram();
    for (let i = 0; i < 20_000; i++) {
      const us = 800 + k * 300 + rand() * 3_000 + (rand() < 0.01 ? rand() * 40_000 : 0);
      recordUs(lat, us);
      recordUs(svc, us * 0.8);
    }
    const template = base.operations['get-profile']!;
    operations[op] = { ...template, count: 330_000, rateOpsPerSec: 100, latencyUs: percentiles(lat), serviceTimeUs: percentiles(svc), latencyHistogram: encode(lat), serviceTimeHistogram: encode(svc), consumedRcu: 165_000, consumedWcu: k === 1 ? 330_000 : 0 };
  }
  const intervals: IntervalSummary[] = [];
  for (let sec = 0; sec < 3600; sec++) {
    const spike = sec % 600 === 300 ? 25 : 1;
    const perOp: IntervalSummary['operations'] = {};
    for (const op of ops) perOp[op] = { count: 100, errors: 0, p50Us: Math.round(1500 + rand() * 200), p99Us: Math.round((4000 + rand() * 3000) * spike), maxUs: Math.round((9000 + rand() * 9000) * spike) };
    intervals.push({
      startSec: sec,
      phaseIndex: sec < 300 ? 0 : 1,
      count: 400 - (spike > 1 ? 50 : 0),
      errors: sec % 97 === 0 ? 2 : 0,
      throttles: sec % 193 === 0 ? 1 : 0,
      retries: sec % 89 === 0 ? 3 : 0,
      conditionalFailures: Math.floor(rand() * 5),
      targetRateOpsPerSec: 400,
      latencyP50Us: Math.round(1500 + rand() * 200),
      latencyP99Us: Math.round((5000 + rand() * 2000) * spike),
      latencyMaxUs: Math.round((12_000 + rand() * 8_000) * spike),
      serviceP50Us: 1200,
      serviceP99Us: 4000,
      operations: perOp,
    });
  }
  const phase = base.phases[1]!;
  return {
    ...base,
    durationMs: 3_600_000,
    phases: [
      { ...base.phases[0]!, name: 'warmup', durationMs: 300_000 },
      { ...phase, name: 'steady', durationMs: 3_300_000 },
    ],
    operations,
    verdict: buildVerdict(operations),
    intervals,
  };
}
