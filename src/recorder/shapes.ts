// What the recorder hands to summary.json, as zod schemas: the percentile set of a histogram and
// one interval row. They live here, beside the code that produces them, so the recorder does not
// import the summary stage; src/summary/model.ts composes them into the whole summary.json model.
import { z } from 'zod';

/** A whole number >= 0 (operation counts and the like). */
export const countSchema = z.number().int().min(0);

export const PercentilesSchema = z
  .object({
    p50: z.number(),
    p90: z.number(),
    p99: z.number(),
    p999: z.number(),
    max: z.number(),
    min: z.number(),
    mean: z.number(),
  })
  .describe('latency statistics of one histogram, microseconds (all 0 when it is empty)');
export type Percentiles = z.infer<typeof PercentilesSchema>;

export const IntervalSummarySchema = z.object({
  startSec: z.number().describe('seconds since the start of load'),
  phaseIndex: countSchema,
  count: countSchema,
  errors: countSchema,
  throttles: countSchema,
  retries: countSchema,
  conditionalFailures: countSchema,
  targetRateOpsPerSec: z.number(),
  latencyP50Us: z.number(),
  latencyP99Us: z.number(),
  latencyMaxUs: z.number(),
  serviceP50Us: z.number(),
  serviceP99Us: z.number(),
  operations: z
    .record(z.string(), z.object({ count: countSchema, errors: countSchema, p50Us: z.number(), p99Us: z.number(), maxUs: z.number() }))
    .describe('per operation: count, errors, p50, p99 and max latency'),
  // ddbench's own figures for the interval (absent in summaries written by earlier versions): they
  // describe the generator, not the target, so a latency spike can be told apart from ddbench's own stall
  sendLagP99Us: z
    .number()
    .min(0)
    .optional()
    .describe(
      "ddbench's own send lag, not the target's: p99 over the interval's operations (by completion time) of sent - intended start, clamped at 0, microseconds. " +
        'It includes time an operation waited for a free slot (open loop), so it is not purely the generator being late; 0 when the interval has no operations',
    ),
  processCpuMs: z
    .number()
    .min(0)
    .optional()
    .describe(
      "CPU time of the whole ddbench process during the interval (user + system, every thread: load workers and recording thread), milliseconds; " +
        'read in the recording thread every 250 ms and interpolated to the interval boundaries',
    ),
  gcPauseMs: z
    .number()
    .min(0)
    .optional()
    .describe(
      'total garbage-collection pause time during the interval (perf_hooks gc entries, by pause start), milliseconds: the recording thread and, with --workers N, every load worker thread summed; ' +
        'a pause reported after its interval closed counts in the next one',
    ),
});
export type IntervalSummary = z.infer<typeof IntervalSummarySchema>;
