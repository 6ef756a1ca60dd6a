// trend.html in a real browser (Debian's /usr/bin/chromium through playwright-core, as
// report-browser.test.ts): from a history of real runs on dynalite, opened from disk with and
// without JavaScript, the verdict is in the first screen, there is a chart per series with every
// run as a point, levels and change-point markers, a table of changes, links that reach each
// run's report.html, and nothing but the file itself is requested.
//
// The history: three real short runs of test/fixtures/scenarios/trend.yaml on dynalite, then
// derived nights made from copies of those real summary.json files (and their report.html),
// dated a day apart: nights 4-6 as measured, nights 7-10 with every latency percentile of every
// operation multiplied by 1.8 (what a slower build would produce). Deriving keeps this test under a
// minute; trend-history.test.ts makes its whole history from real runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { ROOT, runCli } from '../support/cli.js';
import type { Summary } from '../../src/types.js';
import { analyseTrend } from '../../src/trend/trend.js';
import { TREND_DEFAULTS } from '../../src/trend/analyse.js';
import { relativeHref, renderTrendPage } from '../../src/report/html/trend.js';
import { hostileSummary } from '../unit/report-html-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };
const DAY_MS = 86_400_000;

function slower(s: Summary, factor: number): Summary {
  const copy = structuredClone(s);
  for (const o of Object.values(copy.operations)) for (const p of ['p50', 'p90', 'p99', 'p999', 'max', 'mean'] as const) o.latencyUs[p] = Math.round(o.latencyUs[p] * factor);
  return copy;
}

test('trend.html of a real history renders in Chromium from disk, with and without JavaScript, requesting nothing else', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ddbench-trend-browser-'));
  let browser: Browser | undefined;
  try {
    const real: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const out = join(dir, 'history', `night-0${i}`);
      const res = await runCli(['run', join(ROOT, 'test/fixtures/scenarios/trend.yaml'), '--target', 'dynalite', '--out', out]);
      assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
      real.push(out);
    }
    const first = JSON.parse(readFileSync(join(real[0]!, 'summary.json'), 'utf8')) as Summary;
    for (let night = 4; night <= 10; night++) {
      const from = real[(night - 1) % 3]!;
      const out = join(dir, 'history', `night-${String(night).padStart(2, '0')}`);
      cpSync(from, out, { recursive: true });
      const s = JSON.parse(readFileSync(join(from, 'summary.json'), 'utf8')) as Summary;
      const derived = night >= 7 ? slower(s, 1.8) : s;
      derived.startedAt = new Date(Date.parse(first.startedAt) + (night - 1) * DAY_MS).toISOString();
      writeFileSync(join(out, 'summary.json'), JSON.stringify(derived));
    }
    const res = await runCli(['trend', 'history', '--out', 'site/trend.html', '--metric', 'p50,p99,throughput'], { cwd: dir });
    assert.equal(res.code, 1, res.stdout + res.stderr);
    assert.match(res.stdout, /^REGRESSION\s+get p50\s+\+\d.*from run 7 .*night-07/m);
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
        assert.equal(await charts.nth(i).locator('circle').count(), 10, `chart ${i}: a point per run`);
        assert.ok((await charts.nth(i).locator('path.line.dashed').count()) === 1, `chart ${i}: levels drawn`);
      }
      const p50 = page.locator('figure.chart', { hasText: 'get p50' }).locator('svg.plot');
      assert.equal(await p50.locator('line.marker').count(), 1, 'one change point marked on get p50');
      assert.match(await p50.locator('text.marker-label').innerText(), /^\+\d+(\.\d)?%$/);
      const changes = page.locator('#changes + .table-wrap tbody tr.regression');
      assert.ok((await changes.count()) >= 2, 'get p50 and put p50 at least');
      assert.match(await changes.first().innerText(), /#7 /);

      const links = page.locator('a[href$="report.html"]');
      assert.equal(await links.count(), 10, 'a link per run');
      for (let i = 0; i < 10; i++) {
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
    await page.locator('a[href]').first().click();
    assert.deepEqual(dialogs, [], 'no alert() ran');
    assert.equal(await page.locator('script').count(), 0, 'trend.html has no script at all');
    assert.equal(await page.locator('main img, main iframe, main object, main marquee, main b, main i').count(), 0, 'no injected element');
    assert.equal(await page.locator('h1').innerText(), `ddbench trend: ${base.scenario.name}`);
    await page.context().close();
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
