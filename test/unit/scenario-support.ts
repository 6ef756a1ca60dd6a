// Shared by the scenario check tests: a small valid scenario and helpers that load a variant of it.
import assert from 'node:assert/strict';
import { formatProblems, parseScenarioText } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/types.js';
import type { LoadResult } from '../../src/scenario/load.js';

export type Obj = Record<string, unknown>;

/** A small valid scenario; each test changes one thing. */
export function base(): Obj {
  return {
    name: 'checks',
    table: {
      name: 'ddbench-checks',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [{ name: 'by-game', partitionKey: { name: 'game', type: 'S' }, sortKey: { name: 'score', type: 'N' } }],
    },
    keys: { player: { count: 100, distribution: 'uniform' }, game: { count: 5, distribution: 'uniform' } },
    operations: [{ name: 'get', weight: 1, type: 'GetItem', key: { pk: 'p#{player}', sk: 'profile' } }],
    phases: [{ name: 'steady', duration: '1s', rate: 10 }],
  };
}

export const withOps = (...operations: Obj[]): Obj => ({ ...base(), operations });

export function load(doc: Obj, parseGate?: Parameters<typeof parseScenarioText>[2]): LoadResult {
  return parseScenarioText(JSON.stringify(doc, null, 2), 'checks.json', parseGate);
}

export function accepted(doc: Obj): Scenario {
  const r = load(doc);
  if (!r.ok) assert.fail(formatProblems(r.problems, 'checks.json'));
  return r.scenario;
}

/** `path: message` of every problem. */
export function problems(doc: Obj): string[] {
  const r = load(doc);
  if (r.ok) assert.fail('expected problems, the scenario was accepted');
  return r.problems.map((p) => `${p.path}: ${p.message}`);
}

export function hasProblem(doc: Obj, expected: RegExp): void {
  const list = problems(doc);
  assert.ok(list.some((p) => expected.test(p)), `no problem matches ${expected}:\n${list.join('\n')}`);
}

