// Honest throughput: how many operations completed *inside* each phase's window, by completion
// time, whichever phase planned them. A phase's achieved rate is that count over the window's
// length; it is what the target served while the phase ran (what an endpoint-side counter sees).
// Counting a phase's own operations over its length instead overstates a target that cannot keep
// up: the backlog queued during the phase completes in the drain after it, and would be divided
// by the phase's length (issue 10: 42,081/s reported for an endpoint that served 21,052/s).
//
// A phase's window runs from its real start to the next phase's real start; the last phase
// started ends where its plan (or an interrupt) ends it. Completions after that are the drain:
// counted apart, per planning phase (their latency still counts in the histograms).
//
// Completions are classified when recorded, against the phase starts known then: the recording
// thread sees every start before the samples that complete after it (in-thread exactly; with
// load workers, up to one sample flush late at a phase boundary). A completion past the current
// phase's planned end is held as an overrun until we know whether the next phase started after
// it (the phase overran its plan with a backlog: still its window) or never did (the drain).
import { isFlowOp } from '../types.js';

export interface WindowCounts {
  /** completions inside the phase's window, per operation (flows under their own names) */
  window: Record<string, number>;
  /** completions of this phase's operations after the last window closed (only the last phase started has any) */
  drain: Record<string, number>;
}

export class CompletionWindows {
  private readonly startsUs: number[] = [];
  private readonly window: Map<string, number>[];
  private readonly overrun: Map<string, number>[];
  private readonly drain: Map<string, number>[];

  /**
   * `endUsOf(i)`: phase i's current end on the run clock (its plan, moved by starts and interrupts);
   * `planPhaseAt(us)`: the phase the plan runs at `us`, for samples fed without phase starts (tests, replays).
   */
  constructor(
    phaseCount: number,
    private readonly endUsOf: (index: number) => number,
    private readonly planPhaseAt: (us: number) => number,
  ) {
    const maps = () => Array.from({ length: Math.max(1, phaseCount) }, () => new Map<string, number>());
    this.window = maps();
    this.overrun = maps();
    this.drain = maps();
  }

  started(index: number, nowUs: number): void {
    if (index < 0 || index >= this.window.length) return;
    // a phase started late: every completion its predecessors held as overrun was inside their window
    for (let i = this.startsUs.length; i <= index; i++) this.startsUs[i] = nowUs;
    for (let i = 0; i < index; i++) moveAll(this.overrun[i]!, this.window[i]!);
    // only the last phase started can overrun, so what was held as drain is not drain any more
    for (const d of this.drain) d.clear();
  }

  /** Hot path: one completion at `endUs` of operation `op`, planned by phase `phaseIndex`. */
  completed(op: string, phaseIndex: number, endUs: number): void {
    let j = this.startsUs.length - 1;
    let last = j;
    if (j < 0) {
      j = this.planPhaseAt(endUs);
      last = this.window.length - 1;
    } else while (j > 0 && this.startsUs[j]! > endUs) j--;
    if (j === last && endUs > this.endUsOf(j)) {
      // past the running phase's end: overrun if a later phase starts, else the drain of its planner
      bump(this.overrun[j]!, op);
      bump(this.drain[Math.min(Math.max(phaseIndex, 0), this.drain.length - 1)]!, op);
      return;
    }
    bump(this.window[j]!, op);
  }

  /**
   * Counts of phase `index`. With `final` (the load is over) the overrun of the last phase started
   * is the drain; before that a phase is asked for once the next one started (a sweep's step),
   * when whatever it overran is window.
   */
  counts(index: number, final: boolean): WindowCounts {
    const window = toRecord(this.window[index]);
    if (final) return { window, drain: toRecord(this.drain[index]) };
    for (const [op, n] of this.overrun[index] ?? []) window[op] = (window[op] ?? 0) + n;
    return { window, drain: {} };
  }
}

/** Total of the non-flow operations (a flow's steps already count). */
export function opsTotal(counts: Record<string, number>): number {
  let n = 0;
  for (const [op, c] of Object.entries(counts)) if (!isFlowOp(op)) n += c;
  return n;
}

function bump(m: Map<string, number>, op: string): void {
  m.set(op, (m.get(op) ?? 0) + 1);
}

function moveAll(from: Map<string, number>, to: Map<string, number>): void {
  for (const [op, n] of from) to.set(op, (to.get(op) ?? 0) + n);
  from.clear();
}

function toRecord(m: Map<string, number> | undefined): Record<string, number> {
  return m === undefined ? {} : Object.fromEntries(m);
}
