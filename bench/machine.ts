// The machine a benchmark ran on, written next to its figures: numbers without the machine
// (and how busy it already was) cannot be compared with anything.
import os from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** ISO date-time the run started */
  date: string;
  /** 1, 5 and 15 minute load averages before the run */
  loadAverage: [number, number, number];
  pinned: boolean;
}

export function describeMachine(pinned: boolean, now = new Date()): Machine {
  const [l1, l5, l15] = os.loadavg();
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: now.toISOString(),
    loadAverage: [l1 ?? 0, l5 ?? 0, l15 ?? 0],
    pinned,
  };
}

export function loadText(l: readonly number[]): string {
  return l.map((x) => x.toFixed(2)).join(' / ');
}

/** Said with the figures when the machine was not idle: other work only ever makes a client look slower. */
export function busyNote(m: Machine): string | undefined {
  const load = m.loadAverage[0];
  if (load < 0.25 * m.cores) return undefined;
  return `The machine was busy before the run started (load average ${load.toFixed(2)} on ${m.cores} cores: other work was running), so these figures are conservative: requests/s are floors and latencies ceilings. Requests per CPU-second moves least with load.`;
}

export function machineLines(m: Machine, loadAfter?: readonly number[]): string[] {
  return [
    `CPU: ${m.cpuModel}, ${m.cores} cores; memory ${m.memoryGb} GB; ${m.platform}`,
    `Node ${m.node}; run started ${m.date}`,
    `Load average (1/5/15 min) before the run: ${loadText(m.loadAverage)}${loadAfter ? `; after: ${loadText(loadAfter)}` : ''}`,
    m.pinned ? 'Pinning: taskset present; client on CPU 0 and null endpoint on CPU 1 unless a section says otherwise' : 'Pinning: taskset not found; nothing pinned',
  ];
}
