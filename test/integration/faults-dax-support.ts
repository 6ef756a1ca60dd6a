// Shared by the DAX fault and chaos tests: local DAX server processes started by the test itself
// (a two-node cluster, a node with a fault), the pids a run printed, and checks that every
// process is gone afterwards.
import assert from 'node:assert/strict';
import net from 'node:net';
import { join } from 'node:path';
import { ROOT, isAlive, waitUntil } from '../support/cli.js';
import { startScript, type TestEndpoint } from '../support/endpoints.js';
import { portClosed } from './faults-support.js';

export const DAX_CHILD = join(ROOT, 'dist', 'src', 'dax-server', 'child.js');
export const ENDPOINT_CHILD = join(ROOT, 'dist', 'src', 'endpoints', 'endpoint-child.js');

/** A port nothing listens on right now (the OS's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A local DAX server process in front of `dynamodbUrl`, with the test-only flags of child.ts. */
export function startDaxNode(dynamodbUrl: string, args: string[] = []): Promise<TestEndpoint> {
  return startScript(DAX_CHILD, ['--dynamodb-endpoint', dynamodbUrl, ...args]);
}

/** Two nodes that list each other: a leader (the seed a run is given) and a replica. */
export async function startDaxCluster(dynamodbUrl: string): Promise<{ leader: TestEndpoint; replica: TestEndpoint }> {
  const [leaderPort, replicaPort] = [await freePort(), await freePort()];
  const [leader, replica] = await Promise.all([
    startDaxNode(dynamodbUrl, ['--port', String(leaderPort), '--peer', `127.0.0.1:${replicaPort}:2`]),
    startDaxNode(dynamodbUrl, ['--port', String(replicaPort), '--role', '2', '--peer', `127.0.0.1:${leaderPort}:1`]),
  ]);
  return { leader, replica };
}

export const daxUrl = (e: TestEndpoint): string => `dax://127.0.0.1:${e.port}`;

/** Stops test-started endpoints (a killed or stopped one included) and checks process and port are gone. */
export async function stopAll(endpoints: TestEndpoint[]): Promise<void> {
  for (const e of endpoints) {
    const pid = e.child.pid!;
    if (isAlive(pid)) process.kill(pid, 'SIGCONT'); // a stalled node must be able to end
    await e.stop();
    await waitUntil(() => !isAlive(pid), 10_000, `endpoint ${pid} to end`);
    assert.ok(await portClosed(e.port), `port ${e.port} is still open`);
  }
}

/** The local DAX server's pid from `started local DAX server at dax://127.0.0.1:PORT (pid N)`. */
export function daxServerPid(stderr: string): { pid: number; port: number } | undefined {
  const m = /started local DAX server at dax:\/\/127\.0\.0\.1:(\d+) \(pid (\d+)\)/.exec(stderr);
  return m ? { port: Number(m[1]), pid: Number(m[2]) } : undefined;
}
