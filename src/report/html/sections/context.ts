// What was run, where and on what: the scenario as written (echoed as YAML), the target (kind and
// endpoint, never credentials), driver, phases, the machine, and the generator's own health.
import { Document, isScalar, visit } from 'yaml';
import type { Summary } from '../../../summary/model.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { count, formatMs, msFromUs, rate } from '../format.js';
import { badge, facts, table } from '../layout.js';

export function contextSection(s: Summary): Raw {
  const e = s.environment;
  const g = s.generator;
  return html`<section id="context">
<h2>Run context</h2>
<div class="cols">
<div>
${facts([
  ['scenario', s.scenario.name],
  ['scenario file', s.scenario.file ?? '(not recorded)'],
  ['started at', s.startedAt],
  ['load duration', formatMs(s.durationMs)],
  ['complete', s.complete ? 'yes' : `no: ${s.stopReason ?? 'stopped early'}`],
  ['target', html`${s.target.kind} <span class="mono">${withoutCredentials(s.target.endpoint)}</span> (region ${s.target.region})`],
  ['driver', s.driver],
  ['mode', s.mode === 'open' ? 'open loop (fixed arrival rate)' : 'closed loop (workers)'],
  ['concurrency', String(s.concurrency)],
  ...(s.loadWorkers !== undefined ? [['load threads', String(s.loadWorkers)] as [string, string]] : []),
  ...(s.shard !== undefined ? [['shard', `${s.shard.index} of ${s.shard.count} (this machine's part of the load)`] as [string, string]] : []),
  ...(s.merged !== undefined ? [['merged', `shards ${s.merged.shards.join(', ')} of ${s.merged.count}${s.merged.missing.length > 0 ? `; missing ${s.merged.missing.join(', ')}` : ''}`] as [string, string]] : []),
  ['seed', s.seed ? `${count(s.seed.items)} items in ${formatMs(s.seed.durationMs)} (${count(s.seed.retries)} batch retries)` : 'none'],
  ['ddbench', s.ddbenchVersion],
  ['node', e.node],
  ['machine', `${e.platform}, ${e.cpus} × ${e.cpuModel}, ${count(e.totalMemMb)} MB, host ${e.hostname}`],
])}
</div>
<div>
<h3>Generator health ${badge(!g.saturated, g.saturated ? 'saturated' : 'ok')}</h3>
${facts([
  ['event loop delay', `p99 ${g.eventLoopDelayP99Ms} ms, max ${g.eventLoopDelayMaxMs} ms`],
  ['send lag p99', `${msFromUs(g.sendLagP99Us)} ms (intended start to send, with a free slot)`],
  ['queued for a slot', `${count(g.queuedOps)} operations (deepest queue ${count(g.maxQueueDepth)})`],
  ['never sent', `${count(g.droppedOps)} operations`],
  ['abandoned (no answer)', `${count(g.abandonedOps ?? 0)} operations`],
  ['warnings', g.warnings.length === 0 ? 'none' : html`<ul>${g.warnings.map((w) => html`<li>${w}</li>`)}</ul>`],
  ...harnessFacts(s),
])}
${lanesTable(s)}
</div>
</div>
${phasesTable(s)}
<h3>Scenario as written</h3>
<pre class="source">${scenarioYaml(s.scenario.source)}</pre>
</section>`;
}

type Phase = Summary['phases'][number];
type Lane = NonNullable<NonNullable<Summary['harness']>['lanes']>[number];

/** ddbench's own contribution: the calibrated floor and the recording thread's GC pauses. */
function harnessFacts(s: Summary): [string, string | Raw][] {
  const h = s.harness;
  if (h === undefined) return [];
  const out: [string, string | Raw][] = [];
  const f = h.floor;
  out.push([
    'harness floor',
    f !== undefined
      ? `${f.driver} at ${rate(f.rateOpsPerSec)} ops/s against a null endpoint: p50 ${msFromUs(f.latencyUs.p50)}, p99 ${msFromUs(f.latencyUs.p99)}, p99.9 ${msFromUs(f.latencyUs.p999)} ms (${count(f.count)} operations); gates within its p99 of their limit are inconclusive`
      : 'not calibrated (--no-calibrate, or nothing judged)',
  ]);
  if (h.gcPauses !== undefined) out.push(['GC pauses (recording thread)', gcText(h.gcPauses)]);
  return out;
}

function gcText(p: { count: number; totalMs: number; maxMs: number }): string {
  return p.count === 0 ? 'none' : `${count(p.count)}, ${p.totalMs.toFixed(1)} ms in all, longest ${p.maxMs.toFixed(2)} ms`;
}

/** Each load lane measured inside its own thread: a late loop or a GC pause there delays every send and completion on it. */
function lanesTable(s: Summary): Raw {
  const lanes = s.harness?.lanes ?? [];
  if (lanes.length === 0) return html``;
  return table<Lane>(
    'Load lanes, each measured in its own thread',
    [
      { title: 'lane', cell: (l) => l.name },
      { title: 'event-loop delay p99', cell: (l) => `${l.eventLoopDelayP99Ms} ms`, hint: 'sampled every 10 ms: values include that resolution' },
      { title: 'max', cell: (l) => `${l.eventLoopDelayMaxMs} ms` },
      { title: 'GC pauses', cell: (l) => gcText(l.gcPauses), text: true },
    ],
    lanes,
  );
}

function phasesTable(s: Summary): Raw {
  return table<Phase>(
    'Phases, in order (latency from intended start, ms)',
    [
      { title: 'phase', cell: (p) => p.name },
      { title: 'warm-up', cell: (p) => (p.warmup ? 'yes' : 'no') },
      { title: 'duration', cell: (p) => formatMs(p.durationMs) },
      { title: s.mode === 'open' ? 'target rate/s' : 'workers', cell: (p) => plan(p) },
      { title: 'achieved/s', cell: (p) => rate(p.achievedRateOpsPerSec) },
      { title: 'count', cell: (p) => count(p.count) },
      { title: 'errors', cell: (p) => count(p.errors) },
      { title: 'p50', cell: (p) => msFromUs(p.latencyUs.p50) },
      { title: 'p99', cell: (p) => msFromUs(p.latencyUs.p99) },
      { title: 'max', cell: (p) => msFromUs(p.latencyUs.max) },
    ],
    s.phases,
  );
}

function plan(p: Phase): string {
  if (p.workers !== undefined) return String(p.workers);
  if (p.targetRateOpsPerSec === undefined) return '–';
  return p.rampToOpsPerSec !== undefined ? `${rate(p.targetRateOpsPerSec)} → ${rate(p.rampToOpsPerSec)}` : rate(p.targetRateOpsPerSec);
}

/** The scenario's source as YAML; a source YAML cannot represent is shown as JSON. */
export function scenarioYaml(source: unknown): string {
  if (source === undefined || source === null) return '(not recorded)';
  try {
    // Small maps and lists of scalars on one line, as people write them ({ name: pk, type: S }),
    // except the top level.
    const doc = new Document(source);
    visit(doc, {
      Map(_, node, path) {
        if (path.length > 1 && node.items.length <= 6 && node.items.every((p) => isScalar(p.value) && String(p.value.value).length <= 40)) node.flow = true;
      },
      Seq(_, node, path) {
        if (path.length > 1 && node.items.length <= 8 && node.items.every((v) => isScalar(v) && String(v.value).length <= 30)) node.flow = true;
      },
    });
    return doc.toString({ lineWidth: 0 }).trimEnd();
  } catch {
    return JSON.stringify(source, null, 2);
  }
}

/** Endpoints never hold credentials; should one ever carry `user:pass@`, it is not shown. */
export function withoutCredentials(endpoint: string): string {
  return endpoint.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}
