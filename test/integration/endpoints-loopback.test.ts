import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isLoopbackHost, isLoopbackUrl } from '../../src/safety/loopback.js';

describe('isLoopbackHost', () => {
  test('127.0.0.0/8, localhost and ::1 in its spellings are loopback', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', 'db.localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
  });

  test('private, public and look-alike addresses are not', () => {
    for (const host of ['10.0.0.1', '192.168.1.1', '172.16.0.1', '128.0.0.1', '127.0.0.256', 'localhost.example.com', 'dynamodb.us-east-1.amazonaws.com', '::2', '::ffff:10.0.0.1']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });

  test('URLs are judged by their host; unparseable ones are not loopback', () => {
    assert.equal(isLoopbackUrl('http://[::1]:8000'), true);
    assert.equal(isLoopbackUrl('http://[::ffff:127.0.0.1]:8000'), true);
    assert.equal(isLoopbackUrl('https://example.com'), false);
    assert.equal(isLoopbackUrl('not a url'), false);
  });
});
