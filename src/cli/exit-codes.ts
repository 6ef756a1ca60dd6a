// Which exit code the process gets is decided here and nowhere else: every command hands its
// ending (the judge's answer, the run's state, an error) to exitCodeFor and returns what it gives.
import type { RunState } from '../engine/run-state.js';

/** ddbench's exit codes, as in k6: one per kind of ending, so CI can tell them apart. */
export const EXIT = {
  pass: 0,
  gateFailed: 1,
  invalidInput: 2,
  runtimeError: 3,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Ending {
  /** the judge's answer (engine/judge.ts); absent when there was nothing to judge */
  pass?: boolean | undefined;
  /** how this process's run ended; absent for commands that run no load */
  state?: RunState | undefined;
  /** the command failed: bad input (a UsageError, a scenario with problems) or a runtime error */
  error?: 'invalid-input' | 'runtime' | undefined;
}

/**
 * In order: interrupted by a signal 130 (whatever failed while it stopped: the signal came first);
 * bad input 2; a runtime error or a crash 3; an abort rule 1 (the run failed its criteria), or 3
 * when the rule says the target is down (`unreachable`);
 * otherwise the judge's answer, 0 or 1 (0 when there was nothing to judge).
 */
export function exitCodeFor(ending: Ending): ExitCode {
  const kind = ending.state?.kind;
  if (kind === 'interrupted') return EXIT.interrupted;
  if (ending.error === 'invalid-input') return EXIT.invalidInput;
  if (ending.error === 'runtime' || kind === 'crashed') return EXIT.runtimeError;
  // an `unreachable` rule says the target is down: a runtime fault, not a failed criterion
  if (kind === 'aborted') return ending.state?.kind === 'aborted' && ending.state.targetFault === true ? EXIT.runtimeError : EXIT.gateFailed;
  return ending.pass === false ? EXIT.gateFailed : EXIT.pass;
}
