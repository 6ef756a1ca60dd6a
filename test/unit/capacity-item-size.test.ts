import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type AttributeValueLike,
  attributeValueSizeBytes,
  binarySizeBytes,
  itemSizeBytes,
  numberSizeBytes,
} from '../../src/capacity/item-size.js';

test('an item is its attribute names in UTF-8 plus its values', () => {
  // "id" 2 + "abc" 3; "név" 4 (é is 2 bytes) + "ü€" 5 (2 + 3)
  assert.equal(itemSizeBytes({ id: { S: 'abc' } }), 5);
  assert.equal(itemSizeBytes({ név: { S: 'ü€' } }), 9);
  assert.equal(itemSizeBytes({}), 0);
});

test('a string is its UTF-8 length, the empty string 0', () => {
  assert.equal(attributeValueSizeBytes({ S: '' }), 0);
  assert.equal(attributeValueSizeBytes({ S: 'x'.repeat(1000) }), 1000);
  assert.equal(attributeValueSizeBytes({ S: '😀' }), 4);
});

test('a number is 1 byte per two significant digits, rounded up, plus 1 (leading and trailing zeroes trimmed)', () => {
  assert.equal(numberSizeBytes('0'), 1);
  assert.equal(numberSizeBytes('7'), 2);
  assert.equal(numberSizeBytes('700'), 2);
  assert.equal(numberSizeBytes('0.007'), 2);
  assert.equal(numberSizeBytes('12'), 2);
  assert.equal(numberSizeBytes('123'), 3);
  assert.equal(numberSizeBytes('12345'), 4);
  assert.equal(numberSizeBytes('1.2345'), 4);
  assert.equal(numberSizeBytes('-12345'), 4);
  assert.equal(numberSizeBytes('+00120.0300'), 4); // 1203
  assert.equal(numberSizeBytes('1.5e10'), 2);
  assert.equal(numberSizeBytes('9'.repeat(38)), 20); // the 38-digit maximum
  assert.equal(itemSizeBytes({ n: { N: '12345' } }), 5);
});

test('binary is its raw length: bytes as given, base64 text decoded', () => {
  assert.equal(attributeValueSizeBytes({ B: new Uint8Array(10) }), 10);
  assert.equal(binarySizeBytes('AAECAw=='), 4);
  assert.equal(binarySizeBytes('AAECAwQ='), 5);
  assert.equal(binarySizeBytes('AAECAwQF'), 6);
  assert.equal(binarySizeBytes(''), 0);
  const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7]);
  assert.equal(binarySizeBytes(Buffer.from(bytes).toString('base64')), 7);
});

test('BOOL and NULL are 1 byte', () => {
  assert.equal(attributeValueSizeBytes({ BOOL: false }), 1);
  assert.equal(attributeValueSizeBytes({ NULL: true }), 1);
  assert.equal(itemSizeBytes({ ok: { BOOL: true }, gone: { NULL: true } }), 2 + 1 + 4 + 1);
});

test('sets are the sum of their elements', () => {
  assert.equal(attributeValueSizeBytes({ SS: ['a', 'bb', 'ccc'] }), 6);
  assert.equal(attributeValueSizeBytes({ NS: ['1', '12345', '0'] }), 2 + 4 + 1);
  assert.equal(attributeValueSizeBytes({ BS: [new Uint8Array(3), 'AAAA'] }), 3 + 3);
});

test('a list or map is 3 bytes, plus 1 per element, plus the elements (a map element with its name)', () => {
  assert.equal(attributeValueSizeBytes({ L: [] }), 3);
  assert.equal(attributeValueSizeBytes({ M: {} }), 3);
  assert.equal(attributeValueSizeBytes({ L: [{ S: 'ab' }, { N: '1' }] }), 3 + (1 + 2) + (1 + 2));
  assert.equal(attributeValueSizeBytes({ M: { a: { S: 'xyz' }, bb: { BOOL: true } } }), 3 + (1 + 1 + 3) + (1 + 2 + 1));
  const nested = { L: [{ M: { k: { L: [] } } }] };
  assert.equal(attributeValueSizeBytes(nested), 3 + 1 + (3 + 1 + 1 + 3));
});

test('a value with no known type counts 0 bytes', () => {
  assert.equal(attributeValueSizeBytes({} as AttributeValueLike), 0);
});

/** Arbitrary AttributeValues of every type, nested up to a few levels. */
const attributeValue: fc.Arbitrary<AttributeValueLike> = fc.letrec<{ value: AttributeValueLike }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }).map((S) => ({ S })),
    fc.integer().map((n) => ({ N: String(n) })),
    fc.uint8Array({ maxLength: 40 }).map((B) => ({ B })),
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true }),
    fc.array(fc.string(), { minLength: 1, maxLength: 5 }).map((SS) => ({ SS })),
    fc.array(tie('value'), { maxLength: 4 }).map((L) => ({ L })),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }).map((M) => ({ M })),
  ),
})).value;

test('property: an item is the sum of its attributes, and adding one never makes it smaller', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ maxLength: 8 }), attributeValue, { maxKeys: 6 }), fc.string({ minLength: 1 }), attributeValue, (item, name, value) => {
      const bytes = itemSizeBytes(item);
      let sum = 0;
      for (const [n, v] of Object.entries(item)) sum += Buffer.byteLength(n, 'utf8') + attributeValueSizeBytes(v);
      assert.equal(bytes, sum);
      if (!(name in item)) assert.ok(itemSizeBytes({ ...item, [name]: value }) >= bytes + Buffer.byteLength(name, 'utf8'));
    }),
  );
});

test('property: a list costs 3 + 1 per element + its elements, whatever they are', () => {
  fc.assert(
    fc.property(fc.array(attributeValue, { maxLength: 6 }), (elements) => {
      const inner = elements.reduce((a, e) => a + attributeValueSizeBytes(e), 0);
      assert.equal(attributeValueSizeBytes({ L: elements }), 3 + elements.length + inner);
    }),
  );
});

test('property: a number never costs more than 21 bytes (38 digits) and is the same written with zeroes around it', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }), fc.nat(5), fc.nat(5), (n, lead, trail) => {
      const s = n.toString();
      const bytes = numberSizeBytes(s);
      assert.ok(bytes >= 1 && bytes <= 21);
      const abs = s.replace('-', '');
      const padded = `${n < 0n ? '-' : ''}${'0'.repeat(lead)}${abs}.${'0'.repeat(trail)}`;
      assert.equal(numberSizeBytes(padded), bytes);
    }),
  );
});

test('property: base64 text is sized as the bytes it encodes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      assert.equal(binarySizeBytes(Buffer.from(bytes).toString('base64')), bytes.byteLength);
    }),
  );
});
