// Abort rules on fabricated intervals: parsing (what can be watched per interval, and clear
// refusals of what cannot) and evaluation (streaks, empty intervals, the reason given).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_UNREACHABLE, parseAbortRule, parseAbortRules } from '../../src/abort/parse.js';
import type { AbortRule } from '../../src/abort/parse.js';
import { AbortWatch } from '../../src/abort/evaluate.js';
import type { IntervalSummary } from '../../src/recorder/shapes.js';

const OPS = ['get-profile', 'submit-score'];

function rule(expr: string): AbortRule {
  const parsed = parseAbortRule(expr, OPS);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rule;
}

/** One second of a run: `count` operations, `errors` of them errors, p99 in ms. */
function iv(startSec: number, count: number, errors = 0, p99Ms = 2, extra: Partial<IntervalSummary> = {}): IntervalSummary {
  return {
    startSec,
    phaseIndex: 0,
    count,
    errors,
    throttles: 0,
    retries: 0,
    conditionalFailures: 0,
    targetRateOpsPerSec: 100,
    latencyP50Us: 1000,
    latencyP99Us: p99Ms * 1000,
    latencyMaxUs: p99Ms * 2000,
    serviceP50Us: 900,
    serviceP99Us: p99Ms * 900,
    operations: count > 0 ? { 'get-profile': { count, errors, p50Us: 1000, p99Us: p99Ms * 1000, maxUs: p99Ms * 2000 } } : {},
    ...extra,
  };
}

function run(rules: AbortRule[], intervals: IntervalSummary[]) {
  const watch = new AbortWatch(rules);
  for (const i of intervals) {
    const hit = watch.observe([i]);
    if (hit) return hit;
  }
  return undefined;
}

test('abort rules parse the gate syntax plus a for window, and unreachable', () => {
  assert.deepEqual(rule('unreachable for 5s'), { expr: 'unreachable for 5s', forMs: 5000 });
  const errors = rule('errors > 50% for 10s');
  assert.equal(errors.forMs, 10_000);
  assert.equal(errors.gate?.metric, 'errors');
  assert.equal(errors.gate?.threshold, 50);
  assert.equal(rule('p99 > 1s for 10s').gate?.unit, 's');
  assert.equal(rule('get-profile.errors >= 90% FOR 1m').gate?.operation, 'get-profile');
  assert.equal(rule('throughput < 10 for 500ms').forMs, 500);
});

