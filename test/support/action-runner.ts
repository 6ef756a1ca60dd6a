// Runs the repository's composite action (action.yml) the way a runner would, without GitHub: its
// steps in order, each `if:` and `${{ }}` evaluated (test/support/gh-expressions.ts) against a
// simulated context; `run:` steps with `bash --noprofile --norc -eo pipefail` (GitHub's `shell:
// bash`) and the GITHUB_* files a runner gives (a fresh GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
// GITHUB_PATH per step). `uses:` steps are not run; the official actions are simulated:
//
// - actions/cache/restore and actions/cache/save against a folder-backed store shared by the runs of
//   a test: an exact key, else the newest entry whose key starts with a restore-keys prefix (and
//   whose path matches: the cache "version" covers the paths), copied into the workspace;
// - actions/upload-artifact: the files under `path` are listed, without hidden ones as since v4.4
//   (the upload itself is GitHub's);
// - actions/setup-node: nothing (the test's own Node is on PATH).
//
// Everything a runner would inherit from a real job is dropped: the tests may run inside GitHub
// Actions, and a real GITHUB_STEP_SUMMARY or GITHUB_TOKEN must not leak in.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { condition, interpolate } from './gh-expressions.js';
import type { Context, Status } from './gh-expressions.js';

export interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
  'working-directory'?: string;
}

export interface ActionFile {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export function readAction(file: string): ActionFile {
  return parse(readFileSync(file, 'utf8')) as ActionFile;
}

/** The simulated Actions cache: entries in save order, each a copy of the saved folder. */
export class FakeCache {
  private entries: { key: string; path: string; dir: string }[] = [];
  constructor(private readonly root: string) {}

  save(key: string, cachePath: string, workspace: string): 'saved' | 'exists' | 'nothing' {
    if (this.entries.some((e) => e.key === key)) return 'exists';
    const from = path.resolve(workspace, cachePath);
    if (!existsSync(from)) return 'nothing';
    const dir = path.join(this.root, String(this.entries.length));
    cpSync(from, dir, { recursive: true });
    this.entries.push({ key, path: cachePath, dir });
    return 'saved';
  }

  restore(key: string, prefixes: string[], cachePath: string, workspace: string): string | undefined {
    const mine = this.entries.filter((e) => e.path === cachePath);
    const hit = mine.find((e) => e.key === key) ?? prefixes.map((p) => mine.filter((e) => e.key.startsWith(p)).at(-1)).find((e) => e !== undefined);
    if (hit === undefined) return undefined;
    cpSync(hit.dir, path.resolve(workspace, cachePath), { recursive: true });
    return hit.key;
  }

  keys(): string[] {
    return this.entries.map((e) => e.key);
  }
}

export interface SimulatedRun {
  actionDir: string;
  workspace: string;
  /** RUNNER_TEMP */
  temp: string;
  inputs: Record<string, string>;
  github: { event_name: string; event: unknown; token: string; repository: string; run_id: string; run_attempt: string; sha: string; api_url: string };
  cache: FakeCache;
  /** prepended to PATH: where `ddbench` and `node` are */
  path: string[];
}

export interface StepRecord {
  name: string;
  kind: 'run' | 'uses';
  ran: boolean;
  exitCode: number;
  /** for `uses:` steps: the evaluated `with:` */
  with?: Record<string, string>;
  /** what the simulation did (cache hit, files uploaded...) */
  note?: string;
  uploaded?: string[];
}

export interface ActionResult {
  /** the action's outcome: failure when a step failed */
  failed: boolean;
  /** the exit code of the last step that failed, 0 when none did */
  exitCode: number;
  steps: StepRecord[];
  outputs: Record<string, string>;
  /** every run step's stdout and stderr, in order */
  log: string;
  /** the job summary: every step's GITHUB_STEP_SUMMARY, in order */
  jobSummary: string;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [path.basename(dir)];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** GITHUB_OUTPUT's `name=value` and `name<<DELIMITER` lines. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code: code ?? 1, output })));
  });
}

