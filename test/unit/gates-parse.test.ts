import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGate } from '../../src/gates/parse.js';
import type { Gate } from '../../src/gates/parse.js';

const OPS = ['get-profile', 'submit-score', 'top-10', 'v1.read'];

function ok(expr: string): Gate {
  const r = parseGate(expr, OPS);
  assert.ok(r.ok, `${expr}: ${r.ok ? '' : r.message}`);
  return r.gate;
}

function bad(expr: string): string {
  const r = parseGate(expr, OPS);
  assert.ok(!r.ok, `${expr} should not parse`);
  return r.message;
}

test('the documented examples parse', () => {
  assert.deepEqual(ok('p99 < 10ms'), { expr: 'p99 < 10ms', metric: 'latency', stat: 99, comparator: '<', threshold: 10, unit: 'ms' });
  assert.deepEqual(ok('get-profile.p50 < 5ms'), { expr: 'get-profile.p50 < 5ms', operation: 'get-profile', metric: 'latency', stat: 50, comparator: '<', threshold: 5, unit: 'ms' });
  assert.deepEqual(ok('errors < 0.1%'), { expr: 'errors < 0.1%', metric: 'errors', comparator: '<', threshold: 0.1, unit: '%' });
  assert.deepEqual(ok('p99<10ms'), { expr: 'p99<10ms', metric: 'latency', stat: 99, comparator: '<', threshold: 10, unit: 'ms' });
  assert.deepEqual(ok('top-10.p99.9 <= 50 ms'), { expr: 'top-10.p99.9 <= 50 ms', operation: 'top-10', metric: 'latency', stat: 99.9, comparator: '<=', threshold: 50, unit: 'ms' });
  assert.deepEqual(ok('throughput >= 250'), { expr: 'throughput >= 250', metric: 'rate', comparator: '>=', threshold: 250, unit: 'ops/s' });
  assert.deepEqual(ok('throttles < 1%'), { expr: 'throttles < 1%', metric: 'throttles', comparator: '<', threshold: 1, unit: '%' });
});

test('service time, units, shorthands and case are read as documented', () => {
  assert.deepEqual(ok('get-profile.service.p99 < 5ms'), { expr: 'get-profile.service.p99 < 5ms', operation: 'get-profile', metric: 'service', stat: 99, comparator: '<', threshold: 5, unit: 'ms' });
  assert.equal(ok('p999 < 20').stat, 99.9);
  assert.equal(ok('p9999 < 20').stat, 99.99);
  assert.equal(ok('p95 < 20').stat, 95);
  assert.equal(ok('MAX < 1 S').stat, 'max');
  assert.equal(ok('MAX < 1 S').unit, 's');
  assert.equal(ok('p50 < 800us').unit, 'us');
  assert.equal(ok('p50 < 800µs').unit, 'us');
  assert.equal(ok('p50 < 8').unit, 'ms', 'no unit means ms');
  assert.equal(ok('latency.mean < 3ms').metric, 'latency');
  assert.equal(ok('errors < 0.5').unit, '%', 'a bare number is a percentage');
  assert.equal(ok('error_rate <= 1 %').metric, 'errors');
  assert.equal(ok('submit-score.conditional_failures < 20%').metric, 'conditional_failures');
  assert.equal(ok('rate > 250/s').unit, 'ops/s');
  assert.equal(ok('top-10.count >= 100').metric, 'count');
  assert.equal(ok('  get-profile . p99   <   .5ms ').threshold, 0.5);
  assert.equal(ok('v1.read.p99 < 4ms').operation, 'v1.read', 'operation names may hold dots');
});

test('an unknown operation is named, with the valid ones', () => {
  const message = bad('get-profil.p50 < 5ms');
  assert.match(message, /unknown operation `get-profil`/);
  assert.match(message, /get-profile, submit-score, top-10/);
});

test('an unknown metric lists the valid metrics', () => {
  assert.match(bad('p99x < 10ms'), /unknown metric `p99x`.*p50, p90/);
  assert.match(bad('latency < 10ms'), /unknown metric/);
  assert.match(bad('get-profile.p101 < 10ms'), /unknown metric `p101`/);
  assert.match(bad('p0 < 10ms'), /unknown metric/);
  assert.match(bad('get-profile < 5ms'), /missing metric after operation `get-profile`/);
});

test('wrong units, comparators and values are refused with a reason', () => {
  assert.match(bad('p99 < 10kg'), /not a time unit/);
  assert.match(bad('errors < 1ms'), /not valid for a percentage/);
  assert.match(bad('throughput > 5ms'), /not valid for a rate/);
  assert.match(bad('count > 5%'), /count takes no unit/);
  assert.match(bad('p99 = 10ms'), /comparator must be one of < <= > >=/);
  assert.match(bad('p99 == 10ms'), /comparator/);
  assert.match(bad('p99 =< 10ms'), /comparator/);
  assert.match(bad('p99 < ten'), /expected a number after `<`/);
  assert.match(bad('p99 <'), /expected a number/);
  assert.match(bad('< 10ms'), /missing metric/);
  assert.match(bad(''), /expected `\[operation\.\]metric < value\[unit\]`/);
  assert.match(bad('p99 < 10ms'.replace('<', '<<')), /comparator/);
  assert.match(bad('get profile.p99 < 5ms'), /unexpected space/);
});

test('every message quotes the gate it is about', () => {
  assert.match(bad('p99x < 10ms'), /^gate `p99x < 10ms`: /);
});
