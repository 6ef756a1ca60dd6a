// The one-line explanations of network failures the integration tests cannot provoke on
// loopback (a DNS server that does not answer, a timeout, happy-eyeballs' AggregateError).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { explainTargetError } from '../../src/cli/target-errors.js';

const netError = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${code} x`), { code, ...extra });

describe('explainTargetError', () => {
  it('a DNS server that did not answer is a runtime error (3), not bad input', () => {
    assert.deepEqual(explainTargetError(netError('EAI_AGAIN', { hostname: 'dynamodb.eu-west-1.amazonaws.com' })), {
      line: 'cannot resolve host "dynamodb.eu-west-1.amazonaws.com": the DNS server did not answer; check the network and run again',
      exitCode: 3,
    });
  });

  it('a connection that timed out names the address', () => {
    assert.deepEqual(explainTargetError(netError('ETIMEDOUT', { address: '10.0.0.1', port: 443 })), {
      line: 'cannot reach 10.0.0.1:443 (ETIMEDOUT: no answer): start the endpoint or check --target, the network and any proxy, then run again',
      exitCode: 3,
    });
  });

  it('looks inside an AggregateError (every address refused)', () => {
    const err = new AggregateError([netError('ECONNREFUSED', { address: '::1', port: 8000 }), netError('ECONNREFUSED', { address: '127.0.0.1', port: 8000 })], 'all failed');
    assert.equal(explainTargetError(err)?.line, 'cannot reach ::1:8000 (connection refused: nothing is listening there): start the endpoint or check --target, the network and any proxy, then run again');
  });

  it('access denied without the action in the message falls back to the failing command', () => {
    const err = Object.assign(new Error('Access denied'), { name: 'AccessDeniedException', ddbenchOperation: 'DescribeTable' });
    assert.equal(explainTargetError(err)?.line, 'access denied: these credentials may not call dynamodb:DescribeTable: allow dynamodb:DescribeTable in its IAM policy (docs/aws.md "AWS permissions" lists every action ddbench calls)');
  });

  it('leaves errors it does not know alone (they keep their stack)', () => {
    assert.equal(explainTargetError(new TypeError('x is undefined')), undefined);
    assert.equal(explainTargetError('a string'), undefined);
  });
});
