// Chaos, seeded: endpoint processes killed at random moments of a run, one run per driver. The
// sdk and http drivers lose DynamoDB Local's java; the dax driver loses the local DAX server in
// one run and the DynamoDB Local behind it in another. The seed picks each moment (printed in
// each test's name, so a failure replays). Whatever dies when, every run must end by itself,
// write a summary.json that matches the model, exit with the code its summary implies (0 pass,
// 1 failed gate; never a runtime error or a hang) and leave no process or port behind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/workload/rng.js';
import { assertEndpointsGone, startCli, type CliResult } from '../support/cli.js';
import { FAULTS_SCENARIO, portClosed, readOutputs, tempDir } from './faults-support.js';

const SEED = 1414;
const LOAD_MS = 3000;

type Victim = 'java' | 'dax-server';

interface ChaosCase {
  driver: 'sdk' | 'http' | 'dax';
  victim: Victim;
  /** after the load starts */
  killAfterMs: number;
}

function plan(seed: number): ChaosCase[] {
  const rng = new Rng(seed);
  const cases: [ChaosCase['driver'], Victim][] = [['sdk', 'java'], ['http', 'java'], ['dax', 'dax-server'], ['dax', 'java']];
  // anywhere in the load but its very start and end, so the kill always lands mid-run
  return cases.map(([driver, victim]) => ({ driver, victim, killAfterMs: 200 + rng.nextInt(LOAD_MS - 400) }));
}

/** Pid of the victim, from the lines the run printed when it started its endpoints. */
function victimPid(stderr: string, victim: Victim): number {
  const re = victim === 'java' ? /java pid (\d+)/ : /started local DAX server at \S+ \(pid (\d+)\)/;
  const m = re.exec(stderr);
  assert.ok(m, `the run printed the ${victim} pid:\n${stderr}`);
  return Number(m[1]);
}

/** Every loopback port the run said it listened on. */
function ports(stderr: string): number[] {
  return [...stderr.matchAll(/started [^\n]*? at (?:http|dax):\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
}

describe(`chaos (seed ${SEED}): endpoint processes killed at seeded moments`, { concurrency: 1 }, () => {
  for (const c of plan(SEED)) {
    test(`--driver ${c.driver}: ${c.victim} killed ${c.killAfterMs} ms into the load: the run ends by itself, summary readable, exit 0, 1 or 3 as its summary says, nothing left`, { timeout: 180_000 }, async () => {
      const out = tempDir(`chaos-${c.driver}`);
      try {
        const target = c.driver === 'dax' ? ['--target', 'dax-local'] : ['--target', 'dynamodb-local', '--driver', c.driver];
        const run = startCli(['run', FAULTS_SCENARIO, ...target, '--duration', `${LOAD_MS / 1000}s`, '--out', out.dir], { timeoutMs: 150_000 });
        let stderr = '';
        run.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        await run.waitFor(/load: /, 120_000);
        await new Promise((r) => setTimeout(r, c.killAfterMs));
        process.kill(victimPid(stderr, c.victim), 'SIGKILL');
        const res: CliResult = await run.result;
        assert.equal(res.signal, null, `the run ended by itself:\n${res.stderr}`);
        const { summary } = readOutputs(res, out.dir);
        // 0 pass, 1 a gate failed, 3 when the default `unreachable for 10s` rule ended the run
        const expected = /unreachable/.test(summary.stopReason ?? '') ? 3 : summary.pass ? 0 : 1;
        assert.equal(res.code, expected, `the exit code is the summary's verdict:\n${res.stderr}`);
        assert.ok(summary.total.count > 0, 'operations were measured');
        assert.doesNotMatch(res.stderr, /^\s+at /m, `no stack trace on stderr:\n${res.stderr}`);
        await assertEndpointsGone(res);
        for (const port of ports(res.stderr)) assert.ok(await portClosed(port), `port ${port} is closed`);
      } finally {
        out.remove();
      }
    });
  }
});
