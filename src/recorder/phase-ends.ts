// Knows when a phase is over *and* its operations are all back: the moment a sweep can judge a
// step. A phase ends when the next one starts (the scheduler moves on once the phase's last
// arrival was sent), but its slowest operations, the ones a verdict most depends on, are still
// in flight then; so a phase is reported only when its recorded count reaches what its schedule
// planned. Pure bookkeeping: the recorder feeds it and builds the snapshot.

/** A send this late after its intended start waited for a slot, or the generator fell behind (health.ts uses the same limit). */
export const LATE_SEND_US = 5_000;

export class PhaseEnds {
  private readonly counts: number[];
  private readonly lates: number[];
  /** highest phase index started so far; -1 before the first */
  private highestStarted = -1;
  /** next phase to report */
  private next = 0;

  /**
   * `planned[i]`: operations phase i plans (undefined for closed loop: reported as soon as it ends).
   * `report(i, count, lateSends)` is called once per phase, in order.
   */
  constructor(
    private readonly phaseCount: number,
    private readonly planned: readonly number[] | undefined,
    private readonly report: (index: number, count: number, lateSends: number) => void,
  ) {
    this.counts = new Array<number>(phaseCount).fill(0);
    this.lates = new Array<number>(phaseCount).fill(0);
  }

  /** Hot path: one recorded sample of phase `index`, sent `sendDelayUs` after its intended start. */
  sampled(index: number, sendDelayUs: number): void {
    if (!(index >= 0 && index < this.phaseCount)) return;
    this.counts[index]!++;
    if (sendDelayUs > LATE_SEND_US) this.lates[index]!++;
    if (index === this.next && this.highestStarted > index) this.flush(false);
  }

  started(index: number): void {
    if (index > this.highestStarted) this.highestStarted = index;
    this.flush(false);
  }

  /** The load is over: every phase that started is reported, complete or not. */
  finished(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    while (this.next < this.phaseCount && this.next <= this.highestStarted) {
      const i = this.next;
      const planned = this.planned?.[i];
      const ended = this.highestStarted > i;
      const allIn = planned === undefined || this.counts[i]! >= planned;
      // a whole phase later and still short: the missing operations are not coming (a scheduler
      // that plans differently); judge with what arrived rather than never
      const overdue = this.highestStarted >= i + 2;
      if (!final && !(ended && (allIn || overdue))) return;
      this.next++;
      this.report(i, this.counts[i]!, this.lates[i]!);
    }
  }
}
