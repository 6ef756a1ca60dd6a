import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlaceholders, type PlaceholderPart } from '../../src/grammar/placeholders.js';
import { checkCall } from '../../src/grammar/generator-calls.js';

const parts = (s: string) => {
  const r = parsePlaceholders(s);
  assert.deepEqual(r.problems, [], `unexpected problems for ${s}`);
  return r.parts;
};

test('a string without braces is one literal part', () => {
  assert.deepEqual(parts('profile'), [{ kind: 'literal', text: 'profile' }]);
});

test('the empty string has no parts and no problems', () => {
  assert.deepEqual(parsePlaceholders(''), { parts: [], problems: [] });
});

test('key-space references, with and without .seq, split the literal around them', () => {
  assert.deepEqual(parts('player#{player}'), [
    { kind: 'literal', text: 'player#' },
    { kind: 'key', space: 'player', seq: false },
  ]);
  assert.deepEqual(parts('{player.seq}/x'), [
    { kind: 'key', space: 'player', seq: true },
    { kind: 'literal', text: '/x' },
  ]);
});

test('generator calls carry numeric arguments as numbers', () => {
  assert.deepEqual(parts('{int(0,1000000)}'), [{ kind: 'call', fn: 'int', args: [0, 1000000] }]);
  assert.deepEqual(parts('{float(-1.5, 2e3)}'), [{ kind: 'call', fn: 'float', args: [-1.5, 2000] }]);
  assert.deepEqual(parts('{uuid()}'), [{ kind: 'call', fn: 'uuid', args: [] }]);
  assert.deepEqual(parts('{ ttl( 3600 ) }'), [{ kind: 'call', fn: 'ttl', args: [3600] }]);
});

test('choice keeps bare words as trimmed strings and quoted arguments as written', () => {
  assert.deepEqual(parts('{choice(red, dark blue, 3)}'), [{ kind: 'call', fn: 'choice', args: ['red', 'dark blue', 3] }]);
  assert.deepEqual(parts(`{choice("a,b", 'c)d', "}", "7", "say \\"hi\\"")}`), [
    { kind: 'call', fn: 'choice', args: ['a,b', 'c)d', '}', '7', 'say "hi"'] },
  ]);
});

test('doubled braces are literal braces and never start a placeholder', () => {
  assert.deepEqual(parts('{{"json": {int(1,2)}}}'), [
    { kind: 'literal', text: '{"json": ' },
    { kind: 'call', fn: 'int', args: [1, 2] },
    { kind: 'literal', text: '}' },
  ]);
  assert.deepEqual(parts('{{player}}'), [{ kind: 'literal', text: '{player}' }]);
});

test('several placeholders and literals alternate in order', () => {
  const p = parts('{game}:{player}-{text(3)}!');
  assert.deepEqual(
    p.map((x) => x.kind),
    ['key', 'literal', 'key', 'literal', 'call', 'literal'],
  );
});

test('an unterminated placeholder is a problem and later placeholders still parse', () => {
  const r = parsePlaceholders('a{b{player}');
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]!, /unterminated placeholder at character 2/);
  assert.deepEqual(r.parts, [
    { kind: 'literal', text: 'a{b' },
    { kind: 'key', space: 'player', seq: false },
  ]);
});

test('a lone closing brace is a problem kept as a literal', () => {
  const r = parsePlaceholders('a}b');
  assert.match(r.problems[0]!, /unmatched "}" at character 2/);
  assert.deepEqual(r.parts, [{ kind: 'literal', text: 'a}b' }]);
});

