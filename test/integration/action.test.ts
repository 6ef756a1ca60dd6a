// The GitHub Action (action.yml) end to end, without GitHub: its steps run in order with bash in a
// simulated job (test/support/action-runner.ts: GITHUB_* files, the event payload, the Actions
// cache simulated by a folder store), each a short real `ddbench run` on an embedded dynalite, with
// GITHUB_API_URL on a loopback stand-in for GitHub's REST API (test/support/fake-github.ts).
//
// One story, five jobs: a push to main (no comment; the passing run becomes the baseline and joins
// the history), a pull request (compared with that baseline; one comment posted), the same pull
// request again (that comment edited, never a second one), the pull request from a fork (403: one
// warning, the exit code unchanged) and a push whose gate fails (exit 1 from the action, nothing
// becomes the baseline, the run still joins the history and is uploaded).
//
// Simulated: actions/setup-node, the cache and the artifact upload (the files are listed, not
// sent). The install step runs once, on this already-built checkout (so it skips `npm ci` and only
// puts ddbench on PATH); the other jobs use install: false with a `ddbench` on PATH that runs this
// checkout's bin/ddbench.js. Installing from scratch is the package test's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/cli.js';
import { FakeCache, runAction } from '../support/action-runner.js';
import type { ActionResult, SimulatedRun } from '../support/action-runner.js';
import { startFakeGitHub } from '../support/fake-github.js';
import type { FakeGitHub } from '../support/fake-github.js';
import { tempDir } from './faults-support.js';

const REPO = 'octo-org/shop';
const TOKEN = 'ghs_test-token';
const PR = 42;
const MARKER = '<!-- ddbench:trend -->';
const work = tempDir('action');
let api: FakeGitHub;
let cache: FakeCache;
let shimDir: string;
let jobs = 0;

before(async () => {
  api = await startFakeGitHub({ repo: REPO, token: TOKEN });
  // a busy pull request: 120 earlier comments, so the search for the marker reads two pages
  api.comments.set(PR, Array.from({ length: 120 }, (_, i) => ({ id: i + 1, body: `review comment ${i + 1}`, html_url: '', user: { login: 'someone' }, created_at: '', updated_at: '' })));
  cache = new FakeCache(path.join(work.dir, 'cache'));
  shimDir = path.join(work.dir, 'bin');
  mkdirSync(shimDir, { recursive: true });
  writeFileSync(path.join(shimDir, 'ddbench'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'bin', 'ddbench.js')}" "$@"\n`);
  chmodSync(path.join(shimDir, 'ddbench'), 0o755);
});

after(async () => {
  await api.close();
  work.remove();
});

const pullRequest = (head: string) => ({ event_name: 'pull_request', event: { action: 'synchronize', number: PR, pull_request: { number: PR, head: { sha: head } } } });
const push = { event_name: 'push', event: { ref: 'refs/heads/main' } };

/** One job: a fresh workspace holding the scenario, the shared cache, the action from this checkout. */
async function job(event: { event_name: string; event: unknown }, inputs: Record<string, string> = {}, shim = true): Promise<ActionResult & { workspace: string }> {
  jobs++;
  const workspace = path.join(work.dir, `job${jobs}`, 'workspace');
  mkdirSync(path.join(workspace, 'perf'), { recursive: true });
  copyFileSync(path.join(ROOT, 'test/fixtures/scenarios/trend.yaml'), path.join(workspace, 'perf', 'trend.yaml'));
  const sim: SimulatedRun = {
    actionDir: ROOT.replace(/\/$/, ''),
    workspace,
    temp: path.join(work.dir, `job${jobs}`, 'temp'),
    inputs: {
      scenario: 'perf/trend.yaml',
      target: 'dynalite',
      gates: 'errors < 0.1%',
      // few operations: no percentile is judged against the baseline (under --min-samples), so
      // a noisy shared machine cannot fail the comparison; the rate is judged, loosely
      args: "--duration 1s --no-warmup --no-calibrate --random-seed '7'",
      'max-regression': '50%',
      install: 'false',
      'node-version': '',
      ...inputs,
    },
    github: { ...event, token: TOKEN, repository: REPO, run_id: String(9000 + jobs), run_attempt: '1', sha: `c0ffee${jobs}`, api_url: api.url },
    cache,
    path: shim ? [shimDir, path.dirname(process.execPath)] : [path.dirname(process.execPath)],
  };
  const result = await runAction(sim);
  return { ...result, workspace };
}

