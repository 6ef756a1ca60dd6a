import { html } from '../escape.js';
import { count, durationMs, METRIC_LABEL, msFromUs, pct } from '../format.js';
import { badge, table } from '../layout.js';
export function headerSection(s) {
    const measured = s.phases.filter((p) => !p.warmup);
    const measuredMs = measured.reduce((sum, p) => sum + p.durationMs, 0);
    return html `<header>
<h1>ddbench report: ${s.scenario.name}</h1>
${s.scenario.description !== undefined ? html `<p class="sub">${s.scenario.description}</p>` : ''}
<p class="sub">${s.startedAt} · ${s.target.kind} <span class="mono">${s.target.endpoint}</span> · ${s.mode} loop, concurrency ${s.concurrency} · measured ${durationMs(measuredMs)} (${measured.map((p) => p.name).join(', ') || 'no measured phase'}) · ${count(s.total.count)} operations</p>
<nav class="toc"><a href="#verdict">Verdict</a><a href="#spectrum">Percentile spectrum</a><a href="#timeline">Over time</a><a href="#operations">Operations</a><a href="#context">Run context</a></nav>
</header>`;
}
export function verdictSection(s) {
    return html `<section id="verdict" aria-label="Verdict">
${banner(s)}
${warnings(s)}
<div class="cols">
<div>${verdictTable(s)}</div>
<div>${gatesTable(s)}</div>
</div>
</section>`;
}
function banner(s) {
    const failed = s.gates.filter((g) => !g.pass).length;
    const what = s.gates.length === 0
        ? 'no gates were set (add gates to the scenario or --gate to make the run pass or fail)'
        : failed === 0
            ? `all ${s.gates.length} gate${s.gates.length === 1 ? '' : 's'} passed`
            : `${failed} of ${s.gates.length} gate${s.gates.length === 1 ? '' : 's'} failed`;
    const thresholdMs = s.verdict.thresholdUs / 1000;
    const slow = Object.entries(s.verdict.operations).filter(([, v]) => !v.pass);
    const claim = s.verdict.pass
        ? html `<strong>Yes</strong>: p99 stayed under ${thresholdMs} ms for every operation in the measured phases.`
        : html `<strong>No</strong>: ${slow.map(([name, v], i) => html `${i > 0 ? ', ' : ''}<span class="mono">${name}</span> (${(s.operations[name]?.count ?? 0) === 0 ? 'no samples' : `p99 ${msFromUs(v.p99Us)} ms`})`)} did not stay under ${thresholdMs} ms.`;
    const c = s.comparison;
    const vsBaseline = c === undefined ? '' : c.regressions.length === 0 ? '; no regression against the baseline' : `; ${c.regressions.length} regression${c.regressions.length === 1 ? '' : 's'} against the baseline`;
    return html `<div class="banner ${s.pass ? 'pass' : 'fail'}" role="status"><span class="big">${s.pass ? 'PASS' : 'FAIL'}</span><span class="what">${what}${vsBaseline}${s.complete ? '' : ' (incomplete run)'}</span></div>
${c !== undefined && c.regressions.length > 0 ? html `<p class="claim">Regressions (tolerance ${c.maxRegressionPct}%, floor ${msFromUs(c.floorUs)} ms): ${c.regressions.map((r, i) => html `${i > 0 ? '; ' : ''}<span class="mono">${r.op}</span> ${METRIC_LABEL[r.metric]}${r.deltaPct === null ? '' : ` ${r.deltaPct > 0 ? '+' : ''}${r.deltaPct.toFixed(1)}%`}`)}. See compare.html beside this report.</p>` : ''}
<p class="claim">Single-digit-millisecond p99? ${claim}</p>`;
}
function warnings(s) {
    const g = s.generator;
    const out = [];
    if (!s.complete) {
        out.push(html `<div class="warning" role="alert"><strong>Incomplete run</strong>: ${s.stopReason ?? 'stopped early'}. The numbers cover only what was measured before it stopped.</div>`);
    }
    if (g.saturated) {
        out.push(html `<div class="warning" role="alert"><strong>The load generator was saturated</strong>: latency may be inflated by ddbench itself, not the target.<ul>${g.warnings.map((w) => html `<li>${w}</li>`)}</ul></div>`);
    }
    else if (g.warnings.length > 0) {
        out.push(html `<div class="warning"><strong>Generator notes</strong><ul>${g.warnings.map((w) => html `<li>${w}</li>`)}</ul></div>`);
    }
    if (g.droppedOps > 0) {
        out.push(html `<div class="warning"><strong>${count(g.droppedOps)} operations were never sent</strong>: the run ended before a concurrency slot freed.</div>`);
    }
    if (s.total.errors > 0) {
        out.push(html `<div class="warning"><strong>${count(s.total.errors)} errors</strong> (${pct((s.total.errors / Math.max(1, s.total.count)) * 100)} of operations in the measured phases); see the operations table.</div>`);
    }
    if (g.queuedOps > 0) {
        out.push(html `<p class="note">${count(g.queuedOps)} operations waited for a free concurrency slot (deepest queue ${count(g.maxQueueDepth)}): the target or the concurrency setting was the limit, and the wait is part of their latency.</p>`);
    }
    return html `${out}`;
}
function verdictTable(s) {
    const rows = Object.entries(s.verdict.operations).map(([name, v]) => [name, v, s.operations[name]?.count ?? 0]);
    const thresholdMs = s.verdict.thresholdUs / 1000;
    return table(`Latency from intended start, ms (measured phases)`, [
        { title: 'operation', cell: ([name]) => name },
        { title: `p99 < ${thresholdMs} ms`, cell: ([, v, n]) => (n === 0 ? badge(null, 'no samples') : badge(v.pass)) },
        { title: 'p50', cell: ([, v]) => msFromUs(v.p50Us) },
        { title: 'p99', cell: ([, v]) => msFromUs(v.p99Us) },
        { title: 'p99.9', cell: ([, v]) => msFromUs(v.p999Us) },
        { title: 'max', cell: ([, v]) => msFromUs(v.maxUs) },
        { title: 'count', cell: ([, , n]) => count(n) },
    ], rows, ([, v]) => (v.pass ? '' : 'fail'));
}
function gatesTable(s) {
    if (s.gates.length === 0)
        return html `<p class="note">No gates.</p>`;
    return table('Gates', [
        { title: 'gate', cell: (g) => html `<span class="mono">${g.expr}</span>` },
        { title: 'result', cell: (g) => badge(g.pass) },
        { title: 'actual', cell: (g) => (g.actual === null ? 'n/a' : `${round(g.actual)}${g.unit === '' ? '' : ` ${g.unit}`}`) },
        { title: 'reason', text: true, cell: (g) => reason(g) },
    ], s.gates, (g) => (g.pass ? '' : 'fail'));
}
/** The gate's message without the expression it repeats (`p99 < 10ms: actual 12.41ms (FAIL)`). */
function reason(g) {
    return g.message.startsWith(`${g.expr}: `) ? g.message.slice(g.expr.length + 2) : g.message;
}
function round(x) {
    return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
//# sourceMappingURL=verdict.js.map