export async function runAction(sim: SimulatedRun): Promise<ActionResult> {
  const action = readAction(path.join(sim.actionDir, 'action.yml'));
  mkdirSync(sim.temp, { recursive: true });
  const eventPath = path.join(sim.temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(sim.github.event));

  const github = { ...sim.github, event: undefined, action_path: sim.actionDir, workspace: sim.workspace, server_url: 'https://github.com' };
  const steps: Record<string, Context> = {};
  const ctx: Context = { github: { ...github, event: null }, runner: { temp: sim.temp, os: 'Linux' }, steps, inputs: {} };
  const status: Status = { failed: false };
  const inputs: Context = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const given = sim.inputs[name];
    if (given === undefined && spec.required) throw new Error(`input ${name} is required`);
    inputs[name] = given ?? interpolate(String(spec.default ?? ''), ctx, status);
  }
  for (const name of Object.keys(sim.inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  ctx['inputs'] = inputs;

  const baseEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(GITHUB_|RUNNER_|ACTIONS_|INPUT_)/.test(k) && k !== 'CI') baseEnv[k] = v;
  Object.assign(baseEnv, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: sim.actionDir,
    GITHUB_WORKSPACE: sim.workspace,
    GITHUB_EVENT_NAME: sim.github.event_name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: sim.github.repository,
    GITHUB_RUN_ID: sim.github.run_id,
    GITHUB_RUN_ATTEMPT: sim.github.run_attempt,
    GITHUB_SHA: sim.github.sha,
    GITHUB_API_URL: sim.github.api_url,
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: sim.temp,
    RUNNER_OS: 'Linux',
  });
  let pathDirs = [...sim.path];

  const records: StepRecord[] = [];
  let log = '';
  let jobSummary = '';
  let exitCode = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${index}`;
    const id = step.id ?? `__${index}`;
    if (!condition(step.if, ctx, status)) {
      steps[id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      records.push({ name, kind: step.uses !== undefined ? 'uses' : 'run', ran: false, exitCode: 0 });
      continue;
    }
    const with_ = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx, status)]));
    let outputs: Record<string, string> = {};
    let code = 0;
    const record: StepRecord = { name, kind: step.uses !== undefined ? 'uses' : 'run', ran: true, exitCode: 0 };
    if (step.uses !== undefined) {
      record.with = with_;
      const uses = step.uses.replace(/@.*$/, '');
      if (uses === 'actions/setup-node') {
        record.note = 'skipped: the test runs on its own Node';
      } else if (uses === 'actions/cache/restore') {
        const prefixes = (with_['restore-keys'] ?? '').split('\n').map((s) => s.trim()).filter((s) => s !== '');
        const matched = sim.cache.restore(with_['key']!, prefixes, with_['path']!, sim.workspace);
        outputs = { 'cache-hit': String(matched === with_['key']), 'cache-primary-key': with_['key']!, 'cache-matched-key': matched ?? '' };
        record.note = matched ? `restored ${matched}` : 'cache miss';
      } else if (uses === 'actions/cache/save') {
        record.note = sim.cache.save(with_['key']!, with_['path']!, sim.workspace);
      } else if (uses === 'actions/upload-artifact') {
        // since v4.4 a file with a hidden folder (or name) anywhere in its path is left out
        const from = path.resolve(sim.workspace, with_['path']!);
        const hidden = (f: string) => path.join(from, f).split(path.sep).some((part) => part.startsWith('.'));
        record.uploaded = listFiles(from).filter((f) => with_['include-hidden-files'] === 'true' || !hidden(f));
      } else {
        throw new Error(`the simulation has no ${step.uses}`);
      }
    } else {
      if (step.shell !== 'bash') throw new Error(`step ${name}: shell ${step.shell}, the simulation runs bash`);
      const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_PATH', 'GITHUB_ENV'].map((v) => [v, path.join(sim.temp, `${v.toLowerCase()}-${index}`)]));
      for (const f of Object.values(files)) writeFileSync(f, '');
      const env: NodeJS.ProcessEnv = { ...baseEnv, ...files, PATH: [...pathDirs, baseEnv['PATH']].join(path.delimiter) };
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(String(v), ctx, status);
      const cwd = path.resolve(sim.workspace, step['working-directory'] ?? '.');
      const res = await bash(interpolate(step.run!, ctx, status), cwd, env);
      code = res.code;
      log += `--- ${name} (exit ${code})\n${res.output}`;
      outputs = readOutputs(files['GITHUB_OUTPUT']!);
      jobSummary += readFileSync(files['GITHUB_STEP_SUMMARY']!, 'utf8');
      const added = readFileSync(files['GITHUB_PATH']!, 'utf8').split('\n').filter((l) => l !== '');
      pathDirs = [...added.reverse(), ...pathDirs];
      if (readFileSync(files['GITHUB_ENV']!, 'utf8') !== '') throw new Error(`step ${name} writes GITHUB_ENV, which the simulation does not carry`);
    }
    record.exitCode = code;
    records.push(record);
    steps[id] = { outputs, outcome: code === 0 ? 'success' : 'failure', conclusion: code === 0 ? 'success' : 'failure' };
    if (code !== 0) {
      status.failed = true;
      exitCode = code;
    }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, interpolate(o.value, ctx, status)]));
  appendFileSync(path.join(sim.temp, 'log.txt'), log);
  return { failed: status.failed, exitCode, steps: records, outputs, log, jobSummary };
}

/** Removes a folder tree (a run's workspace) if it exists. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
