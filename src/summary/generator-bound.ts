// The run-level half of "generator-bound, said out loud": once the gates are judged, the
// generator's health (engine/health.ts, measured during the load) is compared with each latency
// gate's margin (gates/noise.ts). A gate ddbench's own noise could have decided marks the run
// saturated and generator-bound, with a warning naming the gate.
import type { GateResult } from '../gates/result.js';
import { gatesWithinNoise, generatorBoundWarning, generatorNoise } from '../gates/noise.js';
import type { GeneratorHealth } from './model.js';

export function flagGeneratorBound(health: GeneratorHealth, gates: readonly GateResult[], floorP99Us: number | undefined): GeneratorHealth {
  if (gates.length === 0) return health;
  const noise = generatorNoise({ eventLoopDelayP99Ms: health.eventLoopDelayP99Ms, sendLagP99Us: health.sendLagP99Us, ...(floorP99Us !== undefined ? { floorP99Us } : {}) });
  const within = gatesWithinNoise(gates, noise);
  if (within.length === 0) return { ...health, noiseUs: noise.noiseUs };
  return { ...health, saturated: true, generatorBound: true, noiseUs: noise.noiseUs, warnings: [...health.warnings, generatorBoundWarning(within, noise)] };
}
