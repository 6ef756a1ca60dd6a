// A viewing session: the continue-watching row (a query of the viewer's progress items), the
// chosen title's metadata, heartbeats every few seconds of (think) time while it plays, and a
// final progress write. Heartbeat pauses are part of the session's latency, never a step's.
import { defineScenario } from 'ddbench';

export default defineScenario({
  name: 'streaming-session',
  description: 'Viewing sessions: continue-watching query, title metadata, heartbeats with think time, final progress write',
  table: { name: 'ddbench-streaming-session', partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } },
  keys: {
    viewer: { count: 20000, distribution: 'uniform' },
    title: { count: 3000, distribution: 'zipfian' },
  },
  seed: { items: 3000, item: { pk: 'title#{title.seq}', sk: 'meta', name: '{text(30)}', durationSec: '{int(600,7200)}', genre: '{choice(drama,comedy,docs,kids)}' } },
  phases: [
    { name: 'warmup', duration: '5s', rate: 5, warmup: true },
    { name: 'steady', duration: '30s', rate: 15 },
  ],
  // sessions last several seconds: enough in flight for rate x session length
  concurrency: 256,
  gates: ['heartbeat.p99 < 100ms', 'errors < 1%'],
  // what the flows call: a target that cannot run one (dynalite: no transactions) is refused before load
  uses: ['Query', 'GetItem', 'UpdateItem', 'PutItem'],
  flows: {
    watch: {
      weight: 1,
      async run(ctx) {
        const viewer = `viewer#${ctx.key('viewer')}`;
        const row = await ctx.query('continue-watching', {
          KeyConditionExpression: 'pk = :v AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':v': viewer, ':p': 'progress#' },
          ScanIndexForward: false,
          Limit: 5,
        });
        // resume something from the row half the time, otherwise pick a (popular) title
        const resume = row.Items?.[0];
        const title = resume !== undefined && ctx.int(0, 1) === 0 ? String(resume.title) : `title#${ctx.key('title')}`;
        const meta = await ctx.get('title-meta', { Key: { pk: title, sk: 'meta' } });
        let position = Number(resume?.positionSec ?? 0);
        for (let beat = ctx.int(2, 4); beat > 0; beat--) {
          await ctx.sleep(ctx.int(1000, 2000));
          position += 10;
          await ctx.update('heartbeat', {
            Key: { pk: viewer, sk: `progress#${title}` },
            UpdateExpression: 'SET positionSec = :p, title = :t',
            ExpressionAttributeValues: { ':p': position, ':t': title },
          });
        }
        const finished = position >= Number(meta.Item?.durationSec ?? Infinity);
        await ctx.put('final-progress', { Item: { pk: viewer, sk: `progress#${title}`, title, positionSec: position, finished } });
      },
    },
  },
});
