// The one decoding check every reader goes through: tryDecode (src/recorder/histogram.ts) never
// throws and says what a string is instead; histogramProblems (src/summary/histograms.ts) names
// each histogram field of a summary.json that does not decode; readSummaryFile refuses such a file
// with one line naming the file and the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode, newHistogram, recordUs, tryDecode } from '../../src/recorder/histogram.js';
import { encodedHistograms, histogramProblems } from '../../src/summary/histograms.js';
import { readSummaryFile } from '../../src/summary/file.js';
import { parseSummary } from '../../src/summary/check.js';
import type { Summary } from '../../src/summary/model.js';
import { UsageError } from '../../src/errors.js';
import { ROOT } from '../support/cli.js';
import { standardRun } from './summary-fixture.js';

function encoded(...valuesUs: number[]): string {
  const h = newHistogram();
  for (const v of valuesUs) recordUs(h, v);
  return encode(h);
}

test('tryDecode gives back the histogram that was encoded', () => {
  const r = tryDecode(encoded(100, 2_000, 30_000));
  assert.ok(r.ok);
  assert.equal(r.histogram.totalCount, 3);
  assert.equal(r.histogram.getValueAtPercentile(100), 30_015);
});

test('tryDecode says what a string is instead of throwing, for every way a histogram breaks', () => {
  const good = encoded(100, 2_000, 30_000);
  const raw = Buffer.from(good, 'base64');
  const flipped = good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21);
  const cases: Record<string, string> = {
    empty: '',
    'not base64': 'abc!',
    'wrong base64 length': good.slice(0, -1),
    'base64 of text': Buffer.from('hello, histogram').toString('base64'),
    'compressed text after a V2 header': Buffer.concat([raw.subarray(0, 8), deflateSync(Buffer.from('not a histogram'))]).toString('base64'),
    'truncated compressed data': raw.subarray(0, raw.length - 6).toString('base64'),
    'a flipped character': flipped,
  };
  for (const [name, s] of Object.entries(cases)) {
    const r = tryDecode(s);
    assert.equal(r.ok, false, name);
    if (!r.ok) assert.match(r.problem, /^not a compressed HdrHistogram in base64 \(.+\)$/, name);
  }
});

test('every histogram field of the model is checked (a generic walk over real fixtures finds no other)', () => {
  const fixtures = join(ROOT, 'test/fixtures/summaries-0.1.0');
  for (const file of readdirSync(fixtures)) {
    const parsed = parseSummary(JSON.parse(readFileSync(join(fixtures, file), 'utf8')));
    assert.ok(parsed.ok, file);
    const walked: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v !== 'object' || v === null) return;
      for (const [k, x] of Object.entries(v)) {
        const p = Array.isArray(v) ? `${path}[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}${path ? '.' : ''}${k}` : `${path}[${JSON.stringify(k)}]`;
        if (/Histogram$/.test(k) && typeof x === 'string') walked.push(p);
        else walk(x, p);
      }
    };
    const { scenario: _source, ...rest } = parsed.summary;
    walk(rest, '');
    assert.deepEqual(encodedHistograms(parsed.summary).map((h) => h.path).sort(), walked.sort(), file);
    assert.deepEqual(histogramProblems(parsed.summary), [], file);
  }
});

test('histogramProblems names each field that does not decode, with its path', () => {
  const s = structuredClone(standardRun()) as Summary;
  s.operations['get-profile']!.latencyHistogram = 'abc';
  s.phases[1]!.operations['top-10']!.serviceTimeHistogram = Buffer.from('nope').toString('base64');
  const problems = histogramProblems(s);
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /^phases\[1\]\.operations\["top-10"\]\.serviceTimeHistogram is not a compressed HdrHistogram/);
  assert.match(problems[1]!, /^operations\["get-profile"\]\.latencyHistogram is not a compressed HdrHistogram in base64 \(Invalid string/);
});

test('readSummaryFile refuses a summary whose histogram does not decode, in one line naming the file and the field', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ddbench-histograms-'));
  try {
    const s = structuredClone(standardRun()) as Summary;
    s.total.serviceTimeHistogram = s.total.serviceTimeHistogram.slice(0, 40);
    const file = join(dir, 'summary.json');
    await writeFile(file, JSON.stringify(s));
    await assert.rejects(readSummaryFile(file, 'baseline'), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /^baseline .*summary\.json: total\.serviceTimeHistogram is not a compressed HdrHistogram in base64 \(.+\)$/);
      assert.ok(!e.message.includes('\n'));
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('readSummaryFile keeps a binary or multi-line file to one printable line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ddbench-histograms-'));
  try {
    const file = join(dir, 'summary.json');
    await writeFile(file, Buffer.from([0x7b, 0x0a, 0x00, 0x01, 0xff, 0x0a, 0x1b, 0x5b, 0x32, 0x4a]));
    await assert.rejects(readSummaryFile(file, 'summary'), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /summary\.json: not JSON/);
      assert.doesNotMatch(e.message, /[\u0000-\u001f\u007f]/);
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
