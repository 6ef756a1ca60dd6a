// Debian's `hey` (Go) as the compiled reference client: it posts the http driver's GetItem
// (body and headers minus Authorization: the null endpoint checks no signature) at a fixed
// rate, and its per-response CSV gives microsecond latencies for p50/p99/p99.9 (its own summary
// stops at p99). Its rate flag `-q` is per worker, so the rate is q x c.
//
// hey is closed loop per worker (a ticker paces each worker; a late answer delays that worker's
// next request), so its latency is from the actual send, not from an intended start: at these
// rates against an instant endpoint the two coincide, which is why it is the floor to compare to.

import { spawn, spawnSync } from 'node:child_process';
import { newHistogram, percentiles, recordUs } from '../src/recorder/histogram.js';
import type { Percentiles } from '../src/recorder/shapes.js';
import { GET_ITEM_BODY, UNSIGNED_HEADERS } from './baselines.js';
import { HAS_TASKSET } from './child.js';

const hasHey = (): boolean => spawnSync('hey', [], { stdio: 'ignore' }).error === undefined;

/**
 * hey when present; when missing and running as root, `apt-get install -y hey`; otherwise a
 * line saying how to get it (its row is then skipped, visibly).
 */
export function ensureHey(log: (m: string) => void): { ok: true } | { ok: false; why: string } {
  if (hasHey()) return { ok: true };
  if (process.getuid?.() !== 0) return { ok: false, why: 'hey is not installed (run `apt-get install -y hey` as root): its row is skipped' };
  log('installing hey (apt-get install -y hey)');
  const r = spawnSync('apt-get', ['install', '-y', 'hey'], { stdio: 'ignore' });
  if (r.status !== 0 || !hasHey()) return { ok: false, why: `apt-get install -y hey failed (exit ${r.status}): its row is skipped` };
  return { ok: true };
}

export interface HeyOptions {
  url: string;
  rateOpsPerSec: number;
  /** measured seconds; the first warmupSeconds of hey's run are dropped */
  seconds: number;
  warmupSeconds: number;
  cpu?: number;
}

export interface HeyResult {
  workers: number;
  perWorkerRate: number;
  count: number;
  failures: number;
  latencyUs: Percentiles;
}

/** Workers so that each one's rate is at most 100/s, a whole divisor of the rate. */
export function heyWorkers(rateOpsPerSec: number): { workers: number; perWorkerRate: number } {
  const workers = Math.max(1, Math.ceil(rateOpsPerSec / 100));
  return { workers, perWorkerRate: rateOpsPerSec / workers };
}

/** hey's `-o csv` rows: response-time (s), ..., status-code, offset (s since its start). */
export function heyCsvLatencies(csv: string, fromOffsetSec: number): { latencyUs: Percentiles; count: number; failures: number } {
  const hist = newHistogram();
  let count = 0;
  let failures = 0;
  for (const line of csv.split('\n')) {
    const cells = line.split(',');
    if (cells.length < 8 || !/^[\d.]+$/.test(cells[0]!)) continue;
    if (Number(cells[7]) < fromOffsetSec) continue;
    count++;
    if (cells[6] !== '200') failures++;
    recordUs(hist, Number(cells[0]) * 1e6);
  }
  return { latencyUs: percentiles(hist), count, failures };
}

export function runHey(o: HeyOptions): Promise<HeyResult> {
  const { workers, perWorkerRate } = heyWorkers(o.rateOpsPerSec);
  const headers = Object.entries(UNSIGNED_HEADERS).filter(([k]) => k !== 'content-type').flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const args = ['-z', `${o.seconds + o.warmupSeconds}s`, '-c', String(workers), '-q', String(perWorkerRate), '-m', 'POST', '-T', UNSIGNED_HEADERS['content-type']!, ...headers, '-d', GET_ITEM_BODY, '-o', 'csv', `${o.url}/`];
  const [cmd, argv] = HAS_TASKSET && o.cpu !== undefined ? ['taskset', ['-c', String(o.cpu), 'hey', ...args]] : ['hey', args];
  return new Promise((ok, fail) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', fail);
    child.once('close', (code) => {
      if (code !== 0) return fail(new Error(`hey exited ${code}: ${err}`));
      ok({ workers, perWorkerRate, ...heyCsvLatencies(Buffer.concat(out).toString('latin1'), o.warmupSeconds) });
    });
  });
}
