// First screen: what was run, the PASS/FAIL banner (gates decide it, as they decide the exit
// code), the single-digit-millisecond verdict per operation, each gate with its reason, and the
// warnings that change how to read the numbers (incomplete run, saturated generator).
import type { Summary } from '../../../summary/model.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { count, formatMs, METRIC_LABEL, msFromUs, pct } from '../format.js';
import { gateOutcome, INCONCLUSIVE_LABEL, singleDigitClaim, tallyGates, verdictWithinFloor } from '../../../gates/floor.js';
import { badge, inconclusiveBadge, table } from '../layout.js';
import { withoutCredentials } from './context.js';

export function headerSection(s: Summary): Raw {
  const measured = s.phases.filter((p) => !p.warmup);
  const measuredMs = measured.reduce((sum, p) => sum + p.durationMs, 0);
  return html`<header>
<h1>ddbench report: ${s.scenario.name}</h1>
${s.scenario.description !== undefined ? html`<p class="sub">${s.scenario.description}</p>` : ''}
<p class="sub">${s.startedAt} · ${s.target.kind} <span class="mono">${withoutCredentials(s.target.endpoint)}</span> · ${s.mode} loop, concurrency ${s.concurrency} · measured ${formatMs(measuredMs)} (${measured.map((p) => p.name).join(', ') || 'no measured phase'}) · ${count(s.total.count)} operations</p>
<nav class="toc"><a href="#verdict">Verdict</a><a href="#spectrum">Percentile spectrum</a><a href="#timeline">Over time</a><a href="#operations">Operations</a><a href="#context">Run context</a></nav>
</header>`;
}

export function verdictSection(s: Summary): Raw {
  return html`<section id="verdict" aria-label="Verdict">
${banner(s)}
${warnings(s)}
<div class="cols">
<div>${verdictTable(s)}</div>
<div>${gatesTable(s)}</div>
</div>
</section>`;
}

function banner(s: Summary): Raw {
  const tally = tallyGates(s.gates);
  const failed = tally.fail;
  const what = s.sweep
    ? s.sweep.kneeOpsPerSec !== null
      ? `sweep: knee at ${Math.round(s.sweep.kneeOpsPerSec).toLocaleString('en-US')} ops/s (the highest step that met ${s.sweep.slo.join(', ')})`
      : `sweep: no step met ${s.sweep.slo.join(', ')}`
    : s.gates.length === 0
      ? 'no gates were set (add gates to the scenario or --gate to make the run pass or fail)'
      : failed === 0 && tally.inconclusive === 0
        ? `all ${s.gates.length} gate${s.gates.length === 1 ? '' : 's'} passed`
        : failed === 0
          ? `${tally.pass} of ${s.gates.length} gate${s.gates.length === 1 ? '' : 's'} passed`
          : `${failed} of ${s.gates.length} gate${s.gates.length === 1 ? '' : 's'} failed`;
  const unsure =
    tally.inconclusive === 0
      ? ''
      : html`<span class="unsure">${tally.inconclusive} ${INCONCLUSIVE_LABEL}${s.harness?.strictFloor === true ? ', failed by --strict-floor' : ': within ddbench\'s own noise of the limit, neither a pass nor a fail of the target'}</span>`;
  const thresholdMs = s.verdict.thresholdUs / 1000;
  // the headline follows the rows' rule (gates/floor.ts singleDigitClaim): within the floor is neither yes nor no
  const verdict = singleDigitClaim(s.verdict, (op) => s.operations[op]?.count ?? 0, s.harness?.floor);
  const opList = (names: string[]) =>
    names.map((name, i) => html`${i > 0 ? ', ' : ''}<span class="mono">${name}</span> (${(s.operations[name]?.count ?? 0) === 0 ? 'no samples' : `p99 ${msFromUs(s.verdict.operations[name]!.p99Us)} ms`})`);
  const claim =
    verdict.outcome === 'yes'
      ? html`<strong>Yes</strong>: p99 stayed under ${thresholdMs} ms for every operation in the measured phases.`
      : verdict.outcome === 'no'
        ? html`<strong>No</strong>: ${opList(verdict.failing)} did not stay under ${thresholdMs} ms.`
        : html`${inconclusiveBadge(INCONCLUSIVE_LABEL)}: ${opList(verdict.unsure)} ${verdict.unsure.length === 1 ? 'is' : 'are'} within ddbench's own noise (the harness floor's p99) of ${thresholdMs} ms; every other operation stayed under it.`;
  const c = s.comparison;
  const vsBaseline =
    c === undefined ? '' : c.regressions.length === 0 ? '; no regression against the baseline' : `; ${c.regressions.length} regression${c.regressions.length === 1 ? '' : 's'} against the baseline`;
  return html`<div class="banner ${s.pass ? 'pass' : 'fail'}" role="status"><span class="big">${s.pass ? 'PASS' : 'FAIL'}</span><span class="what">${what}${vsBaseline}${s.complete ? '' : ' (incomplete run)'}</span>${unsure}</div>
${c !== undefined && c.regressions.length > 0 ? html`<p class="claim">Regressions (tolerance ${c.maxRegressionPct}%, floor ${msFromUs(c.floorUs)} ms): ${c.regressions.map((r, i) => html`${i > 0 ? '; ' : ''}<span class="mono">${r.op}</span> ${METRIC_LABEL[r.metric]}${r.deltaPct === null ? '' : ` ${r.deltaPct > 0 ? '+' : ''}${r.deltaPct.toFixed(1)}%`}`)}. See compare.html beside this report.</p>` : ''}
<p class="claim">Single-digit-millisecond p99? ${claim}</p>
${floorClaim(s)}`;
}

