// DynamoDB's documented throughput limits, each with its value, unit and source, so a forecast can
// name the limit it applies and where the number comes from (STYLE.md: "a forecast names the
// documented limit and its source"). Facts only: how they combine into a forecast is not decided
// here. Collected in ../shared/reference/capacity-facts.md (sections 1-4, 9), rechecked against
// copies of the pages named; where the sources disagree, `note` says so.
//
// Undocumented behaviour (split for heat: threshold, delay, step) is deliberately absent: it can
// only be an option with its assumptions stated, never a constant.

export type LimitUnit = 'read units/s' | 'write units/s' | 's' | 'x previous peak';

export interface DocumentedLimit {
  /** a short name for a forecast line: "per-partition write limit" */
  readonly name: string;
  readonly value: number;
  readonly unit: LimitUnit;
  /** where the value is documented (URLs, the first the primary one) */
  readonly source: string;
  /** a caveat: where sources disagree, or what the limit does not cover */
  readonly note?: string;
}

const DOCS = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/';

/** One physical partition (of a table or a GSI, in both capacity modes) serves at most this. */
export const PARTITION_READ_UNITS_PER_SEC: DocumentedLimit = {
  name: 'per-partition read limit',
  value: 3000,
  unit: 'read units/s',
  source: `${DOCS}bp-partition-key-design.html ; ${DOCS}warm-throughput-scenarios.html`,
  note:
    'Adaptive capacity can isolate a hot item on its own partition but never lifts it past this. Reads and writes are ' +
    'limited independently (throttling-key-range-limit-exceeded-mitigation.html); a knowledge-center article says "or a ' +
    'linear combination of both".',
};

export const PARTITION_WRITE_UNITS_PER_SEC: DocumentedLimit = {
  name: 'per-partition write limit',
  value: 1000,
  unit: 'write units/s',
  source: PARTITION_READ_UNITS_PER_SEC.source,
  note: PARTITION_READ_UNITS_PER_SEC.note!,
};

/** A new on-demand table serves this at once (its warm throughput: twice its initial previous peak). */
export const NEW_ON_DEMAND_TABLE_WARM_READ_UNITS_PER_SEC: DocumentedLimit = {
  name: 'new on-demand table warm throughput (reads)',
  value: 12000,
  unit: 'read units/s',
  source: `${DOCS}warm-throughput.html ; ${DOCS}pre-warming-on-demand-capacity-mode.html ; ${DOCS}warm-throughput-scenarios.html`,
  note:
    'The pre-warming and warm-throughput pages say 12,000 reads and 4,000 writes; the knowledge center and ' +
    'TroubleshootingThrottlingOnDemand.html say "or", or a linear combination. DynamoDB Local returns no WarmThroughput.',
};

export const NEW_ON_DEMAND_TABLE_WARM_WRITE_UNITS_PER_SEC: DocumentedLimit = {
  name: 'new on-demand table warm throughput (writes)',
  value: 4000,
  unit: 'write units/s',
  source: NEW_ON_DEMAND_TABLE_WARM_READ_UNITS_PER_SEC.source,
  note: NEW_ON_DEMAND_TABLE_WARM_READ_UNITS_PER_SEC.note!,
};

/** A new on-demand table's initial "previous peak"; it may serve twice that at once. */
export const NEW_ON_DEMAND_TABLE_PREVIOUS_PEAK_READ_UNITS_PER_SEC: DocumentedLimit = {
  name: 'new on-demand table initial previous peak (reads)',
  value: 6000,
  unit: 'read units/s',
  source: 'https://github.com/awsdocs/amazon-dynamodb-developer-guide/blob/master/doc_source/HowItWorks.ReadWriteCapacityMode.md',
};

export const NEW_ON_DEMAND_TABLE_PREVIOUS_PEAK_WRITE_UNITS_PER_SEC: DocumentedLimit = {
  name: 'new on-demand table initial previous peak (writes)',
  value: 2000,
  unit: 'write units/s',
  source: NEW_ON_DEMAND_TABLE_PREVIOUS_PEAK_READ_UNITS_PER_SEC.source,
};

/** On demand absorbs up to this multiple of the previous peak at once. */
export const ON_DEMAND_PEAK_MULTIPLIER: DocumentedLimit = {
  name: 'on-demand instant headroom',
  value: 2,
  unit: 'x previous peak',
  source: `${DOCS}TroubleshootingThrottlingOnDemand.html ; https://repost.aws/knowledge-center/on-demand-table-throttling-dynamodb ; ${DOCS}warm-throughput.html`,
  note: 'How long a previous peak lasts, and whether it decays, is undocumented.',
};

/** Growing past twice the previous peak within this window can throttle. */
export const ON_DEMAND_PEAK_GROWTH_WINDOW_SEC: DocumentedLimit = {
  name: 'on-demand growth window',
  value: 30 * 60,
  unit: 's',
  source: ON_DEMAND_PEAK_MULTIPLIER.source,
  note: 'AWS advises spreading growth beyond twice the previous peak over at least 30 minutes.',
};

/** Default per-table quota, for the table and for each GSI (adjustable; both capacity modes). */
export const TABLE_READ_UNITS_PER_SEC_QUOTA: DocumentedLimit = {
  name: 'per-table read quota',
  value: 40000,
  unit: 'read units/s',
  source: `${DOCS}ServiceQuotas.html ; ${DOCS}throttling-account-limit-exceeded-mitigation.html`,
  note: 'A default, adjustable through Service Quotas (per-table read quota code L-CF0CBE56); applies to the table and to each GSI.',
};

export const TABLE_WRITE_UNITS_PER_SEC_QUOTA: DocumentedLimit = {
  name: 'per-table write quota',
  value: 40000,
  unit: 'write units/s',
  source: TABLE_READ_UNITS_PER_SEC_QUOTA.source,
  note: TABLE_READ_UNITS_PER_SEC_QUOTA.note!,
};

/** Unused capacity is banked for up to this long and can be spent in a burst. */
export const BURST_CREDIT_SEC: DocumentedLimit = {
  name: 'burst credit',
  value: 300,
  unit: 's',
  source: `${DOCS}burst-adaptive-capacity.html`,
  note: 'Not guaranteed: DynamoDB may spend burst credit on background maintenance, and the details may change.',
};

/** Every limit above, for a report listing the limits and their sources. */
export const DOCUMENTED_LIMITS: readonly DocumentedLimit[] = [
  PARTITION_READ_UNITS_PER_SEC,
  PARTITION_WRITE_UNITS_PER_SEC,
  NEW_ON_DEMAND_TABLE_WARM_READ_UNITS_PER_SEC,
  NEW_ON_DEMAND_TABLE_WARM_WRITE_UNITS_PER_SEC,
  NEW_ON_DEMAND_TABLE_PREVIOUS_PEAK_READ_UNITS_PER_SEC,
  NEW_ON_DEMAND_TABLE_PREVIOUS_PEAK_WRITE_UNITS_PER_SEC,
  ON_DEMAND_PEAK_MULTIPLIER,
  ON_DEMAND_PEAK_GROWTH_WINDOW_SEC,
  TABLE_READ_UNITS_PER_SEC_QUOTA,
  TABLE_WRITE_UNITS_PER_SEC_QUOTA,
  BURST_CREDIT_SEC,
];
