// Exact merges of the summary's parts: histograms are decoded from their encodings and added
// (percentiles are read from the sum, never averaged), counters and rates are added. Pure.
import type { OpCounters } from '../recorder/types.js';
import type { GeneratorHealth, OperationSummary, PhaseOperationSummary, PhaseSummary, Summary } from '../summary/model.js';
import { decode, mergeInto, newHistogram, percentiles, encode } from '../recorder/histogram.js';
import type { Histogram } from '../recorder/histogram.js';
import { mergeCounters, newCounters } from '../recorder/counters.js';
import { operationSummary } from '../summary/operation.js';
import { UsageError } from '../errors.js';

function countersOf(s: OperationSummary): OpCounters {
  return {
    count: s.count,
    outcomes: { ...s.outcomes },
    errorNames: { ...s.errorNames },
    retries: s.retries,
    retryDelayMs: s.retryDelayMs,
    throttledAttempts: s.throttledAttempts,
    consumedRcu: s.consumedRcu,
    consumedWcu: s.consumedWcu,
  };
}

/** One operation (or the total) over every shard: histograms added, counters and rates summed. */
export function mergeOperationSummaries(list: OperationSummary[]): OperationSummary {
  const latency = newHistogram();
  const service = newHistogram();
  const counters = newCounters();
  let rateOpsPerSec = 0;
  let drainCount = 0;
  for (const s of list) {
    drainCount += s.drainCount ?? 0;
    mergeInto(latency, decode(s.latencyHistogram));
    mergeInto(service, decode(s.serviceTimeHistogram));
    mergeCounters(counters, countersOf(s));
    rateOpsPerSec += s.rateOpsPerSec;
  }
  // the shards ran side by side: the run's rate is the sum of theirs
  return { ...operationSummary({ latency, service, counters }, 0, 0, drainCount), rateOpsPerSec };
}

/** Every shard's `operations`, merged per operation name (in the first shard's order, then any others). */
export function mergeOperationMaps(maps: Record<string, OperationSummary>[]): Record<string, OperationSummary> {
  const names = [...new Set(maps.flatMap((m) => Object.keys(m)))];
  const out: Record<string, OperationSummary> = {};
  for (const name of names) out[name] = mergeOperationSummaries(maps.flatMap((m) => (m[name] ? [m[name]!] : [])));
  return out;
}

function phaseHistograms(op: PhaseOperationSummary, where: string): { latency: Histogram; service: Histogram } {
  if (op.latencyHistogram === undefined || op.serviceTimeHistogram === undefined) {
    throw new UsageError(`${where} has no per-phase histograms (written by an older ddbench), so its phases cannot be merged exactly: run the shard again`);
  }
  return { latency: decode(op.latencyHistogram), service: decode(op.serviceTimeHistogram) };
}

const sumDefined = (xs: (number | undefined)[]): number | undefined => (xs.some((x) => x !== undefined) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : undefined);

/**
 * Phase k of the merged run from phase k of every shard. The shards ran the same phases (the
 * caller checked their names), each with its share of the target rate or workers.
 * `labels[i]` names shard i in messages.
 */
