// `--target local` picks DynamoDB Local only when Java can actually run it. `java -version`
// is the check (it prints to stderr); a missing binary, a broken install or a hang all mean no.

import { spawnSync } from 'node:child_process';

export type JavaCheck = { ok: true; version: string } | { ok: false; reason: string };

export function detectJava(timeoutMs = 15_000): JavaCheck {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no `java` on PATH' : `\`java -version\` failed: ${result.error.message}` };
  }
  if (result.status !== 0) return { ok: false, reason: `\`java -version\` exited with code ${result.status}` };
  // the JVM says first when it picked up JAVA_TOOL_OPTIONS (or the launcher JDK_JAVA_OPTIONS): not the version
  const firstLine = `${result.stderr}${result.stdout}`.split('\n').find((line) => line.trim() !== '' && !/^(NOTE: )?Picked up /.test(line)) ?? 'java';
  return { ok: true, version: firstLine.trim() };
}
