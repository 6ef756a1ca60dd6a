// Runs one measurement in a fresh Node process (pinned to a CPU when taskset is present) and
// reads back the JSON line it prints last, so no measurement inherits another's JIT state,
// garbage or sockets.
import { spawn, spawnSync } from 'node:child_process';

export const HAS_TASKSET = spawnSync('taskset', ['--version']).status === 0;

/** `node script args`, pinned to `cpu` when taskset is available. */
export function pinned(cpu: number | undefined, script: string, args: string[]): [string, string[]] {
  return HAS_TASKSET && cpu !== undefined ? ['taskset', ['-c', String(cpu), process.execPath, script, ...args]] : [process.execPath, [script, ...args]];
}

export function jsonFromChild<T>(script: string, args: string[], cpu?: number): Promise<T> {
  const [cmd, argv] = pinned(cpu, script, args);
  return new Promise((ok, fail) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        ok(JSON.parse(line) as T);
      } catch {
        fail(new Error(`${script} ${args.join(' ')} failed (exit ${code}): ${out}`));
      }
    });
  });
}
