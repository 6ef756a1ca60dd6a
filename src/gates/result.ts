// One gate's verdict as summary.json holds it (summary/model.ts composes it): gates own their
// result, so they need nothing from the summary stage.
import { z } from 'zod';

export const GateResultSchema = z.object({
  expr: z.string(),
  pass: z.boolean(),
  actual: z.number().nullable().describe("measured value, in the gate's unit (ms for latency, % for rates, ops/s for throughput)"),
  threshold: z.number(),
  unit: z.string(),
  message: z.string(),
  inconclusive: z.boolean().optional().describe('the margin between actual and threshold lies within the harness floor: neither a pass nor a fail of the target'),
});
export type GateResult = z.infer<typeof GateResultSchema>;
