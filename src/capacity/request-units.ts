// A ddbench Request (operation type + DynamoDB input) -> the capacity units it consumes on the
// scenario's table and each GSI, by the documented rules in units.ts. Pure.
//
// A request alone does not say everything the rules need: a read's cost depends on the sizes of
// the items it finds, an update's on the item before and after, a put's on the item it may
// replace. The caller passes what it knows (from the response: the items read, ReturnValues
// ALL_OLD / ALL_NEW images); for the rest the model assumes, and says so in `assumed`:
// - 'read-sizes': an item read of unknown size costs the minimum (one 4 KB step per item; one per
//   Query or Scan page);
// - 'before-image': no item before the write (a put makes a new item, entering each index it has
//   the keys of; a delete or condition check of an unknown item costs 1 unit, no index writes);
// - 'after-image' (UpdateItem with the item before known): the item keeps its size and its index
//   keys, and a projected attribute changes (1 write on each index holding it);
// - 'other-table': an element on another table than the scenario's is not counted.
// Also left out (documented, not modelled): Query and Scan pay for the partitions they search even
// when empty; LSIs (ddbench tables have none). ConditionCheck in TransactWriteItems is billed here as
// a transactional write of the checked item, without index writes (the docs give no rule for it).

import type { Request, TableSpec } from '../types.js';
import type { AttributeMapLike } from './item-size.js';
import { itemSizeBytes } from './item-size.js';
import { type ItemImage, indexEntry, indexWriteForImages } from './index-images.js';
import {
  type CapacityResource,
  type IndexWrite,
  type ReadConsistency,
  type ResourceUnits,
  sumByResource,
  unitsForRead,
  unitsForWrite,
} from './units.js';

/** What the model had to assume because the request (and the facts given) did not say. */
export type CapacityAssumption = 'read-sizes' | 'before-image' | 'after-image' | 'other-table';

/** One write's item images; a field left out is not known (null: known to be no item). */
export interface WriteImages {
  before?: ItemImage;
  /** UpdateItem only: a put's item is its input, a delete's is null */
  after?: ItemImage;
}

/** What is known beyond the request itself, usually from its response. */
export interface RequestFacts {
  /**
   * The full size of each item read, on the scenario's table: GetItem one; BatchGetItem and
   * TransactGetItems one per key, in the request's order (0 for a missing item); Query and Scan
   * every item read in the page, before any filter (their sum is what counts).
   */
  readItemSizesBytes?: readonly number[];
  /** One per write on the scenario's table, in the request's order (BatchWriteItem, TransactWriteItems elements). */
  writeImages?: readonly (WriteImages | undefined)[];
  /** passed on to units.ts (WriteShape.transactionalIndexWrites); undocumented, default false */
  transactionalIndexWrites?: boolean;
}

export interface RequestUnits {
  /** the table first (when touched), then each GSI touched */
  units: ResourceUnits[];
  /** each assumption made once, in the order first made; empty when the documented rules had every size they need */
  assumed: CapacityAssumption[];
}

type WriteKind = 'put' | 'update' | 'delete' | 'check';
const TRANSACT_WRITE_KINDS: Readonly<Record<string, WriteKind>> = { Put: 'put', Update: 'update', Delete: 'delete', ConditionCheck: 'check' };

/** The units a request consumes on `table` and its GSIs, from the request and what else is known. */
export function unitsForRequest(request: Pick<Request, 'type' | 'input'>, table: TableSpec, facts: RequestFacts = {}): RequestUnits {
  const calc = new Calculation(table, facts);
  const input = request.input;
  switch (request.type) {
    case 'GetItem':
      if (calc.ours(input.TableName)) calc.read({ kind: 'table' }, 1, input.ConsistentRead === true ? 'strong' : 'eventual', 'per-item');
      break;
    case 'Query':
    case 'Scan':
      if (calc.ours(input.TableName)) {
        const index = typeof input.IndexName === 'string' ? input.IndexName : undefined;
        // GSI reads are eventually consistent only (GSI.html)
        const consistency = index === undefined && input.ConsistentRead === true ? 'strong' : 'eventual';
        calc.read(index === undefined ? { kind: 'table' } : { kind: 'index', name: index }, 0, consistency, 'per-request');
      }
      break;
    case 'BatchGetItem':
      for (const [name, element] of Object.entries(record(input.RequestItems))) {
        if (!calc.ours(name)) continue;
        const e = record(element);
        calc.read({ kind: 'table' }, list(e.Keys).length, e.ConsistentRead === true ? 'strong' : 'eventual', 'per-item');
      }
      break;
    case 'TransactGetItems': {
      const gets = list(input.TransactItems).filter((t) => calc.ours(record(record(t).Get).TableName));
      calc.read({ kind: 'table' }, gets.length, 'transactional', 'per-item');
      break;
    }
    case 'PutItem':
      if (calc.ours(input.TableName)) calc.write('put', map(input.Item), false);
      break;
    case 'UpdateItem':
      if (calc.ours(input.TableName)) calc.write('update', undefined, false);
      break;
    case 'DeleteItem':
      if (calc.ours(input.TableName)) calc.write('delete', undefined, false);
      break;
    case 'BatchWriteItem':
      for (const [name, writes] of Object.entries(record(input.RequestItems))) {
        if (!calc.ours(name)) continue;
        for (const w of list(writes)) {
          const put = record(w).PutRequest;
          if (put !== undefined) calc.write('put', map(record(put).Item), false);
          else calc.write('delete', undefined, false);
        }
      }
      break;
    case 'TransactWriteItems':
      for (const t of list(input.TransactItems)) {
        for (const [field, kind] of Object.entries(TRANSACT_WRITE_KINDS)) {
          const element = record(t)[field];
          if (element === undefined) continue;
          if (calc.ours(record(element).TableName)) calc.write(kind, kind === 'put' ? map(record(element).Item) : undefined, true);
        }
      }
      break;
  }
  return calc.result();
}

