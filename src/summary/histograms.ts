// Every encoded histogram a summary.json carries, with its path, and the ones that do not decode.
// The readers (report, compare, trend, merge, run --baseline) check them all once, at read time
// (summary/file.ts), so a histogram that would fail later (merging shards, a gate on p99.99, the
// cache section of a report) is a clean exit-2 message naming the field before anything is written.
import { tryDecode } from '../recorder/histogram.js';
import type { Summary } from './model.js';
import { formatPath } from './check.js';

export interface EncodedHistogram {
  /** `operations["get-profile"].latencyHistogram`, `phases[1].operations.put.serviceTimeHistogram` */
  path: string;
  encoded: string;
}

/** The model's histogram fields (src/summary/model.ts), in file order. */
export function encodedHistograms(summary: Summary): EncodedHistogram[] {
  const out: EncodedHistogram[] = [];
  const add = (path: PropertyKey[], encoded: string | undefined) => {
    if (encoded !== undefined) out.push({ path: formatPath(path), encoded });
  };
  const latencyAndService = (path: PropertyKey[], h: { latencyHistogram?: string | undefined; serviceTimeHistogram?: string | undefined }) => {
    add([...path, 'latencyHistogram'], h.latencyHistogram);
    add([...path, 'serviceTimeHistogram'], h.serviceTimeHistogram);
  };
  summary.phases.forEach((phase, i) => {
    for (const [name, op] of Object.entries(phase.operations)) latencyAndService(['phases', i, 'operations', name], op);
  });
  for (const [name, op] of Object.entries(summary.operations)) latencyAndService(['operations', name], op);
  latencyAndService(['total'], summary.total);
  for (const [name, c] of Object.entries(summary.cache?.operations ?? {})) {
    add(['cache', 'operations', name, 'hitLatencyHistogram'], c.hitLatencyHistogram);
    add(['cache', 'operations', name, 'missLatencyHistogram'], c.missLatencyHistogram);
  }
  return out;
}

/** `field is what it is instead` for each histogram that does not decode; empty when all do. */
export function histogramProblems(summary: Summary): string[] {
  const problems: string[] = [];
  for (const { path, encoded } of encodedHistograms(summary)) {
    const decoded = tryDecode(encoded);
    if (!decoded.ok) problems.push(`${path} is ${decoded.problem}`);
  }
  return problems;
}
