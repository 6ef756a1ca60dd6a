// Runs the scenario fuzz property in a worker thread (see fuzz-scenario.test.ts): the main
// thread watches it and can stop a case that hangs, which no in-thread timeout could.
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { parseScenarioText, formatProblems } from '../../src/scenario/load.js';
import { workloadProblems, createWorkload } from '../../src/workload/index.js';
import { fuzzCase, loadBases, renderCase } from './fuzz-scenario-cases.js';

export interface FuzzInput {
  seed: number;
  numRuns: number;
}

export type FuzzMessage =
  | { type: 'case'; index: number; text: string }
  | { type: 'done'; runs: number; ok: number; invalid: number; problems: number }
  | { type: 'failed'; message: string };

const port = parentPort!;
const { seed, numRuns } = workerData as FuzzInput;
const bases = loadBases();
let index = 0;
const tally = { ok: 0, invalid: 0, problems: 0 };

/** One file, checked as `ddbench validate` and `ddbench run` check it, plus a few requests built from a valid one. */
function check(text: string, fileName: string): void {
  const loaded = parseScenarioText(text, fileName);
  const problems = loaded.ok ? workloadProblems(loaded.scenario) : loaded.problems;
  if (problems.length > 0) {
    tally.invalid++;
    tally.problems += problems.length;
    for (const p of problems) {
      if (typeof p.path !== 'string') throw new Error(`a problem without a path: ${JSON.stringify(p)}`);
      if (typeof p.message !== 'string' || p.message.trim() === '') throw new Error(`a problem without a message: ${JSON.stringify(p)}`);
      if (p.line !== undefined && !(Number.isInteger(p.line) && p.line >= 1)) throw new Error(`a problem with a bad line: ${JSON.stringify(p)}`);
    }
    formatProblems(problems, fileName);
    return;
  }
  if (!loaded.ok) throw new Error('unreachable');
  tally.ok++;
  // a valid plan must also make requests: the first few operations and seed items
  const workload = createWorkload(loaded.scenario, { seed: loaded.scenario.randomSeed });
  for (let i = 0; i < 5; i++) workload.next();
  let n = 0;
  for (const _ of workload.seedItems()) if (++n >= 3) break;
}

/** the first case that threw, reported as is: fast-check's own report would print a deep value recursively */
let failure: string | undefined;
const shown = (text: string) => (text.length > 4000 ? `${text.slice(0, 4000)}\n... (${text.length} characters)` : text);

try {
  fc.assert(
    fc.property(fuzzCase, (c) => {
      if (failure !== undefined) return;
      port.postMessage({ type: 'case', index, text: '(being generated)' } satisfies FuzzMessage);
      const { text, fileName } = renderCase(c, bases);
      port.postMessage({ type: 'case', index, text: shown(text) } satisfies FuzzMessage);
      try {
        check(text, fileName);
      } catch (error) {
        failure = `case ${index} (${fileName}) threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n--- the file:\n${shown(text)}`;
      }
      index++;
    }),
    { seed, numRuns },
  );
  port.postMessage(failure !== undefined ? { type: 'failed', message: failure } : ({ type: 'done', runs: index, ...tally } satisfies FuzzMessage));
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FuzzMessage);
}