test('abort rules refuse what no interval keeps, a missing window and unknown names, naming the rule', () => {
  const cases: [string, RegExp][] = [
    ['errors > 50%', /for <duration>/],
    ['errors > 50% for soon', /duration above 0/],
    ['errors > 50% for 0s', /duration above 0/],
    ['p90 > 1s for 5s', /p90 is not kept per interval/],
    ['count < 5 for 5s', /whole-run total/],
    ['get-profile.throttles > 5% for 5s', /all operations only/],
    ['nosuchop.errors > 5% for 5s', /unknown operation `nosuchop`/],
    ['errors ~ 5 for 5s', /expected `\[operation.\]metric/],
    ['p99 > 10parsecs for 5s', /not a time unit/],
  ];
  for (const [expr, why] of cases) {
    const parsed = parseAbortRule(expr, OPS);
    assert.equal(parsed.ok, false, expr);
    if (!parsed.ok) {
      assert.match(parsed.message, why, expr);
      assert.ok(parsed.message.includes(expr), `${expr}: the message quotes the rule: ${parsed.message}`);
    }
  }
  assert.equal(parseAbortRules(['unreachable for 5s', 'bogus'], OPS).problems.length, 1);
});

test('an error rate over the threshold for the whole window fires, with the rate over the window in the reason', () => {
  const hit = run([rule('errors > 50% for 3s')], [iv(0, 100, 0), iv(1, 100, 60), iv(2, 100, 100), iv(3, 100, 80), iv(4, 100, 0)]);
  assert.ok(hit);
  assert.equal(hit.atSec, 4);
  assert.equal(hit.reason, 'aborted: errors 80% > 50% for 3s');
});

test('a good second in between resets the streak', () => {
  const hit = run([rule('errors > 50% for 3s')], [iv(0, 100, 100), iv(1, 100, 100), iv(2, 100, 0), iv(3, 100, 100), iv(4, 100, 100)]);
  assert.equal(hit, undefined);
});

test('a second with nothing completed neither starts nor breaks an error-rate streak', () => {
  assert.equal(run([rule('errors > 50% for 2s')], [iv(0, 0), iv(1, 0), iv(2, 100, 0)]), undefined, 'empty seconds alone never fire');
  const hit = run([rule('errors > 50% for 3s')], [iv(0, 10, 10), iv(1, 0), iv(2, 10, 10)]);
  assert.equal(hit?.reason, 'aborted: errors 100% > 50% for 3s');
});

test('unreachable fires after the window with no successful response, counting empty seconds while operations are due', () => {
  const stalled = [iv(0, 100, 0), iv(1, 0), iv(2, 0), iv(3, 30, 30), iv(4, 0), iv(5, 0)];
  const hit = run([rule('unreachable for 5s')], stalled);
  assert.ok(hit);
  assert.equal(hit.atSec, 6);
  assert.equal(hit.reason, 'aborted: unreachable for 5s (no successful response from 1s to 6s, 30 errors)');
  assert.equal(run([rule('unreachable for 5s')], [iv(0, 0), iv(1, 0), iv(2, 1, 0), iv(3, 0), iv(4, 0), iv(5, 0)]), undefined, 'one success resets it');
  const idle = [0, 1, 2, 3, 4, 5].map((s) => iv(s, 0, 0, 0, { targetRateOpsPerSec: 0 }));
  assert.equal(run([rule('unreachable for 2s')], idle), undefined, 'nothing due, nothing sent: not unreachable');
});

test('throttles count as no success for unreachable: the target answered, but did no work', () => {
  const throttled = [0, 1, 2].map((s) => iv(s, 50, 50, 2, { throttles: 50 }));
  assert.ok(run([rule('unreachable for 3s')], throttled));
});

test('latency and per-operation rules read the interval fields, in the rule unit', () => {
  const slow = [iv(0, 10, 0, 1500), iv(1, 10, 0, 2500)];
  assert.equal(run([rule('p99 > 1s for 2s')], slow)?.reason, 'aborted: p99 2.5s > 1s for 2s');
  assert.equal(run([rule('p99 > 3000ms for 2s')], slow), undefined);
  assert.ok(run([rule('get-profile.max >= 3s for 2s')], slow));
  assert.equal(run([rule('submit-score.errors > 1% for 1s')], [iv(0, 10, 10)]), undefined, 'an operation absent from the interval has no data');
  assert.equal(run([rule('rate < 20 for 2s')], [iv(0, 10), iv(1, 0)])?.reason, 'aborted: rate 0 ops/s < 20 ops/s for 2s');
  assert.ok(run([rule('service.p99 > 1s for 1s')], [iv(0, 10, 0, 2000)]));
});

test('the first rule to fire wins and stays the answer', () => {
  const watch = new AbortWatch([rule('errors > 10% for 1s'), rule('unreachable for 1s')]);
  const first = watch.observe([iv(0, 10, 10)]);
  assert.equal(first?.rule, 'errors > 10% for 1s');
  assert.equal(watch.observe([iv(1, 10, 0)]), first);
});

test('a window shorter than an interval fires on the first matching interval', () => {
  assert.ok(run([rule('errors > 10% for 200ms')], [iv(0, 10, 10)]));
});

test('every run watches `unreachable for 10s` unless it has an unreachable rule of its own or turns it off', () => {
  assert.deepEqual(parseAbortRules([], OPS).rules, [DEFAULT_UNREACHABLE]);
  assert.deepEqual(parseAbortRules(['errors > 50% for 10s'], OPS).rules.map((r) => r.expr), ['errors > 50% for 10s', 'unreachable for 10s']);
  assert.deepEqual(parseAbortRules(['unreachable for 30s'], OPS).rules, [{ expr: 'unreachable for 30s', forMs: 30_000 }]);
  assert.deepEqual(parseAbortRules(['Unreachable  for OFF'], OPS), { rules: [], problems: [] });
  const both = parseAbortRules(['unreachable for off', 'unreachable for 5s'], OPS);
  assert.match(both.problems.join('\n'), /`unreachable for off` and `unreachable for 5s` contradict each other/);
});

test('unreachable fires as a target fault with a hint saying how to turn it off; other rules are failed criteria', () => {
  const hit = run([DEFAULT_UNREACHABLE], Array.from({ length: 10 }, (_, s) => iv(s, 10, 10)));
  assert.ok(hit);
  assert.equal(hit.targetFault, true);
  assert.match(hit.hint ?? '', /no operation succeeded for 10s: the target is unreachable or stuck.*on by default.*"unreachable for off"/);
  const errors = run([rule('errors > 50% for 1s')], [iv(0, 10, 10)]);
  assert.equal(errors?.targetFault, false);
  assert.equal(errors?.hint, undefined);
});

test('empty seconds extend an unreachable streak once it started (a closed loop whose slots all hang), never start one', () => {
  const closedLoop = (s: number, count: number, errors = 0) => iv(s, count, errors, 2, { targetRateOpsPerSec: 0 });
  const hung = [closedLoop(0, 10, 10), closedLoop(1, 0), closedLoop(2, 0), closedLoop(3, 10, 10)];
  assert.equal(run([rule('unreachable for 4s')], hung)?.atSec, 4);
  assert.equal(run([rule('unreachable for 2s')], [closedLoop(0, 0), closedLoop(1, 0), closedLoop(2, 0)]), undefined);
});
