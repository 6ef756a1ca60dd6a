// Per-server tables of what the client asks the server to define: key schemas (from
// DescribeTable) and attribute lists (a sorted list of non-key attribute names <-> a small
// integer, so items can travel without names). Id 1 is the empty list.

import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KeySchema, KeyType } from './attrs.js';

export class AttributeLists {
  private readonly ids = new Map<string, number>();
  private readonly lists: string[][] = [];

  constructor() {
    this.idFor([]);
  }

  idFor(names: string[]): number {
    const k = JSON.stringify(names);
    let id = this.ids.get(k);
    if (id === undefined) {
      this.lists.push([...names]);
      id = this.lists.length; // ids start at 1
      this.ids.set(k, id);
    }
    return id;
  }

  names(id: number): string[] | undefined {
    return this.lists[id - 1];
  }
}

/** Key schemas by table, fetched once; a table deleted and recreated keeps its old entry until `forget`. */
export class KeySchemas {
  private readonly schemas = new Map<string, Promise<KeySchema>>();

  constructor(private readonly ddb: DynamoDBClient) {}

  get(table: string): Promise<KeySchema> {
    let p = this.schemas.get(table);
    if (p === undefined) {
      p = this.describe(table);
      this.schemas.set(table, p);
      p.catch(() => this.schemas.delete(table));
    }
    return p;
  }

  forget(table: string): void {
    this.schemas.delete(table);
  }

  private async describe(table: string): Promise<KeySchema> {
    const out = await this.ddb.send(new DescribeTableCommand({ TableName: table }));
    const t = out.Table;
    const types = new Map((t?.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
    const ks = [...(t?.KeySchema ?? [])].sort((a, b) => (a.KeyType === 'HASH' ? -1 : b.KeyType === 'HASH' ? 1 : 0));
    return ks.map((k) => ({ name: k.AttributeName ?? '', type: (types.get(k.AttributeName) ?? 'S') as KeyType }));
  }
}
