// The null endpoint in a worker thread of its own: the harness-floor calibration serves itself
// from it without sharing the load lane's event loop (an endpoint on the client's loop would
// add its own work to the latency it is meant to leave out).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startNullEndpoint } from './null-endpoint.js';

export interface NullEndpointThread {
  url: string;
  close(): Promise<void>;
}

export async function startNullEndpointThread(): Promise<NullEndpointThread> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { nullEndpoint: true } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => void (await worker.terminate()),
  };
}

// only the thread started above serves (a load worker importing this module must not)
if (!isMainThread && parentPort !== null && (workerData as { nullEndpoint?: boolean } | null)?.nullEndpoint === true) {
  const endpoint = await startNullEndpoint(0);
  parentPort.postMessage({ port: endpoint.port });
}
