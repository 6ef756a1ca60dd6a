// The commented starters `ddbench init NAME [--script]` writes: each runs as is on the embedded
// endpoint (table created, seeded, loaded for 30 s, deleted), and says what to change.

export function yamlStarter(name: string): string {
  return `# ${name}: a starter scenario. Run it as is: \`ddbench run ${name}.yaml\` (embedded DynamoDB Local or
# dynalite: the table is created, seeded, loaded and deleted). \`ddbench validate ${name}.yaml\` checks edits;
# \`ddbench schema > scenario.schema.json\` gives editors the schema.
name: ${name}
table:
  name: ddbench-${name}            # ddbench deletes only tables it created
  partitionKey: { name: pk, type: S }
  sortKey: { name: sk, type: S }
keys:
  # a draw from a key space: {user} in a template; zipfian = a few keys far hotter than the rest
  user: { count: 10000, distribution: zipfian }
seed:
  items: 10000                    # written before the load; {user.seq} counts 0, 1, 2...
  item: { pk: "user#{user.seq}", sk: profile, visits: 0, bio: "{text(100)}" }
operations:
  - { name: read-profile, weight: 80, type: GetItem, key: { pk: "user#{user}", sk: profile } }
  - name: count-visit
    weight: 20
    type: UpdateItem
    key: { pk: "user#{user}", sk: profile }
    update: "ADD visits :one"
    values: { ":one": 1 }
phases:
  - { name: warmup, duration: 5s, rate: 50, warmup: true }   # recorded, left out of gates
  - { name: steady, duration: 25s, rate: 200 }               # operations per second (open loop)
gates:
  - "p99 < 50ms"                  # exit 1 when a gate fails
  - "errors < 1%"
`;
}

export function scriptStarter(name: string): string {
  return `// ${name}: a starter scenario script. Run it as is: \`ddbench run ${name}.ts\` (embedded DynamoDB
// Local or dynalite: the table is created, seeded, loaded and deleted). Each ctx call is a step,
// recorded as its own operation; the flow is recorded as flow:<name>, end to end.
import { defineScenario } from 'ddbench';

export default defineScenario({
  name: '${name}',
  table: { name: 'ddbench-${name}', partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } },
  // ctx.key('user') draws from this key space (zipfian: a few users far more active)
  keys: { user: { count: 10000, distribution: 'zipfian' } },
  seed: { items: 10000, item: { pk: 'user#{user.seq}', sk: 'profile', visits: 0 } },
  phases: [
    { name: 'warmup', duration: '5s', rate: 10, warmup: true },
    { name: 'steady', duration: '25s', rate: 50 }, // flow starts per second
  ],
  gates: ['flow:visit.p99 < 100ms', 'errors < 1%'],
  flows: {
    visit: {
      weight: 1,
      async run(ctx) {
        const pk = \`user#\${ctx.key('user')}\`;
        // read, think, then write what was read (only if nobody changed it meanwhile)
        const profile = await ctx.get('read-profile', { Key: { pk, sk: 'profile' } });
        const visits = Number(profile.Item?.visits ?? 0);
        await ctx.sleep(ctx.int(50, 200));
        const saved = await ctx.update('count-visit', {
          Key: { pk, sk: 'profile' },
          UpdateExpression: 'SET visits = :next',
          ConditionExpression: 'visits = :seen',
          ExpressionAttributeValues: { ':next': visits + 1, ':seen': visits },
        });
        // an expected outcome is a value to branch on, not an exception
        if (saved.outcome === 'conditional-failed') ctx.vars.lostRace = true;
      },
    },
  },
});
`;
}
