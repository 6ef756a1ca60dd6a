// The hand-written SigV4 signer against an independent implementation: @smithy/signature-v4
// (the signer of the AWS SDK) with node's own SHA-256 / HMAC. Same request, same date, same
// credentials must give the same Authorization header, byte for byte.

import assert from 'node:assert/strict';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { SignatureV4 } from '@smithy/signature-v4';
import { amzDates, hostHeader, JSON_CONTENT_TYPE, RequestSigner, type SigningCredentials } from '../../src/drivers/http/sigv4.js';

function bytes(data: ArrayBuffer | ArrayBufferView): Buffer {
  return data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** smithy's Checksum interface over node:crypto: a plain hash, or an HMAC when given a secret. */
class NodeSha256 {
  private h: Hash | Hmac;
  constructor(private readonly secret?: string | Uint8Array | ArrayBuffer | ArrayBufferView) {
    this.h = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    return createHmac('sha256', typeof this.secret === 'string' ? this.secret : bytes(this.secret));
  }
  update(data: string | Uint8Array | ArrayBuffer | ArrayBufferView): void {
    this.h.update(typeof data === 'string' ? data : bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
  reset(): void {
    this.h = this.fresh();
  }
}

function toObject(flat: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!;
  return out;
}

async function smithyHeaders(endpoint: string, region: string, target: string, body: string, credentials: SigningCredentials, date: Date): Promise<Record<string, string>> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials, region, service: 'dynamodb', sha256: NodeSha256, applyChecksum: false, uriEscapePath: true });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port !== '' ? { port: Number(url.port) } : {}),
      path: '/',
      query: {},
      headers: { host: hostHeader(endpoint), 'content-type': JSON_CONTENT_TYPE, 'x-amz-target': target },
      body,
    },
    { signingDate: date },
  );
  return signed.headers as Record<string, string>;
}

const KEYS: SigningCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

const CASES: { name: string; endpoint: string; region: string; target: string; body: string; credentials: SigningCredentials; date: string }[] = [
  {
    name: 'GetItem to a regional endpoint',
    endpoint: 'https://dynamodb.us-east-1.amazonaws.com',
    region: 'us-east-1',
    target: 'DynamoDB_20120810.GetItem',
    body: JSON.stringify({ TableName: 'ddbench-gaming', Key: { pk: { S: 'player#42' }, sk: { S: 'profile' } }, ReturnConsumedCapacity: 'TOTAL' }),
    credentials: KEYS,
    date: '2024-03-09T17:05:59.123Z',
  },
  {
    name: 'PutItem with a session token (temporary credentials)',
    endpoint: 'https://dynamodb.eu-west-1.amazonaws.com',
    region: 'eu-west-1',
    target: 'DynamoDB_20120810.PutItem',
    body: JSON.stringify({ TableName: 't', Item: { pk: { S: 'a' }, n: { N: '1.5' }, b: { B: 'AAEC' } } }),
    credentials: { ...KEYS, sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+token/with=chars' },
    date: '2025-12-31T23:59:59.999Z',
  },
  {
    name: 'Query with a unicode body',
    endpoint: 'http://127.0.0.1:8000',
    region: 'ddblocal',
    target: 'DynamoDB_20120810.Query',
    body: JSON.stringify({ TableName: 'ünïcødé', KeyConditionExpression: '#p = :v', ExpressionAttributeNames: { '#p': 'pk' }, ExpressionAttributeValues: { ':v': { S: 'naïve café 日本語 🎮 \u2028' } } }),
    credentials: { accessKeyId: 'ddbench', secretAccessKey: 'ddbench' },
    date: '2024-02-29T00:00:00.000Z',
  },
  {
    name: 'TransactWriteItems to a non-default port with an empty body',
    endpoint: 'https://localhost:4566',
    region: 'ap-southeast-2',
    target: 'DynamoDB_20120810.TransactWriteItems',
    body: '',
    credentials: { ...KEYS, sessionToken: 'short' },
    date: '2023-01-01T12:00:00.000Z',
  },
];

describe('hand-written SigV4 signer', () => {
  for (const c of CASES) {
    test(`signs ${c.name} exactly as @smithy/signature-v4 does`, async () => {
      const date = new Date(c.date);
      const expected = await smithyHeaders(c.endpoint, c.region, c.target, c.body, c.credentials, date);
      const ours = toObject(new RequestSigner({ region: c.region, service: 'dynamodb', host: hostHeader(c.endpoint) }).sign(c.target, Buffer.from(c.body, 'utf8'), c.credentials, date.getTime()));
      assert.equal(ours['authorization'], expected['authorization']);
      assert.equal(ours['x-amz-date'], expected['x-amz-date']);
      assert.equal(ours['x-amz-security-token'], expected['x-amz-security-token']);
      assert.deepEqual(Object.keys(ours).sort(), Object.keys(expected).sort(), 'the same headers are sent');
    });
  }

  test('a body given as a string signs like the same bytes', () => {
    const signer = new RequestSigner({ region: 'us-east-1', service: 'dynamodb', host: 'h' });
    const body = '{"TableName":"日本"}';
    assert.deepEqual(signer.sign('DynamoDB_20120810.GetItem', body, KEYS, 0), signer.sign('DynamoDB_20120810.GetItem', Buffer.from(body), KEYS, 0));
  });

  test('one signer follows the date across midnight and a change of credentials', async () => {
    const signer = new RequestSigner({ region: 'us-east-1', service: 'dynamodb', host: 'dynamodb.us-east-1.amazonaws.com' });
    const endpoint = 'https://dynamodb.us-east-1.amazonaws.com';
    const steps: [string, SigningCredentials][] = [
      ['2024-01-01T23:59:59.900Z', KEYS],
      ['2024-01-02T00:00:00.100Z', KEYS],
      ['2024-01-02T00:00:01.000Z', { accessKeyId: 'AKIDOTHER', secretAccessKey: 'another-secret', sessionToken: 'tok' }],
    ];
    for (const [iso, creds] of steps) {
      const date = new Date(iso);
      const expected = await smithyHeaders(endpoint, 'us-east-1', 'DynamoDB_20120810.Scan', '{}', creds, date);
      assert.equal(toObject(signer.sign('DynamoDB_20120810.Scan', '{}', creds, date.getTime()))['authorization'], expected['authorization'], iso);
    }
  });

  test('dates are formatted as SigV4 wants them', () => {
    assert.deepEqual(amzDates(Date.UTC(2024, 0, 2, 3, 4, 5) / 1000), { amzDate: '20240102T030405Z', dateStamp: '20240102' });
  });

  test('the Host header drops only the default port', () => {
    assert.equal(hostHeader('https://dynamodb.us-east-1.amazonaws.com'), 'dynamodb.us-east-1.amazonaws.com');
    assert.equal(hostHeader('https://dynamodb.us-east-1.amazonaws.com:443'), 'dynamodb.us-east-1.amazonaws.com');
    assert.equal(hostHeader('http://127.0.0.1:8000'), '127.0.0.1:8000');
  });
});
