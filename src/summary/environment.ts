// The machine the load generator ran on: numbers from a laptop and from a c7g.4xlarge differ.
import os from 'node:os';
import type { Summary } from './model.js';

export function captureEnvironment(): Summary['environment'] {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemMb: Math.round(os.totalmem() / (1024 * 1024)),
    hostname: os.hostname(),
  };
}
