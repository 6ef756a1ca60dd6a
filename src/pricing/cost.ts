// On-demand cost estimate from the consumed capacity the target reported. On an on-demand table
// one consumed read (write) capacity unit is billed as one read (write) request unit.
// Defaults: us-east-1, Standard table class (../shared/reference/dynamodb-facts.md); prices change
// and differ per region, hence --price-read / --price-write.

export interface Prices {
  readPerMillionUsd: number;
  writePerMillionUsd: number;
}

export const DEFAULT_PRICES: Readonly<Prices> = Object.freeze({ readPerMillionUsd: 0.125, writePerMillionUsd: 0.625 });

export function costUsd(consumedRcu: number, consumedWcu: number, prices: Prices): number {
  return (consumedRcu * prices.readPerMillionUsd + consumedWcu * prices.writePerMillionUsd) / 1e6;
}
