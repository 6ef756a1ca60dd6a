import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/workload/rng.js';
import { EvalContext } from '../../src/workload/context.js';
import { compileMap } from '../../src/workload/template.js';
import { estimateItemBytes, formatNumber } from '../../src/workload/attributes.js';
import { text } from '../../src/workload/generators.js';
import { FIXED_NOW_MS, fixedNow } from './workload-fixture.js';
/** key space `player` draws 7, 8, 9...; `.seq` gives 100, 101... */
function setup() {
    let drawn = 7;
    let seq = 100;
    const problems = [];
    const ctx = new EvalContext(new Rng(1), fixedNow, [() => drawn++], [() => seq++]);
    return { env: { spaces: new Map([['player', 0]]), problems }, ctx, problems };
}
function evaluate(map, keyTypes) {
    const { env, ctx, problems } = setup();
    const fn = compileMap(map, keyTypes ? new Map(Object.entries(keyTypes)) : undefined, env, 'item');
    ctx.fresh();
    return { item: fn(ctx), problems, fn, ctx };
}
test('a string that is exactly one placeholder keeps the generator type; other strings are strings', () => {
    const { item, problems } = evaluate({
        n: '{int(5,5)}',
        key: '{player}',
        mixed: 'p#{int(5,5)}',
        bin: '{bytes(4)}',
        words: '{text(10)}',
        ms: '{timestampMs()}',
        plain: 'hello',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(item.n, { N: '5' });
    assert.deepEqual(item.key, { N: '7' });
    assert.deepEqual(item.mixed, { S: 'p#5' });
    assert.equal(item.bin.B.byteLength, 4);
    assert.equal(item.words.S.length, 10);
    assert.deepEqual(item.ms, { N: String(FIXED_NOW_MS) });
    assert.deepEqual(item.plain, { S: 'hello' });
});
test('key attributes take their declared type: numbers into S, strings into B, generators into N', () => {
    const { item, problems } = evaluate({ pk: '{player}', sk: 5, score: '{int(0,1000000)}', blob: 'ab', rank: '1{int(2,2)}' }, { pk: 'S', sk: 'S', score: 'N', blob: 'B', rank: 'N' });
    assert.deepEqual(problems, []);
    assert.deepEqual(item.pk, { S: '7' });
    assert.deepEqual(item.sk, { S: '5' });
    assert.match(item.score.N, /^\d+$/);
    assert.deepEqual(item.blob, { B: new Uint8Array([0x61, 0x62]) });
    assert.deepEqual(item.rank, { N: '12' });
});
test('a value that cannot be a number, going into an N key, is a compile problem', () => {
    const { problems } = evaluate({ a: 'abc', b: '{text(5)}', c: 'x{int(1,2)}', d: true }, { a: 'N', b: 'N', c: 'N', d: 'N' });
    assert.deepEqual(problems.map((p) => p.path), ['item.a', 'item.b', 'item.c', 'item.d']);
});
test('unknown key spaces and generators are compile problems with their path', () => {
    const { problems } = evaluate({ a: '{monster}', b: '{nope(1)}' });
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /unknown key space "monster"/);
    assert.equal(problems[1].path, 'item.b');
});
test('non-key values are inferred: BOOL, NULL, L, M, N, and constants are built once', () => {
    const { item, fn, ctx } = evaluate({ flag: true, none: null, list: [1, 'a', '{player}'], map: { x: { y: 2.5 } } });
    assert.deepEqual(item.flag, { BOOL: true });
    assert.deepEqual(item.none, { NULL: true });
    assert.deepEqual(item.list, { L: [{ N: '1' }, { S: 'a' }, { N: '7' }] });
    assert.deepEqual(item.map, { M: { x: { M: { y: { N: '2.5' } } } } });
    ctx.fresh();
    assert.equal(fn(ctx).map, item.map, 'a constant map is the same object every time');
});
test('key draws are memoised within one instance; generator calls draw every time', () => {
    const { item, fn, ctx } = evaluate({ a: 'p#{player}', b: '{player}', c: '{player.seq}', d: 'x{player.seq}' });
    assert.deepEqual(item, { a: { S: 'p#7' }, b: { N: '7' }, c: { N: '100' }, d: { S: 'x100' } });
    ctx.fresh();
    assert.deepEqual(fn(ctx), { a: { S: 'p#8' }, b: { N: '8' }, c: { N: '101' }, d: { S: 'x101' } });
    const calls = evaluate({ a: '{int(0,1000000000)}', b: '{int(0,1000000000)}' }).item;
    assert.notDeepEqual(calls.a, calls.b);
});
test('clock generators use the injected clock', () => {
    const { item } = evaluate({ at: '{timestamp()}', ttl: '{ttl(60)}' });
    assert.deepEqual(item.at, { S: '2024-01-02T03:04:05.678Z' });
    assert.deepEqual(item.ttl, { N: String(Math.floor(FIXED_NOW_MS / 1000) + 60) });
});
test('uuid() is v4-shaped; choice() keeps numbers as numbers', () => {
    const { item } = evaluate({ id: '{uuid()}', pick: '{choice(1,2)}', word: '{choice(red,blue)}' });
    assert.match(item.id.S, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(['1', '2'].includes(item.pick.N));
    assert.ok(['red', 'blue'].includes(item.word.S));
});
test('text(409600) has the exact length and costs one random draw, not one per character', () => {
    const rng = new Rng(11);
    const twin = new Rng(11);
    const value = text(rng, 409600);
    assert.equal(value.length, 409600);
    assert.match(value.slice(0, 1000), /^[a-z ]+$/);
    twin.nextFloat();
    assert.equal(rng.nextUint32(), twin.nextUint32(), 'both streams are at the same place');
    const { item } = evaluate({ big: '{bytes(409600)}' });
    assert.equal(item.big.B.byteLength, 409600);
});
test('numbers are written in plain decimal, never with an exponent', () => {
    assert.equal(formatNumber(123), '123');
    assert.equal(formatNumber(-0.5), '-0.5');
    assert.equal(formatNumber(1e21), '1000000000000000000000');
    assert.equal(formatNumber(1.5e-7), '0.00000015');
    assert.equal(formatNumber(-2.5e22), '-25000000000000000000000');
    assert.deepEqual(evaluate({ tiny: 1e-7 }).item.tiny, { N: '0.0000001' });
});
test('estimateItemBytes counts names and values by DynamoDB rules', () => {
    const bytes = estimateItemBytes({
        pk: { S: 'abc' }, // 2 + 3
        n: { N: '12345' }, // 1 + (3 + 1)
        ok: { BOOL: true }, // 2 + 1
        l: { L: [{ S: 'xy' }] }, // 1 + 3 + (1 + 2)
        m: { M: { k: { NULL: true } } }, // 1 + 3 + (1 + 1 + 1)
        é: { B: new Uint8Array(10) }, // 2 + 10
    });
    assert.equal(bytes, 5 + 5 + 3 + 7 + 7 + 12);
});
test('text(min,max) and bytes(min,max) draw lengths across the whole range', () => {
    const { fn, ctx } = evaluate({ t: '{text(5000,50000)}', b: '{bytes(10,20)}' });
    const textLengths = [];
    const byteLengths = [];
    for (let i = 0; i < 2000; i++) {
        ctx.fresh();
        const item = fn(ctx);
        textLengths.push(item.t.S.length);
        byteLengths.push(item.b.B.length);
    }
    assert.ok(Math.min(...textLengths) >= 5000 && Math.max(...textLengths) <= 50000);
    assert.ok(Math.min(...textLengths) < 6000 && Math.max(...textLengths) > 49000, 'the range is covered');
    assert.equal(Math.min(...byteLengths), 10);
    assert.equal(Math.max(...byteLengths), 20);
});
//# sourceMappingURL=workload-template.test.js.map