// The two yardsticks ddbench's drivers are held against, without any ddbench code on the path:
// - a bare AWS SDK loop: DynamoDBClient.send(GetItemCommand), configured as an application
//   would (keep-alive agent sized to the requests in flight, fixed local credentials);
// - autocannon, the fastest HTTP load generator in Node, posting the http driver's body and
//   headers minus Authorization (no signing, no response parsing).

import http from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, GetItemCommand, type GetItemCommandInput } from '@aws-sdk/client-dynamodb';
import autocannon from 'autocannon';
import { newHistogram, percentiles, recordUs } from '../src/recorder/histogram.js';
import type { Percentiles } from '../src/recorder/shapes.js';
import { jsonFromChild } from './child.js';

/** The same GetItem everywhere: the tight driver loops, the bare SDK loop and autocannon. */
export const GET_ITEM_INPUT = { TableName: 'ddbench-bench', Key: { pk: { S: 'player#12345' }, sk: { S: 'profile' } }, ReturnConsumedCapacity: 'TOTAL' };
export const GET_ITEM_BODY = JSON.stringify(GET_ITEM_INPUT);
/** What the http driver sends besides `host` (autocannon adds it) and `authorization`. */
export const UNSIGNED_HEADERS: Record<string, string> = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-date': '20250101T000000Z',
  'x-amz-target': 'DynamoDB_20120810.GetItem',
};

export function bareSdkSender(endpoint: string, concurrency: number): { send: () => Promise<boolean>; close(): Promise<void> } {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    requestHandler: { httpAgent },
  });
  const input = GET_ITEM_INPUT as unknown as GetItemCommandInput;
  return {
    send: () => client.send(new GetItemCommand(input)).then(
      () => true,
      () => false,
    ),
    close: async () => {
      client.destroy();
      httpAgent.destroy();
    },
  };
}

export interface AutocannonRun {
  requests: number;
  failures: number;
  durationMs: number;
  cpuMs: number;
  /** autocannon's own histogram: whole milliseconds */
  latencyMs: { p50: number; p99: number };
  /** the same responses timed from autocannon's `response` events, in microseconds (only with timeUs) */
  latencyUs?: Percentiles;
}

function once(url: string, connections: number, seconds: number, onResponse?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((ok, fail) => {
    const instance = autocannon(
      { url, connections, pipelining: 1, duration: seconds, method: 'POST', body: GET_ITEM_BODY, headers: UNSIGNED_HEADERS },
      (err, result) => (err ? fail(err instanceof Error ? err : new Error(String(err))) : ok(result)),
    );
    if (onResponse) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => onResponse(ms));
  });
}

/**
 * A warm-up run, then the measured one (autocannon stops on whole seconds of its sample
 * ticks, so both are whole seconds). `timeUs` also times each response to the microsecond.
 */
export async function runAutocannon(o: { url: string; connections: number; seconds: number; warmupSeconds: number; timeUs?: boolean }): Promise<AutocannonRun> {
  if (o.warmupSeconds > 0) await once(o.url, o.connections, o.warmupSeconds);
  const hist = o.timeUs ? newHistogram() : undefined;
  const cpu0 = process.cpuUsage();
  const result = await once(o.url, o.connections, o.seconds, hist ? (ms) => recordUs(hist, ms * 1000) : undefined);
  const cpu = process.cpuUsage(cpu0);
  return {
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    durationMs: Math.round(result.duration * 1000),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    ...(hist ? { latencyUs: percentiles(hist) } : {}),
  };
}

/** autocannon in a fresh process (see bench/child.ts). */
export function autocannonInChild(o: Parameters<typeof runAutocannon>[0], cpu?: number): Promise<AutocannonRun> {
  return jsonFromChild<AutocannonRun>(fileURLToPath(import.meta.url), ['--autocannon', JSON.stringify(o)], cpu);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const i = process.argv.indexOf('--autocannon');
  if (i < 0) throw new Error('usage: node dist/bench/baselines.js --autocannon JSON');
  process.stdout.write(`${JSON.stringify(await runAutocannon(JSON.parse(process.argv[i + 1]!) as Parameters<typeof runAutocannon>[0]))}\n`);
}
