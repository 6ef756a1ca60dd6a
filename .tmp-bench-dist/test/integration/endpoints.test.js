import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { probeListTables } from '../../src/endpoints/probe.js';
import { detectJava, resolveTarget, runningEndpoints, spawnEmbedded, stopAllEndpoints } from '../../src/endpoints/index.js';
import { RuntimeError, UsageError } from '../../src/errors.js';
import { childPids, pidAlive, portBindable, portOf, waitFor } from './endpoints-process-helpers.js';
const quiet = () => undefined;
async function assertGone(endpoint) {
    const port = portOf(endpoint.info.endpoint);
    assert.ok(endpoint.pid !== undefined);
    assert.ok(await waitFor(() => !pidAlive(endpoint.pid), 5000), `supervisor ${endpoint.pid} still running`);
    if (endpoint.javaPid !== undefined)
        assert.ok(await waitFor(() => !pidAlive(endpoint.javaPid), 5000), `java ${endpoint.javaPid} still running`);
    assert.ok(await waitFor(() => portBindable(port), 5000), `port ${port} still held`);
}
describe('embedded endpoints', { timeout: 120_000 }, () => {
    test('dynalite starts on a free loopback port, answers ListTables, and leaves no process or port after stop', async () => {
        const endpoint = (await resolveTarget('dynalite', { log: quiet }));
        assert.equal(endpoint.info.kind, 'dynalite');
        assert.equal(endpoint.info.loopback, true);
        assert.equal(endpoint.info.supportsTransactions, false);
        assert.match(endpoint.info.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.ok(pidAlive(endpoint.pid));
        assert.equal(await probeListTables(portOf(endpoint.info.endpoint)), true);
        await endpoint.stop();
        await assertGone(endpoint);
    });
    test('DynamoDB Local starts with java, answers ListTables, and stop ends both the supervisor and java', async () => {
        const endpoint = (await resolveTarget('dynamodb-local', { log: quiet }));
        assert.equal(endpoint.info.kind, 'dynamodb-local');
        assert.equal(endpoint.info.supportsTransactions, true);
        assert.ok(endpoint.javaPid !== undefined && pidAlive(endpoint.javaPid));
        assert.equal(await probeListTables(portOf(endpoint.info.endpoint)), true);
        await endpoint.stop();
        await assertGone(endpoint);
    });
    test('target local picks DynamoDB Local when Java runs, dynalite otherwise, and says which', async () => {
        const lines = [];
        const endpoint = await resolveTarget('local', { log: (msg) => lines.push(msg) });
        try {
            const expected = detectJava().ok ? 'dynamodb-local' : 'dynalite';
            assert.equal(endpoint.info.kind, expected);
            assert.match(lines.join('\n'), expected === 'dynamodb-local' ? /Java found.*DynamoDB Local/ : /dynalite instead/);
        }
        finally {
            await endpoint.stop();
        }
    });
    test('stop is idempotent and stopAllEndpoints stops every endpoint still running', async () => {
        const a = (await spawnEmbedded('dynalite', { region: 'us-east-1', log: quiet }));
        const b = (await spawnEmbedded('dynalite', { region: 'us-east-1', log: quiet }));
        assert.notEqual(a.info.endpoint, b.info.endpoint);
        assert.equal(runningEndpoints().length, 2);
        await Promise.all([a.stop(), a.stop()]);
        await a.stop();
        assert.deepEqual(runningEndpoints(), [b]);
        await stopAllEndpoints();
        assert.equal(runningEndpoints().length, 0);
        await assertGone(a);
        await assertGone(b);
    });
    test('an endpoint that is not ready in time fails with RuntimeError and leaves no child behind', async () => {
        await assert.rejects(spawnEmbedded('dynalite', { region: 'us-east-1', log: quiet, readyTimeoutMs: 1 }), (err) => {
            assert.ok(err instanceof RuntimeError);
            assert.match(err.message, /could not start dynalite: not ready after/);
            return true;
        });
        assert.equal(runningEndpoints().length, 0);
        assert.ok(await waitFor(() => childPids(process.pid).length === 0, 5000), 'a supervisor is still running');
    });
    test('DynamoDB Local that cannot run java fails with RuntimeError carrying its output', async () => {
        const path = process.env['PATH'];
        process.env['PATH'] = '/nonexistent';
        try {
            await assert.rejects(spawnEmbedded('dynamodb-local', { region: 'us-east-1', log: quiet }), (err) => {
                assert.ok(err instanceof RuntimeError);
                assert.match(err.message, /could not start DynamoDB Local: the endpoint process exited before it was ready/);
                assert.match(err.message, /failed to run java/);
                return true;
            });
        }
        finally {
            process.env['PATH'] = path;
        }
        assert.ok(await waitFor(() => childPids(process.pid).length === 0, 5000), 'a supervisor is still running');
    });
});
describe('targets that are not started', { timeout: 10_000 }, () => {
    test('an unknown target is a UsageError that lists the valid ones', async () => {
        await assert.rejects(resolveTarget('mongodb', { log: quiet }), (err) => {
            assert.ok(err instanceof UsageError);
            assert.match(err.message, /unknown target "mongodb": expected local .*dynalite.*aws/);
            return true;
        });
    });
    test('an http endpoint is described, not started, with loopback computed from its host', async () => {
        for (const [url, loopback] of [
            ['http://localhost:8000', true],
            ['http://127.1.2.3:8000', true],
            ['http://[::1]:8000', true],
            ['https://dynamodb.example.com', false],
            ['http://10.0.0.5:8000', false],
        ]) {
            const endpoint = await resolveTarget(url, { log: quiet, region: 'eu-west-1' });
            assert.equal(endpoint.info.kind, 'http');
            assert.equal(endpoint.info.loopback, loopback, url);
            assert.equal(endpoint.info.region, 'eu-west-1');
            assert.equal(endpoint.pid, undefined);
            await endpoint.stop();
        }
    });
    test('an http endpoint with a path or credentials in it is a UsageError', async () => {
        await assert.rejects(resolveTarget('http://localhost:8000/foo', { log: quiet }), UsageError);
        await assert.rejects(resolveTarget('http://user:pw@localhost:8000', { log: quiet }), UsageError);
    });
    test('aws resolves to the regional endpoint and is not loopback', async () => {
        const endpoint = await resolveTarget('aws', { log: quiet, region: 'eu-central-1' });
        assert.deepEqual(endpoint.info, {
            kind: 'aws',
            endpoint: 'https://dynamodb.eu-central-1.amazonaws.com',
            region: 'eu-central-1',
            loopback: false,
            supportsTransactions: true,
        });
        await assert.rejects(resolveTarget('aws', { log: quiet, region: 'mars' }), UsageError);
    });
});
//# sourceMappingURL=endpoints.test.js.map