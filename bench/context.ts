// Settings every benchmark section shares, fixed once by bench/run-all.ts.

export interface BenchContext {
  /** scenario files and run outputs (removed at the end) */
  workDir: string;
  /** a null endpoint answering at once, on endpointCpu when pinned */
  endpointUrl: string;
  /** the client's CPU when pinned (undefined: not pinned) */
  clientCpu: number | undefined;
  endpointCpu: number | undefined;
  /** measurements per row in the throughput section; each row keeps its best */
  reps: number;
  warmupMs: number;
  measureMs: number;
  /** requests in flight in every closed loop, and the concurrency cap of open loops */
  concurrency: number;
  /** BENCH_FLOOR_REPS: runs of each client per rate in the measurement floor section (default 3) */
  floorReps?: number;
  /** BENCH_LONG=1: the memory section's long run lasts 10 minutes */
  long: boolean;
  log(message: string): void;
}
