import { spawn } from 'node:child_process';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { Dax } from '@amazon-dax-sdk/client-dax';
import { startDaxServer } from '/work/main/dist/src/dax/server.js';
const CREDS = { accessKeyId: 'ddbench', secretAccessKey: 'ddbench' };
const child = spawn(process.execPath, ['/work/main/dist/src/endpoints/endpoint-child.js', 'dynamodb-local'], { stdio: ['pipe', 'pipe', 'inherit'] });
const port = await new Promise((r) => { let o=''; child.stdout.on('data', (d) => { o += d; const m = /READY (\d+)/.exec(o); if (m) r(Number(m[1])); }); });
const ddb = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: CREDS });
await ddb.send(new CreateTableCommand({ TableName: 'tbl', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] }));
const server = await startDaxServer({ ddb, credentials: { ddbench: 'ddbench' } });
const dax = new Dax({ endpoints: [`dax://127.0.0.1:${server.port}`], region: 'us-east-1', credentials: CREDS });
try {
  const { default: run } = await import(process.argv[2]);
  await run({ dax, ddb, server });
} catch (e) { console.log('ERR', e); }
dax.shutdown(); await server.close(); ddb.destroy(); child.stdin.end();
