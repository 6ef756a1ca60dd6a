// Capacity units by DynamoDB's documented rules, from item sizes. Pure arithmetic: which sizes a
// request involves is decided by request-units.ts (or by the caller), never here.
//
// Sources (DynamoDB developer guide):
// - read-write-operations.html: a read unit is one strongly consistent read per second of an
//   item up to 4 KB, two eventually consistent ones, or half a transactional one; a write unit is
//   one write of up to 1 KB, a transactional write costs two. Each item is rounded up to the next
//   4 KB (reads) or 1 KB (writes) *before* the transactional 2x and before a batch is summed
//   (BatchGetItem of 1.5 KB + 6.5 KB is billed as 12 KB). Query and Scan are billed on the total
//   data read, rounded up once per request; reading a missing item still consumes units.
// - ServiceQuotas.html: 1 KB = 1,024 bytes.
// - GSI.html ("Provisioned throughput considerations", writes): a table write costs writes on
//   each GSI whose entry it changes: 1 when an entry appears, disappears, or only its projected
//   non-key attributes change; 2 (delete + put) when the index key value changes; 0 when the item
//   is in the index neither before nor after, or no projected attribute changes. Each index write
//   is sized by the index entry (its keys and projected attributes).
// - A write costs by the larger of the item before and after it: read-write-operations.html's
//   list of write operations says so for PutItem over an existing item and for UpdateItem; a
//   DeleteItem costs the deleted item's size, and deleting a missing item costs 1 unit
//   (API_BatchWriteItem.html). capacity-facts.md section 9 marks this "not re-verified": checked
//   here against copies of those pages, not against the live ones.

/** Bytes per read unit step: sizes are rounded up to the next 4 KB (read-write-operations.html). */
export const READ_UNIT_BYTES = 4 * 1024;
/** Bytes per write unit step: sizes are rounded up to the next 1 KB (read-write-operations.html). */
export const WRITE_UNIT_BYTES = 1024;

/** How a read is made; an index (GSI) read is always 'eventual'. */
export type ReadConsistency = 'eventual' | 'strong' | 'transactional';

/** Read units per 4 KB step: eventually consistent half, transactional double. */
const READ_UNITS_PER_STEP: Readonly<Record<ReadConsistency, number>> = { eventual: 0.5, strong: 1, transactional: 2 };

/** Where capacity is consumed: the table, or one of its global secondary indexes. */
export type CapacityResource = { kind: 'table' } | { kind: 'index'; name: string };

/** Units one request consumes on one resource. */
export interface ResourceUnits {
  resource: CapacityResource;
  /** whole units, or halves for eventually consistent reads */
  readUnits: number;
  writeUnits: number;
}

/** Read units for reading `bytes` in one rounding: at least one 4 KB step, even for 0 bytes. */
export function readUnitsForBytes(bytes: number, consistency: ReadConsistency): number {
  return steps(bytes, READ_UNIT_BYTES) * READ_UNITS_PER_STEP[consistency];
}

/** Write units for writing `bytes` in one rounding: at least one 1 KB step, doubled in a transaction. */
export function writeUnitsForBytes(bytes: number, transactional: boolean): number {
  return steps(bytes, WRITE_UNIT_BYTES) * (transactional ? 2 : 1);
}

function steps(bytes: number, stepBytes: number): number {
  return Math.max(1, Math.ceil(bytes / stepBytes));
}

/** The reads of one request on one resource. */
export interface ReadShape {
  /**
   * The full size of each item read (a projection does not make a read cheaper). 'per-item': one
   * entry per item asked for, 0 for a missing item (it still costs a step). 'per-request': every
   * item the request read, before any filter; an empty list costs one step.
   */
  itemSizesBytes: readonly number[];
  consistency: ReadConsistency;
  /** 'per-item': GetItem, BatchGetItem, TransactGetItems. 'per-request': Query, Scan (one page). */
  rounding: 'per-item' | 'per-request';
}

