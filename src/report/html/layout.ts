// The page shell: one self-contained HTML document (inline CSS, optional inline script, nothing
// fetched) and the small building blocks sections share (pass/fail badges, fact lists, tables).
import { CSS } from './css.js';
import { html, raw } from './escape.js';
import type { Raw } from './escape.js';

export function page(title: string, body: Raw, script?: string): string {
  // The CSP both documents and enforces the promise: the page may load nothing from anywhere.
  const csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="ddbench">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<main>
${body}
</main>
${script !== undefined ? raw(`<script>${script}</script>`) : ''}
</body>
</html>
`.markup;
}

/** Inconclusive (harness floor): neither a pass nor a fail of the target, styled apart from both. */
export function inconclusiveBadge(title: string): Raw {
  return html`<span class="badge inconclusive" title="${title}">INCONCLUSIVE (harness floor)</span>`;
}

export function badge(pass: boolean | null, text?: string): Raw {
  const cls = pass === null ? 'none' : pass ? 'pass' : 'fail';
  return html`<span class="badge ${cls}">${text ?? (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL')}</span>`;
}

export function facts(rows: [label: string, value: string | Raw][]): Raw {
  return html`<dl class="facts">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

export interface Column<R> {
  title: string;
  /** header tooltip: what the column means */
  hint?: string;
  /** 'text' columns align left and wrap */
  text?: boolean;
  cell(row: R): string | Raw;
}

/**
 * A table with a caption and column headers; the first column is the row header. `rowClass`
 * marks rows (total, regression...).
 */
export function table<R>(caption: string, columns: Column<R>[], rows: R[], rowClass?: (r: R) => string): Raw {
  const [head, ...rest] = columns;
  if (head === undefined) return html``;
  return html`<div class="table-wrap"><table>
<caption>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${c.text ? html` class="text"` : ''}${c.hint ? html` title="${c.hint}"` : ''}>${c.title}</th>`)}</tr></thead>
<tbody>
${rows.map((r) => {
  const cls = rowClass?.(r) ?? '';
  return html`<tr${cls ? html` class="${cls}"` : ''}><th scope="row">${head.cell(r)}</th>${rest.map((c) => html`<td${c.text ? html` class="text"` : ''}>${c.cell(r)}</td>`)}</tr>
`;
})}</tbody>
</table></div>`;
}
