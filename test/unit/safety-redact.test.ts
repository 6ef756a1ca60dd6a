// redactSecrets: SigV4 material and the credential variables never reach the console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets } from '../../src/safety/redact.js';

test('an echoed Authorization header loses its credential and signature, key names included', () => {
  const header = 'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
  const out = redactSecrets(header, {});
  assert.equal(out, 'Authorization: AWS4-HMAC-SHA256 [redacted], SignedHeaders=host;x-amz-date, [redacted]');
});

test('tokens, secret keys in config form, access key ids and the values of the credential variables are redacted', () => {
  const env = { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_ACCESS_KEY_ID: 'short' };
  assert.equal(redactSecrets('X-Amz-Security-Token: abc123==\nnext line', env), 'X-Amz-Security-Token: [redacted]\nnext line');
  assert.equal(redactSecrets('aws_secret_access_key = s3cr3t', env), 'aws_secret_access_key = [redacted]');
  assert.equal(redactSecrets('key ASIAABCDEFGHIJKLMNOP used', env), 'key [redacted] used');
  assert.equal(redactSecrets('oops wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY oops', env), 'oops [redacted] oops');
  assert.equal(redactSecrets('a short value is left alone: short', env), 'a short value is left alone: short');
});

test('ordinary output is unchanged', () => {
  const line = 'get-profile  p99 4.2ms  errors 0  Signature of the run: none  created table "ddbench-gaming"';
  assert.equal(redactSecrets(line, {}), line);
});
