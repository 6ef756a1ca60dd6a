// The generator calls a template may hold (`{int(0,100)}`), as the validator sees them:
// how many arguments each takes, which values are legal, what type it yields and how
// large its output can get. The workload evaluates them; this table is what both agree on.

/** DynamoDB's item size limit (400 KB), which also bounds any single generated value. */
export const MAX_ITEM_BYTES = 400 * 1024;

export type GeneratorYield = 'number' | 'string' | 'binary' | 'mixed';

export interface GeneratorSignature {
  /** how the call is written, for messages */
  usage: string;
  minArgs: number;
  maxArgs: number;
  /** problems with the arguments, given the right count */
  check(args: (string | number)[]): string[];
  /** type of the generated value; 'mixed' when it depends on the arguments */
  yields(args: (string | number)[]): GeneratorYield;
  /** upper bound of the generated value's size in bytes (as DynamoDB counts it) */
  maxBytes(args: (string | number)[]): number;
}

/** DynamoDB numbers take at most 21 bytes. */
const NUMBER_BYTES = 21;

const isInt = (v: string | number | undefined): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** text(n) / bytes(n): exactly n; text(min, max) / bytes(min, max): a length drawn in [min, max]. */
function lengthArgs(name: string) {
  return (args: (string | number)[]): string[] => {
    const bad = args.find((n) => !isInt(n) || n < 0 || n > MAX_ITEM_BYTES);
    if (bad !== undefined) return [`${name}() lengths must be integers from 0 to ${MAX_ITEM_BYTES}, got ${show(bad)}`];
    const [min, max] = args as number[];
    if (max !== undefined && min! > max) return [`${name}(min, max) needs min <= max, got ${min} > ${max}`];
    return [];
  };
}

const longestLength = (args: (string | number)[]): number => Math.max(0, ...args.map((a) => (isInt(a) ? a : 0)));

function rangeArgs(name: string, integers: boolean) {
  return (args: (string | number)[]): string[] => {
    const [a, b] = args;
    const ok = (v: string | number | undefined): v is number =>
      integers ? isInt(v) : typeof v === 'number' && Number.isFinite(v);
    const kind = integers ? 'integers' : 'numbers';
    if (!ok(a) || !ok(b)) return [`${name}(a, b) needs two ${kind}, got ${show(a)} and ${show(b)}`];
    if (a > b) return [`${name}(a, b) needs a <= b, got ${a} > ${b}`];
    return [];
  };
}

function show(v: string | number | undefined): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

const none = (): string[] => [];

/**
 * Ranges are inclusive: `int(0,100)` can give 0 and 100; `float(a,b)` gives a <= x < b (a when a == b);
 * `text(200)` is 200 characters, `text(5000, 50000)` a length drawn from 5000 to 50000 (same for bytes).
 * `timestamp()` is an ISO-8601 string, `timestampMs()` epoch milliseconds, `ttl(s)` epoch seconds s from now
 * (for a TTL attribute). `choice(a,b,...)` picks one argument uniformly; numeric arguments stay numbers.
 */
export const GENERATORS: Readonly<Record<string, GeneratorSignature>> = {
  int: {
    usage: 'int(min, max)',
    minArgs: 2,
    maxArgs: 2,
    check: rangeArgs('int', true),
    yields: () => 'number',
    maxBytes: () => NUMBER_BYTES,
  },
  float: {
    usage: 'float(min, max)',
    minArgs: 2,
    maxArgs: 2,
    check: rangeArgs('float', false),
    yields: () => 'number',
    maxBytes: () => NUMBER_BYTES,
  },
  text: {
    usage: 'text(length) or text(min, max)',
    minArgs: 1,
    maxArgs: 2,
    check: lengthArgs('text'),
    yields: () => 'string',
    maxBytes: longestLength,
  },
  bytes: {
    usage: 'bytes(length) or bytes(min, max)',
    minArgs: 1,
    maxArgs: 2,
    check: lengthArgs('bytes'),
    yields: () => 'binary',
    maxBytes: longestLength,
  },
  uuid: { usage: 'uuid()', minArgs: 0, maxArgs: 0, check: none, yields: () => 'string', maxBytes: () => 36 },
  timestamp: {
    usage: 'timestamp()',
    minArgs: 0,
    maxArgs: 0,
    check: none,
    yields: () => 'string',
    maxBytes: () => 24,
  },
  timestampMs: {
    usage: 'timestampMs()',
    minArgs: 0,
    maxArgs: 0,
    check: none,
    yields: () => 'number',
    maxBytes: () => NUMBER_BYTES,
  },
  ttl: {
    usage: 'ttl(seconds)',
    minArgs: 1,
    maxArgs: 1,
    check: (args) => (isInt(args[0]) ? [] : [`ttl(seconds) needs an integer number of seconds, got ${show(args[0])}`]),
    yields: () => 'number',
    maxBytes: () => NUMBER_BYTES,
  },
  choice: {
    usage: 'choice(a, b, ...)',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    check: none,
    yields: (args) =>
      args.every((a) => typeof a === 'number') ? 'number' : args.every((a) => typeof a === 'string') ? 'string' : 'mixed',
    maxBytes: (args) =>
      Math.max(0, ...args.map((a) => (typeof a === 'number' ? NUMBER_BYTES : Buffer.byteLength(a, 'utf8')))),
  },
};

/** Problems with one call: unknown generator, wrong argument count, illegal values. */
export function checkCall(fn: string, args: (string | number)[]): string[] {
  const sig = Object.hasOwn(GENERATORS, fn) ? GENERATORS[fn] : undefined;
  if (sig === undefined) {
    return [`unknown generator "${fn}" (known: ${Object.keys(GENERATORS).join(', ')})`];
  }
  if (args.length < sig.minArgs || args.length > sig.maxArgs) {
    const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
    const want =
      sig.minArgs === sig.maxArgs
        ? plural(sig.minArgs)
        : sig.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${plural(sig.minArgs)}`
          : `${sig.minArgs} to ${plural(sig.maxArgs)}`;
    return [`${sig.usage} takes ${want}, got ${args.length}`];
  }
  return sig.check(args);
}
