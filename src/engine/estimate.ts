// A rough, labelled estimate of what a run will cost on AWS, for the confirmation a run against a
// non-loopback target asks for. Pure. It multiplies the planned requests by the capacity units
// each operation type consumes for items of the size the scenario's templates can reach
// (reads: 4 KB units, half for eventually consistent reads, double in transactions; writes: 1 KB
// units, double in transactions; every index adds a write), at on-demand prices. It is an upper
// bound for single-item operations and a guess for Query and Scan, whose pages it cannot know.
import type { OperationSpec, Scenario, TemplateMap } from '../types.js';
import { estimateItemBytes } from '../scenario/check-templates.js';
import type { Prices } from '../pricing/cost.js';
import { DEFAULT_PRICES } from '../pricing/cost.js';
import { expectedRequests } from './plan.js';

export interface CostEstimate {
  /** request units (reads) and write units for the seed and the load */
  readUnits: number;
  writeUnits: number;
  usd: number;
  /** null in closed loop: the number of requests is not known in advance */
  loadRequests: number | null;
  seedBatches: number;
  /** what the figure leaves out, for the question's wording */
  caveats: string[];
}

const readUnits = (bytes: number, consistent: boolean): number => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));
/** a Query or Scan without a limit reads a page of up to 1 MB */
const PAGE_BYTES = 1024 * 1024;

export function estimateCost(scenario: Scenario, prices: Prices = DEFAULT_PRICES): CostEstimate {
  const caveats: string[] = [];
  const storedBytes = storedItemBytes(scenario);
  const indexWrites = 1 + scenario.table.indexes.length;
  const planned = expectedRequests(scenario);
  const seedItems = scenario.seed?.items ?? 0;
  let reads = 0;
  let writes = seedItems * writeUnits(storedBytes) * indexWrites;

  if (planned.load === null) caveats.push('closed loop: the load itself is not counted (its request count depends on latency)');
  else {
    const totalWeight = scenario.operations.reduce((a, op) => a + op.weight, 0);
    for (const op of scenario.operations) {
      const n = (planned.load * op.weight) / totalWeight;
      const units = perRequest(op, storedBytes, indexWrites);
      reads += n * units.read;
      writes += n * units.write;
      if (units.guess) caveats.push(`${op.name}: ${op.type} without a limit counted as one 1 MB page`);
    }
  }
  if (scenario.table.billingMode === 'PROVISIONED') caveats.push('the table is PROVISIONED: AWS bills its capacity by the hour instead; this is the on-demand equivalent');
  caveats.push('retries, conditional failures and unprocessed items can add to it');
  const usd = (reads * prices.readPerMillionUsd + writes * prices.writePerMillionUsd) / 1e6;
  return { readUnits: Math.ceil(reads), writeUnits: Math.ceil(writes), usd, loadRequests: planned.load, seedBatches: planned.seedBatches, caveats };
}

/** Size of the items the table holds: the seed item, else the largest item an operation writes, else 1 KB. */
function storedItemBytes(scenario: Scenario): number {
  const items: TemplateMap[] = [];
  if (scenario.seed) items.push(scenario.seed.item);
  for (const op of scenario.operations) {
    if (op.item) items.push(op.item);
    for (const t of op.items ?? []) if (t.item) items.push(t.item);
  }
  return items.length === 0 ? 1024 : Math.max(...items.map(estimateItemBytes));
}

function perRequest(op: OperationSpec, stored: number, indexWrites: number): { read: number; write: number; guess?: boolean } {
  const consistent = op.consistentRead === true;
  const written = op.item ? estimateItemBytes(op.item) : stored;
  const count = op.count ?? 1;
  switch (op.type) {
    case 'GetItem':
      return { read: readUnits(stored, consistent), write: 0 };
    case 'BatchGetItem':
      return { read: count * readUnits(stored, consistent), write: 0 };
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return { read: 0, write: writeUnits(Math.max(written, stored)) * indexWrites };
    case 'BatchWriteItem':
      return { read: 0, write: count * writeUnits(written) * indexWrites };
    case 'Query':
    case 'Scan':
      if (op.limit === undefined) return { read: readUnits(PAGE_BYTES, consistent), write: 0, guess: true };
      return { read: readUnits(op.limit * stored, consistent), write: 0 };
    case 'TransactGetItems':
      return { read: (op.items ?? []).reduce((a) => a + 2 * readUnits(stored, true), 0), write: 0 };
    case 'TransactWriteItems':
      return {
        read: 0,
        write: (op.items ?? []).reduce((a, t) => a + 2 * writeUnits(t.item ? estimateItemBytes(t.item) : stored) * (t.type === 'ConditionCheck' ? 1 : indexWrites), 0),
      };
  }
}

/** `about $0.42 (1,200 read units, 3,400 write units at on-demand prices; rough: ...)` */
export function formatCostEstimate(e: CostEstimate, prices: Prices = DEFAULT_PRICES): string {
  const usd = e.usd < 0.01 ? 'under $0.01' : `about $${e.usd.toFixed(2)}`;
  return (
    `estimated cost ${usd} (${e.readUnits.toLocaleString('en-US')} read units, ${e.writeUnits.toLocaleString('en-US')} write units ` +
    `at $${prices.readPerMillionUsd}/$${prices.writePerMillionUsd} per million; a rough estimate from item sizes: ${e.caveats.join('; ')})`
  );
}
