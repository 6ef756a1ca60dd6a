// The null endpoint (src/endpoints/null-endpoint.ts) as a process of its own, so the bench can
// pin it to a core apart from the client it serves.
//
// Usage: node dist/bench/null-endpoint.js [--delay-ms N]; prints `READY <port>`; a line `served`
// on stdin prints `SERVED <answers> <first request ns> <last answer ns>`; exits when stdin closes.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNullEndpoint } from '../src/endpoints/null-endpoint.js';

export { completeRequests, describeTableBody, startNullEndpoint } from '../src/endpoints/null-endpoint.js';

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const i = process.argv.indexOf('--delay-ms');
  const delayMs = i >= 0 ? Number(process.argv[i + 1]) : 0;
  const { port, served } = await startNullEndpoint(delayMs);
  process.stdout.write(`READY ${port}\n`);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text: string) => {
    if (text.includes('served')) process.stdout.write(`SERVED ${served.answers} ${served.firstRequestNs} ${served.lastAnswerNs}\n`);
  });
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
}
