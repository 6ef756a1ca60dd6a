// The documented limits (limits.ts) as the forecast takes them (forecast.ts): the per-key maximum
// and the table-level caps of a new on-demand table with no other facts. Where a run knows more
// (DescribeTable's WarmThroughput, provisioned capacity, an OnDemandThroughput cap), the caller
// adds those limits; these are the documented defaults, and each line says so through its source.
import type { ForecastLimits, ResourceLimit } from './forecast.js';
import {
  NEW_ON_DEMAND_TABLE_WARM_READ_UNITS_PER_SEC,
  NEW_ON_DEMAND_TABLE_WARM_WRITE_UNITS_PER_SEC,
  PARTITION_READ_UNITS_PER_SEC,
  PARTITION_WRITE_UNITS_PER_SEC,
  TABLE_READ_UNITS_PER_SEC_QUOTA,
  TABLE_WRITE_UNITS_PER_SEC_QUOTA,
  type DocumentedLimit,
} from './limits.js';

const DEFAULT_NOTE = 'documented default: no DescribeTable value';

function resourceLimit(limit: DocumentedLimit, direction: 'read' | 'write', unitName: string, consequence: string): ResourceLimit {
  return { name: limit.name, direction, unitsPerSec: limit.value, unitName, source: `${limit.source} (${DEFAULT_NOTE})`, consequence };
}

/** The limits of a new on-demand table (and each of its GSIs), from the documentation alone. */
export function documentedForecastLimits(): ForecastLimits {
  return {
    perKey: { readUnitsPerSec: PARTITION_READ_UNITS_PER_SEC.value, writeUnitsPerSec: PARTITION_WRITE_UNITS_PER_SEC.value, source: PARTITION_READ_UNITS_PER_SEC.source },
    resources: [
      resourceLimit(NEW_ON_DEMAND_TABLE_WARM_READ_UNITS_PER_SEC, 'read', 'RRU', 'throttles until the table has scaled (up to 2x its previous peak within 30 minutes)'),
      resourceLimit(NEW_ON_DEMAND_TABLE_WARM_WRITE_UNITS_PER_SEC, 'write', 'WRU', 'throttles until the table has scaled (up to 2x its previous peak within 30 minutes)'),
      resourceLimit(TABLE_READ_UNITS_PER_SEC_QUOTA, 'read', 'RRU', 'throttles unless the quota is raised'),
      resourceLimit(TABLE_WRITE_UNITS_PER_SEC_QUOTA, 'write', 'WRU', 'throttles unless the quota is raised'),
    ],
  };
}
