// A loopback stand-in for the three GitHub REST endpoints the action's comment uses, checking each
// request against GitHub's documentation (docs.github.com/rest/issues/comments, API version
// 2022-11-28) and keeping the comments, so a test can see what a pull request would show:
//
//   GET   /repos/{owner}/{repo}/issues/{issue_number}/comments?per_page=&page=   200, Link: rel="next"
//   POST  /repos/{owner}/{repo}/issues/{issue_number}/comments   {"body": "..."}  201
//   PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}      {"body": "..."}  200
//
// Every request needs `Authorization: Bearer <token>`, `Accept: application/vnd.github+json`,
// `X-GitHub-Api-Version: 2022-11-28` and a User-Agent (GitHub refuses requests without one);
// writes need a JSON body holding exactly a string `body`. A request that breaks a rule is
// answered 400 and listed in `violations`. `readOnly` answers writes 403 as GitHub does for a
// fork's pull request, whose token cannot write.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string };
  created_at: string;
  updated_at: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface FakeGitHub {
  url: string;
  repo: string;
  token: string;
  /** comments per issue number, oldest first */
  comments: Map<number, FakeComment[]>;
  requests: RecordedRequest[];
  violations: string[];
  readOnly: boolean;
  close(): Promise<void>;
}

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

export async function startFakeGitHub(opts: { repo: string; token: string }): Promise<FakeGitHub> {
  let nextId = 1000;
  const state: Omit<FakeGitHub, 'url' | 'close'> = { repo: opts.repo, token: opts.token, comments: new Map(), requests: [], violations: [], readOnly: false };
  const comment = (issue: number, body: string): FakeComment => {
    const id = nextId++;
    const now = new Date(0).toISOString();
    return { id, body, html_url: `https://github.com/${opts.repo}/pull/${issue}#issuecomment-${id}`, user: { login: 'github-actions[bot]' }, created_at: now, updated_at: now };
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => handle(req, raw, res));
  });

  function handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: RecordedRequest = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body: undefined, status: 0 };
    state.requests.push(record);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    const refuse = (why: string) => {
      state.violations.push(`${record.method} ${url.pathname}${url.search}: ${why}`);
      send(400, { message: why });
    };

    const h = req.headers;
    if (h.authorization !== `Bearer ${state.token}`) return refuse(`Authorization is ${JSON.stringify(h.authorization)}`);
    if (h.accept !== 'application/vnd.github+json') return refuse(`Accept is ${JSON.stringify(h.accept)}`);
    if (h['x-github-api-version'] !== '2022-11-28') return refuse(`X-GitHub-Api-Version is ${JSON.stringify(h['x-github-api-version'])}`);
    if (!h['user-agent']) return refuse('no User-Agent');

    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    const m = list ?? one;
    if (!m) return refuse('no such endpoint');
    if (`${m[1]}/${m[2]}` !== state.repo) return refuse(`repository ${m[1]}/${m[2]}, expected ${state.repo}`);

    let body: { body?: unknown } | undefined;
    if (req.method === 'POST' || req.method === 'PATCH') {
      if (!String(h['content-type']).startsWith('application/json')) return refuse(`Content-Type is ${JSON.stringify(h['content-type'])}`);
      try {
        body = JSON.parse(raw) as { body?: unknown };
      } catch {
        return refuse('the body is not JSON');
      }
      record.body = body;
      if (typeof body?.body !== 'string' || Object.keys(body).length !== 1) return refuse('the JSON body must be {"body": string}');
      if (state.readOnly) return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '403' });
    } else if (raw !== '') {
      return refuse('a GET with a body');
    }

    if (list && req.method === 'GET') {
      const issue = Number(list[3]);
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? DEFAULT_PER_PAGE), MAX_PER_PAGE);
      const page = Number(url.searchParams.get('page') ?? 1);
      if (!(perPage >= 1 && page >= 1)) return refuse('bad per_page or page');
      const all = state.comments.get(issue) ?? [];
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string) => `<http://${h.host}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
      return send(200, all.slice((page - 1) * perPage, page * perPage), links.length > 0 ? { link: links.join(', ') } : {});
    }
    if (list && req.method === 'POST') {
      const issue = Number(list[3]);
      const c = comment(issue, body!.body as string);
      state.comments.set(issue, [...(state.comments.get(issue) ?? []), c]);
      return send(201, c);
    }
    if (one && req.method === 'PATCH') {
      const c = [...state.comments.values()].flat().find((x) => x.id === Number(one[3]));
      if (!c) return send(404, { message: 'Not Found' });
      c.body = body!.body as string;
      return send(200, c);
    }
    return refuse(`method ${req.method} not allowed here`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
