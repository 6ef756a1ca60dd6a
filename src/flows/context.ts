// A flow's context: every DynamoDB data operation as a named step, each sent through the run's
// driver as a Request and recorded as its own operation (step latency from the call to the
// answer; think time between steps is never in it), and the scenario's seeded generators.
import type { Driver, OpResult, OpType, Sample } from '../types.js';
import type { Clock } from '../scheduler/clock.js';
import type { FlowDraws } from '../workload/index.js';
import { text, uuid } from '../workload/generators.js';
import type { FlowContext, StepInput, StepOutcome, StepResult } from './api.js';
import { liftOutput, toRequestInput } from './document.js';

export interface StepEnv {
  driver: Driver;
  clock: Clock;
  draws: FlowDraws;
  /** the scenario's table (the default TableName) */
  table: string;
  /** tables a step may name */
  tables: ReadonlySet<string>;
  /** records one finished step */
  onStep(sample: Sample): void;
  /** the phase a step started in */
  phaseIndex(): number;
  sleep(ms: number): Promise<void>;
  /** the flow's operation name (`flow:<name>`), stamped on each step's sample */
  flow: string;
  /** the script's `uses:` declaration, when it made one: other calls are refused */
  uses?: ReadonlySet<OpType>;
  /** what the run's target cannot run, and its name for messages */
  unsupported?: { types: ReadonlySet<OpType>; target: string };
}

const EXPECTED: ReadonlySet<StepOutcome> = new Set(['ok', 'conditional-failed', 'transaction-canceled']);

/** Totals of one flow iteration's steps, for the flow's own sample. */
export interface StepTotals {
  steps: number;
  /** time spent in ctx.sleep, as the clock saw it (µs) */
  thinkUs: number;
  consumedRcu: number;
  consumedWcu: number;
}

export function createFlowContext(env: StepEnv, totals: StepTotals): FlowContext {
  const { draws } = env;
  const step = (type: OpType) => async (name: string, input: StepInput): Promise<StepResult> => {
    if (typeof name !== 'string' || name === '') throw new TypeError(`a step needs a name first: ctx.${methodOf(type)}('step-name', {...})`);
    const refused = refusal(type, name, env);
    if (refused !== undefined) throw new Error(refused);
    const request = { op: name, type, input: toRequestInput(type, input ?? {}, env.table, env.tables), keepOutput: true };
    const startUs = env.clock.nowUs();
    const result: OpResult = await env.driver.execute(request);
    const endUs = env.clock.nowUs();
    const { output, ...recorded } = result;
    env.onStep({ op: name, phaseIndex: env.phaseIndex(), intendedStartUs: startUs, sentUs: startUs, endUs, result: recorded, flow: env.flow });
    totals.steps++;
    totals.consumedRcu += result.consumedRcu;
    totals.consumedWcu += result.consumedWcu;
    const kind = result.kind as StepOutcome;
    const out: StepResult = { outcome: kind, ok: kind === 'ok' };
    if (!EXPECTED.has(kind) || kind !== 'ok') {
      if (result.errorName !== undefined) out.errorName = result.errorName;
      if (result.errorMessage !== undefined) out.errorMessage = result.errorMessage;
    }
    if (result.reasons !== undefined) out.reasons = result.reasons;
    return liftOutput(type, output, out);
  };
  return {
    get: step('GetItem'),
    put: step('PutItem'),
    update: step('UpdateItem'),
    delete: step('DeleteItem'),
    query: step('Query'),
    scan: step('Scan'),
    batchGet: step('BatchGetItem'),
    batchWrite: step('BatchWriteItem'),
    transactGet: step('TransactGetItems'),
    transactWrite: step('TransactWriteItems'),
    key: (space) => draws.key(space),
    seq: (space) => draws.seq(space),
    int: (min, max) => min + draws.rng.nextInt(Math.max(1, Math.floor(max) - Math.ceil(min) + 1)),
    float: (min, max) => min + draws.rng.nextFloat() * (max - min),
    text: (length) => text(draws.rng, length),
    uuid: () => uuid(draws.rng),
    choice: <T>(values: readonly T[]): T => {
      if (values.length === 0) throw new RangeError('choice() needs at least one value');
      return values[draws.rng.nextInt(values.length)]!;
    },
    sleep: async (ms) => {
      const fromUs = env.clock.nowUs();
      try {
        await env.sleep(ms);
      } finally {
        totals.thinkUs += env.clock.nowUs() - fromUs;
      }
    },
    table: env.table,
    vars: {},
  };
}

/** Why a call may not be sent: not declared in `uses:`, or a kind the target cannot run. */
function refusal(type: OpType, step: string, env: StepEnv): string | undefined {
  const call = `ctx.${methodOf(type)}('${step}')`;
  if (env.uses !== undefined && !env.uses.has(type)) return `${call}: ${type} is not in the scenario's uses: [${[...env.uses].join(', ')}]; add it so the target is checked before load`;
  if (env.unsupported?.types.has(type) === true) {
    return `${call}: ${env.unsupported.target} does not support ${type}; declare uses: ['${type}'] to have the run refused before load, or use --target dynamodb-local`;
  }
  return undefined;
}

function methodOf(type: OpType): string {
  const names: Record<OpType, string> = {
    GetItem: 'get',
    PutItem: 'put',
    UpdateItem: 'update',
    DeleteItem: 'delete',
    Query: 'query',
    Scan: 'scan',
    BatchGetItem: 'batchGet',
    BatchWriteItem: 'batchWrite',
    TransactGetItems: 'transactGet',
    TransactWriteItems: 'transactWrite',
  };
  return names[type];
}