function warnings(s: Summary): Raw {
  const g = s.generator;
  const out: Raw[] = [];
  if (!s.complete) {
    out.push(html`<div class="warning" role="alert"><strong>Incomplete run</strong>: ${s.stopReason ?? 'stopped early'}. The numbers cover only what was measured before it stopped.</div>`);
  }
  if (s.merged !== undefined && s.merged.missing.length > 0) {
    out.push(html`<div class="warning" role="alert"><strong>Shards missing from this merge</strong>: ${s.merged.missing.join(', ')} of ${s.merged.count}; the load shown is short by their share.</div>`);
  }
  if (g.saturated) {
    out.push(html`<div class="warning" role="alert"><strong>The load generator was saturated</strong>: latency may be inflated by ddbench itself, not the target.<ul>${g.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>`);
  } else if (g.warnings.length > 0) {
    out.push(html`<div class="warning"><strong>Generator notes</strong><ul>${g.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>`);
  }
  if ((g.abandonedOps ?? 0) > 0) {
    out.push(html`<div class="warning"><strong>${count(g.abandonedOps ?? 0)} operations got no answer and were abandoned</strong>: recorded as timeouts once their deadline passed or the run ended.</div>`);
  }
  if (g.droppedOps > 0) {
    out.push(html`<div class="warning"><strong>${count(g.droppedOps)} operations were never sent</strong>: the run ended before a concurrency slot freed.</div>`);
  }
  if (s.total.errors > 0) {
    out.push(html`<div class="warning"><strong>${count(s.total.errors)} errors</strong> (${pct((s.total.errors / Math.max(1, s.total.count)) * 100)} of operations in the measured phases); see the operations table.</div>`);
  }
  return html`${out}`;
}

