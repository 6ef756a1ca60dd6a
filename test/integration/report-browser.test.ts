// report.html in a real browser (Debian's /usr/bin/chromium driven by playwright-core; no browser
// is ever downloaded): from a real run on dynalite, opened from disk, the verdict is in the first
// screen, every chart and table has a size, nothing is logged as an error, nothing but the file
// itself is requested, and with JavaScript off the page still shows all of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { runCli, readSummary, ROOT } from '../support/cli.js';
import { renderReport } from '../../src/report/html/report.js';
import { hostileSummary } from '../unit/report-html-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };

interface Watch {
  requests: string[];
  problems: string[];
  dialogs: string[];
}

async function open(browser: Browser, url: string, javaScriptEnabled: boolean): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled });
  const page = await context.newPage();
  const watch: Watch = { requests: [], problems: [], dialogs: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, watch };
}

async function box(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is not rendered`);
  return b;
}

/** What both modes (scripts on and off) must show. */
async function checkRendered(page: Page, ops: string[]): Promise<void> {
  const banner = await box(page, '#verdict .banner');
  assert.ok(banner.y >= 0 && banner.y + banner.height <= VIEWPORT.height, `banner at ${JSON.stringify(banner)}`);
  assert.match((await page.locator('#verdict .banner').innerText()).trim(), /^(PASS|FAIL)/);
  const tables = page.locator('#verdict table');
  assert.equal(await tables.count(), 2, 'verdict and gates');
  for (let i = 0; i < 2; i++) {
    const b = await tables.nth(i).boundingBox();
    assert.ok(b && b.height > 40 && b.y + b.height <= VIEWPORT.height, `verdict table ${i} is in the first screen: ${JSON.stringify(b)}`);
    assert.ok(await tables.nth(i).isVisible());
  }

  const charts = page.locator('svg.plot');
  const n = await charts.count();
  assert.equal(n, ops.length + 5, "a spectrum per operation, latency, p99 per operation, ddbench's own send lag, throughput, errors");
  for (let i = 0; i < n; i++) {
    const b = await charts.nth(i).boundingBox();
    assert.ok(b && b.width > 300 && b.height > 100, `chart ${i} has size ${JSON.stringify(b)}`);
    const lines = charts.nth(i).locator('path.line');
    assert.ok((await lines.count()) > 0, `chart ${i} draws lines`);
    const lb = await lines.first().boundingBox();
    assert.ok(lb && lb.width > 0, `chart ${i}'s first line has a size`);
  }
  const table = await box(page, '#operations table');
  assert.ok(table.width > 600 && table.height > 100);
  assert.equal(await page.locator('#operations tbody tr').count(), ops.length + 1, 'one row per operation and the total');
}

test('report.html of a real run renders in Chromium from disk, with and without JavaScript, requesting nothing else', { timeout: 240_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ddbench-browser-'));
  let browser: Browser | undefined;
  try {
    const out = join(dir, 'run');
    const res = await runCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynalite', '--duration', '3s', '--no-warmup', '--seed-items', '200', '--no-calibrate', '--out', out]);
    assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
    const ops = Object.keys(readSummary(res).operations);
    const url = pathToFileURL(join(out, 'report.html')).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

    for (const javaScriptEnabled of [true, false]) {
      const { page, watch } = await open(browser, url, javaScriptEnabled);
      await checkRendered(page, ops);
      assert.deepEqual(watch.requests, [url], 'the only request is the file itself');
      assert.deepEqual(watch.problems, []);
      if (javaScriptEnabled) {
        // the optional hover read-out works where scripts run
        await page.locator('#latency-over-time svg').scrollIntoViewIfNeeded();
        const chart = await box(page, '#latency-over-time svg');
        await page.mouse.move(chart.x + chart.width * 0.6, chart.y + chart.height / 2);
        const tip = page.locator('#latency-over-time .tip');
        assert.ok(await tip.isVisible(), 'hover read-out shows');
        assert.match(await tip.innerText(), /\d+s\n[^]*p99: [\d.,]+ ms/);
        await page.mouse.move(0, 0);
        await mkdir(join(ROOT, 'reports'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'reports', 'report-browser-test.png'), fullPage: true });
      } else {
        assert.equal(await page.locator('.tip').count(), 0, 'no script ran');
      }
      await page.context().close();
    }
  } finally {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a report of a scenario full of markup runs none of it in Chromium', { timeout: 120_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ddbench-browser-hostile-'));
  let browser: Browser | undefined;
  try {
    const file = join(dir, 'report.html');
    await writeFile(file, renderReport(hostileSummary()));
    const url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const { page, watch } = await open(browser, url, true);
    assert.deepEqual(watch.dialogs, [], 'no alert() ran');
    assert.deepEqual(watch.requests, [url]);
    assert.deepEqual(watch.problems, []);
    assert.equal(await page.locator('script').count(), 1);
    assert.equal(await page.locator('main img, main iframe, main object, main marquee, main b, main i').count(), 0, 'no injected element');
    assert.equal(await page.locator('h1').innerText(), 'ddbench report: <script>alert(1)</script>');
    assert.ok(await page.locator('#verdict .banner').isVisible(), 'the injected <style> hid nothing');
    await page.context().close();
  } finally {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  }
});
