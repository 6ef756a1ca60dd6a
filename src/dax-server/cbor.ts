// A small CBOR codec for the DAX wire protocol. Hand-written rather than a library because the
// protocol needs things general decoders hide: the byte offset where a value ends (keys are a
// CBOR value followed by raw bytes; items are values concatenated with no framing), exact
// integer/bignum/decimal handling without floats, and "is a whole value buffered yet?" checks
// on a TCP stream.

/** A tagged value the codec does not interpret (bignums, decimals, DynamoDB sets, list indexes). */
export class Tagged {
  constructor(
    readonly tag: number,
    readonly value: unknown,
  ) {}
}

/** Thrown by the decoder when the buffer ends inside a value: wait for more bytes. */
export class Incomplete extends Error {
  constructor() {
    super('incomplete CBOR value');
  }
}

const BREAK = Symbol('break');

export class Reader {
  pos: number;
  constructor(
    readonly buf: Buffer,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new Incomplete();
  }

  private readArg(minor: number): number | bigint {
    if (minor < 24) return minor;
    if (minor === 24) {
      this.need(1);
      return this.buf[this.pos++]!;
    }
    if (minor === 25) {
      this.need(2);
      const v = this.buf.readUInt16BE(this.pos);
      this.pos += 2;
      return v;
    }
    if (minor === 26) {
      this.need(4);
      const v = this.buf.readUInt32BE(this.pos);
      this.pos += 4;
      return v;
    }
    if (minor === 27) {
      this.need(8);
      const v = this.buf.readBigUInt64BE(this.pos);
      this.pos += 8;
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    throw new Error(`CBOR: unsupported additional info ${minor}`);
  }

  private length(minor: number): number {
    const n = this.readArg(minor);
    if (typeof n === 'bigint') throw new Error('CBOR: length too large');
    return n;
  }

  /** Decodes one value (throws Incomplete when the buffer ends first). */
  read(): unknown {
    const v = this.readItem();
    if (v === BREAK) throw new Error('CBOR: unexpected break');
    return v;
  }

  private readItem(): unknown {
    this.need(1);
    const initial = this.buf[this.pos++]!;
    const major = initial >> 5;
    const minor = initial & 0x1f;
    switch (major) {
      case 0:
        return this.readArg(minor);
      case 1: {
        const n = this.readArg(minor);
        return typeof n === 'bigint' ? -1n - n : n >= Number.MAX_SAFE_INTEGER ? -1n - BigInt(n) : -1 - n;
      }
      case 2:
      case 3: {
        let bytes: Buffer;
        if (minor === 31) {
          const parts: Buffer[] = [];
          for (;;) {
            const part = this.readItem();
            if (part === BREAK) break;
            parts.push(typeof part === 'string' ? Buffer.from(part, 'utf8') : (part as Buffer));
          }
          bytes = Buffer.concat(parts);
        } else {
          const n = this.length(minor);
          this.need(n);
          bytes = this.buf.subarray(this.pos, this.pos + n);
          this.pos += n;
        }
        return major === 2 ? bytes : bytes.toString('utf8');
      }
      case 4: {
        const out: unknown[] = [];
        if (minor === 31) {
          for (;;) {
            const v = this.readItem();
            if (v === BREAK) break;
            out.push(v);
          }
        } else {
          const n = this.length(minor);
          for (let i = 0; i < n; i++) out.push(this.read());
        }
        return out;
      }
      case 5: {
        const out = new Map<unknown, unknown>();
        if (minor === 31) {
          for (;;) {
            const k = this.readItem();
            if (k === BREAK) break;
            out.set(k, this.read());
          }
        } else {
          const n = this.length(minor);
          for (let i = 0; i < n; i++) {
            const k = this.read();
            out.set(k, this.read());
          }
        }
        return out;
      }
      case 6: {
        const tag = this.readArg(minor);
        return new Tagged(Number(tag), this.read());
      }
      default: {
        if (minor === 20) return false;
        if (minor === 21) return true;
        if (minor === 22) return null;
        if (minor === 23) return undefined;
        if (minor === 25) {
          this.need(2);
          const v = this.buf.readUInt16BE(this.pos);
          this.pos += 2;
          return halfToNumber(v);
        }
        if (minor === 26) {
          this.need(4);
          const v = this.buf.readFloatBE(this.pos);
          this.pos += 4;
          return v;
        }
        if (minor === 27) {
          this.need(8);
          const v = this.buf.readDoubleBE(this.pos);
          this.pos += 8;
          return v;
        }
        if (minor === 31) return BREAK;
        if (minor === 24) {
          this.need(1);
          this.pos++;
          return undefined;
        }
        return undefined;
      }
    }
  }
}

function halfToNumber(h: number): number {
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Decodes every value in `buf` (an item's concatenated attribute values, for instance). */
export function decodeAll(buf: Buffer): unknown[] {
  const r = new Reader(buf);
  const out: unknown[] = [];
  while (!r.atEnd()) out.push(r.read());
  return out;
}

export function decodeOne(buf: Buffer): unknown {
  return new Reader(buf).read();
}

/** Builds a byte sequence of CBOR values. */
export class Writer {
  private chunks: Buffer[] = [];

  private head(major: number, n: number | bigint): this {
    const m = major << 5;
    if (typeof n === 'bigint' || n > 0xffffffff) {
      const b = Buffer.alloc(9);
      b[0] = m | 27;
      b.writeBigUInt64BE(BigInt(n), 1);
      this.chunks.push(b);
    } else if (n < 24) this.chunks.push(Buffer.from([m | n]));
    else if (n < 0x100) this.chunks.push(Buffer.from([m | 24, n]));
    else if (n < 0x10000) {
      const b = Buffer.alloc(3);
      b[0] = m | 25;
      b.writeUInt16BE(n, 1);
      this.chunks.push(b);
    } else {
      const b = Buffer.alloc(5);
      b[0] = m | 26;
      b.writeUInt32BE(n, 1);
      this.chunks.push(b);
    }
    return this;
  }

  /** An integer; bigints outside 64 bits become bignums (tags 2/3). */
  int(n: number | bigint): this {
    const v = BigInt(n);
    if (v >= 0n) {
      if (v < 2n ** 64n) return this.head(0, typeof n === 'number' ? n : v);
      return this.tag(2).bytes(bigToBytes(v));
    }
    const m = -1n - v;
    if (m < 2n ** 64n) return this.head(1, m <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(m) : m);
    return this.tag(3).bytes(bigToBytes(m));
  }
  bytes(b: Uint8Array): this {
    this.head(2, b.length);
    this.chunks.push(Buffer.from(b.buffer, b.byteOffset, b.length));
    return this;
  }
  text(s: string): this {
    const b = Buffer.from(s, 'utf8');
    this.head(3, b.length);
    this.chunks.push(b);
    return this;
  }
  array(n: number): this {
    return this.head(4, n);
  }
  map(n: number): this {
    return this.head(5, n);
  }
  tag(t: number): this {
    return this.head(6, t);
  }
  null(): this {
    this.chunks.push(Buffer.from([0xf6]));
    return this;
  }
  bool(v: boolean): this {
    this.chunks.push(Buffer.from([v ? 0xf5 : 0xf4]));
    return this;
  }
  float(v: number): this {
    const b = Buffer.alloc(9);
    b[0] = 0xfb;
    b.writeDoubleBE(v, 1);
    this.chunks.push(b);
    return this;
  }
  raw(b: Buffer): this {
    this.chunks.push(b);
    return this;
  }
  /** Plain JS values: numbers (integers as ints), strings, Buffers, arrays, Maps, null, booleans. */
  value(v: unknown): this {
    if (v === null || v === undefined) return this.null();
    if (typeof v === 'boolean') return this.bool(v);
    if (typeof v === 'bigint') return this.int(v);
    if (typeof v === 'number') return Number.isInteger(v) ? this.int(v) : this.float(v);
    if (typeof v === 'string') return this.text(v);
    if (v instanceof Uint8Array) return this.bytes(v);
    if (Array.isArray(v)) {
      this.array(v.length);
      for (const e of v) this.value(e);
      return this;
    }
    if (v instanceof Map) {
      this.map(v.size);
      for (const [k, e] of v) this.value(k).value(e);
      return this;
    }
    if (v instanceof Tagged) return this.tag(v.tag).value(v.value);
    throw new Error(`CBOR: cannot encode ${typeof v}`);
  }
  done(): Buffer {
    const out = Buffer.concat(this.chunks);
    this.chunks = [out];
    return out;
  }
}

export function bigToBytes(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return Buffer.from(hex, 'hex');
}

export function bytesToBig(b: Buffer): bigint {
  return b.length === 0 ? 0n : BigInt('0x' + b.toString('hex'));
}