/** Read units of one request on one resource. */
export function unitsForRead(read: ReadShape): number {
  if (read.rounding === 'per-request') {
    let total = 0;
    for (const bytes of read.itemSizesBytes) total += bytes;
    return readUnitsForBytes(total, read.consistency);
  }
  let units = 0;
  for (const bytes of read.itemSizesBytes) units += readUnitsForBytes(bytes, read.consistency);
  return units;
}

/**
 * What one table write does to one GSI, in sizes of the item's index entry (index keys, table
 * keys and projected attributes; index-images.ts computes them from item images).
 */
export interface IndexWrite {
  name: string;
  /** the entry's size before the write; absent when the item was not in the index (no item, or sparse) */
  projectedBeforeBytes?: number;
  /** the entry's size after the write; absent when the item is not in the index afterwards */
  projectedAfterBytes?: number;
  /** the index key (partition or sort) value differs before and after: DynamoDB deletes the old entry and puts the new one */
  keyChanged: boolean;
  /**
   * false when the entry is the same before and after (only non-projected attributes changed): no
   * index write. Default true: when it is not known, the write is assumed to reach the index.
   */
  projectionChanged?: boolean;
}

/** One item write (PutItem, UpdateItem, DeleteItem, or one element of a batch or transaction). */
export interface WriteShape {
  /** the item's size before the write; absent when there was no item */
  beforeBytes?: number;
  /** the item's size after the write; absent for a delete */
  afterBytes?: number;
  transactional: boolean;
  /** every GSI of the table; an index the write does not change costs nothing and is left out of the result */
  indexes: readonly IndexWrite[];
  /**
   * Undocumented: whether a transaction's 2x also applies to its index writes. Default false: the
   * docs state the 2x for the transaction's items, and GSIs are updated after the table write.
   */
  transactionalIndexWrites?: boolean;
}

/**
 * Write units of one item write: the table (by the larger of the item before and after; one
 * unit at least, as for deleting a missing item), then each GSI the write changes.
 */
export function unitsForWrite(write: WriteShape): ResourceUnits[] {
  const tableBytes = Math.max(write.beforeBytes ?? 0, write.afterBytes ?? 0);
  const out: ResourceUnits[] = [{ resource: { kind: 'table' }, readUnits: 0, writeUnits: writeUnitsForBytes(tableBytes, write.transactional) }];
  const indexTransactional = write.transactional && write.transactionalIndexWrites === true;
  for (const index of write.indexes) {
    const writeUnits = indexWriteUnits(index, indexTransactional);
    if (writeUnits > 0) out.push({ resource: { kind: 'index', name: index.name }, readUnits: 0, writeUnits });
  }
  return out;
}

/** Write units one table write costs on one GSI (see GSI.html in the header). */
export function indexWriteUnits(index: IndexWrite, transactional = false): number {
  const before = index.projectedBeforeBytes;
  const after = index.projectedAfterBytes;
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return writeUnitsForBytes(after!, transactional); // enters the index
  if (after === undefined) return writeUnitsForBytes(before, transactional); // leaves it
  if (index.keyChanged) return writeUnitsForBytes(before, transactional) + writeUnitsForBytes(after, transactional);
  if (index.projectionChanged === false) return 0;
  return writeUnitsForBytes(Math.max(before, after), transactional);
}

/** Adds up units per resource: the table first, then indexes in the order first seen. */
export function sumByResource(parts: readonly ResourceUnits[]): ResourceUnits[] {
  const byKey = new Map<string, ResourceUnits>();
  for (const part of parts) {
    const key = resourceKey(part.resource);
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { resource: part.resource, readUnits: part.readUnits, writeUnits: part.writeUnits });
    else {
      seen.readUnits += part.readUnits;
      seen.writeUnits += part.writeUnits;
    }
  }
  const out = [...byKey.values()];
  return [...out.filter((u) => u.resource.kind === 'table'), ...out.filter((u) => u.resource.kind === 'index')];
}

/** 'table' or 'index:<name>': one string per resource, for maps keyed by resource. */
export function resourceKey(resource: CapacityResource): string {
  return resource.kind === 'table' ? 'table' : `index:${resource.name}`;
}