test('malformed placeholders are reported with their text and kept as literals', () => {
  const cases: [string, RegExp][] = [
    ['{}', /empty placeholder/],
    ['{ }', /empty placeholder/],
    ['{player.next}', /unknown key-space field "\.next"/],
    ['{9lives}', /expected a key space/],
    ['{int(1,,2)}', /empty argument 2/],
    ['{int(1 2)}', /takes 2 arguments, got 1/],
    ['{choice(a(b))}', /unexpected "\("/],
    ['{choice("open)}', /unterminated " quote/],
    ['{int(1,2) x}', /expected a key space/],
  ];
  for (const [input, pattern] of cases) {
    const r = parsePlaceholders(input);
    assert.equal(r.problems.length, 1, `${input}: ${JSON.stringify(r.problems)}`);
    assert.match(r.problems[0]!, pattern, input);
    assert.ok(r.problems[0]!.startsWith(input) || /character/.test(r.problems[0]!), r.problems[0]);
    assert.deepEqual(r.parts, [{ kind: 'literal', text: input }], input);
  }
});

test('generator calls are checked for name, argument count and ranges', () => {
  const problem = (s: string) => parsePlaceholders(s).problems.join('; ');
  assert.match(problem('{nope()}'), /unknown generator "nope"/);
  assert.match(problem('{int(1)}'), /int\(min, max\) takes 2 arguments, got 1/);
  assert.match(problem('{int(5,1)}'), /needs a <= b, got 5 > 1/);
  assert.match(problem('{int(0.5,1)}'), /needs two integers/);
  assert.match(problem('{float(a,1)}'), /needs two numbers/);
  assert.match(problem('{text(409601)}'), /from 0 to 409600, got 409601/);
  assert.match(problem('{bytes(-1)}'), /from 0 to 409600, got -1/);
  assert.match(problem('{text(50,5)}'), /text\(min, max\) needs min <= max, got 50 > 5/);
  assert.match(problem('{text(1,2,3)}'), /takes 1 to 2 arguments, got 3/);
  assert.match(problem('{uuid(1)}'), /takes 0 arguments, got 1/);
  assert.match(problem('{choice()}'), /takes at least 1 argument, got 0/);
  assert.match(problem('{ttl(soon)}'), /integer number of seconds, got "soon"/);
  assert.equal(problem('{text(409600)}{bytes(0)}{text(5000,50000)}{bytes(1,2)}{timestamp()}{timestampMs()}{ttl(-60)}'), '');
});

test('a bad call leaves the good placeholders of the same string intact', () => {
  const r = parsePlaceholders('{player}-{int(2,1)}');
  assert.equal(r.problems.length, 1);
  assert.deepEqual(r.parts, [
    { kind: 'key', space: 'player', seq: false },
    { kind: 'literal', text: '-{int(2,1)}' },
  ]);
});

test('checkCall does not mistake inherited object properties for generators', () => {
  assert.match(checkCall('toString', [])[0]!, /unknown generator/);
  assert.match(checkCall('constructor', [])[0]!, /unknown generator/);
});

/** Writes parts back as template text: literal braces doubled, string arguments quoted. */
function render(parts: PlaceholderPart[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'literal') return p.text.replace(/\{/g, '{{').replace(/\}/g, '}}');
      if (p.kind === 'key') return `{${p.space}${p.seq ? '.seq' : ''}}`;
      const args = p.args.map((a) => (typeof a === 'number' ? String(a) : `"${a.replace(/[\\"]/g, '\\$&')}"`));
      return `{${p.fn}(${args.join(',')})}`;
    })
    .join('');
}

test('the parser is total and its parts render back to a template that parses the same', () => {
  const alphabet = ['{', '}', '{{', '}}', '(', ')', ',', '"', "'", '\\', 'a', '1', ' ', '.', 'int', 'seq', 'choice(', 'text(', '.seq}'];
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  let valid = 0;
  for (let n = 0; n < 5000; n++) {
    let s = '';
    const len = next() % 12;
    for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length];
    const r = parsePlaceholders(s);
    assert.ok(Array.isArray(r.parts) && Array.isArray(r.problems));
    if (r.problems.length > 0) continue;
    valid += 1;
    const again = parsePlaceholders(render(r.parts));
    assert.deepEqual(again, { parts: r.parts, problems: [] }, s);
  }
  assert.ok(valid > 500, `only ${valid} valid strings generated`);
});
