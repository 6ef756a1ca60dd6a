// No credential, session token or signature in any output. The run gets recognisable fake
// credentials and a fake endpoint that misbehaves the worst way it can for this: it echoes the
// request's Authorization and X-Amz-Security-Token headers back in its error messages, on item
// operations (the run goes on and aborts on its error rate) and on the table's own calls (the
// run fails before the load). Every file the runs write, and their stdout and stderr, are then
// searched for the three values and for `Signature=` / `Credential=`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runAgainst, tempDir, withFake } from './faults-support.js';
import { readSummaryJson } from '../support/cli.js';

const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIADDBENCHLEAKTEST1', AWS_SECRET_ACCESS_KEY: 'ddbench/leak/secret/value', AWS_SESSION_TOKEN: 'ddbenchLeakSessionToken' };
const FORBIDDEN = [...Object.values(CREDENTIALS), 'Signature=', 'Credential='];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function assertClean(label: string, text: string): void {
  for (const secret of FORBIDDEN) assert.ok(!text.includes(secret), `${label} contains ${secret}:\n${text.slice(Math.max(0, text.indexOf(secret) - 200), text.indexOf(secret) + 200)}`);
}

for (const driver of ['sdk', 'http'] as const) {
  test(`--driver ${driver} with recognisable credentials: no output, log, summary or report holds them, error paths included`, { timeout: 120_000 }, async () => {
    const out = tempDir(`leak-${driver}`);
    const env = { ...CREDENTIALS, AWS_REGION: 'us-east-1', GITHUB_STEP_SUMMARY: join(out.dir, 'step-summary.md'), AWS_PROFILE: '', AWS_CONFIG_FILE: join(out.dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(out.dir, 'none') };
    const outputs: { label: string; text: string }[] = [];
    try {
      // item operations answered with the echo half of the time: errors, an abort, every report format
      await withFake(['--fault', 'echo-auth', '--fault-fraction', '0.5'], async (endpoint) => {
        const dir = join(out.dir, 'run');
        const res = await runAgainst(endpoint, dir, ['--driver', driver, '--duration', '4s', '--abort', 'errors > 20% for 2s', '--junit', join(out.dir, 'junit.xml'), '--markdown', join(out.dir, 'summary.md')], { env });
        assert.equal(res.code, 1, res.stderr);
        const summary = readSummaryJson(join(dir, 'summary.json'));
        assert.ok(summary.total.errorNames['UnrecognizedClientException']! > 0, 'the echoing answers were received');
        assert.match(summary.stopReason ?? '', /^aborted: errors/);
        const seen = (await (await fetch(`${endpoint.url}/__control`)).json()) as { accessKeys: string[] };
        assert.deepEqual(seen.accessKeys, [CREDENTIALS.AWS_ACCESS_KEY_ID], 'the run signed with the test credentials');
        outputs.push({ label: 'stdout', text: res.stdout }, { label: 'stderr', text: res.stderr });
      });
      // the table's own calls echo too: the run fails before the load, printing the endpoint's message
      await withFake(['--fault', 'echo-auth', '--fault-scope', 'all'], async (endpoint) => {
        const res = await runAgainst(endpoint, join(out.dir, 'failed'), ['--driver', driver], { env });
        // credentials AWS refuses are the user's to fix: exit 2 (docs/aws.md "When AWS says no")
        assert.equal(res.code, 2, res.stderr);
        assert.match(res.stderr, /UnrecognizedClientException on DescribeTable: The security token included in the request is invalid/);
        assert.match(res.stderr, /\[redacted\]/, 'the echoed credential was there, and was redacted');
        outputs.push({ label: 'stdout of the failed run', text: res.stdout }, { label: 'stderr of the failed run', text: res.stderr });
      });
      const files = filesUnder(out.dir);
      for (const expected of ['summary.json', 'latency.hlog', 'report.html', 'junit.xml', 'summary.md', 'step-summary.md']) {
        assert.ok(files.some((f) => f.endsWith(expected)), `${expected} was written`);
      }
      for (const file of files) outputs.push({ label: file, text: readFileSync(file, 'utf8') });
      for (const { label, text } of outputs) assertClean(label, text);
    } finally {
      out.remove();
    }
  });
}
