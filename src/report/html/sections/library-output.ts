// "Library output": what client libraries printed during the run (the DAX client's own logging,
// Node and SDK warnings), captured instead of shown, each distinct message once with its count.
import type { LibraryMessageSummary, Summary } from '../../../summary/model.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { count } from '../format.js';
import { table } from '../layout.js';

export function libraryOutputSection(s: Summary): Raw {
  const messages = s.libraryMessages ?? [];
  if (messages.length === 0) return html``;
  return html`<section id="library-output">
<h2>Library output</h2>
<p class="note">Client libraries and Node printed these during the run. ddbench captured them instead of letting them reach the terminal (a DAX client logs a stack trace every few seconds while a node is down): messages are grouped by their first line with numbers stripped, and counted.</p>
${table<LibraryMessageSummary>(
  'Captured messages, most frequent first',
  [
    { title: 'first line', text: true, cell: (m) => html`<span class="mono">${m.firstLine}</span>` },
    { title: 'printed by', text: true, cell: (m) => m.source ?? 'unknown' },
    { title: 'count', cell: (m) => count(m.count) },
  ],
  messages,
)}
</section>`;
}
