// The `sweep:` block's rules that span fields: its SLOs are gates on the scenario's operations,
// `to` is not below `from`, and percentages stay within 100.
import type { GateParser } from '../gates/parse.js';
import type { RawProblem } from './issues.js';
import { lenient } from './lenient.js';
import { percentValue } from './normalise.js';
import { SweepSchema } from './schema.js';

export function checkSweep(rawSweep: unknown, operationNames: string[], parseGate: GateParser, problems: RawProblem[]): void {
  const sweep = lenient(SweepSchema, rawSweep);
  if (sweep === undefined) return;
  if (sweep.from !== undefined && sweep.to !== undefined && sweep.to < sweep.from) {
    problems.push({ path: ['sweep', 'to'], message: `${sweep.to} is below from (${sweep.from}); the sweep climbs from \`from\` to \`to\`` });
  }
  for (const field of ['maxErrorRate', 'minAchieved', 'maxLateSends'] as const) {
    const v = sweep[field];
    if (v !== undefined && percentValue(v) > 100) problems.push({ path: ['sweep', field], message: `expected a percentage from 0 to 100, got ${JSON.stringify(v)}` });
  }
  sweep.slo?.forEach((expr, i) => {
    const parsed = parseGate(expr, operationNames);
    if (!parsed.ok) problems.push({ path: ['sweep', 'slo', i], message: parsed.message });
  });
}
