// Hit and miss latency of the cached operations, as the local DAX server itself sees them. The
// official client cannot tell a caller whether a read was a hit, but the server knows, so it
// times each cached request from the moment the whole request has arrived to the moment its
// answer is handed to the socket, in whole microseconds, in a hit and a miss HdrHistogram per
// operation. That is the server's own processing time (cache lookup and encoding for a hit;
// that plus the round trip to DynamoDB for a miss): the network hop and the client's own
// encoding and decoding are not in it, so it is a lower bound of what a caller waits.

import { encode, newHistogram, recordUs, type Histogram } from '../recorder/histogram.js';
import type { CachedOp } from './backend.js';

/** Per operation, the encoded (HdrHistogram V2, compressed base64) hit and miss histograms. */
export type CacheLatency = Partial<Record<CachedOp, { hit: string; miss: string }>>;

export class LatencyMeter {
  private histograms = new Map<CachedOp, { hit: Histogram; miss: Histogram }>();

  record(op: CachedOp, outcome: 'hit' | 'miss', us: number): void {
    let h = this.histograms.get(op);
    if (h === undefined) {
      h = { hit: newHistogram(), miss: newHistogram() };
      this.histograms.set(op, h);
    }
    recordUs(h[outcome], us);
  }

  /** What was recorded since the last call, encoded; starts afresh. */
  take(): CacheLatency {
    const out: CacheLatency = {};
    for (const [op, h] of this.histograms) out[op] = { hit: encode(h.hit), miss: encode(h.miss) };
    this.histograms = new Map();
    return out;
  }
}
