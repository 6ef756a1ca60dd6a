// Every endpoint ddbench started, so the engine's signal and error handlers can stop them all
// without threading handles around. The 'exit' hook is the last line of defence for paths that
// never reach a handler (process.exit in a hurry, an uncaught exception): it can only do
// synchronous work, so it signals each supervisor's process group and trusts the supervisor
// (which also sees its stdin close at exit) to stop the endpoint.

import type { RunningEndpoint } from './running.js';

const running = new Set<RunningEndpoint>();
const processGroups = new Map<RunningEndpoint, number>();
let exitHookInstalled = false;

function onExit(): void {
  for (const pgid of processGroups.values()) {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Called by the spawner when an endpoint is up. `pgid`: its supervisor's process group. */
export function registerEndpoint(endpoint: RunningEndpoint, pgid?: number): void {
  running.add(endpoint);
  if (pgid !== undefined) processGroups.set(endpoint, pgid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', onExit);
  }
}

/** Called by the spawner once the endpoint is gone. */
export function unregisterEndpoint(endpoint: RunningEndpoint): void {
  running.delete(endpoint);
  processGroups.delete(endpoint);
}

/** Endpoints started and not yet stopped. */
export function runningEndpoints(): RunningEndpoint[] {
  return [...running];
}

/** Stops every endpoint this process started. Safe to call any number of times, from any handler. */
export async function stopAllEndpoints(): Promise<void> {
  await Promise.allSettled([...running].map((endpoint) => endpoint.stop()));
}
