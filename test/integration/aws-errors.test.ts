// What a new AWS user sees when credentials, IAM, DNS, the network or capacity get in the way:
// the real CLI against a loopback endpoint that answers AWS's own errors (and an unresolvable
// host, and a credential chain with nothing in it), asserting the exact line, the exit code and
// that no stack trace is printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../support/cli.js';
import { accessDenied, startAwsErrorsServer, type AwsErrorsServer } from '../support/aws-errors-server.js';

const TABLE = 'ddbench-gaming';

/** The environment with every AWS_* variable removed, HOME empty and instance metadata off. */
function bareEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return { ...env, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none') };
}

function assertOneLine(res: CliResult, line: string, code: number): void {
  const errorLines = res.stderr.split('\n').filter((l) => l.startsWith('ddbench: '));
  assert.deepEqual(errorLines, [`ddbench: ${line}`], res.stderr);
  assert.equal(res.code, code, res.stderr);
  assert.doesNotMatch(res.stderr, /^\s+at /m, 'no stack trace');
}

describe('errors a new AWS user meets', { timeout: 180_000 }, () => {
  let server: AwsErrorsServer;
  let dir: string;
  let home: string;
  before(async () => {
    server = await startAwsErrorsServer();
    dir = mkdtempSync(join(tmpdir(), 'ddbench-aws-errors-'));
    home = mkdtempSync(join(tmpdir(), 'ddbench-empty-home-'));
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  const run = (extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
    runCli(['run', 'scenarios/gaming.yaml', '--target', server.endpoint, '--duration', '1s', '--seed-items', '50', '--out', join(dir, 'out'), ...extra], { env });

  it('no credentials: the SDK credential chain finds nothing (empty HOME, no AWS_* variables, no instance metadata)', async () => {
    // --target aws: the chain fails before any request, so nothing leaves the machine
    const res = await runCli(['run', 'scenarios/gaming.yaml', '--target', 'aws', '--region', 'eu-west-1', '--yes', '--out', join(dir, 'out')], { env: bareEnv(home), cwd: undefined });
    assertOneLine(res, 'no AWS credentials found: run "aws configure" or "aws sso login" (then set AWS_PROFILE), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; local targets need none', 2);
  });

  it('an expired session token', async () => {
    server.fail({ DescribeTable: { status: 400, type: 'ExpiredTokenException', message: 'The security token included in the request is expired' } });
    assertOneLine(await run(), 'AWS rejected the credentials as expired (ExpiredTokenException on DescribeTable): refresh them ("aws sso login", or new temporary keys in AWS_SESSION_TOKEN) and run again', 2);
  });

  it('an invalid access key', async () => {
    server.fail({ DescribeTable: { status: 400, type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' } });
    assertOneLine(
      await run(),
      'AWS rejected the credentials (UnrecognizedClientException on DescribeTable: The security token included in the request is invalid.): check that AWS_PROFILE, or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, belong together and to this account',
      2,
    );
  });

  for (const action of ['DescribeTable', 'CreateTable', 'BatchWriteItem']) {
    it(`access denied on ${action} names the missing IAM action`, async () => {
      server.fail({ [action]: accessDenied(action, TABLE) });
      const res = await run();
      const line = `access denied: arn:aws:iam::123456789012:user/new-user may not call dynamodb:${action} on arn:aws:dynamodb:eu-west-1:123456789012:table/${TABLE}: allow dynamodb:${action} in its IAM policy (docs/aws.md "AWS permissions" lists every action ddbench calls)`;
      assertOneLine(res, action === 'BatchWriteItem' ? `seeding table "${TABLE}": ${line}` : line, 2);
    });
  }

  it('access denied on the data operations: the run says which IAM actions to allow and exits 2', async () => {
    // refused requests are recorded, not thrown: the run ends, then says what the numbers are
    server.fail(Object.fromEntries(['GetItem', 'UpdateItem', 'Query', 'PutItem'].map((a) => [a, accessDenied(a, TABLE)])));
    const res = await run(['--rate', '100', '--no-warmup', '--random-seed', '7']);
    const m = /access denied on (\d+) of (\d+) requests/.exec(res.stderr);
    assert.ok(m && m[1] === m[2], res.stderr);
    assertOneLine(
      res,
      `access denied on ${m[1]} of ${m[1]} requests (dynamodb:GetItem, dynamodb:UpdateItem, dynamodb:Query, dynamodb:PutItem refused with AccessDeniedException): allow these actions in the credentials' IAM policy (docs/aws.md "AWS permissions"); this run measured refusals, not DynamoDB`,
      2,
    );
  });

  it('--reuse-table with no such table in that region', async () => {
    server.fail({});
    const res = await run(['--reuse-table']);
    assertOneLine(res, `--reuse-table: table "${TABLE}" does not exist on ${server.endpoint}; tables belong to one region, so check --region, or run without --reuse-table to create it`, 2);
    assert.deepEqual(server.calls, ['DescribeTable'], 'nothing but the one look-up');
  });

  it('throttling while creating the table', async () => {
    server.fail({ CreateTable: { status: 400, type: 'LimitExceededException', message: 'Subscriber limit exceeded: Only 50 tables can be created, updated, or deleted simultaneously' } });
    assertOneLine(
      await run(),
      'the target throttled table setup (LimitExceededException on CreateTable after 5 attempts: Subscriber limit exceeded: Only 50 tables can be created, updated, or deleted simultaneously): wait a minute and run again, or give the table more capacity (table.billingMode: PAY_PER_REQUEST, or higher provisioned throughput), or seed fewer items',
      3,
    );
  });

  it('throttling while seeding, once the SDK retries run out', async () => {
    server.fail({ BatchWriteItem: { status: 400, type: 'ProvisionedThroughputExceededException', message: 'The level of configured provisioned throughput for the table was exceeded.' } });
    const res = await run();
    assertOneLine(
      res,
      `seeding table "${TABLE}": the target throttled table setup (ProvisionedThroughputExceededException on BatchWriteItem after 5 attempts: The level of configured provisioned throughput for the table was exceeded.): wait a minute and run again, or give the table more capacity (table.billingMode: PAY_PER_REQUEST, or higher provisioned throughput), or seed fewer items`,
      3,
    );
    assert.ok(server.calls.includes('DeleteTable'), 'the table this run created is deleted');
  });

  it('an unresolvable host: nothing answered, nothing was sent', async () => {
    const res = await runCli(['run', 'scenarios/gaming.yaml', '--target', 'http://nonexistent.invalid:8000', '--yes', '--out', join(dir, 'out')], {
      env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example', AWS_EC2_METADATA_DISABLED: 'true' },
    });
    assertOneLine(res, 'cannot resolve host "nonexistent.invalid": nothing was sent; check the host in --target (or --region for --target aws)', 2);
  });

  it('a loopback port where nothing listens', async () => {
    const closed = await startAwsErrorsServer();
    const endpoint = closed.endpoint;
    await closed.close();
    const res = await runCli(['run', 'scenarios/gaming.yaml', '--target', endpoint, '--out', join(dir, 'out')]);
    assertOneLine(res, `cannot reach 127.0.0.1:${new URL(endpoint).port} (connection refused: nothing is listening there): start the endpoint or check --target, the network and any proxy, then run again`, 3);
  });
});
