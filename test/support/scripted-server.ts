// A local HTTP server whose every answer a test scripts: `respond(attempt, res)` is called for
// each request with its 1-based number since the last `script()`. Driver tests use it to play a
// misbehaving DynamoDB.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Responder = (attempt: number, res: http.ServerResponse) => void;

export interface ScriptedServer {
  endpoint: string;
  /** requests answered since the last script() */
  readonly attempts: number;
  script(respond: Responder): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let responder: Responder = () => undefined;
  let attempts = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => responder(++attempts, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get attempts() {
      return attempts;
    },
    script(respond) {
      responder = respond;
      attempts = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A DynamoDB JSON answer. */
export function reply(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': 'test' });
  res.end(body);
}
