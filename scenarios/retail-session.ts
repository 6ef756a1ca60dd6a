// Retail shopping session: browse hot SKUs, add some to the cart, view the cart, then check out
// exactly the cart's lines in one TransactWriteItems (a conditional stock decrement per SKU, the
// order put, the cart lines deleted). A sold-out SKU cancels the transaction: the flow removes
// those lines and retries once, as a shop would.
import { defineScenario } from 'ddbench';

export default defineScenario({
  name: 'retail-session',
  description: 'Shopping sessions: browse, add to cart, view cart, transactional checkout of exactly the cart lines',
  table: { name: 'ddbench-retail-session', partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } },
  keys: {
    sku: { count: 2000, distribution: 'zipfian' },
    customer: { count: 50000, distribution: 'uniform' },
  },
  // a few hot SKUs sell out during a run: their checkouts are cancelled (an expected outcome)
  seed: { items: 2000, item: { pk: 'sku#{sku.seq}', sk: 'stock', stock: '{int(0,3000)}', price: '{int(100,9999)}', title: '{text(40)}' } },
  phases: [
    { name: 'warmup', duration: '5s', rate: 10, warmup: true },
    { name: 'steady', duration: '30s', rate: 20 },
  ],
  concurrency: 64,
  gates: ['flow:shop.p99 < 500ms', 'errors < 1%'],
  // what the flows call: a target that cannot run one (dynalite: no transactions) is refused before load
  uses: ['GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'DeleteItem'],
  flows: {
    shop: {
      weight: 1,
      async run(ctx) {
        const customer = `cart#${ctx.key('customer')}`;
        // browse: a few product pages, hot SKUs far more often than the rest
        const seen: string[] = [];
        for (let i = ctx.int(2, 4); i > 0; i--) {
          const page = await ctx.get('browse', { Key: { pk: `sku#${ctx.key('sku')}`, sk: 'stock' } });
          if (page.Item !== undefined) seen.push(String(page.Item.pk));
        }
        // add one or two of what was browsed to the cart
        for (const sku of new Set(seen.slice(0, ctx.int(1, 2)))) {
          await ctx.put('add-to-cart', { Item: { pk: customer, sk: `line#${sku}`, sku, qty: ctx.int(1, 3) } });
        }
        const cart = await ctx.query('view-cart', { KeyConditionExpression: 'pk = :c', ExpressionAttributeValues: { ':c': customer }, Limit: 10 });
        let lines = cart.Items ?? [];
        for (let attempt = 0; attempt < 2 && lines.length > 0; attempt++) {
          const result = await ctx.transactWrite(attempt === 0 ? 'checkout' : 'checkout-retry', {
            TransactItems: [
              ...lines.map((l) => ({
                Update: { Key: { pk: l.sku, sk: 'stock' }, UpdateExpression: 'SET stock = stock - :q', ConditionExpression: 'stock >= :q', ExpressionAttributeValues: { ':q': l.qty } },
              })),
              { Put: { Item: { pk: `order#${ctx.uuid()}`, sk: 'order', customer, lines: lines.length } } },
              ...lines.map((l) => ({ Delete: { Key: { pk: customer, sk: l.sk } } })),
            ],
          });
          if (result.outcome !== 'transaction-canceled') return;
          // the first lines.length reasons are the stock updates: drop the sold-out lines and retry once
          const soldOut = lines.filter((_, i) => result.reasons?.[i] === 'ConditionalCheckFailed');
          if (soldOut.length === 0) return; // a conflict with another session: give up this checkout
          for (const l of soldOut) await ctx.delete('remove-sold-out', { Key: { pk: customer, sk: l.sk } });
          lines = lines.filter((l) => !soldOut.includes(l));
        }
      },
    },
  },
});
