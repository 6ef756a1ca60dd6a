// The run's state, owned by one object: every stop (a signal, an abort rule, a crash, a sweep
// that found its knee) goes through RunControl.stop, the first one wins, and listeners hear of it.
// The judge (whether the run passed) and the exit code read the final state; nobody mutates it.

export type StopKind = 'interrupted' | 'aborted' | 'crashed' | 'planned-stop';

export type RunState =
  | { kind: 'running' }
  /** a signal (SIGINT/SIGTERM): the summary is partial, exit 130 */
  | { kind: 'interrupted'; reason: string }
  /**
   * an abort rule fired: the run failed its criteria, exit 1; `targetFault`: the rule says the
   * target itself is down (`unreachable`), a runtime fault rather than a failed criterion, exit 3
   */
  | { kind: 'aborted'; reason: string; targetFault?: true }
  /** something crashed (a driver, a worker, an uncaught error): exit 3 */
  | { kind: 'crashed'; reason: string }
  /** the run itself chose to stop (a sweep found its knee): the summary is complete */
  | { kind: 'planned-stop'; reason: string };

export type StoppedState = Exclude<RunState, { kind: 'running' }>;

export class RunControl {
  #state: RunState = { kind: 'running' };
  readonly #listeners = new Set<(state: StoppedState) => void>();
  #lastWords: (() => void) | undefined;

  get state(): RunState {
    return this.#state;
  }

  /** true once anything asked the run to stop */
  get stopping(): boolean {
    return this.#state.kind !== 'running';
  }

  /** Asks the run to stop. The first request wins (a crash during a signal's drain stays a signal); returns whether this one did. */
  stop(kind: StopKind, reason: string, opts: { targetFault?: boolean } = {}): boolean {
    if (this.#state.kind !== 'running') return false;
    const next = { kind, reason, ...(kind === 'aborted' && opts.targetFault === true ? { targetFault: true } : {}) } as StoppedState;
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
    return true;
  }

  /**
   * What the run writes when the process must quit at once (a second signal): synchronous, since
   * the process exits right after. The engine sets it while a load runs and clears it once the
   * complete files are written; undefined clears it.
   */
  setLastWords(write: (() => void) | undefined): void {
    this.#lastWords = write;
  }

  /** Runs the last words, if any (once); never throws: the process is about to exit either way. */
  sayLastWords(): void {
    const write = this.#lastWords;
    this.#lastWords = undefined;
    try {
      write?.();
    } catch (error) {
      process.stderr.write(`ddbench: could not write the summary on the way out: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  /** Called once when the run stops (at once if it already has); returns a function that unsubscribes. */
  onStop(listener: (state: StoppedState) => void): () => void {
    if (this.#state.kind !== 'running') {
      listener(this.#state);
      return () => undefined;
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Whether the summary describes the whole planned run (a planned stop is complete; any other stop is partial). */
export function isComplete(state: RunState): boolean {
  return state.kind === 'running' || state.kind === 'planned-stop';
}
