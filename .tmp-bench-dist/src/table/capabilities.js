// What a target cannot do, checked before anything is created: a scenario that would fail on
// every transaction should stop with a clear message, not run and report 100% errors.
// Pure.
import path from 'node:path';
const TRANSACTION_TYPES = new Set(['TransactWriteItems', 'TransactGetItems']);
function targetName(target) {
    return target.kind === 'dynalite' ? 'dynalite' : `the target (${target.endpoint})`;
}
/**
 * One message per operation type the target cannot run, naming the operations that use it.
 * `file`: the scenario file, named in messages (else the scenario's name).
 */
export function unsupportedOperations(scenario, target, opts = {}) {
    if (target.supportsTransactions)
        return [];
    const byType = new Map();
    for (const op of scenario.operations) {
        if (!TRANSACTION_TYPES.has(op.type))
            continue;
        byType.set(op.type, [...(byType.get(op.type) ?? []), op.name]);
    }
    const source = opts.file !== undefined ? path.basename(opts.file) : `scenario "${scenario.name}"`;
    const hint = target.kind === 'dynalite' ? 'use --target dynamodb-local (needs Java)' : 'use --target dynamodb-local (needs Java) or a target with transactions';
    return [...byType].map(([type, names]) => `${source} uses ${type} (operation${names.length > 1 ? 's' : ''} ${names.join(', ')}), which ${targetName(target)} does not support; ${hint}`);
}
//# sourceMappingURL=capabilities.js.map