// The SDK driver: executes a Request with @aws-sdk/client-dynamodb and turns whatever happens
// into an OpResult. It never throws for a request: a benchmark must count failures, not die of
// them. Timing is the scheduler's job; the driver only reports what the SDK knows (attempts,
// retry delay, consumed capacity).
//
// Throttled attempts: the SDK retries throttles inside send() and reports only the final
// outcome, so a throttle that a retry got past would be invisible. A middleware placed inside
// the retry loop (deserialize step) sees every attempt and counts the throttled ones.

import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type BatchGetItemCommandInput,
  type BatchWriteItemCommandInput,
  type DeleteItemCommandInput,
  type GetItemCommandInput,
  type PutItemCommandInput,
  type QueryCommandInput,
  type ScanCommandInput,
  type TransactGetItemsCommandInput,
  type TransactWriteItemsCommandInput,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Driver, OpResult, OpType, Request } from '../types.js';
import { errorResult, isThrottle } from './classify.js';
import { buildClient, type Credentials } from './client.js';
import { consumedCapacity, unprocessedCount } from './response.js';

export interface SdkDriverOptions {
  endpoint: string;
  region: string;
  /** most requests in flight; sizes the keep-alive socket pool */
  concurrency: number;
  /** total attempts including the first (SDK standard default: 3) */
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  requestTimeoutMs: number;
  credentials?: Credentials;
}

/** The subset of a command the driver touches, so one code path serves all ten. */
interface AnyCommand {
  middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { step: 'deserialize'; name: string; priority: 'high' },
    ): void;
  };
}

type Input = Record<string, unknown>;

const COMMANDS: Record<OpType, (input: Input) => AnyCommand> = {
  GetItem: (input) => new GetItemCommand(input as unknown as GetItemCommandInput) as unknown as AnyCommand,
  PutItem: (input) => new PutItemCommand(input as unknown as PutItemCommandInput) as unknown as AnyCommand,
  UpdateItem: (input) => new UpdateItemCommand(input as unknown as UpdateItemCommandInput) as unknown as AnyCommand,
  DeleteItem: (input) => new DeleteItemCommand(input as unknown as DeleteItemCommandInput) as unknown as AnyCommand,
  Query: (input) => new QueryCommand(input as unknown as QueryCommandInput) as unknown as AnyCommand,
  Scan: (input) => new ScanCommand(input as unknown as ScanCommandInput) as unknown as AnyCommand,
  BatchGetItem: (input) => new BatchGetItemCommand(input as unknown as BatchGetItemCommandInput) as unknown as AnyCommand,
  BatchWriteItem: (input) => new BatchWriteItemCommand(input as unknown as BatchWriteItemCommandInput) as unknown as AnyCommand,
  TransactWriteItems: (input) => new TransactWriteItemsCommand(input as unknown as TransactWriteItemsCommandInput) as unknown as AnyCommand,
  TransactGetItems: (input) => new TransactGetItemsCommand(input as unknown as TransactGetItemsCommandInput) as unknown as AnyCommand,
};

interface Metadata {
  attempts?: number;
  totalRetryDelay?: number;
}

function metadataOf(value: unknown): Metadata {
  const meta = typeof value === 'object' && value !== null ? (value as { $metadata?: unknown }).$metadata : undefined;
  return typeof meta === 'object' && meta !== null ? (meta as Metadata) : {};
}

export function createSdkDriver(opts: SdkDriverOptions): Driver {
  const built = buildClient({
    endpoint: opts.endpoint,
    region: opts.region,
    maxSockets: opts.concurrency,
    maxAttempts: opts.maxAttempts,
    retryMode: opts.retryMode,
    requestTimeoutMs: opts.requestTimeoutMs,
    ...(opts.credentials !== undefined ? { credentials: opts.credentials } : {}),
  });
  const send = built.client.send.bind(built.client) as unknown as (command: AnyCommand) => Promise<Record<string, unknown>>;

  return {
    name: 'sdk',
    async execute(request: Request): Promise<OpResult> {
      let throttledAttempts = 0;
      try {
        const factory = COMMANDS[request.type];
        if (factory === undefined) throw Object.assign(new Error(`unsupported operation type ${String(request.type)}`), { name: 'UnsupportedOperation' });
        const command = factory(request.input);
        command.middlewareStack.add(
          (next) => async (args) => {
            try {
              return await next(args);
            } catch (err) {
              if (isThrottle(err)) throttledAttempts++;
              throw err;
            }
          },
          { step: 'deserialize', name: 'ddbenchThrottleCounter', priority: 'high' },
        );
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
          ...(request.keepOutput === true ? { output } : {}),
        };
      } catch (err) {
        return errorResult(err, throttledAttempts);
      }
    },
    async close(): Promise<void> {
      built.close();
    },
  };
}

export { createDynamoClient, LOCAL_CREDENTIALS, type Credentials } from './client.js';
