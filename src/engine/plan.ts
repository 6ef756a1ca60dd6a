// Turns a validated scenario plus command-line overrides into the plan that runs. Pure.
import { availableParallelism } from 'node:os';
import type { PhaseSpec, Scenario } from '../types.js';
import type { ShardInfo } from '../summary/model.js';
import { applyShard } from '../scheduler/share.js';
import { workloadShard } from '../shard/shard.js';

export interface PlanOverrides {
  /** total length of the measured (non-warm-up) phases; each keeps its share */
  durationMs?: number;
  /** peak arrival rate of the measured phases; every phase's rate scales by the same factor */
  rateOpsPerSec?: number;
  concurrency?: number;
  seedItems?: number;
  randomSeed?: number;
  /** drop warm-up phases */
  noWarmup?: boolean;
  /** --shard i/n: this process runs 1/n of the (overridden) load; see src/scheduler/share.ts */
  shard?: ShardInfo;
}

export function applyOverrides(scenario: Scenario, o: PlanOverrides): Scenario {
  let phases: PhaseSpec[] = o.noWarmup ? scenario.phases.filter((p) => !p.warmup) : scenario.phases.map((p) => ({ ...p }));
  const measured = phases.filter((p) => !p.warmup);
  if (o.durationMs !== undefined) {
    const total = measured.reduce((a, p) => a + p.durationMs, 0);
    phases = phases.map((p) => (p.warmup ? p : { ...p, durationMs: Math.max(1, Math.round((p.durationMs / total) * o.durationMs!)) }));
  }
  if (o.rateOpsPerSec !== undefined && scenario.mode === 'open') {
    const peak = Math.max(...measured.map((p) => Math.max(p.rateOpsPerSec ?? 0, p.rampToOpsPerSec ?? 0)));
    const factor = peak > 0 ? o.rateOpsPerSec / peak : 1;
    phases = phases.map((p) => ({
      ...p,
      ...(p.rateOpsPerSec !== undefined ? { rateOpsPerSec: p.rateOpsPerSec * factor } : {}),
      ...(p.rampToOpsPerSec !== undefined ? { rampToOpsPerSec: p.rampToOpsPerSec * factor } : {}),
    }));
  }
  const planned: Scenario = {
    ...scenario,
    phases,
    concurrency: o.concurrency ?? scenario.concurrency,
    randomSeed: o.randomSeed ?? scenario.randomSeed,
    ...(scenario.seed && o.seedItems !== undefined ? { seed: { ...scenario.seed, items: o.seedItems } } : {}),
  };
  // --rate and --concurrency are the whole run's: the shard takes its share of them
  return applyShard(planned, workloadShard(o.shard));
}

/** Requests the run will send (open loop: exact; closed loop: unknown, so null), for confirmations. */
export function expectedRequests(scenario: Scenario): { load: number | null; seedBatches: number } {
  const seedBatches = Math.ceil((scenario.seed?.items ?? 0) / 25);
  if (scenario.mode === 'closed') return { load: null, seedBatches };
  const load = scenario.phases.reduce((a, p) => {
    const from = p.rateOpsPerSec ?? 0;
    const to = p.rampToOpsPerSec ?? from;
    return a + Math.ceil(((from + to) / 2) * (p.durationMs / 1000));
  }, 0);
  return { load, seedBatches };
}

export function plannedDurationMs(scenario: Scenario): number {
  return scenario.phases.reduce((a, p) => a + p.durationMs, 0);
}

/**
 * Operations per second one load thread sustains comfortably, per driver (the SDK costs
 * about 280 us of CPU per call; see BENCHMARKS.md). Used only to pick a default.
 */
const OPS_PER_WORKER: Record<string, number> = { sdk: 1500, http: 15000 };

/**
 * Default --workers: as many threads as the peak rate needs, never more than the cores.
 * A thread that the rate does not need only competes with the target for CPU (on a laptop
 * the embedded endpoint runs on the same cores).
 */
export function autoWorkers(scenario: Scenario, driver: string, cores = availableParallelism()): number {
  if (scenario.mode === 'closed') return 1;
  const peak = Math.max(0, ...scenario.phases.map((p) => Math.max(p.rateOpsPerSec ?? 0, p.rampToOpsPerSec ?? 0)));
  const need = Math.ceil(peak / (OPS_PER_WORKER[driver] ?? 1500));
  return Math.max(1, Math.min(cores, need, scenario.concurrency));
}
