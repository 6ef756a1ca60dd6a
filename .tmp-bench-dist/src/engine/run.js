// The engine: the one place that knows every concrete piece and wires them in order:
// scenario -> target -> table -> seed -> load (scheduler + driver + recorder) -> summary -> files.
// Every exit path (success, gate failure, bad input, runtime error, interrupt) stops what it started.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatProblems } from '../scenario/load.js';
import { validateScenarioFile } from './validate.js';
import { parseGate } from '../gates/parse.js';
import { createWorkload } from '../workload/index.js';
import { resolveTarget } from '../endpoints/index.js';
import { createDynamoClient } from '../drivers/sdk.js';
import { driverProblem } from '../drivers/index.js';
import { prepareTable, deleteTableIfOwned } from '../table/lifecycle.js';
import { seedTable } from '../table/seed.js';
import { unsupportedOperations } from '../table/capabilities.js';
import { UsageError } from '../errors.js';
import { applyOverrides, autoWorkers, expectedRequests, plannedDurationMs } from './plan.js';
import { executeLoad } from './load.js';
import { buildSummary } from '../summary/summary.js';
import { captureEnvironment } from '../summary/environment.js';
import { writeSummaryFile } from '../report/json.js';
import { writeReportFile } from '../report/html/file.js';
import { formatOperationTable } from '../report/console-table.js';
import { VERSION } from '../version.js';
import { applyBaseline, loadBaseline } from '../compare/baseline.js';
import { formatComparisonTable } from '../compare/format.js';
import { writeComparisonHtml } from '../compare/write.js';
import { renderJunit, writeJunitFile } from '../report/junit.js';
import { renderMarkdown, writeMarkdownOutputs } from '../report/markdown.js';
export async function runScenario(o) {
    const log = (msg) => o.io.err(`${msg}\n`);
    const loaded = await validateScenarioFile(o.file);
    if (!loaded.ok) {
        o.io.err(`${formatProblems(loaded.problems, o.file)}\n${loaded.problems.length} problem(s) in ${o.file}; nothing was run.\n`);
        return { exitCode: 2 };
    }
    const scenario = applyOverrides(loaded.scenario, o);
    const gateProblems = o.gates.flatMap((g) => {
        const parsed = parseGate(g, scenario.operations.map((op) => op.name));
        return parsed.ok ? [] : [`--gate "${g}": ${parsed.message}`];
    });
    if (gateProblems.length > 0)
        throw new UsageError(gateProblems.join('\n'));
    const driverIssue = driverProblem(o.driver, scenario.retries.mode);
    if (driverIssue !== undefined)
        throw new UsageError(driverIssue);
    const baseline = o.baseline ? await loadBaseline(o.baseline, scenario.name) : undefined;
    const workload = createWorkload(scenario, { seed: scenario.randomSeed });
    const endpoint = await resolveTarget(o.target, { ...(o.region ? { region: o.region } : {}), log });
    try {
        return await runOnTarget(o, scenario, loaded.source, workload, endpoint, log, baseline);
    }
    finally {
        await endpoint.stop();
    }
}
async function runOnTarget(o, scenario, source, workload, endpoint, log, baseline) {
    const target = endpoint.info;
    const unsupported = unsupportedOperations(scenario, target, { file: o.file });
    if (unsupported.length > 0)
        throw new UsageError(`${unsupported.join('\n')}\nnothing was created on ${target.endpoint}.`);
    await confirmRemote(o, scenario, target.endpoint, target.loopback);
    const client = createDynamoClient(target.endpoint, target.region);
    const runId = `${scenario.name}-${Date.now().toString(36)}`;
    const startedAt = new Date();
    const outDir = resolve(o.outDir ?? join('reports', `${scenario.name}-${stamp(startedAt)}`));
    let created = false;
    let summary;
    try {
        ({ created } = await prepareTable(client, scenario.table, { reuse: o.reuseTable, runId, log }));
        let seedStats;
        if (scenario.seed && scenario.seed.items > 0 && !o.reuseTable && !o.stop.requested) {
            log(`seeding ${scenario.seed.items} items into ${scenario.table.name}...`);
            seedStats = await seedTable(client, scenario.table.name, workload.seedItems(), scenario.seed.items, {
                keyAttributes: [scenario.table.partitionKey.name, ...(scenario.table.sortKey ? [scenario.table.sortKey.name] : [])],
                onProgress: (done, total) => {
                    if (o.io.isTTY)
                        o.io.err(`\r\x1b[2Kseeded ${done}/${total}`);
                },
            });
            if (o.io.isTTY)
                o.io.err('\r\x1b[2K');
            log(`seeded ${seedStats.items} items in ${(seedStats.durationMs / 1000).toFixed(1)}s (${seedStats.retries} batch retries)`);
        }
        await mkdir(outDir, { recursive: true });
        const driverOptions = {
            endpoint: target.endpoint,
            region: target.region,
            concurrency: scenario.concurrency,
            maxAttempts: scenario.retries.maxAttempts,
            retryMode: scenario.retries.mode,
            requestTimeoutMs: scenario.requestTimeoutMs,
        };
        const workers = Math.max(1, Math.min(o.workers ?? autoWorkers(scenario, o.driver), scenario.concurrency));
        log(`load: ${scenario.phases.map((p) => `${p.name} ${p.durationMs / 1000}s${p.rateOpsPerSec ? ` @ ${p.rateOpsPerSec.toFixed(0)} ops/s` : ''}${p.warmup ? ' (warm-up)' : ''}`).join(', ')}; ${scenario.mode} loop, concurrency ${scenario.concurrency}, driver ${o.driver}, ${workers} worker${workers > 1 ? 's' : ''}, target ${target.kind} ${target.endpoint}`);
        const load = await executeLoad({ scenario, workload, driverKind: o.driver, driverOptions, workers, io: o.io, stop: o.stop, hlogPath: join(outDir, 'latency.hlog') });
        const interrupted = o.stop.requested;
        summary = buildSummary({
            ddbenchVersion: VERSION,
            recorded: load.recorded,
            scenario,
            scenarioFile: o.file,
            scenarioSource: source,
            target,
            driver: load.driverName,
            generator: load.health,
            startedAt: startedAt.toISOString(),
            durationMs: load.durationMs,
            complete: !interrupted,
            ...(interrupted ? { stopReason: o.stop.reason ?? 'interrupted' } : {}),
            ...(seedStats ? { seed: seedStats } : {}),
            extraGates: o.gates,
            environment: captureEnvironment(),
        });
    }
    finally {
        if (created && !o.keepTable) {
            await deleteTableIfOwned(client, scenario.table.name, runId, created, { log }).catch((e) => log(`could not delete table ${scenario.table.name}: ${String(e)}`));
        }
        else if (created) {
            log(`kept table ${scenario.table.name} (--keep-table)`);
        }
        client.destroy();
    }
    if (!summary)
        throw new Error('no summary was built');
    if (baseline)
        summary = applyBaseline(summary, baseline, join(outDir, 'summary.json'));
    await writeSummaryFile(outDir, summary);
    const reportFile = await writeReportFile(outDir, summary, o.prices ? { prices: o.prices } : {});
    o.io.out(`${formatOperationTable(summary)}\n`);
    if (baseline && summary.comparison) {
        o.io.out(`\n${formatComparisonTable(summary.comparison)}\n`);
        o.io.out(`comparison: ${await writeComparisonHtml(outDir, summary.comparison, baseline.summary, summary)}\n`);
    }
    if (o.junitFile !== undefined)
        o.io.out(`junit: ${await writeJunitFile(o.junitFile, renderJunit(summary, { verdictFailures: o.junitVerdictFailures ?? false }))}\n`);
    const markdownTargets = { ...(o.markdownFile !== undefined ? { file: o.markdownFile } : {}), ...(o.stepSummaryFile ? { stepSummaryFile: o.stepSummaryFile } : {}) };
    for (const file of await writeMarkdownOutputs(renderMarkdown(summary), markdownTargets))
        o.io.out(`markdown: ${file}\n`);
    o.io.out(`report: ${reportFile}\n`);
    o.io.out(`results: ${join(outDir, 'summary.json')}\n`);
    if (o.stop.requested) {
        o.io.out(`run stopped early (${o.stop.reason ?? 'interrupted'}): the summary is partial and marked complete: false\n`);
        return { exitCode: 130, summary, outDir };
    }
    return { exitCode: summary.pass ? 0 : 1, summary, outDir };
}
async function confirmRemote(o, scenario, endpoint, loopback) {
    if (loopback || o.yes)
        return;
    const req = expectedRequests(scenario);
    const question = `${endpoint} is not on this machine. This run will create table ${scenario.table.name}` +
        `${o.reuseTable ? ' (reused, not created)' : ''}, write ${req.seedBatches} seed batches and send ` +
        `${req.load === null ? 'a closed-loop number of' : `about ${req.load}`} requests over ${(plannedDurationMs(scenario) / 1000).toFixed(0)}s. Continue?`;
    if (!o.io.confirm)
        throw new UsageError(`${question}\nno terminal to ask on: pass --yes to confirm.`);
    if (!(await o.io.confirm(question)))
        throw new UsageError('not confirmed; nothing was sent.');
}
function stamp(d) {
    return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
//# sourceMappingURL=run.js.map