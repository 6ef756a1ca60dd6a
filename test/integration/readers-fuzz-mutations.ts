// Ways a real summary.json or latency.hlog gets damaged (a disk filled up mid-write, a bad copy, a
// hand edit, the wrong file), drawn with a seeded generator so that a failing case can be made
// again from its seed. Each mutation says what it did, for the failure message. A mutation that
// breaks a histogram is checked with HdrHistogram's own decoder, so it is broken for certain.
import { decodeFromCompressedBase64 } from 'hdr-histogram-js';

/** mulberry32: small, seeded, good enough to pick cases */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** What to put where the file was: its new content, or a folder of the same name. */
export type Damaged = { what: string; content: string | Buffer } | { what: string; folder: true };
/** `sure`: the damage must be refused; otherwise (absurd numbers the model allows) a clean run is fine too. */
export interface Mutation {
  kind: string;
  sure: boolean;
  apply(text: string, rng: Rng): Damaged;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodes(s: string): boolean {
  try {
    decodeFromCompressedBase64(s, 32, false);
    return true;
  } catch {
    return false;
  }
}

/** A broken version of a histogram string, checked broken with the library's decoder. */
function breakHistogram(good: string, rng: Rng, how: 'flip' | 'garbage' | 'base64' | 'truncate'): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    let bad: string;
    if (how === 'flip') {
      // past the uncompressed 8-byte header (cookie, length): inside the compressed counts
      const at = int(rng, 12, good.length - 1);
      bad = good.slice(0, at) + pick(rng, [...B64.replace(good[at]!, '')]) + good.slice(at + 1);
    } else if (how === 'garbage') bad = pick(rng, ['', 'abc', '!!!!', '====', 'not a histogram', `${good.slice(0, 10)}$%&`]);
    else if (how === 'base64') bad = Buffer.from(Array.from({ length: 3 * int(rng, 1, 60) }, () => int(rng, 0, 255))).toString('base64');
    else bad = good.slice(0, int(rng, 0, good.length - 1));
    if (!decodes(bad)) return bad;
  }
  throw new Error(`no broken ${how} version of ${good} in 50 draws`);
}

function randomBytes(rng: Rng): Buffer {
  return Buffer.from(Array.from({ length: int(rng, 1, 3000) }, () => int(rng, 0, 255)));
}

const HISTOGRAM_FIELD = /"(latencyHistogram|serviceTimeHistogram|hitLatencyHistogram|missLatencyHistogram)": "([^"]*)"/g;

function replaceHistogramField(text: string, rng: Rng, how: 'flip' | 'garbage' | 'base64'): Damaged {
  const fields = [...text.matchAll(HISTOGRAM_FIELD)];
  const m = pick(rng, fields);
  const bad = breakHistogram(m[2]!, rng, how);
  const at = m.index + m[0].indexOf(m[2]!, m[1]!.length + 2);
  return { what: `${how} the ${m[1]} at offset ${m.index} -> ${JSON.stringify(bad.slice(0, 40))}`, content: text.slice(0, at) + bad + text.slice(at + m[2]!.length) };
}

function jsonEdit(text: string, what: string, edit: (s: Record<string, any>) => void): Damaged {
  const s = JSON.parse(text) as Record<string, any>;
  edit(s);
  return { what, content: JSON.stringify(s, null, 2) };
}

const common: Mutation[] = [
  { kind: 'empty', sure: true, apply: () => ({ what: 'empty file', content: '' }) },
  { kind: 'binary', sure: true, apply: (_t, rng) => ({ what: 'random bytes', content: randomBytes(rng) }) },
  { kind: 'folder', sure: true, apply: () => ({ what: 'a folder in place of the file', folder: true }) },
];