export function mergePhases(shardPhases: PhaseSummary[][], labels: string[]): PhaseSummary[] {
  const first = shardPhases[0] ?? [];
  return first.map((p0, k) => {
    const phases = shardPhases.map((ps) => ps[k]!);
    const allLatency = newHistogram();
    const allService = newHistogram();
    const names = [...new Set(phases.flatMap((p) => Object.keys(p.operations)))];
    const operations: PhaseSummary['operations'] = {};
    for (const name of names) {
      const latency = newHistogram();
      const service = newHistogram();
      let count = 0;
      let errors = 0;
      phases.forEach((p, i) => {
        const op = p.operations[name];
        if (op === undefined) return;
        const h = phaseHistograms(op, `${labels[i]} (phase ${p.name}, operation ${name})`);
        mergeInto(latency, h.latency);
        mergeInto(service, h.service);
        count += op.count;
        errors += op.errors;
      });
      mergeInto(allLatency, latency);
      mergeInto(allService, service);
      operations[name] = { count, errors, latencyUs: percentiles(latency), serviceTimeUs: percentiles(service), latencyHistogram: encode(latency), serviceTimeHistogram: encode(service) };
    }
    const merged: PhaseSummary = {
      name: p0.name,
      warmup: p0.warmup,
      durationMs: Math.max(...phases.map((p) => p.durationMs)),
      achievedRateOpsPerSec: phases.reduce((a, p) => a + p.achievedRateOpsPerSec, 0),
      count: phases.reduce((a, p) => a + p.count, 0),
      ...(phases.some((p) => (p.drainCount ?? 0) > 0) ? { drainCount: phases.reduce((a, p) => a + (p.drainCount ?? 0), 0) } : {}),
      errors: phases.reduce((a, p) => a + p.errors, 0),
      latencyUs: percentiles(allLatency),
      serviceTimeUs: percentiles(allService),
      operations,
    };
    const target = sumDefined(phases.map((p) => p.targetRateOpsPerSec));
    const rampTo = sumDefined(phases.map((p) => p.rampToOpsPerSec));
    const workers = sumDefined(phases.map((p) => p.workers));
    if (target !== undefined) merged.targetRateOpsPerSec = target;
    if (rampTo !== undefined) merged.rampToOpsPerSec = rampTo;
    if (workers !== undefined) merged.workers = workers;
    return merged;
  });
}

/** Saturated if any shard was; counts of operations summed; delays and depths the worst shard's. */
export function mergeGenerator(list: GeneratorHealth[], labels: string[]): GeneratorHealth {
  const max = (f: (g: GeneratorHealth) => number) => Math.max(0, ...list.map(f));
  const sum = (f: (g: GeneratorHealth) => number) => list.reduce((a, g) => a + f(g), 0);
  return {
    saturated: list.some((g) => g.saturated),
    warnings: list.flatMap((g, i) => g.warnings.map((w) => `${labels[i]}: ${w}`)),
    eventLoopDelayP99Ms: max((g) => g.eventLoopDelayP99Ms),
    eventLoopDelayMaxMs: max((g) => g.eventLoopDelayMaxMs),
    sendLagP99Us: max((g) => g.sendLagP99Us),
    maxQueueDepth: max((g) => g.maxQueueDepth),
    queuedOps: sum((g) => g.queuedOps),
    droppedOps: sum((g) => g.droppedOps),
    abandonedOps: sum((g) => g.abandonedOps ?? 0),
  };
}

/** Seed statistics: items summed, the slowest shard's duration (they seeded side by side). */
export function mergeSeed(list: (Summary['seed'] | undefined)[]): Summary['seed'] {
  const seeds = list.filter((s): s is NonNullable<Summary['seed']> => s !== undefined);
  if (seeds.length === 0) return undefined;
  return { items: seeds.reduce((a, s) => a + s.items, 0), durationMs: Math.max(...seeds.map((s) => s.durationMs)), retries: seeds.reduce((a, s) => a + s.retries, 0) };
}

/** Scripted runs: each flow's iterations, think time and step calls summed over the shards. */
export function mergeFlows(list: (Summary['flows'] | undefined)[]): Summary['flows'] {
  if (list.every((f) => f === undefined)) return undefined;
  const out: NonNullable<Summary['flows']> = {};
  for (const flows of list) {
    for (const [name, f] of Object.entries(flows ?? {})) {
      const into = (out[name] ??= { count: 0, thinkTimeUs: 0, steps: {} });
      into.count += f.count;
      into.thinkTimeUs += f.thinkTimeUs;
      for (const [step, n] of Object.entries(f.steps)) into.steps[step] = (into.steps[step] ?? 0) + n;
    }
  }
  return out;
}
