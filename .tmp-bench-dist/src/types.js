// Every type shared between ddbench's stages lives here, so that the one-way flow
// scenario -> workload -> scheduler -> driver -> recorder -> summary -> gates -> report
// is visible in one file. Stages import types from here, never from each other's internals.
export const OUTCOME_KINDS = [
    'ok',
    'conditional-failed',
    'transaction-canceled',
    'throttled',
    'timeout',
    'connection',
    'server',
    'client',
    'malformed',
];
/** Outcomes that are not errors: the request did what the workload asked of DynamoDB. */
export const EXPECTED_OUTCOMES = new Set(['ok', 'conditional-failed', 'transaction-canceled']);
//# sourceMappingURL=types.js.map