#!/usr/bin/env node
// The action's pull-request comment (action.yml, docs/github-action.md): one comment per scenario,
// found again by a hidden marker and edited in place, so a pull request never collects a comment
// per push. GitHub's REST API with the job's token: list the issue's comments (every page), PATCH
// the one carrying the marker, else POST a new one.
//
// It never fails the action: a non-PR event is one line, and a refused or failed call (403 on a
// fork's pull request, whose token is read-only; no network) is one warning, exit 0. Plain ESM on
// Node's own fetch so it runs whichever way ddbench was installed.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const API_VERSION = '2022-11-28';
/** GitHub refuses a comment body longer than this (characters). */
const MAX_BODY_CHARS = 65_536;
const MAX_PAGES = 50;
const TIMEOUT_MS = 20_000;

const env = process.env;

/** The hidden line that identifies this scenario's comment. */
function markerFor(name) {
  return `<!-- ddbench:${name} -->`;
}

function readIfExists(file) {
  return file && existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

/** The comment: the run's Markdown (with the baseline diff), the trend's folded away, a link to the run. */
function commentBody({ name, exitCode, baseline, runMarkdown, trendMarkdown, trendExitCode, runUrl, sha }) {
  const parts = [markerFor(name)];
  if (runMarkdown) parts.push(runMarkdown);
  else parts.push(`### ddbench ${name}: exit ${exitCode}\n\nThe run ended before it wrote a summary (exit ${exitCode}); see the workflow run's log.`);
  if (runMarkdown && baseline !== 'true') parts.push('_No baseline yet: this run was not compared. The last passing run on the default branch becomes the baseline._');
  if (trendMarkdown) {
    const verdict = trendExitCode === '1' ? 'the newest level of a series regressed' : trendExitCode === '0' ? 'no regression' : `exit ${trendExitCode}`;
    parts.push(`<details><summary>History (ddbench trend): ${verdict}</summary>\n\n${trendMarkdown}\n\n</details>`);
  }
  const links = [runUrl ? `[workflow run](${runUrl})` : '', sha ? `commit ${sha.slice(0, 7)}` : ''].filter((s) => s !== '');
  if (links.length > 0) parts.push(`<sub>ddbench · ${links.join(' · ')}</sub>`);
  let body = parts.join('\n\n');
  if (body.length > MAX_BODY_CHARS) body = `${body.slice(0, MAX_BODY_CHARS - 200)}\n\n… (cut: the full summary is on the job page)`;
  return body;
}

/** The `next` address of a Link header, as GitHub paginates. */
function nextPage(link) {
  for (const part of (link ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

class ApiError extends Error {}

async function call(method, url, token, body) {
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': API_VERSION,
    'User-Agent': 'ddbench-action',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new ApiError(`${method} ${url}: ${e?.cause?.message ?? e?.message ?? String(e)}`);
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text.slice(0, 200);
    try {
      message = JSON.parse(text).message ?? message;
    } catch {}
    const hint = res.status === 403 || res.status === 404 ? " (a fork's pull request gets a read-only token; the workflow needs permissions: pull-requests: write)" : '';
    throw new ApiError(`${method} ${new URL(url).pathname}: ${res.status} ${message}${hint}`);
  }
  return { json: text === '' ? undefined : JSON.parse(text), link: res.headers.get('link') };
}

/** Post the comment, or update the one that carries the marker; returns the comment's html_url. */
async function upsertComment({ apiUrl, repo, number, token, marker, body }) {
  const issue = `${apiUrl}/repos/${repo}/issues/${number}`;
  let url = `${issue}/comments?per_page=100`;
  let existing;
  for (let page = 0; url !== undefined && page < MAX_PAGES && existing === undefined; page++) {
    const { json, link } = await call('GET', url, token);
    existing = (Array.isArray(json) ? json : []).find((c) => typeof c.body === 'string' && c.body.trimStart().startsWith(marker));
    url = nextPage(link);
  }
  const { json } =
    existing !== undefined
      ? await call('PATCH', `${apiUrl}/repos/${repo}/issues/comments/${existing.id}`, token, { body })
      : await call('POST', `${issue}/comments`, token, { body });
  return { url: json?.html_url ?? '', updated: existing !== undefined };
}

function pullRequestNumber() {
  const file = env.GITHUB_EVENT_PATH;
  if (!file || !existsSync(file)) return { number: undefined, headSha: undefined };
  const event = JSON.parse(readFileSync(file, 'utf8'));
  return { number: event?.pull_request?.number, headSha: event?.pull_request?.head?.sha };
}

async function main() {
  const name = env.DDBENCH_NAME ?? 'ddbench';
  const { number, headSha } = pullRequestNumber();
  if (!Number.isInteger(number)) {
    console.log(`ddbench: no pull request in this ${env.GITHUB_EVENT_NAME ?? ''} event; no comment`);
    return;
  }
  const token = env.GITHUB_TOKEN ?? '';
  const repo = env.GITHUB_REPOSITORY ?? '';
  if (token === '' || !/^[^/\s]+\/[^/\s]+$/.test(repo)) {
    console.log(`::warning title=ddbench::no comment on pull request #${number}: ${token === '' ? 'the github-token input is empty' : 'GITHUB_REPOSITORY is not owner/name'}`);
    return;
  }
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const body = commentBody({
    name,
    exitCode: env.DDBENCH_EXIT_CODE ?? '',
    baseline: env.DDBENCH_BASELINE ?? '',
    runMarkdown: readIfExists(env.DDBENCH_MARKDOWN),
    trendMarkdown: readIfExists(env.DDBENCH_TREND_MARKDOWN),
    trendExitCode: env.DDBENCH_TREND_EXIT_CODE ?? '',
    runUrl: env.GITHUB_RUN_ID ? `${server}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : '',
    sha: headSha ?? env.GITHUB_SHA ?? '',
  });
  try {
    const { url, updated } = await upsertComment({ apiUrl, repo, number, token, marker: markerFor(name), body });
    console.log(`ddbench: ${updated ? 'updated the comment' : 'commented'} on pull request #${number}${url ? `: ${url}` : ''}`);
    if (env.GITHUB_OUTPUT && url) appendFileSync(env.GITHUB_OUTPUT, `comment-url=${url}\n`);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    console.log(`::warning title=ddbench::no comment on pull request #${number}: ${e.message}`);
  }
}

// a bug here must not fail the run either: it is reported, and the exit code stays 0
main().catch((e) => console.log(`::warning title=ddbench::no comment on the pull request: ${e?.stack ?? e}`));
