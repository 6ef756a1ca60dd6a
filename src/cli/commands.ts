// Every command of the CLI, in the order --help lists them. Apart from main.ts (which wires the
// process: signals, exit) so that tests can parse a command line with the real definitions.
import type { Command } from './parser.js';
import { registerRun } from './commands/run.js';
import { registerValidate } from './commands/validate.js';
import { registerSchema } from './commands/schema.js';
import { registerCompare } from './commands/compare.js';
import { registerReport } from './commands/report.js';
import { registerSweep } from './commands/sweep.js';
import { registerMerge } from './commands/merge.js';
import { registerK8s } from './commands/k8s.js';
import { registerDaxLocal } from './commands/dax-local.js';
import { registerInit } from './commands/init.js';
import { registerTrend } from './commands/trend.js';
import { registerCalibrate } from './commands/calibrate.js';

export const COMMANDS: readonly Command[] = [registerRun, registerValidate, registerSchema, registerCompare, registerReport, registerMerge, registerK8s, registerSweep, registerDaxLocal, registerInit, registerTrend, registerCalibrate];
