// Where in a scenario script an error was thrown: the first stack frame in the script's file
// (stacks are source-mapped to the user's TypeScript, see src/scenario/module.ts).
import { pathToFileURL } from 'node:url';

/** `line:column` of the first stack frame in `file`, if any. */
export function userLocation(error: unknown, file: string): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const url = pathToFileURL(file).href;
  for (const frame of stack.split('\n').slice(1)) {
    const at = frame.includes(url) ? frame.indexOf(url) + url.length : frame.includes(file) ? frame.indexOf(file) + file.length : -1;
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(frame.slice(at));
    if (m) return `${m[1]}:${m[2]}`;
  }
  return undefined;
}

/** The line in `file` of the first stack frame in it. */
export function userLine(error: unknown, file: string): number | undefined {
  const where = userLocation(error, file);
  return where === undefined ? undefined : Number(where.split(':')[0]);
}
