// The SDK driver: executes a Request with @aws-sdk/client-dynamodb and turns whatever happens
// into an OpResult. It never throws for a request: a benchmark must count failures, not die of
// them. Timing is the scheduler's job; the driver only reports what the SDK knows (attempts,
// retry delay, consumed capacity).
//
// Throttled attempts: the SDK retries throttles inside send() and reports only the final
// outcome, so a throttle that a retry got past would be invisible. A middleware placed inside
// the retry loop (deserialize step) sees every attempt and counts the throttled ones.
import { BatchGetItemCommand, BatchWriteItemCommand, DeleteItemCommand, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand, TransactGetItemsCommand, TransactWriteItemsCommand, UpdateItemCommand, } from '@aws-sdk/client-dynamodb';
import { errorResult, isThrottle } from './classify.js';
import { buildClient } from './client.js';
import { consumedCapacity, unprocessedCount } from './response.js';
const COMMANDS = {
    GetItem: (input) => new GetItemCommand(input),
    PutItem: (input) => new PutItemCommand(input),
    UpdateItem: (input) => new UpdateItemCommand(input),
    DeleteItem: (input) => new DeleteItemCommand(input),
    Query: (input) => new QueryCommand(input),
    Scan: (input) => new ScanCommand(input),
    BatchGetItem: (input) => new BatchGetItemCommand(input),
    BatchWriteItem: (input) => new BatchWriteItemCommand(input),
    TransactWriteItems: (input) => new TransactWriteItemsCommand(input),
    TransactGetItems: (input) => new TransactGetItemsCommand(input),
};
function metadataOf(value) {
    const meta = typeof value === 'object' && value !== null ? value.$metadata : undefined;
    return typeof meta === 'object' && meta !== null ? meta : {};
}
export function createSdkDriver(opts) {
    const built = buildClient({
        endpoint: opts.endpoint,
        region: opts.region,
        maxSockets: opts.concurrency,
        maxAttempts: opts.maxAttempts,
        retryMode: opts.retryMode,
        requestTimeoutMs: opts.requestTimeoutMs,
        ...(opts.credentials !== undefined ? { credentials: opts.credentials } : {}),
    });
    const send = built.client.send.bind(built.client);
    return {
        name: 'sdk',
        async execute(request) {
            let throttledAttempts = 0;
            try {
                const factory = COMMANDS[request.type];
                if (factory === undefined)
                    throw Object.assign(new Error(`unsupported operation type ${String(request.type)}`), { name: 'UnsupportedOperation' });
                const command = factory(request.input);
                command.middlewareStack.add((next) => async (args) => {
                    try {
                        return await next(args);
                    }
                    catch (err) {
                        if (isThrottle(err))
                            throttledAttempts++;
                        throw err;
                    }
                }, { step: 'deserialize', name: 'ddbenchThrottleCounter', priority: 'high' });
                const output = await send(command);
                const meta = metadataOf(output);
                const { rcu, wcu } = consumedCapacity(request.type, output);
                const unprocessed = unprocessedCount(request.type, output);
                return {
                    kind: 'ok',
                    attempts: Math.max(1, meta.attempts ?? 1),
                    retryDelayMs: meta.totalRetryDelay ?? 0,
                    consumedRcu: rcu,
                    consumedWcu: wcu,
                    throttledAttempts,
                    ...(unprocessed !== undefined ? { unprocessed } : {}),
                };
            }
            catch (err) {
                return errorResult(err, throttledAttempts);
            }
        },
        async close() {
            built.close();
        },
    };
}
export { createDynamoClient, LOCAL_CREDENTIALS } from './client.js';
//# sourceMappingURL=sdk.js.map