export const SUMMARY_MUTATIONS: Mutation[] = [
  ...common,
  {
    kind: 'truncate',
    sure: true,
    apply: (t, rng) => {
      const at = int(rng, 1, t.length - 3); // at least the closing brace goes
      return { what: `truncated at ${at} of ${t.length}`, content: t.slice(0, at) };
    },
  },
  { kind: 'flip-histogram', sure: true, apply: (t, rng) => replaceHistogramField(t, rng, 'flip') },
  { kind: 'garbage-histogram', sure: true, apply: (t, rng) => replaceHistogramField(t, rng, 'garbage') },
  { kind: 'base64-not-histogram', sure: true, apply: (t, rng) => replaceHistogramField(t, rng, 'base64') },
  {
    kind: 'wrong-shape',
    sure: true,
    apply: (t, rng) => {
      const shapes: [string, (s: Record<string, any>) => unknown][] = [
        ['operations as a list', (s) => (s['operations'] = [])],
        ['total.count a word', (s) => (s['total']['count'] = 'many')],
        ['no total', (s) => delete s['total']],
        ['intervals an object', (s) => (s['intervals'] = {})],
        ['a histogram a number', (s) => (s['total']['latencyHistogram'] = 42)],
      ];
      const whole = ['[]', '{}', '"summary"', '42', 'null', '{"name":"x","version":"1.0.0"}'];
      if (rng() < 0.4) {
        const w = pick(rng, whole);
        return { what: `the whole file is ${w}`, content: w };
      }
      const [what, edit] = pick(rng, shapes);
      return jsonEdit(t, what, edit);
    },
  },
  {
    kind: 'absurd-numbers',
    sure: false,
    apply: (t, rng) => {
      const edits: [string, (s: Record<string, any>) => unknown][] = [
        ['durationMs 1e308', (s) => (s['durationMs'] = 1e308)],
        ['durationMs -1', (s) => (s['durationMs'] = -1)],
        ['total.count -5', (s) => (s['total']['count'] = -5)],
        ['total.count 1.5', (s) => (s['total']['count'] = 1.5)],
        ['intervals[0].startSec 1e12', (s) => (s['intervals'][0]['startSec'] = 1e12)],
        ['phases[0].durationMs -1e9', (s) => (s['phases'][0]['durationMs'] = -1e9)],
        ['total.latencyUs.p99 1e300', (s) => (s['total']['latencyUs']['p99'] = 1e300)],
        ['total.rateOpsPerSec -1', (s) => (s['total']['rateOpsPerSec'] = -1)],
        ['startedAt not a date', (s) => (s['startedAt'] = 'yesterday')],
      ];
      const [what, edit] = pick(rng, edits);
      return jsonEdit(t, what, edit);
    },
  },
];

/** Interval lines: `[Tag=op:outcome,]start,length,max,histogram` */
const INTERVAL_LINE = /^(Tag=[^,\n]+,)?[\d.]+,[\d.]+,[\d.]+,([A-Za-z0-9+/=]+)$/gm;

function replaceInLine(text: string, rng: Rng, how: 'flip' | 'garbage' | 'base64', untagged?: boolean): Damaged {
  const lines = [...text.matchAll(INTERVAL_LINE)].filter((m) => untagged === undefined || (m[1] === undefined) === untagged);
  const m = pick(rng, lines);
  const bad = breakHistogram(m[2]!, rng, how);
  const at = m.index + m[0].length - m[2]!.length;
  const line = text.slice(0, m.index).split('\n').length;
  return { what: `${how} the histogram of line ${line}${m[1] ? '' : ' (untagged)'} -> ${JSON.stringify(bad.slice(0, 40))}`, content: text.slice(0, at) + bad + text.slice(at + m[2]!.length) };
}

export const HLOG_MUTATIONS: Mutation[] = [
  ...common,
  {
    kind: 'truncate-in-histogram',
    sure: true,
    apply: (t, rng) => {
      const m = pick(rng, [...t.matchAll(INTERVAL_LINE)]);
      const start = m.index + m[0].length - m[2]!.length;
      const bad = breakHistogram(m[2]!, rng, 'truncate');
      return { what: `truncated inside the histogram of the interval at offset ${m.index}, ${bad.length} of ${m[2]!.length} characters left`, content: t.slice(0, start + bad.length) };
    },
  },
  { kind: 'flip-histogram', sure: true, apply: (t, rng) => replaceInLine(t, rng, 'flip') },
  { kind: 'garbage-base64', sure: true, apply: (t, rng) => replaceInLine(t, rng, 'garbage', rng() < 0.5) },
  { kind: 'base64-not-histogram', sure: true, apply: (t, rng) => replaceInLine(t, rng, 'base64', rng() < 0.5) },
  {
    kind: 'absurd-numbers',
    sure: true,
    apply: (t, rng) => {
      if (rng() < 0.5) return { what: 'StartTime and BaseTime a century later', content: t.replace(/(StartTime|BaseTime): (\d+)/g, (_m, h: string, s: string) => `${h}: ${Number(s) + 3_155_760_000}`) };
      const m = pick(rng, [...t.matchAll(INTERVAL_LINE)]);
      const prefix = m[1] ?? '';
      return { what: `interval at offset ${m.index} starts at 1e9 s`, content: t.slice(0, m.index) + m[0].replace(/^(Tag=[^,]+,)?[\d.]+/, `${prefix}1000000000.000`) + t.slice(m.index + m[0].length) };
    },
  },
];
