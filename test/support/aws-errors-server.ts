// A loopback DynamoDB-JSON endpoint that answers the errors a new AWS user meets, operation by
// operation (AccessDeniedException on CreateTable, ExpiredTokenException on DescribeTable...),
// and otherwise keeps just enough table state for ddbench's setup, seeding and teardown to run.
// In-process: the CLI under test runs as a child and connects to it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedError {
  status: number;
  type: string;
  message: string;
}

export interface AwsErrorsServer {
  endpoint: string;
  /** operation name (CreateTable, BatchWriteItem...) -> the error it answers, every time */
  fail(errors: Record<string, ScriptedError>): void;
  /** operations received, in order */
  readonly calls: string[];
  close(): Promise<void>;
}

/** The text AWS sends when IAM denies an action, with the account and principal made up. */
export function accessDenied(action: string, table: string): ScriptedError {
  return {
    status: 400,
    type: 'AccessDeniedException',
    message: `User: arn:aws:iam::123456789012:user/new-user is not authorized to perform: dynamodb:${action} on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/${table} because no identity-based policy allows the dynamodb:${action} action`,
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': 'test' });
  res.end(JSON.stringify(body));
}

export async function startAwsErrorsServer(): Promise<AwsErrorsServer> {
  let errors: Record<string, ScriptedError> = {};
  const calls: string[] = [];
  const tables = new Map<string, Record<string, unknown>>();
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      calls.push(op);
      const scripted = errors[op];
      if (scripted) return send(res, scripted.status, { __type: `com.amazonaws.dynamodb.v20120810#${scripted.type}`, message: scripted.message });
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      const name = String(body['TableName'] ?? '');
      switch (op) {
        case 'DescribeTable': {
          const table = tables.get(name);
          if (!table) return send(res, 400, { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: `Requested resource not found: Table: ${name} not found` });
          return send(res, 200, { Table: table });
        }
        case 'CreateTable': {
          const indexes = ((body['GlobalSecondaryIndexes'] ?? []) as Record<string, unknown>[]).map((g) => ({ ...g, IndexStatus: 'ACTIVE' }));
          const table = { ...body, TableStatus: 'ACTIVE', TableArn: `arn:aws:dynamodb:eu-west-1:123456789012:table/${name}`, GlobalSecondaryIndexes: indexes };
          delete (table as Record<string, unknown>)['Tags'];
          tables.set(name, table);
          return send(res, 200, { TableDescription: table });
        }
        case 'DeleteTable': {
          const table = tables.get(name);
          tables.delete(name);
          return send(res, 200, { TableDescription: table });
        }
        case 'ListTagsOfResource':
          return send(res, 200, { Tags: [] });
        case 'BatchWriteItem':
          return send(res, 200, { UnprocessedItems: {} });
        default:
          return send(res, 200, {});
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fail(next) {
      errors = next;
      calls.length = 0;
      tables.clear();
    },
    calls,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
