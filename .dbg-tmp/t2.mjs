export default async function ({ dax, server }) {
  const big = 'x'.repeat(390_000);
  await dax.putItem({ TableName: 'tbl', Item: { pk: { S: 'big' }, sk: { S: 'meta' }, blob: { S: big }, b: { B: Buffer.alloc(5000, 7) } } });
  for (let i = 0; i < 2; i++) {
    const got = await dax.getItem({ TableName: 'tbl', Key: { pk: { S: 'big' }, sk: { S: 'meta' } } });
    console.log(got.Item.blob.S.length, got.Item.b.B.length);
  }
  const q = await dax.query({ TableName: 'tbl', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'big' } } });
  console.log(q.Items[0].blob.S.length);
  console.log(JSON.stringify(server.takeLatency()).length, JSON.stringify(server.stats()));
}
