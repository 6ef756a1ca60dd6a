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
});
export type IntervalSummary = z.infer<typeof IntervalSummarySchema>;