/** The running sums of one request; `reads` and `writes` consume the facts in request order. */
class Calculation {
  private readonly parts: ResourceUnits[] = [];
  private readonly assumed = new Set<CapacityAssumption>();
  private readsSeen = 0;
  private writesSeen = 0;

  constructor(
    private readonly table: TableSpec,
    private readonly facts: RequestFacts,
  ) {}

  /** Whether a table name is the scenario's table; another table's element is noted and skipped. */
  ours(tableName: unknown): boolean {
    if (tableName === this.table.name) return true;
    this.assumed.add('other-table');
    return false;
  }

  /** `items` items read and rounded one by one, or (`items` ignored) one page rounded once. */
  read(resource: CapacityResource, items: number, consistency: ReadConsistency, rounding: 'per-item' | 'per-request'): void {
    const known = this.facts.readItemSizesBytes;
    let sizes: readonly number[];
    if (rounding === 'per-request') {
      if (known === undefined) this.assumed.add('read-sizes');
      sizes = known ?? [];
    } else {
      if (items === 0) return;
      const from = this.readsSeen;
      this.readsSeen += items;
      if (known === undefined || known.length < this.readsSeen) this.assumed.add('read-sizes');
      sizes = Array.from({ length: items }, (_, i) => known?.[from + i] ?? 0);
    }
    this.parts.push({ resource, readUnits: unitsForRead({ itemSizesBytes: sizes, consistency, rounding }), writeUnits: 0 });
  }

  write(kind: WriteKind, putItem: AttributeMapLike | undefined, transactional: boolean): void {
    const images = this.facts.writeImages?.[this.writesSeen++];
    let before = images?.before;
    let after: ItemImage | undefined = kind === 'put' ? putItem! : kind === 'update' ? images?.after : null;
    if (before === undefined) {
      this.assumed.add('before-image');
      if (kind === 'check' || after === undefined) {
        // nothing known of the item: the minimum, one unit on the table
        this.parts.push(...unitsForWrite({ transactional, indexes: [] }));
        return;
      }
      before = null; // a new item
    }
    if (kind === 'check') {
      const bytes = before === null ? 0 : itemSizeBytes(before);
      this.parts.push(...unitsForWrite({ beforeBytes: bytes, transactional, indexes: [] }));
      return;
    }
    let indexes: IndexWrite[];
    if (after === undefined) {
      this.assumed.add('after-image');
      after = before;
      indexes = this.table.indexes.flatMap((index) => {
        const entry = indexEntry(before!, index, this.table);
        if (entry === null) return [];
        const bytes = itemSizeBytes(entry);
        return [{ name: index.name, projectedBeforeBytes: bytes, projectedAfterBytes: bytes, keyChanged: false, projectionChanged: true }];
      });
    } else {
      indexes = this.table.indexes.map((index) => indexWriteForImages(before!, after!, index, this.table));
    }
    const shape = {
      transactional,
      indexes,
      ...(before !== null && { beforeBytes: itemSizeBytes(before) }),
      ...(after !== null && { afterBytes: itemSizeBytes(after) }),
      ...(this.facts.transactionalIndexWrites !== undefined && { transactionalIndexWrites: this.facts.transactionalIndexWrites }),
    };
    this.parts.push(...unitsForWrite(shape));
  }

  result(): RequestUnits {
    return { units: sumByResource(this.parts), assumed: [...this.assumed] };
  }
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function map(v: unknown): AttributeMapLike {
  return record(v) as AttributeMapLike;
}
