// The slice of autocannon's programmatic API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    /** seconds */
    duration?: number;
    method?: string;
    body?: string | Buffer;
    headers?: Record<string, string>;
    /** ms between samples of the requests/s histogram, default 1000 */
    sampleInt?: number;
  }

  interface Percentiles {
    average: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
  }

  interface Result {
    requests: Percentiles;
    /** whole milliseconds */
    latency: Percentiles;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** seconds, from start to finish */
    duration: number;
  }

  interface Instance extends EventEmitter {
    stop(): void;
  }
  }

  function autocannon(opts: autocannon.Options, cb: (err: unknown, result: autocannon.Result) => void): autocannon.Instance;
  export default autocannon;
}
