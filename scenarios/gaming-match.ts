// End of a multiplayer match: every player's score is written in one transaction, then the
// game's GSI leaderboard is read and the top players' profiles fetched in one BatchGetItem:
// the profiles asked for are exactly the ones the leaderboard query returned.
import { defineScenario } from 'ddbench';

export default defineScenario({
  name: 'gaming-match',
  description: 'Match ends: scores written in a transaction, GSI leaderboard query, BatchGet of the top players',
  table: {
    name: 'ddbench-gaming-match',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [{ name: 'leaderboard', partitionKey: { name: 'game', type: 'S' }, sortKey: { name: 'score', type: 'N' } }],
  },
  keys: {
    player: { count: 20000, distribution: 'zipfian' },
    game: { count: 20, distribution: 'uniform' },
  },
  seed: { items: 5000, item: { pk: 'player#{player.seq}', sk: 'profile', game: 'game#{game}', score: '{int(0,1000000)}', name: '{text(12)}' } },
  phases: [
    { name: 'warmup', duration: '5s', rate: 10, warmup: true },
    { name: 'steady', duration: '30s', rate: 25 },
  ],
  concurrency: 64,
  gates: ['flow:end-of-match.p99 < 500ms', 'errors < 1%'],
  // what the flows call: a target that cannot run one (dynalite: no transactions) is refused before load
  uses: ['TransactWriteItems', 'Query', 'BatchGetItem'],
  flows: {
    'end-of-match': {
      weight: 1,
      async run(ctx) {
        const game = `game#${ctx.key('game')}`;
        const players = [...new Set(Array.from({ length: 4 }, () => `player#${ctx.key('player')}`))];
        // two matches of one player may end together: the transaction then cancels (an expected outcome)
        await ctx.transactWrite('write-scores', {
          TransactItems: players.map((pk) => ({
            Update: { Key: { pk, sk: 'profile' }, UpdateExpression: 'SET score = :s, game = :g', ExpressionAttributeValues: { ':s': ctx.int(0, 1000000), ':g': game } },
          })),
        });
        const top = await ctx.query('leaderboard', { IndexName: 'leaderboard', KeyConditionExpression: 'game = :g', ExpressionAttributeValues: { ':g': game }, ScanIndexForward: false, Limit: 10 });
        const keys = [...new Set((top.Items ?? []).map((i) => String(i.pk)))].map((pk) => ({ pk, sk: 'profile' }));
        if (keys.length === 0) return;
        await ctx.batchGet('top-profiles', { RequestItems: { [ctx.table]: { Keys: keys } } });
      },
    },
  },
});
