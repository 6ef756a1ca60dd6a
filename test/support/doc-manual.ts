// The manual as the doc-example tests see it: every page, every fenced block and what kind of
// check each gets (test/unit/docs-examples.test.ts checks them in-process,
// test/integration/docs-commands.test.ts runs the cheap command lines with the real binary).
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { commandLines, extractBlocks, manualPages, readPage } from './doc-examples.js';
import type { DocBlock, DocCommand } from './doc-examples.js';

export const PAGES = manualPages(ROOT);
export const BLOCKS = PAGES.flatMap((page) => extractBlocks(page, readPage(ROOT, page)));
export const where = (b: { file: string; line: number }): string => `${b.file}:${b.line}`;

const SHELL = new Set(['sh', 'bash', 'shell', 'console']);
export const FRAGMENT = 'fragment of a scenario, merged into base';
export const WORKFLOW = 'github workflow steps';
const WORKFLOW_FILE = 'github workflow';
/** the scenario a fragment is merged into (its keys replace the base's) */
export const BASE_SCENARIO = join(ROOT, 'scenarios', 'gaming.yaml');

/** Commands cheap enough to run for real: no load, no endpoint. */
export const RUNNABLE = new Set(['validate', 'schema', 'init', 'k8s', 'report', 'compare', 'merge', 'trend']);
/** What a scratch folder holds, copied from the repository, so the examples' paths resolve and their outputs land outside it. */
export const SCRATCH_COPIES = ['scenarios', 'test/fixtures'];

export function kindOf(b: DocBlock): 'scenario' | 'fragment' | 'workflow' | 'script' | 'shell' | 'unchecked' | 'unmarked' {
  if (b.marker !== undefined) {
    if (b.marker === FRAGMENT) return 'fragment';
    if (b.marker === WORKFLOW || b.marker === WORKFLOW_FILE) return 'workflow';
    if (/^not checked: \S/.test(b.marker)) return 'unchecked';
    return 'unmarked'; // an unknown marker checks nothing
  }
  if (b.lang === 'yaml' || b.lang === 'yml' || b.lang === 'json') return 'scenario';
  if (b.lang === 'ts' || b.lang === 'typescript') return 'script';
  if (SHELL.has(b.lang)) return 'shell';
  return 'unmarked';
}

export const COMMANDS_IN_SHELL: DocCommand[] = BLOCKS.filter((b) => kindOf(b) === 'shell').flatMap(commandLines);
