// Reads a scenario file (YAML or JSON) into a validated, normalised Scenario, or into the full
// list of problems, each with its path and line: syntax, shape (zod) and semantic checks all
// run, so one run of `ddbench validate` shows everything there is to fix.

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { parseGate, type GateParser } from '../gates/parse.js';
import type { Scenario, ScenarioProblem } from '../types.js';
import { checkScenario } from './check.js';
import { defaultMessage, formatPath, issuesToProblems, type RawProblem } from './issues.js';
import { lineAt } from './lines.js';
import { normaliseScenario } from './normalise.js';
import { ScenarioFileSchema } from './schema.js';
import { MAX_ATTRIBUTE_DEPTH, MAX_FILE_DEPTH, tooDeep } from './depth.js';

export type LoadResult =
  | { ok: true; scenario: Scenario; source: unknown }
  | { ok: false; problems: ScenarioProblem[] };

export async function loadScenarioFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err: unknown) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [{ path: '', message: `cannot read the scenario file: ${message}` }] };
  }
  return parseScenarioText(text, path);
}

export interface ParseOptions {
  /** gate syntax check; defaults to parseGate from src/gates/parse.ts (tests inject their own) */
  parseGate?: GateParser;
}

export function parseScenarioText(fileText: string, fileName: string, options: ParseOptions = {}): LoadResult {
  const text = fileText.replace(/^\uFEFF/, ''); // editors on Windows may save a byte-order mark
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const asJson = isJson(text, fileName);

  const syntax: ScenarioProblem[] = [];
  let source: unknown;
  if (asJson) {
    try {
      source = JSON.parse(text) as unknown;
    } catch (err: unknown) {
      // the YAML parser (JSON is YAML) usually knows the line when JSON.parse does not say it
      const located = yamlProblems(doc, counter, 'JSON').filter((p) => p.line !== undefined);
      syntax.push(...(located.length > 0 ? located : [jsonSyntaxProblem(err, text)]));
    }
  } else {
    syntax.push(...yamlProblems(doc, counter, 'YAML'));
    if (syntax.length === 0) {
      try {
        source = doc.toJS({ maxAliasCount: 100 }) as unknown;
      } catch (err: unknown) {
        const deep = err instanceof RangeError && /call stack/i.test(err.message);
        syntax.push({ path: '', message: deep ? `YAML: ${TOO_DEEP}` : `YAML: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  }
  if (syntax.length > 0) return { ok: false, problems: syntax };
  if (source === undefined || source === null) {
    return { ok: false, problems: [{ path: '', line: 1, message: 'the file is empty; expected a scenario mapping (name, table, operations, phases...)' }] };
  }

  const deepPath = tooDeep(source, MAX_FILE_DEPTH);
  if (deepPath !== undefined) {
    // the schema and the checks recurse: stop here, with the place to fix
    const message = `nested more than ${MAX_FILE_DEPTH} levels deep from the top of the file (DynamoDB allows attribute values ${MAX_ATTRIBUTE_DEPTH} levels deep)`;
    return { ok: false, problems: withLines([{ path: deepPath, message }], doc, counter) };
  }

  const shape = ScenarioFileSchema.safeParse(source, { error: defaultMessage });
  const raw: RawProblem[] = shape.success ? [] : issuesToProblems(shape.error.issues, source, ScenarioFileSchema);
  raw.push(...checkScenario(source, options.parseGate ?? gateSyntax));

  if (raw.length > 0 || !shape.success) {
    return { ok: false, problems: withLines(raw, doc, counter) };
  }
  return { ok: true, scenario: normaliseScenario(shape.data), source };
}

const gateSyntax: GateParser = (expr, operationNames) => parseGate(expr, operationNames);

/** JSON by extension; with any other extension, a file whose first character is `{` is JSON. */
function isJson(text: string, fileName: string): boolean {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.yaml' || ext === '.yml') return false;
  return text.trimStart().startsWith('{');
}

function jsonSyntaxProblem(err: unknown, text: string): ScenarioProblem {
  const message = err instanceof Error ? err.message : String(err);
  const problem: ScenarioProblem = { path: '', message: `JSON: ${message.replace(/\s+/g, ' ')}` };
  const lineMatch = /line (\d+)/.exec(message);
  const posMatch = /position (\d+)/.exec(message);
  // V8 sometimes quotes the text around the bad token instead of giving its position
  const snippet = /Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  const at = snippet === null ? -1 : text.indexOf(snippet[2]!);
  if (lineMatch !== null) problem.line = Number(lineMatch[1]);
  else if (posMatch !== null) problem.line = text.slice(0, Number(posMatch[1])).split('\n').length;
  else if (at >= 0) problem.line = text.slice(0, at + Math.max(0, snippet![2]!.indexOf(snippet![1]!))).split('\n').length;
  return problem;
}

function yamlProblems(doc: Document, counter: LineCounter, label: string): ScenarioProblem[] {
  return [...doc.errors, ...doc.warnings].map((error) => ({
    path: '',
    line: counter.linePos(error.pos[0]).line,
    message: /call stack/i.test(error.message) ? `${label}: ${TOO_DEEP}` : `${label}: ${error.message.split('\n')[0] ?? error.message}`,
  }));
}

/** what the parser's own stack overflow means for the user */
const TOO_DEEP = `nested too deeply to read (at most ${MAX_FILE_DEPTH} levels; DynamoDB allows attribute values ${MAX_ATTRIBUTE_DEPTH} deep)`;

/** Paths formatted, lines attached, sorted by line so the list reads top to bottom like the file. */
function withLines(raw: RawProblem[], doc: Document, counter: LineCounter): ScenarioProblem[] {
  const seen = new Set<string>();
  const unique = raw.filter((p) => {
    const id = `${formatPath(p.path)}\n${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const problems = unique.map((p, order) => {
    const problem: ScenarioProblem = { path: formatPath(p.path), message: p.message };
    const line = lineAt(doc, counter, p.path);
    if (line !== undefined) problem.line = line;
    return { problem, order };
  });
  problems.sort((a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.order - b.order);
  return problems.map((p) => p.problem);
}

/** One line per problem: `gaming.yaml:42: phases[1].rate: expected a positive number, got -5`. */
export function formatProblems(problems: readonly ScenarioProblem[], fileName: string): string {
  return problems
    .map((p) => {
      const where = p.line === undefined ? fileName : `${fileName}:${p.line}`;
      return p.path === '' ? `${where}: ${p.message}` : `${where}: ${p.path}: ${p.message}`;
    })
    .join('\n');
}
