export default async function ({ dax, ddb, server }) {
  await dax.putItem({ TableName: 'tbl', Item: { pk: { S: 'a' }, sk: { S: 'meta' }, title: { S: 'x' }, stock: { N: '3' } } });
  console.log(JSON.stringify(await dax.getItem({ TableName: 'tbl', Key: { pk: { S: 'b' }, sk: { S: 'meta' } }, ProjectionExpression: 'title, stock', ReturnConsumedCapacity: 'TOTAL' })));
  console.log(JSON.stringify(await dax.getItem({ TableName: 'tbl', Key: { pk: { S: 'c' }, sk: { S: 'meta' } }, ReturnConsumedCapacity: 'TOTAL' })));
  console.log(JSON.stringify(await dax.transactWriteItems({ TransactItems: [{ Put: { TableName: 'tbl', Item: { pk: { S: 'q' }, sk: { S: 'meta' } } } }], ReturnConsumedCapacity: 'TOTAL' })));
}
