// How benchmark results are shown: one table per section, as aligned text for the console and
// as Markdown for BENCHMARKS.md, from the same rows. Pure.

export interface Table {
  headers: string[];
  rows: string[][];
  /** per column: 'l' (text) or 'r' (numbers); default: first column left, the rest right */
  align?: ('l' | 'r')[];
}

export interface SectionReport {
  title: string;
  /** how it was measured: one paragraph */
  method: string;
  table: Table;
  /** ratios, verdicts and caveats, one per line */
  notes: string[];
}

function alignOf(t: Table, col: number): 'l' | 'r' {
  return t.align?.[col] ?? (col === 0 ? 'l' : 'r');
}

export function textTable(t: Table): string {
  const widths = t.headers.map((h, c) => Math.max(h.length, ...t.rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (alignOf(t, c) === 'l' ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(t.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map((r) => line(t.headers.map((_, c) => r[c] ?? '')))].join('\n');
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

export function markdownTable(t: Table): string {
  const rule = t.headers.map((_, c) => (alignOf(t, c) === 'l' ? '---' : '---:'));
  const line = (cells: string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(t.headers), `|${rule.join('|')}|`, ...t.rows.map((r) => line(t.headers.map((_, c) => r[c] ?? '')))].join('\n');
}

export function sectionText(s: SectionReport): string {
  return [`== ${s.title} ==`, s.method, '', textTable(s.table), ...(s.notes.length > 0 ? ['', ...s.notes] : [])].join('\n');
}

export function sectionMarkdown(s: SectionReport): string {
  return [`### ${s.title}`, '', s.method, '', markdownTable(s.table), ...(s.notes.length > 0 ? ['', ...s.notes.map((n) => `- ${n}`)] : [])].join('\n');
}

/** 12345.6 -> "12,346" */
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A ratio to two decimals, or "n/a" when it could not be measured. */
export function fixed2(r: number | undefined): string {
  return r === undefined || !Number.isFinite(r) ? 'n/a' : r.toFixed(2);
}

/** Microseconds as milliseconds with three decimals: 2134 -> "2.134" */
export function msFromUs(us: number): string {
  return (us / 1000).toFixed(3);
}

/** A signed difference in ms: 0.134 -> "+0.134" */
export function signedMs(ms: number): string {
  return `${ms >= 0 ? '+' : '-'}${Math.abs(ms).toFixed(3)}`;
}

export function mb(kb: number): string {
  return (kb / 1024).toFixed(1);
}

/** `met` / `NOT met` against a lower bound, with three decimals so 0.899 never reads as 0.90. */
export function goal(value: number | undefined, atLeast: number): string {
  if (value === undefined || !Number.isFinite(value)) return 'not measured';
  return value >= atLeast ? `met (${value.toFixed(3)} >= ${atLeast})` : `NOT met (${value.toFixed(3)} < ${atLeast})`;
}

/**
 * Replaces what lies between the two marker lines (markers kept). When the markers are
 * missing the block is appended at the end, so a hand-edited file never loses the figures.
 */
export function replaceBetween(doc: string, begin: string, end: string, content: string): string {
  const i = doc.indexOf(begin);
  const j = i >= 0 ? doc.indexOf(end, i + begin.length) : -1;
  const block = `${begin}\n${content.trimEnd()}\n${end}`;
  if (i < 0 || j < 0) return `${doc.trimEnd()}\n\n${block}\n`;
  return `${doc.slice(0, i)}${block}${doc.slice(j + end.length)}`;
}
