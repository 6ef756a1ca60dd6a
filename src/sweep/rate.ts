// How a sweep writes a rate, shared by its stop reasons (sweep/evaluate.ts) and its console table
// (report/sweep-table.ts): a leaf, so the report need not import what judges the steps.

/** `4,000` (grouped) or `4000` (for names and stop reasons); one decimal under 100. */
export function formatRate(opsPerSec: number, grouped = true): string {
  const digits = opsPerSec < 100 && !Number.isInteger(opsPerSec) ? 1 : 0;
  return grouped ? opsPerSec.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }) : String(Number(opsPerSec.toFixed(digits)));
}
