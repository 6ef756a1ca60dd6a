// The promise that matters most: whatever happens to ddbench, no endpoint outlives it.
// A tiny script stands in for ddbench: it starts an endpoint, reports the pids, and is then
// SIGKILLed (no handler can run) or simply exits without stopping anything.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pidAlive, portBindable, portOf, waitFor } from './endpoints-process-helpers.js';
const ext = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';
const endpointsModule = new URL(`../../src/endpoints/index${ext}`, import.meta.url).href;
const dir = mkdtempSync(path.join(tmpdir(), 'ddbench-sigkill-'));
after(() => rmSync(dir, { recursive: true, force: true }));
/** Runs a stand-in parent; resolves with it and the endpoint it reported. */
function startParent(target, thenWhat) {
    const script = path.join(dir, `parent-${target}-${thenWhat}.mjs`);
    writeFileSync(script, [
        `import { resolveTarget } from ${JSON.stringify(endpointsModule)};`,
        `const ep = await resolveTarget(${JSON.stringify(target)}, { log: () => {} });`,
        `console.log(JSON.stringify({ pid: ep.pid, javaPid: ep.javaPid, endpoint: ep.info.endpoint }));`,
        thenWhat === 'wait' ? `setInterval(() => {}, 1000);` : `// exits here without stopping the endpoint`,
    ].join('\n'));
    const parent = spawn(process.execPath, [...(ext === '.ts' ? process.execArgv : []), script], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
        let out = '';
        let err = '';
        const timer = setTimeout(() => {
            parent.kill('SIGKILL');
            reject(new Error(`stand-in parent gave no pids in time: ${err}`));
        }, 70_000);
        parent.stderr?.on('data', (chunk) => (err += chunk.toString()));
        parent.stdout?.on('data', (chunk) => {
            out += chunk.toString();
            const line = out.split('\n').find((l) => l.startsWith('{'));
            if (line !== undefined && out.includes('\n')) {
                clearTimeout(timer);
                resolve({ parent, started: JSON.parse(line) });
            }
        });
        parent.once('exit', (code) => {
            if (!out.includes('{')) {
                clearTimeout(timer);
                reject(new Error(`stand-in parent exited (${code}) before starting the endpoint: ${err}`));
            }
        });
    });
}
async function assertNothingLeft(started) {
    assert.ok(await waitFor(() => !pidAlive(started.pid), 10_000), `supervisor ${started.pid} outlived its parent`);
    if (started.javaPid !== undefined)
        assert.ok(await waitFor(() => !pidAlive(started.javaPid), 10_000), `java ${started.javaPid} outlived its parent`);
    const port = portOf(started.endpoint);
    assert.ok(await waitFor(() => portBindable(port), 10_000), `port ${port} still held`);
}
describe('an endpoint never outlives ddbench', { timeout: 180_000 }, () => {
    for (const target of ['dynalite', 'dynamodb-local']) {
        test(`${target}: a SIGKILLed parent leaves no endpoint process and no port`, async () => {
            const { parent, started } = await startParent(target, 'wait');
            assert.ok(pidAlive(started.pid));
            if (target === 'dynamodb-local')
                assert.ok(started.javaPid !== undefined && pidAlive(started.javaPid));
            parent.kill('SIGKILL');
            await assertNothingLeft(started);
        });
    }
    test('a parent that exits without stopping its endpoint leaves nothing behind (and is not kept alive by it)', async () => {
        const { parent, started } = await startParent('dynalite', 'exit');
        assert.ok(await waitFor(() => parent.exitCode !== null, 10_000), 'the endpoint kept its parent alive');
        await assertNothingLeft(started);
    });
});
//# sourceMappingURL=endpoints-sigkill.test.js.map