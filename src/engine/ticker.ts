// The interval ticker (autocannon's style): every 250 ms it closes the recorder's finished
// intervals and emits them; the progress line and the abort rules listen. The ticker decides
// nothing: whoever listens acts on what it hears.
import { EventEmitter } from 'node:events';
import type { IntervalSummary } from '../recorder/shapes.js';
import type { Clock } from '../scheduler/clock.js';

export interface IntervalSource {
  /** closes every interval that ended by nowUs and returns them (possibly none) */
  closeIntervals(nowUs: number): IntervalSummary[];
}

export interface TickerEvents {
  /** intervals that closed since the last tick (possibly none), and the run clock at the tick */
  intervals: [closed: IntervalSummary[], nowUs: number];
}

export interface Ticker extends EventEmitter<TickerEvents> {
  stop(): void;
}

export const TICK_MS = 250;

/** Starts ticking at once; `closeLagUs` holds intervals back while samples may still arrive (workers flush late). */
export function startTicker(source: IntervalSource, clock: Clock, closeLagUs = 0, periodMs = TICK_MS): Ticker {
  const emitter = new EventEmitter<TickerEvents>() as Ticker;
  const timer = setInterval(() => {
    const nowUs = clock.nowUs();
    emitter.emit('intervals', source.closeIntervals(nowUs - closeLagUs), nowUs);
  }, periodMs);
  emitter.stop = () => clearInterval(timer);
  return emitter;
}
