// `ddbench calibrate` end to end: the floor per driver against its own null endpoint thread, and a
// lane that cannot keep the asked rate said to be a ceiling, not a floor (no target, no table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli.js';

test('calibrate prints each driver\'s floor and what one lane answered', { timeout: 60_000 }, async () => {
  const res = await runCli(['calibrate', '--rate', '500', '--driver', 'http', '--duration', '1s']);
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /^driver {6}p50 {6}p99 {4}p99\.9 {6}max {2}answered\/s$/m);
  const row = /^http +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) +(\d+)(.*)$/m.exec(res.stdout);
  assert.ok(row, res.stdout);
  assert.ok(Number(row[1]) > 0 && Number(row[2]) >= Number(row[1]), 'p99 at least p50');
  assert.ok(Number(row[5]) > 0, 'the null endpoint answered');
});

test('a lane that cannot keep the asked rate is a ceiling, not a floor', { timeout: 60_000 }, async () => {
  // no single SDK lane sends 200,000 GetItem a second: it falls behind its schedule
  const res = await runCli(['calibrate', '--rate', '200000', '--driver', 'sdk', '--duration', '1s']);
  assert.equal(res.code, 0, res.stderr);
  const row = /^sdk +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +(\d+) {2}could not keep 200,000\/s: a ceiling, not a floor/m.exec(res.stdout);
  assert.ok(row, res.stdout);
  assert.ok(Number(row[1]) < 180_000, `answered ${row[1]}/s`);
});