const step = (r: ActionResult, name: string) => {
  const s = r.steps.find((x) => x.name === name);
  assert.ok(s, `a step named ${name}`);
  return s;
};
const markerComments = () => (api.comments.get(PR) ?? []).filter((c) => c.body.startsWith(MARKER));
const warnings = (r: ActionResult) => r.log.split('\n').filter((l) => l.startsWith('::warning'));

test('a push runs the scenario, writes the job summary once, uploads the run and keeps it as baseline and history; no comment', async () => {
  // installed from the action's own folder: this checkout is built, so the step only puts ddbench on PATH
  const r = await job(push, { install: 'true' }, false);
  assert.equal(r.exitCode, 0, r.log);
  assert.equal(step(r, 'Install ddbench').exitCode, 0);
  assert.match(r.log, /--- Prepare \(exit 0\)\nddbench \d+\.\d+\.\d+/);
  assert.equal(r.failed, false);
  assert.equal(r.outputs['exit-code'], '0');
  assert.equal(r.outputs['baseline'], 'false', 'the first run has no baseline');
  assert.equal(r.outputs['trend-exit-code'], '0');
  assert.equal(r.outputs['comment-url'], '');
  assert.match(r.log, /ddbench: no pull request in this push event; no comment/);
  assert.equal(api.requests.length, 0, 'no API call outside a pull request');

  // ddbench appends its own Markdown: the run's once, then the trend's
  assert.equal(r.jobSummary.split('### ddbench trend: ').length - 1, 1, r.jobSummary);
  assert.equal(r.jobSummary.split('### ddbench trend trend: ').length - 1, 1, 'the trend summary, once');
  assert.match(r.jobSummary, /\| get \| \d+ \|/);

  const uploaded = step(r, 'Upload the run');
  assert.equal(uploaded.with?.['path'], 'ddbench-reports/trend');
  assert.equal(uploaded.with?.['name'], 'ddbench-trend');
  for (const f of ['summary.json', 'report.html', 'latency.hlog', 'junit.xml', 'summary.md', 'trend.md', 'trend-junit.xml']) assert.ok(uploaded.uploaded?.includes(f), `${f} uploaded`);
  assert.ok(step(r, 'Upload the trend').uploaded?.includes('trend.html'));
  assert.equal(step(r, 'Save the baseline').note, 'saved');
  assert.equal(step(r, 'Save the history').note, 'saved');
  assert.deepEqual(cache.keys(), ['ddbench-baseline-trend-9001-1', 'ddbench-history-trend-9001-1']);
  assert.ok(step(r, 'Result').ran);
});

