// Durations as scenario files write them: "500ms", "5s", "2m", "1h", compounds like "1m30s",
// or a bare number of seconds.

export const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or undefined when the value is not a duration. */
export function durationToMs(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
  if (!DURATION_PATTERN.test(value)) return undefined;
  let totalMs = 0;
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    totalMs += Number(m[1]) * UNIT_MS[m[2]!]!;
  }
  return totalMs;
}
