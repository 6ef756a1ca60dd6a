// Checks a summary against the model (src/summary/model.ts): read-side, so a wrong file given as a
// baseline is a clean exit-2 message; write-side, so a summary that drifted from the model (a new
// field not added to it, a NaN that JSON would write as null) is caught before users see it.
import type { z } from 'zod';
import { SummarySchema } from './model.js';
import type { Summary } from './model.js';

export type SummaryCheck = { ok: true; summary: Summary } | { ok: false; problems: string[] };

/** Parses `data` as a summary.json; unknown keys are dropped (a newer version's additions). */
export function parseSummary(data: unknown): SummaryCheck {
  const r = SummarySchema.safeParse(data, { error: missingAsNo });
  if (r.success) return { ok: true, summary: r.data };
  return { ok: false, problems: r.error.issues.map(describeIssue) };
}

/**
 * Everything that keeps `summary` from being exactly the model: shape problems, and keys the
 * model does not know (which a reader's parse would silently drop). Empty when it matches.
 */
export function summaryDrift(summary: unknown): string[] {
  const r = SummarySchema.safeParse(summary, { error: missingAsNo });
  if (!r.success) return r.error.issues.map(describeIssue);
  const unknown: string[] = [];
  unknownKeys(summary, r.data, [], unknown);
  return unknown.map((path) => `${path}: not in the summary model`);
}

/** Keys of `input` (recursively) that the parse dropped; `output` is what the schema kept. */
function unknownKeys(input: unknown, output: unknown, path: PropertyKey[], found: string[]): void {
  if (input === output || typeof input !== 'object' || input === null || typeof output !== 'object' || output === null) return;
  if (Array.isArray(input)) {
    input.forEach((item, i) => unknownKeys(item, (output as unknown[])[i], [...path, i], found));
    return;
  }
  const kept = output as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue; // JSON leaves it out
    if (!(key in kept)) found.push(formatPath([...path, key]));
    else unknownKeys(value, kept[key], [...path, key], found);
  }
}

/** A missing field reads `no scenario.name`; other problems `total.count: Invalid input: expected number, received string`. */
const MISSING = 'missing';
function missingAsNo(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? MISSING : undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? formatPath(issue.path) : '';
  if (issue.message === MISSING) return `no ${path}`;
  return `${path || 'top level'}: ${issue.message}`;
}

/** `operations["get-profile"].latencyUs.p99`, `phases[0].name` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
