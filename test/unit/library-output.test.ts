// Library output capture: what dependencies print during a run is grouped, counted and shown
// once, in the main thread and in worker threads, and the console is given back afterwards.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { captureLibraryOutput, firstLineOf, messageKey, MessageTally, sourceOf, type LibraryMessage } from '../../src/drivers/library-output.js';

describe('library output', () => {
  test('messages that differ only in numbers, ids and ports group under one key', () => {
    const a = messageKey('caught exception during cluster refresh: NoRoute [{"host":"127.0.0.1","port":45561}] after 7000 ms');
    const b = messageKey('caught exception during cluster refresh: NoRoute [{"host":"127.0.0.1","port":38001}] after 14000 ms');
    assert.equal(a, b);
    assert.notEqual(messageKey('request 3 failed'), messageKey('request 3 timed out'));
    assert.equal(messageKey('session 3f2a9c1e-0b7d-4e5f-9a1b-2c3d4e5f6a7b closed'), messageKey('session 00000000-0000-4000-8000-000000000000 closed'));
  });

  test('the first line is the first non-empty one, trimmed and bounded', () => {
    assert.equal(firstLineOf('\n  Error: boom\n    at x (file.js:1:1)'), 'Error: boom');
    assert.ok(firstLineOf('x'.repeat(1000)).length < 400);
  });

  test('the source is the package nearest the call in the stack', () => {
    const stack = 'Error\n    at take (/app/dist/src/drivers/library-output.js:1:1)\n    at Cluster.refresh (/app/node_modules/@amazon-dax-sdk/client-dax/src/Cluster.js:140:21)\n    at /app/node_modules/other/index.js:1:1';
    assert.equal(sourceOf(stack), '@amazon-dax-sdk/client-dax');
    assert.equal(sourceOf('Error\n    at main (/app/dist/src/cli/main.js:1:1)'), undefined);
  });

  test('a tally counts repeats and reports the first of each kind', () => {
    const t = new MessageTally();
    assert.equal(t.add('k', 'one', 'lib'), true);
    assert.equal(t.add('k', 'one again', 'lib', 4), false);
    assert.equal(t.add('j', 'two', undefined), true);
    assert.deepEqual(t.messages(), [{ source: 'lib', firstLine: 'one', count: 5 }, { firstLine: 'two', count: 1 }]);
  });

  test('console and warnings in this thread are captured, shown once, and the console is restored', () => {
    const originalError = console.error;
    const originalEmit = process.emitWarning;
    const shown: LibraryMessage[] = [];
    const capture = captureLibraryOutput((m) => shown.push(m));
    try {
      for (let i = 0; i < 5; i++) console.error(`caught exception during cluster refresh: attempt ${i}`, new Error('NoRoute'));
      console.log('hello');
      process.emitWarning('something odd', 'DeprecationWarning');
    } finally {
      capture.stop();
    }
    assert.equal(console.error, originalError);
    assert.equal(process.emitWarning, originalEmit);
    assert.deepEqual(
      shown.map((m) => m.firstLine),
      ['caught exception during cluster refresh: attempt 0 Error: NoRoute', 'hello', 'DeprecationWarning: something odd'],
    );
    assert.deepEqual(
      capture.messages().map((m) => [m.firstLine, m.count]),
      [
        ['caught exception during cluster refresh: attempt 0 Error: NoRoute', 5],
        ['hello', 1],
        ['DeprecationWarning: something odd', 1],
      ],
    );
  });

  test("a worker thread's output reaches the main thread's capture, counted", async () => {
    const shown: LibraryMessage[] = [];
    const capture = captureLibraryOutput((m) => shown.push(m));
    try {
      const moduleUrl = new URL('../../src/drivers/library-output.js', import.meta.url).href;
      const code = `
        const { captureInWorkerThread, flushWorkerCapture } = await import(${JSON.stringify(moduleUrl)});
        captureInWorkerThread();
        for (let i = 0; i < 7; i++) console.error('node 127.0.0.1:' + (8000 + i) + ' is down');
        console.warn('something else');
        flushWorkerCapture();
      `;
      const worker = new Worker(code, { eval: true, stderr: true });
      let leaked = '';
      worker.stderr.on('data', (d: Buffer) => (leaked += d.toString()));
      await new Promise((resolve, reject) => worker.once('exit', resolve).once('error', reject));
      // messages from the worker are delivered on this thread's event loop
      for (let i = 0; i < 50 && capture.messages().reduce((n, m) => n + m.count, 0) < 8; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(leaked, '', 'nothing reached the worker stderr');
    } finally {
      capture.stop();
    }
    assert.deepEqual(
      capture.messages().map((m) => [m.firstLine, m.count]),
      [
        ['node 127.0.0.1:8000 is down', 7],
        ['something else', 1],
      ],
    );
    assert.equal(shown.length, 2);
  });
});
