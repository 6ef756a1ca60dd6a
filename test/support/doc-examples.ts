// Extracts the examples from the manual (README.md and docs/*.md) so that tests can run them:
// fenced blocks with the marker before them, and the ddbench command lines in shell blocks.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A fenced code block of a Markdown page. */
export interface DocBlock {
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  lang: string;
  text: string;
  /** what `<!-- doc-example: ... -->` on its own line since the previous block says, if any */
  marker?: string;
}

/** One `ddbench ...` (or `npx ddbench ...`) command of a shell block. */
export interface DocCommand {
  file: string;
  line: number;
  source: string;
  argv: string[];
  /** from a `# exit N` comment on the line; 0 otherwise */
  exitCode: number;
  /** from a `# prints: TEXT` comment on the line */
  prints?: string;
}

/** The pages of the manual, relative to the repository root. */
export function manualPages(root: string): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

const MARKER = /^<!--\s*doc-example:\s*(.*?)\s*-->$/;

export function extractBlocks(file: string, markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  let marker: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    const m = MARKER.exec(trimmed);
    if (m) {
      marker = m[1]!;
      continue;
    }
    const fence = /^(```+)\s*([\w-]*)/.exec(trimmed);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence[1]!); i++) body.push(lines[i]!);
    // a block indented under a list item keeps its indent in the page, not in the example
    const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length), Infinity);
    const text = body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
    blocks.push({ file, line: start + 1, lang: fence[2]!.toLowerCase(), text, ...(marker !== undefined ? { marker } : {}) });
    marker = undefined;
  }
  return blocks;
}

/** Values for the shell variables the examples use, so their command lines parse as a user's would. */
const SHELL_VARS: Record<string, string> = { SCENARIO: 'gaming', i: '1' };

/** Words of a shell command line: quotes removed, variables replaced, `"$@"` dropped; stops at an operator or a comment. */
export function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const push = () => {
    if (word !== undefined && word !== '$@') words.push(word);
    word = undefined;
  };
  const variable = (): string => {
    const m = /^\$(\{?)([A-Za-z_][A-Za-z0-9_]*|@)\}?/.exec(line.slice(i));
    if (!m) {
      i++;
      return '$';
    }
    i += m[0].length;
    return m[2] === '@' ? '$@' : (SHELL_VARS[m[2]!] ?? m[0]);
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      push();
      i++;
    } else if (c === '#' && word === undefined) {
      return { words, comment: line.slice(i + 1).trim() };
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      word ??= '';
      for (i++; i < line.length && line[i] !== '"'; ) {
        if (line[i] === '$') word += variable();
        else word += line[i++];
      }
      i++;
    } else if (c === '$') {
      word = (word ?? '') + variable();
    } else if ((c === '&' || c === '|' || c === ';' || c === '>') && word === undefined) {
      words.push(c === '>' ? '>' : line.slice(i, i + 2).replace(/[^&|;]/g, ''));
      i += /[&|]{2}/.test(line.slice(i, i + 2)) ? 2 : 1;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  push();
  return { words, comment: '' };
}

const OPERATORS = new Set(['&&', '||', '|', ';', '&', '>']);

/** Every ddbench command of a shell block; a line ending in `\` continues on the next. */
export function commandLines(block: DocBlock): DocCommand[] {
  const out: DocCommand[] = [];
  const lines = block.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let source = lines[i]!;
    while (/\\\s*$/.test(source) && i + 1 < lines.length) source = source.replace(/\\\s*$/, ' ') + lines[++i]!;
    const { words, comment } = shellWords(source);
    const at = words.indexOf('ddbench');
    // `npm install ddbench` installs it; `ddbench`, `npx ddbench`, `docker run IMAGE ddbench` run it
    let commandStart = at;
    while (commandStart > 0 && !OPERATORS.has(words[commandStart - 1]!)) commandStart--;
    if (at < 0 || words[commandStart] === 'npm') continue;
    const rest = words.slice(at + 1);
    const end = rest.findIndex((w) => OPERATORS.has(w));
    const argv = end < 0 ? rest : rest.slice(0, end);
    const exit = /^exit (\d+)\b/.exec(comment);
    const prints = /prints: (.+)$/.exec(comment);
    out.push({ file: block.file, line: block.line + 1 + first, source: source.trim(), argv, exitCode: exit ? Number(exit[1]) : 0, ...(prints ? { prints: prints[1]!.trim() } : {}) });
  }
  return out;
}

/** GitHub's anchor for a heading. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings (outside code blocks). */
export function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.trim().startsWith('```')) inCode = !inCode;
    const h = !inCode && /^#{1,6} (.+)$/.exec(line);
    if (h) out.add(slug(h[1]!));
  }
  return out;
}

/** The page's option tables: command -> the table's rows, from `<!-- options: COMMAND -->`. */
export function optionTables(markdown: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!--\s*options:\s*([\w-]+)\s*-->$/.exec(lines[i]!.trim());
    if (!m) continue;
    const rows: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) rows.push(lines[j]!);
    out.set(m[1]!, rows.slice(2));
  }
  return out;
}

export function readPage(root: string, page: string): string {
  return readFileSync(join(root, page), 'utf8');
}
