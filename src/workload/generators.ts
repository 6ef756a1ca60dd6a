// Run-time side of the generator calls a template may hold (`{int(0,100)}`, `{text(200)}`...).
// Their signatures, argument checks and result types live in src/grammar/generator-calls.ts, which
// the validator uses too; this file only makes the values, fast.
//
// text(n) and bytes(n) must make values up to the 400 KB item limit tens of thousands of times
// a second, so they never generate n random characters: they take a window at a random offset
// of a buffer generated once per process (from a fixed seed, so it is the same everywhere).

import { Rng } from './rng.js';
import type { EvalContext } from './context.js';

export type GeneratedValue = string | number | Uint8Array;
export type GeneratorFn = (ctx: EvalContext) => GeneratedValue;

/** 1 MiB: well over the 400 KB item limit, so even text(409600) has ~640k distinct windows */
const POOL_BYTES = 1 << 20;

let textPool: string | undefined;
let bytePool: Uint8Array | undefined;

/** lowercase "words" of 1 to 10 letters separated by single spaces */
function getTextPool(): string {
  if (textPool === undefined) {
    const rng = new Rng(0x7e47);
    const chars = new Uint8Array(POOL_BYTES);
    let wordLeft = 1 + rng.nextInt(10);
    for (let i = 0; i < POOL_BYTES; i++) {
      if (wordLeft === 0) {
        chars[i] = 0x20;
        wordLeft = 1 + rng.nextInt(10);
      } else {
        chars[i] = 0x61 + rng.nextInt(26);
        wordLeft--;
      }
    }
    textPool = Buffer.from(chars.buffer, chars.byteOffset, chars.byteLength).toString('latin1');
  }
  return textPool;
}

function getBytePool(): Uint8Array {
  if (bytePool === undefined) {
    const rng = new Rng(0xb17e5);
    bytePool = new Uint8Array(POOL_BYTES);
    const words = new Uint32Array(bytePool.buffer);
    for (let i = 0; i < words.length; i++) words[i] = rng.nextUint32();
  }
  return bytePool;
}

/** n characters of lowercase words, from a random offset of the shared pool */
export function text(rng: Rng, n: number): string {
  const pool = getTextPool();
  if (n <= pool.length) {
    const start = rng.nextInt(pool.length - n + 1);
    return pool.slice(start, start + n);
  }
  return pool.repeat(Math.ceil(n / pool.length)).slice(0, n);
}

/** n random bytes: a read-only view into the shared pool (no copy; drivers only read it) */
export function bytes(rng: Rng, n: number): Uint8Array {
  const pool = getBytePool();
  if (n <= pool.length) {
    const start = rng.nextInt(pool.length - n + 1);
    return pool.subarray(start, start + n);
  }
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += pool.length) out.set(pool.subarray(0, Math.min(pool.length, n - at)), at);
  return out;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(w: number): string {
  return HEX[(w >>> 24) & 0xff]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;
}

/** a version-4-shaped UUID from the seeded stream (so it is reproducible, unlike crypto.randomUUID) */
export function uuid(rng: Rng): string {
  const a = hex32(rng.nextUint32());
  const b = hex32((rng.nextUint32() & 0xffff0fff) | 0x4000); // version 4
  const c = hex32(((rng.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0); // variant 10
  const d = hex32(rng.nextUint32());
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

function num(v: string | number | undefined): number {
  return typeof v === 'number' ? v : Number(v);
}

/**
 * The evaluator for one call. Arguments are assumed checked (checkCall from
 * src/grammar/generator-calls.ts); returns undefined for an unknown generator.
 */
export function makeGenerator(fn: string, args: (string | number)[]): GeneratorFn | undefined {
  switch (fn) {
    case 'int': {
      const lo = num(args[0]);
      const span = num(args[1]) - lo + 1;
      return (ctx) => lo + ctx.rng.nextInt(span);
    }
    case 'float': {
      const lo = num(args[0]);
      const span = num(args[1]) - lo;
      return (ctx) => lo + ctx.rng.nextFloat() * span;
    }
    // text(n) / bytes(n): exactly n; text(min,max) / bytes(min,max): a length drawn uniformly from [min, max]
    case 'text': {
      const lo = num(args[0]);
      const span = args.length > 1 ? num(args[1]) - lo + 1 : 1;
      return span === 1 ? (ctx) => text(ctx.rng, lo) : (ctx) => text(ctx.rng, lo + ctx.rng.nextInt(span));
    }
    case 'bytes': {
      const lo = num(args[0]);
      const span = args.length > 1 ? num(args[1]) - lo + 1 : 1;
      return span === 1 ? (ctx) => bytes(ctx.rng, lo) : (ctx) => bytes(ctx.rng, lo + ctx.rng.nextInt(span));
    }
    case 'uuid':
      return (ctx) => uuid(ctx.rng);
    case 'timestamp':
      return (ctx) => new Date(ctx.now()).toISOString();
    case 'timestampMs':
      return (ctx) => Math.floor(ctx.now());
    case 'ttl': {
      const seconds = num(args[0]);
      return (ctx) => Math.floor(ctx.now() / 1000) + seconds;
    }
    case 'choice': {
      const options = args.slice();
      return (ctx) => options[ctx.rng.nextInt(options.length)]!;
    }
    default:
      return undefined;
  }
}
