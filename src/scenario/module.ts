// Scenario scripts: a TypeScript or JavaScript module (`.ts`, `.mts`, `.js`, `.mjs`) whose default
// export is the scenario model plus `flows`. esbuild bundles it (types stripped, `ddbench`
// resolved to this package's own public entry) into a temporary .mjs with an inline source map,
// so a throw at import or inside a flow points at the user's file:line. The model goes through
// the same zod schema and checks as YAML; only `flows` is new.
import { stepNamesIn } from './rule-names.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { userLine } from '../flows/location.js';
import { build, type BuildFailure } from 'esbuild';
import type { ScenarioProblem } from '../types.js';
import type { LoadResult } from './load.js';
import type { FlowFn } from '../flows/api.js';
import { parseGate } from '../gates/parse.js';
import { checkScenario } from './check.js';
import { defaultMessage, formatPath, issuesToProblems } from './issues.js';
import { normaliseScenario } from './normalise.js';
import { OPERATION_NAME_PATTERN, ScriptFileSchema } from './schema.js';

const SCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);

export function isScriptFile(file: string): boolean {
  return SCRIPT_EXTENSIONS.has(extname(file).toLowerCase());
}

export interface LoadedScript {
  result: LoadResult;
  /** the flows' functions by flow name (empty when the module did not load) */
  flows: Map<string, FlowFn>;
}

/** The package's public entry (src/public.ts), which `import ... from 'ddbench'` resolves to. */
const PUBLIC_ENTRY = fileURLToPath(new URL('../public.js', import.meta.url));

const fail = (problems: ScenarioProblem[]): LoadedScript => ({ result: { ok: false, problems }, flows: new Map() });

export async function loadScenarioModule(file: string): Promise<LoadedScript> {
  const abs = resolve(file);
  const loaded = await importModule(abs);
  if (!loaded.ok) return fail([loaded.problem]);
  const exported = loaded.module['default'] ?? loaded.module['scenario'];
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    return fail([{ path: '', message: 'exports no scenario: expected `export default defineScenario({ name, table, phases, flows })`' }]);
  }
  return validateModel(exported as Record<string, unknown>, abs);
}

type Imported = { ok: true; module: Record<string, unknown> } | { ok: false; problem: ScenarioProblem };

async function importModule(abs: string): Promise<Imported> {
  const dir = await mkdtemp(join(tmpdir(), 'ddbench-script-'));
  const outfile = join(dir, 'scenario.mjs');
  try {
    let code: string;
    try {
      const out = await build({
        entryPoints: [abs],
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        write: false,
        outfile,
        sourcemap: 'inline',
        logLevel: 'silent',
        alias: { ddbench: PUBLIC_ENTRY },
      });
      code = out.outputFiles[0]?.text ?? '';
    } catch (error) {
      const first = (error as Partial<BuildFailure>).errors?.[0];
      if (first === undefined) return { ok: false, problem: { path: '', message: `cannot read the scenario script: ${messageOf(error)}` } };
      return { ok: false, problem: { path: '', ...(first.location ? { line: first.location.line } : {}), message: `cannot load the script: ${first.text}` } };
    }
    await writeFile(outfile, code);
    // stack traces of the user's code then name their file and line, not the bundle's
    process.setSourceMapsEnabled(true);
    try {
      return { ok: true, module: (await import(pathToFileURL(outfile).href)) as Record<string, unknown> };
    } catch (error) {
      const line = userLine(error, abs);
      return { ok: false, problem: { path: '', ...(line !== undefined ? { line } : {}), message: `the script threw while loading: ${messageOf(error)}` } };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`.split('\n')[0]!;
  return String(error);
}

interface FlowEntry {
  name: string;
  weight: number;
  fn: FlowFn;
}

function validateModel(model: Record<string, unknown>, abs: string): LoadedScript {
  const { flows: rawFlows, ...rest } = model;
  const problems: ScenarioProblem[] = [];
  const flows = readFlows(rawFlows, problems);
  const names = flows.map((f) => `flow:${f.name}`);
  // the model is plain data: a round trip through JSON gives the schema exactly what YAML would
  let source: unknown;
  try {
    source = JSON.parse(JSON.stringify(rest)) as unknown;
  } catch (error) {
    return fail([{ path: '', message: `the scenario model is not plain data: ${messageOf(error)}` }]);
  }
  const shape = ScriptFileSchema.safeParse(source, { error: defaultMessage });
  if (!shape.success) problems.push(...issuesToProblems(shape.error.issues, source, ScriptFileSchema).map((p) => ({ path: formatPath(p.path), message: p.message })));
  // gates may name a flow (`flow:checkout.p99`) or any step the flows call; steps are known only at run time
  const gateParser = (expr: string) => parseGate(expr, [...names, ...stepNamesIn(expr)]);
  for (const p of checkScenario(source, gateParser, (expr) => [...names, ...stepNamesIn(expr)])) problems.push({ path: formatPath(p.path), message: p.message });
  if (problems.length > 0 || !shape.success) return fail(dedupe(problems));
  const { uses: _uses, ...fileModel } = shape.data;
  const scenario = normaliseScenario({ ...fileModel, operations: [] });
  scenario.script = { file: abs, flows: flows.map((f) => ({ name: f.name, weight: f.weight })), ...(shape.data.uses !== undefined ? { uses: [...new Set(shape.data.uses)] } : {}) };
  return { result: { ok: true, scenario, source }, flows: new Map(flows.map((f) => [f.name, f.fn])) };
}


function readFlows(raw: unknown, problems: ScenarioProblem[]): FlowEntry[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ path: 'flows', message: 'expected an object of flows: `flows: { checkout: async (ctx) => {...} }`' });
    return [];
  }
  const out: FlowEntry[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const at = `flows.${name}`;
    if (!OPERATION_NAME_PATTERN.test(name)) problems.push({ path: at, message: 'expected a flow name of 1 to 64 characters a-z A-Z 0-9 _ -' });
    if (typeof value === 'function') {
      out.push({ name, weight: 1, fn: value as FlowFn });
      continue;
    }
    const spec = (typeof value === 'object' && value !== null ? value : {}) as { weight?: unknown; run?: unknown };
    if (typeof spec.run !== 'function') problems.push({ path: `${at}.run`, message: 'expected an async function (ctx) => {...}' });
    const weight = spec.weight ?? 1;
    if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) problems.push({ path: `${at}.weight`, message: `expected a number >= 0, got ${JSON.stringify(weight)}` });
    if (typeof spec.run === 'function' && typeof weight === 'number') out.push({ name, weight, fn: spec.run as FlowFn });
  }
  if (Object.keys(raw).length === 0) problems.push({ path: 'flows', message: 'expected at least one flow' });
  else if (!out.some((f) => f.weight > 0) && problems.length === 0) problems.push({ path: 'flows', message: 'the flow weights must add up to more than 0' });
  return out;
}

function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.path}\n${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
