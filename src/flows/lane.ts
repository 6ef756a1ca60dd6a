// The seam between a scenario script and the load lane: scheduler hooks whose starts are flows.
// The in-thread lane and every load worker build the same hooks; only the sample sink differs.
import type { Driver, Sample, Scenario } from '../types.js';
import type { Clock } from '../scheduler/clock.js';
import type { LoadHooks } from '../scheduler/load.js';
import type { Workload } from '../workload/index.js';
import { Rng } from '../workload/rng.js';
import type { FlowFn } from './api.js';
import { createFlowRunner, type FlowStart } from './runner.js';

export interface FlowLaneInput {
  scenario: Scenario;
  flows: Map<string, FlowFn>;
  workload: Workload;
  driver: Driver;
  clock: Clock;
  onSample(sample: Sample): void;
  onFlowError?(message: string): void;
  /** load workers and shards pick flows on their own streams */
  stream?: string;
  sleep?: (ms: number) => Promise<void>;
}

export interface FlowLane {
  hooks: LoadHooks<FlowStart>;
  /** call on every phase start: a flow and its steps are recorded in the phase it started in */
  onPhase(index: number): void;
  operationNames: string[];
}

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export function createFlowLane(input: FlowLaneInput): FlowLane {
  let phaseIndex = 0;
  let pick = new Rng(input.scenario.randomSeed).fork('flows/pick');
  if (input.stream !== undefined) pick = pick.fork(input.stream);
  const runner = createFlowRunner({
    scenario: input.scenario,
    flows: input.flows,
    pick,
    env: { driver: input.driver, clock: input.clock, draws: input.workload.flowDraws(), onStep: input.onSample, sleep: input.sleep ?? timerSleep },
    phaseIndex: () => phaseIndex,
    ...(input.onFlowError ? { onFlowError: input.onFlowError } : {}),
  });
  return {
    hooks: { next: () => runner.next(), execute: (start) => runner.execute(start), onSample: input.onSample },
    onPhase: (index) => (phaseIndex = index),
    operationNames: runner.operationNames,
  };
}
