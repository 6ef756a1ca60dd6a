// What a target cannot do, checked before anything is created: a scenario that would fail on
// every transaction should stop with a clear message, not run and report 100% errors.
// Pure.

import path from 'node:path';
import type { OpType, Scenario, TargetInfo } from '../types.js';

const TRANSACTION_TYPES: ReadonlySet<OpType> = new Set(['TransactWriteItems', 'TransactGetItems']);

function targetName(target: TargetInfo): string {
  return target.kind === 'dynalite' ? 'dynalite' : `the target (${target.endpoint || target.kind})`;
}

/** The operation types `target` cannot run. */
export function unsupportedTypes(target: TargetInfo): OpType[] {
  return target.supportsTransactions ? [] : [...TRANSACTION_TYPES];
}

/**
 * A script's scenario for this target: its flows' context refuses, with a message naming the
 * target, a call the target cannot run (flows are code: what they call is known only as they call it).
 */
export function withTargetLimits(scenario: Scenario, target: TargetInfo): Scenario {
  const types = unsupportedTypes(target);
  if (scenario.script === undefined || types.length === 0) return scenario;
  return { ...scenario, script: { ...scenario.script, unsupported: { types, target: targetName(target) } } };
}

/**
 * One message per operation type the target cannot run, naming the operations that use it.
 * `file`: the scenario file, named in messages (else the scenario's name).
 */
export function unsupportedOperations(scenario: Pick<Scenario, 'name' | 'operations' | 'script'>, target: TargetInfo, opts: { file?: string } = {}): string[] {
  if (target.supportsTransactions) return [];
  const byType = new Map<OpType, string[]>();
  for (const op of scenario.operations) {
    if (!TRANSACTION_TYPES.has(op.type)) continue;
    byType.set(op.type, [...(byType.get(op.type) ?? []), op.name]);
  }
  // a script declares what its flows call (`uses:`): checked here as YAML operations are
  for (const type of scenario.script?.uses ?? []) if (TRANSACTION_TYPES.has(type) && !byType.has(type)) byType.set(type, []);
  const source = opts.file !== undefined ? path.basename(opts.file) : `scenario "${scenario.name}"`;
  const hint = target.kind === 'dynalite' ? 'use --target dynamodb-local (needs Java)' : 'use --target dynamodb-local (needs Java) or a target with transactions';
  return [...byType].map(
    ([type, names]) =>
      `${source} uses ${type} (${names.length === 0 ? 'declared in uses:' : `operation${names.length > 1 ? 's' : ''} ${names.join(', ')}`}), which ${targetName(target)} does not support; ${hint}`,
  );
}
