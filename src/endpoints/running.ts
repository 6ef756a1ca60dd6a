// A target ddbench started or connected to, as the engine holds it until it stops it.
import type { TargetInfo } from '../types.js';
import type { CacheStatsSummary } from '../summary/model.js';

export interface RunningEndpoint {
  info: TargetInfo;
  /** child process id, when ddbench started it */
  pid?: number;
  /** local DAX server: its cache hit/miss counts so far */
  cacheStats?: () => Promise<CacheStatsSummary | undefined>;
  stop(): Promise<void>;
}
