// Who owns the table in a sharded run. Two cases:
// - an embedded target (local, dynalite, dynamodb-local): every shard process starts its own
//   endpoint, so each creates its own table, seeds its share of the items and deletes it;
// - a shared target (http(s)://..., aws): the table is set up once (`--setup-only`: create, seed
//   every item, keep), every shard runs with `--reuse-table` (never creates, seeds or deletes),
//   and the user deletes the table when all shards are done. Shards never race to create or
//   delete one table, and no shard deletes it under the others' feet.
import type { ShardInfo } from '../summary/model.js';

const EMBEDDED_TARGETS = new Set(['', 'local', 'dynalite', 'dynamodb-local']);

/** True for targets that ddbench starts itself, one per process. */
export function isEmbeddedTarget(target: string): boolean {
  return EMBEDDED_TARGETS.has(target.trim().toLowerCase());
}

export interface TableRoleOptions {
  target: string;
  shard?: ShardInfo;
  reuseTable: boolean;
  setupOnly?: boolean;
}

/** Why this combination of --shard / --setup-only / --reuse-table cannot run, or undefined. */
export function tableRoleProblem(o: TableRoleOptions): string | undefined {
  if (o.setupOnly) {
    if (o.shard !== undefined) return '--setup-only prepares the table for every shard: run it once, without --shard';
    if (o.reuseTable) return '--setup-only creates and seeds the table; it cannot be combined with --reuse-table';
    if (isEmbeddedTarget(o.target)) return `--setup-only needs a shared target (http(s)://host:port or aws): an embedded endpoint (${o.target || 'local'}) and its table end with the command`;
    return undefined;
  }
  if (o.shard === undefined || o.shard.count === 1 || isEmbeddedTarget(o.target)) return undefined;
  if (!o.reuseTable) {
    return (
      `--shard ${o.shard.index}/${o.shard.count} against a shared target (${o.target}) needs --reuse-table: shards never create or delete the table. ` +
      `Create and seed it once with \`ddbench run FILE --target ${o.target} --setup-only\`, run every shard with --reuse-table, and delete the table when all are done.`
    );
  }
  return undefined;
}

/** What --setup-only prints when the table is ready. */
export function setupDoneMessage(table: string, items: number, target: string): string {
  const del = target === 'aws' ? `aws dynamodb delete-table --table-name ${table}` : `aws dynamodb delete-table --table-name ${table} --endpoint-url ${target}`;
  return (
    `table "${table}" is created and seeded with ${items} items, and kept (--setup-only).\n` +
    `Now run every shard with --reuse-table (ddbench run FILE --target ${target} --shard i/n --reuse-table), ` +
    `merge their folders with ddbench merge, and delete the table when all are done: ${del}`
  );
}
