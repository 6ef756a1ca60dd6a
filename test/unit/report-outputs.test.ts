// The output registry: writers run in their order (summary.json first), their lines print in the
// console's order, each as soon as every line before it has printed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OUTPUTS, writeOutputs } from '../../src/report/outputs.js';
import type { Output } from '../../src/report/outputs.js';
import type { Summary } from '../../src/summary/model.js';

const summary = {} as Summary;
const written: string[] = [];
const fake = (name: string, fail = false): Output => ({
  name,
  write: async () => {
    written.push(name);
    if (fail) throw new Error(`${name} cannot be written`);
    return [`${name} line`];
  },
});

test('summary.json is written first and its line printed last, after the table and the files', async () => {
  assert.deepEqual(OUTPUTS.map((o) => o.name), ['json', 'html', 'console', 'comparison', 'junit', 'markdown']);
  written.length = 0;
  const printed: string[] = [];
  await writeOutputs(summary, { outDir: '/nowhere' }, (l) => printed.push(l), OUTPUTS.map((o) => fake(o.name)));
  assert.deepEqual(written, ['json', 'html', 'console', 'comparison', 'junit', 'markdown']);
  assert.deepEqual(printed, ['console line', 'comparison line', 'junit line', 'markdown line', 'html line', 'json line']);
});

test('an output that fails does not hide the lines printed before it', async () => {
  written.length = 0;
  const printed: string[] = [];
  const outputs = [fake('json'), fake('html'), fake('console'), fake('comparison'), fake('junit', true), fake('markdown')];
  await assert.rejects(writeOutputs(summary, { outDir: '/nowhere' }, (l) => printed.push(l), outputs), /junit cannot be written/);
  assert.deepEqual(printed, ['console line', 'comparison line']);
});