test('a pull request is compared with the baseline and gets one comment; the next push to it edits that comment', async () => {
  const first = await job(pullRequest('aaaaaaa1111'));
  assert.equal(first.exitCode, 0, first.log);
  assert.equal(first.outputs['baseline'], 'true');
  assert.equal(step(first, 'Restore the baseline').note, 'restored ddbench-baseline-trend-9001-1');
  const summary = JSON.parse(readFileSync(path.join(first.workspace, 'ddbench-reports/trend/summary.json'), 'utf8')) as { comparison?: unknown };
  assert.ok(summary.comparison, 'the run was compared with the baseline');

  assert.deepEqual(api.violations, []);
  const calls = api.requests.map((q) => `${q.method} ${q.path}${q.query['page'] ? ` page ${q.query['page']}` : ''}`);
  assert.deepEqual(calls, [`GET /repos/${REPO}/issues/${PR}/comments`, `GET /repos/${REPO}/issues/${PR}/comments page 2`, `POST /repos/${REPO}/issues/${PR}/comments`]);
  assert.equal(markerComments().length, 1);
  const posted = markerComments()[0]!;
  assert.match(posted.body, /\*\*Baseline\*\*/, 'the baseline diff');
  assert.match(posted.body, /\| get \| \d+ \| [\d.]+ \| [\d.]+ \|/, 'real numbers');
  assert.match(posted.body, /<details><summary>History \(ddbench trend\): no regression<\/summary>/);
  assert.match(posted.body, new RegExp(`\\[workflow run\\]\\(https://github.com/${REPO}/actions/runs/9002\\) · commit aaaaaaa`));
  assert.equal(first.outputs['comment-url'], posted.html_url);
  // a pull request's runs are not saved: the next one is compared with main's baseline again
  assert.equal(step(first, 'Save the baseline').ran, false);
  assert.equal(step(first, 'Save the history').ran, false);

  api.requests.length = 0;
  const second = await job(pullRequest('bbbbbbb2222'));
  assert.equal(second.exitCode, 0, second.log);
  assert.equal(step(second, 'Restore the baseline').note, 'restored ddbench-baseline-trend-9001-1');
  assert.deepEqual(api.violations, []);
  const writes = api.requests.filter((q) => q.method !== 'GET');
  assert.deepEqual(writes.map((q) => `${q.method} ${q.path}`), [`PATCH /repos/${REPO}/issues/comments/${posted.id}`]);
  assert.equal(markerComments().length, 1, 'never two comments');
  assert.match(markerComments()[0]!.body, /commit bbbbbbb/);
  assert.equal(api.comments.get(PR)!.length, 121);
});

test("a fork's pull request (403) prints one warning and keeps the run's exit code", async () => {
  api.readOnly = true;
  api.requests.length = 0;
  const before = markerComments()[0]!.body;
  try {
    const r = await job(pullRequest('ccccccc3333'));
    assert.equal(r.exitCode, 0, r.log);
    assert.equal(r.failed, false);
    assert.equal(step(r, 'Comment on the pull request').exitCode, 0);
    const w = warnings(r).filter((l) => l.includes('comment'));
    assert.equal(w.length, 1, r.log);
    assert.match(w[0]!, /403 Resource not accessible by integration .*pull-requests: write/);
    assert.deepEqual(api.requests.filter((q) => q.method !== 'GET').map((q) => q.status), [403]);
    assert.equal(markerComments()[0]!.body, before);
  } finally {
    api.readOnly = false;
  }
});

test("a failing gate fails the action with ddbench's exit code 1; the run is uploaded and joins the history but is not the baseline", async () => {
  const r = await job(push, { gates: 'errors < 0.1%\n  get.p50 < 1us  \n' });
  assert.equal(r.outputs['exit-code'], '1', r.log);
  assert.equal(r.failed, true);
  assert.equal(r.exitCode, 1);
  assert.equal(step(r, 'Run the scenario').exitCode, 0, 'the run step records the code, the last step fails with it');
  assert.equal(step(r, 'Result').exitCode, 1);
  assert.match(r.log, /::error title=ddbench::ddbench exited 1/);
  assert.match(r.jobSummary, /get\.p50 &lt; 1us \| ❌/);
  assert.ok(step(r, 'Upload the run').uploaded?.includes('summary.json'));
  assert.equal(step(r, 'Save the baseline').ran, false);
  assert.equal(step(r, 'Save the history').note, 'saved');
  assert.deepEqual(cache.keys().filter((k) => k.startsWith('ddbench-baseline-')), ['ddbench-baseline-trend-9001-1']);
  const history = path.join(r.workspace, 'ddbench-cache/trend/history');
  assert.equal(readdirSync(history, { withFileTypes: true }).filter((e) => e.isDirectory()).length, 2, 'the first push and this one');
  assert.ok(existsSync(path.join(history, 'trend.html')));
});
