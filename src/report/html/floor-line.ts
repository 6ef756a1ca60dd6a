// The harness floor as the charts draw it: a band from the axis up to the floor's p99 (ddbench's
// own noise against a null endpoint), on the spectrum and the latency-over-time charts. A curve
// inside the band cannot be told apart from ddbench itself.
import type { Summary } from '../../summary/model.js';

export interface FloorLine {
  /** the floor's p99, ms */
  y: number;
  label: string;
}

/** Only when the run measured a floor (summary.harness.floor): nothing is drawn otherwise. */
export function floorLine(s: Summary): FloorLine | undefined {
  const f = s.harness?.floor;
  if (f === undefined) return undefined;
  const ms = f.latencyUs.p99 / 1000;
  return { y: ms, label: `harness floor (p99 ${ms.toFixed(2)} ms, ${f.driver})` };
}
