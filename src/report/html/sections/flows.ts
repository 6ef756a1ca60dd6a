// Scenario scripts: where each flow's time goes. Built from summary.json alone: a flow's steps and
// think time (summary.flows), each step's latency (its own operation) and the flow's end-to-end
// latency (operation `flow:<name>`). Mean time per iteration adds up: calls per flow × the step's
// mean latency, plus think time, plus the remainder (the script's own code and anything the steps
// do not cover, such as a flow's wait for a start slot; negative when steps overlap, e.g. under Promise.all).
import type { FlowSummary, OperationSummary, Summary } from '../../../summary/model.js';
import { FLOW_OP_PREFIX } from '../../../types.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { count, msFromUs } from '../format.js';
import { table } from '../layout.js';

interface Part {
  name: string;
  kind: 'step' | 'think' | 'other' | 'flow';
  /** calls per flow iteration (steps) */
  perFlow?: number;
  p50Us?: number;
  p99Us?: number;
  /** mean time per flow iteration (µs) */
  meanPerFlowUs: number;
}

export function flowsSection(s: Summary): Raw {
  const flows = Object.entries(s.flows ?? {});
  if (flows.length === 0) return html``;
  return html`<section id="flows">
<h2>Flows: where the time goes</h2>
<p class="note">Each flow's mean time per iteration, split into its steps (calls per flow × the step's mean latency), think time (<code>ctx.sleep</code>) and the rest (waiting for a start slot, the script's own code; negative when steps ran in parallel). Step p50/p99 are the step's own, over every flow that names it. Measured phases only.</p>
${flows.map(([name, f]) => flowTable(name, f, s.operations))}
</section>`;
}

function flowTable(name: string, f: FlowSummary, ops: Record<string, OperationSummary>): Raw {
  const flow = ops[name];
  const label = name.startsWith(FLOW_OP_PREFIX) ? name.slice(FLOW_OP_PREFIX.length) : name;
  if (flow === undefined || f.count === 0) return html`<p class="note">Flow <strong>${label}</strong>: no measured iterations.</p>`;
  const parts = breakdown(f, flow, ops);
  const flowMeanUs = flow.latencyUs.mean;
  return table<Part>(
    `Flow ${label}: ${count(f.count)} iterations, mean ${msFromUs(flowMeanUs)} ms, p50 ${msFromUs(flow.latencyUs.p50)} ms, p99 ${msFromUs(flow.latencyUs.p99)} ms`,
    [
      { title: 'part', cell: (p) => (p.kind === 'step' ? html`<span class="mono">${p.name}</span>` : p.name) },
      { title: 'calls/flow', hint: 'calls of this step per flow iteration', cell: (p) => (p.perFlow === undefined ? '–' : p.perFlow.toFixed(2)) },
      { title: 'p50', hint: "the step's p50 latency, ms", cell: (p) => (p.p50Us === undefined ? '–' : msFromUs(p.p50Us)) },
      { title: 'p99', hint: "the step's p99 latency, ms", cell: (p) => (p.p99Us === undefined ? '–' : msFromUs(p.p99Us)) },
      { title: 'ms/flow', hint: 'mean time per flow iteration, ms', cell: (p) => msFromUs(p.meanPerFlowUs) },
      { title: 'share', hint: "of the flow's mean latency", text: true, cell: (p) => share(p.meanPerFlowUs, flowMeanUs) },
    ],
    parts,
    (p) => (p.kind === 'flow' ? 'total' : ''),
  );
}

/** The flow's parts in order of first call, then think time, the rest and the flow itself. */
export function breakdown(f: FlowSummary, flow: OperationSummary, ops: Record<string, OperationSummary>): Part[] {
  const parts: Part[] = Object.entries(f.steps).map(([step, calls]) => {
    const o = ops[step];
    const perFlow = calls / f.count;
    return { name: step, kind: 'step', perFlow, ...(o !== undefined ? { p50Us: o.latencyUs.p50, p99Us: o.latencyUs.p99 } : {}), meanPerFlowUs: perFlow * (o?.latencyUs.mean ?? 0) };
  });
  const stepsUs = parts.reduce((a, p) => a + p.meanPerFlowUs, 0);
  const thinkUs = f.thinkTimeUs / f.count;
  parts.push({ name: 'think time', kind: 'think', meanPerFlowUs: thinkUs });
  parts.push({ name: 'rest (start wait, script code)', kind: 'other', meanPerFlowUs: flow.latencyUs.mean - stepsUs - thinkUs });
  parts.push({ name: 'flow (end to end)', kind: 'flow', p50Us: flow.latencyUs.p50, p99Us: flow.latencyUs.p99, meanPerFlowUs: flow.latencyUs.mean });
  return parts;
}

/** A percentage and a bar drawn with CSS widths, so it reads without JavaScript. */
function share(partUs: number, flowUs: number): Raw {
  const pct = flowUs > 0 ? (partUs / flowUs) * 100 : 0;
  // a fixed scale (10em = the whole flow): a percentage width inside an auto-sized cell has nothing to be a percentage of
  const widthEm = Math.max(0, Math.min(100, pct)) / 10;
  return html`<span class="share-bar" style="width:${widthEm.toFixed(2)}em"></span> ${pct.toFixed(1)}%`;
}
