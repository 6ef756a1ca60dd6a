// Starts test endpoints as child processes that print `READY <port>` and exit when stdin closes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli.js';
export function startScript(script, args = []) {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    return new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 30_000);
        child.stdout.on('data', (d) => {
            out += d.toString();
            const m = /READY (\d+)/.exec(out);
            if (m) {
                clearTimeout(timer);
                const port = Number(m[1]);
                resolve({
                    port,
                    url: `http://127.0.0.1:${port}`,
                    child,
                    stop: () => new Promise((done) => {
                        if (child.exitCode !== null || child.signalCode !== null)
                            return done();
                        child.once('exit', () => done());
                        child.stdin.end();
                        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
                    }),
                });
            }
        });
        child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before READY`)));
    });
}
/** The fake DynamoDB-JSON endpoint whose timing tests control. */
export function startFakeDynamo(args = []) {
    return startScript(join(ROOT, 'dist', 'test', 'support', 'fake-dynamodb.js'), args);
}
//# sourceMappingURL=endpoints.js.map