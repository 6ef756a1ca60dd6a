// Built-in scenarios by name: `ddbench run gaming` runs the package's scenarios/gaming.yaml, so an
// installed ddbench (npm install -g) runs its examples from any folder. A path that exists always
// wins: a user's own ./gaming is never shadowed.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS_DIR } from '../paths.js';

const NAME = /^[A-Za-z0-9._-]+$/;
const EXTENSIONS = ['.yaml', '.ts'];

/** The file to load for what the user typed: the path itself, or a built-in scenario of that name. */
export function resolveScenarioPath(fileOrName: string, dir: string = SCENARIOS_DIR): string {
  if (existsSync(fileOrName) || !NAME.test(fileOrName)) return fileOrName;
  for (const ext of EXTENSIONS) {
    const candidate = join(dir, `${fileOrName}${ext}`);
    if (existsSync(candidate)) return candidate;
  }
  return fileOrName;
}

/** The built-in scenarios' names (`gaming`, `retail-session`...), for messages and --help. */
export function builtInScenarioNames(dir: string = SCENARIOS_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => EXTENSIONS.some((ext) => f.endsWith(ext)))
      .map((f) => f.replace(/\.(yaml|ts)$/, ''))
      .sort();
  } catch {
    return [];
  }
}