/** The harness floor in words, when it was measured: what a margin must exceed to be about the target. */
function floorClaim(s: Summary): Raw | string {
  const f = s.harness?.floor;
  if (f === undefined) return '';
  if (f.saturated === true) {
    return html`<p class="note" id="harness-floor">Harness ceiling: one ${f.driver} lane could not keep ${Math.round(f.rateOpsPerSec).toLocaleString('en-US')} ops/s against a null endpoint${f.achievedOpsPerSec !== undefined ? ` (it answered ${Math.round(f.achievedOpsPerSec).toLocaleString('en-US')}/s)` : ''}: its latencies (p99 ${msFromUs(f.latencyUs.p99)} ms) are queueing, not a floor, so they mark nothing inconclusive; a measured phase that asks a lane for that much measures ddbench, not the target.</p>`;
  }
  return html`<p class="note" id="harness-floor">Harness floor (${f.driver} at ${Math.round(f.rateOpsPerSec).toLocaleString('en-US')} ops/s against a null endpoint): p50 ${msFromUs(f.latencyUs.p50)} ms, p99 ${msFromUs(f.latencyUs.p99)} ms, p99.9 ${msFromUs(f.latencyUs.p999)} ms. A result closer than its p99 to its limit is ${inconclusiveBadge('within the harness floor')}.</p>`;
}

type VerdictRow = [name: string, v: Summary['verdict']['operations'][string], n: number];

function verdictTable(s: Summary): Raw {
  const rows: VerdictRow[] = Object.entries(s.verdict.operations).map(([name, v]) => [name, v, s.operations[name]?.count ?? 0]);
  const thresholdMs = s.verdict.thresholdUs / 1000;
  const within = ([, v, n]: VerdictRow) => n > 0 && verdictWithinFloor(v.p99Us, s.verdict.thresholdUs, s.harness?.floor);
  return table<VerdictRow>(
    `Latency from intended start, ms (measured phases)`,
    [
      { title: 'operation', cell: ([name]) => name },
      { title: `p99 < ${thresholdMs} ms`, cell: (r) => (r[2] === 0 ? badge(null, 'no samples') : within(r) ? inconclusiveBadge(`${r[1].pass ? 'under' : 'over'} ${thresholdMs} ms by less than the harness floor's p99`) : badge(r[1].pass)) },
      { title: 'p50', cell: ([, v]) => msFromUs(v.p50Us) },
      { title: 'p99', cell: ([, v]) => msFromUs(v.p99Us) },
      { title: 'p99.9', cell: ([, v]) => msFromUs(v.p999Us) },
      { title: 'max', cell: ([, v]) => msFromUs(v.maxUs) },
      { title: 'count', cell: ([, , n]) => count(n) },
    ],
    rows,
    (r) => (within(r) ? 'inconclusive' : r[1].pass ? '' : 'fail'),
  );
}

type GateRow = Summary['gates'][number];

function gatesTable(s: Summary): Raw {
  if (s.gates.length === 0) return html`<p class="note">No gates.</p>`;
  return table<GateRow>(
    'Gates',
    [
      { title: 'gate', cell: (g) => html`<span class="mono">${g.expr}</span>` },
      { title: 'result', cell: (g) => (g.inconclusive === true ? inconclusiveBadge(`${g.pass ? 'passes' : 'fails'} by less than the harness floor's p99`) : badge(g.pass)) },
      { title: 'measured', text: true, cell: (g) => (g.inconclusive === true ? `${reason(g)}, within the harness floor` : reason(g)) },
    ],
    s.gates,
    (g) => ({ pass: '', fail: 'fail', inconclusive: 'inconclusive' })[gateOutcome(g)],
  );
}

/**
 * Why the gate passed or failed, as the comparison it made: `8.26 ms < 10 ms`, `12.41 ms, not
 * < 10 ms`; a gate with nothing to measure keeps evaluate's explanation (`no data (...)`).
 */
function reason(g: GateRow): string {
  const comparator = /<=|>=|<|>/.exec(g.expr)?.[0];
  if (g.actual === null || comparator === undefined) return g.message.replace(`${g.expr}: `, '').replace(/ \((PASS|FAIL)\)$/, '');
  const unit = (v: number) => `${round(v)}${g.unit === '' ? '' : g.unit === '%' ? '%' : ` ${g.unit}`}`;
  return g.pass ? `${unit(g.actual)} ${comparator} ${unit(g.threshold)}` : `${unit(g.actual)}, not ${comparator} ${unit(g.threshold)}`;
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
