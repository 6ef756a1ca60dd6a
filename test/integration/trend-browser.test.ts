// trend.html in a real browser (Debian's /usr/bin/chromium through playwright-core, as
// report-browser.test.ts): from a history of real runs on dynalite, opened from disk with and
// without JavaScript, the verdict is in the first screen, there is a chart per series with every
// run as a point, levels and change-point markers, a table of changes, links that reach each
// run's report.html, and nothing but the file itself is requested.
//
// The history: one real short run of test/fixtures/scenarios/trend.yaml on dynalite (night 1),
// then nights 2-20 derived from copies of its summary.json and report.html, dated a day apart,
// every latency percentile multiplied by a seeded factor in [0.95, 1.05] (run-to-run noise) and,
// from night 15 on, by 2 as well (what a much slower build would produce). Deriving from one run
// keeps this test short and its step clear of the spread real runs show on a busy shared machine
// (here 6 to 27 ms p50 between back-to-back dynalite runs); trend-history.test.ts makes its
// whole history from real runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { ROOT, runCli } from '../support/cli.js';
import type { Summary } from '../../src/summary/model.js';
import { analyseTrend } from '../../src/trend/trend.js';
import { TREND_DEFAULTS } from '../../src/trend/analyse.js';
import { relativeHref, renderTrendPage } from '../../src/report/html/trend.js';
import { hostileSummary } from '../unit/report-html-fixture.js';
import { Rng } from '../../src/workload/rng.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };
const DAY_MS = 86_400_000;
const NIGHTS = 20;
const FIRST_SLOW = 15;

function slower(s: Summary, factor: number): Summary {
  const copy = structuredClone(s);
  for (const o of Object.values(copy.operations)) for (const p of ['p50', 'p90', 'p99', 'p999', 'max', 'mean'] as const) o.latencyUs[p] = Math.round(o.latencyUs[p] * factor);
  return copy;
}

test('trend.html of a real history renders in Chromium from disk, with and without JavaScript, requesting nothing else', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ddbench-trend-browser-'));
  let browser: Browser | undefined;
  try {
    const first = join(dir, 'history', 'night-01');
    const ran = await runCli(['run', join(ROOT, 'test/fixtures/scenarios/trend.yaml'), '--target', 'dynalite', '--out', first]);
    assert.ok(ran.code === 0 || ran.code === 1, `exit ${ran.code}\n${ran.stderr}`);
    const measured = JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8')) as Summary;
    const rng = new Rng(20);
    for (let night = 2; night <= NIGHTS; night++) {
      const out = join(dir, 'history', `night-${String(night).padStart(2, '0')}`);
      cpSync(first, out, { recursive: true });
      const derived = slower(measured, (0.95 + 0.1 * rng.nextFloat()) * (night >= FIRST_SLOW ? 2 : 1));
      derived.startedAt = new Date(Date.parse(measured.startedAt) + (night - 1) * DAY_MS).toISOString();
      writeFileSync(join(out, 'summary.json'), JSON.stringify(derived));
    }
    const res = await runCli(['trend', 'history', '--out', 'site/trend.html', '--metric', 'p50,p99,throughput'], { cwd: dir });
    const p50s = Array.from({ length: NIGHTS }, (_, i) => (JSON.parse(readFileSync(join(dir, 'history', `night-${String(i + 1).padStart(2, '0')}`, 'summary.json'), 'utf8')) as Summary).operations['get']?.latencyUs.p50);
    assert.equal(res.code, 1, `${res.stdout}${res.stderr}\nget p50 per night, us: ${p50s.join(' ')}`);
    assert.match(res.stdout, /^REGRESSION\s+get p50\s+\+\d.*from run 15 .*night-15/m);
    const file = join(dir, 'site', 'trend.html');
    const url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled });
      const page = await context.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(m.text()) : undefined));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(url, { waitUntil: 'load' });

      const banner = await page.locator('.banner').first().boundingBox();
      assert.ok(banner && banner.y + banner.height <= VIEWPORT.height, `banner in the first screen: ${JSON.stringify(banner)}`);
      assert.match(await page.locator('.banner').innerText(), /^FAIL\s+get p50 \+\d/);
      // 2 operations x (p50, p99, throughput)
      const charts = page.locator('figure.chart svg.plot');
      assert.equal(await charts.count(), 6);
      for (let i = 0; i < 6; i++) {
        const b = await charts.nth(i).boundingBox();
        assert.ok(b && b.width > 300 && b.height > 100, `chart ${i} has size ${JSON.stringify(b)}`);
        assert.equal(await charts.nth(i).locator('circle').count(), NIGHTS, `chart ${i}: a point per run`);
        assert.ok((await charts.nth(i).locator('path.line.dashed').count()) === 1, `chart ${i}: levels drawn`);
      }
      const p50 = page.locator('figure.chart', { hasText: 'get p50' }).locator('svg.plot');
      assert.equal(await p50.locator('line.marker').count(), 1, 'one change point marked on get p50');
      assert.match((await p50.locator('text.marker-label').textContent()) ?? '', /^\+\d+(\.\d)?%$/);
      const changes = page.locator('#changes + .table-wrap tbody tr.regression');
      assert.ok((await changes.count()) >= 2, 'get p50 and put p50 at least');
      assert.match(await changes.first().innerText(), /#15 /);

      const links = page.locator('a[href$="report.html"]');
      assert.equal(await links.count(), NIGHTS, 'a link per run');
      for (let i = 0; i < NIGHTS; i++) {
        const href = await links.nth(i).getAttribute('href');
        assert.ok(existsSync(resolve(dirname(file), decodeURIComponent(href!))), `${href} reaches a report.html`);
      }
      assert.deepEqual(requests, [url], 'the only request is the file itself');
      assert.deepEqual(problems, []);
      if (javaScriptEnabled) await page.screenshot({ path: join(ROOT, 'reports', 'trend-browser-test.png'), fullPage: false });
      await context.close();
    }
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a trend of runs full of markup runs none of it in Chromium', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ddbench-trend-hostile-'));
  let browser: Browser | undefined;
  try {
    const base = hostileSummary();
    const runs = Array.from({ length: 8 }, (_, i) => {
      const summary = slower(base, i < 4 ? 1 : 2);
      summary.startedAt = new Date(Date.parse(base.startedAt) + i * DAY_MS).toISOString();
      const runDir = join(dir, i === 0 ? 'javascript:alert(1)' : `<b>run${i}</b>`);
      return { file: join(runDir, 'summary.json'), dir: runDir, startedAt: summary.startedAt, summary };
    });
    const result = analyseTrend(runs, { metrics: ['p50'], ops: [] }, TREND_DEFAULTS);
    const file = join(dir, 'trend.html');
    writeFileSync(file, renderTrendPage(result, { reportHref: (r) => relativeHref(dir, join(r.dir, 'report.html')), version: 'test' }));
    const url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.goto(url, { waitUntil: 'load' });
    assert.equal(await page.locator('a[href]').first().getAttribute('href'), 'javascript%3Aalert(1)/report.html');
    assert.equal(await page.locator('script').count(), 0, 'trend.html has no script at all');
    assert.equal(await page.locator('main img, main iframe, main object, main marquee, main b, main i').count(), 0, 'no injected element');
    assert.equal(await page.locator('h1').innerText(), `ddbench trend: ${base.scenario.name}`);
    // following the link of a run in a folder named like a script URL opens a (missing) file, runs nothing
    await page.locator('a[href]').first().click();
    assert.deepEqual(dialogs, [], 'no alert() ran');
    await page.context().close();
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
