import { measureThroughput, startNullEndpointProcess } from './bench/driver-throughput.js';
const ep = await startNullEndpointProcess({ cpu: 1 });
const r = await measureThroughput({ kind: process.argv[2] ?? 'http', endpoint: ep.url, durationMs: 5000, concurrency: 64 });
console.log(JSON.stringify(r));
ep.stop();
