/**
 * Gate expressions: pass/fail conditions on a run's summary, from the scenario's `gates:` and
 * from `--gate` on the command line.
 *
 * Grammar (whitespace is free around every token; metric names and units are case-insensitive,
 * operation names are matched exactly):
 *
 *   gate       := subject comparator number [unit]
 *   subject    := [operation "."] metric          no operation: all operations together
 *   comparator := "<" | "<=" | ">" | ">="
 *   metric     := ["latency."] stat               latency from the intended start (CO-corrected)
 *               | "service." stat                 service time, from the actual send
 *               | "errors" | "error_rate"         % of operations with an error outcome
 *               | "throttles" | "throttle_rate"   % of operations that ended throttled
 *               | "conditional_failures"          % of operations that ended conditional-failed
 *               | "rate" | "throughput"           achieved operations per second
 *               | "count"                         number of operations
 *   stat       := "p" percentile | "max" | "mean" | "min"
 *   percentile := a number in (0, 100]: p50, p90, p95, p99, p99.9, p99.99 ...;
 *                 digits only and longer than 2 starting with 99 read as 99.x: p999 = p99.9, p9999 = p99.99
 *   unit       := latency: "us" | "µs" | "ms" | "s"   (none = ms)
 *                 percentages: "%"                    (none = %, so `errors < 0.1` means 0.1 %)
 *                 rate: "/s" | "ops/s"                (optional)
 *                 count: none
 *
 * Examples: `p99 < 10ms`, `get-profile.p50 < 5ms`, `top-10.p99.9 <= 50 ms`,
 * `get-profile.service.p99 < 5ms`, `errors < 0.1%`, `throttles < 1%`, `throughput >= 250`.
 * Operation names may contain '-' and '.': the longest known name followed by '.' wins.
 */
export type GateComparator = '<' | '<=' | '>' | '>=';

/**
 * A parsed gate. `latency`/`service` compare a statistic of the latency (from intended start)
 * or service-time histogram; `errors`/`throttles`/`conditional_failures` a percentage of count;
 * `rate` achieved ops/s; `count` the operation count.
 */
export interface Gate {
  expr: string;
  /** operation name; undefined means all operations together (summary.total) */
  operation?: string;
  metric: 'latency' | 'service' | 'errors' | 'throttles' | 'conditional_failures' | 'rate' | 'count';
  /** latency / service only: a percentile in (0, 100], or max / mean / min */
  stat?: number | 'max' | 'mean' | 'min';
  comparator: GateComparator;
  /** threshold in `unit` */
  threshold: number;
  /** 'us' | 'ms' | 's' for latency, '%' for percentages, 'ops/s' for rate, '' for count */
  unit: string;
}

export type ParseGateResult = { ok: true; gate: Gate } | { ok: false; message: string };

/** What a scenario check needs of a gate parser (parseGate fits); injected so a check can be given another. */
export type GateParser = (expr: string, operationNames: string[]) => { ok: true } | { ok: false; message: string };

const METRIC_HELP =
  'p50, p90, p95, p99, p99.9 (or p999), max, mean, min (latency; prefix `service.` for service time), ' +
  'errors, throttles, conditional_failures (percent), rate / throughput (ops/s), count';

const PERCENT_METRICS: Record<string, Gate['metric']> = {
  errors: 'errors',
  error_rate: 'errors',
  throttles: 'throttles',
  throttle_rate: 'throttles',
  conditional_failures: 'conditional_failures',
};

type Subject = Pick<Gate, 'metric' | 'stat'>;

export function parseGate(expr: string, operationNames: string[]): ParseGateResult {
  const fail = (why: string): ParseGateResult => ({ ok: false, message: `gate \`${expr}\`: ${why}` });

  const m = /^(.*?)(<=|>=|<|>)(.*)$/s.exec(expr.trim());
  if (m === null) {
    return fail(/[=!]=?/.test(expr) ? 'comparator must be one of < <= > >=' : 'expected `[operation.]metric < value[unit]`, e.g. `p99 < 10ms`');
  }
  const lhs = m[1]!.trim().replace(/\s*\.\s*/g, '.');
  const comparator = m[2] as GateComparator;
  const rhs = m[3]!.trim();
  if (/^[=<>]/.test(rhs) || /[=!]$/.test(lhs)) return fail('comparator must be one of < <= > >=');
  if (lhs === '') return fail('missing metric before the comparator');
  if (/\s/.test(lhs)) return fail(`unexpected space in \`${lhs}\``);

  const value = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(.*)$/s.exec(rhs);
  if (value === null) return fail(`expected a number after \`${comparator}\`, got \`${rhs}\``);
  const threshold = Number(value[1]);
  const rawUnit = value[2]!.trim();
  if (!Number.isFinite(threshold) || threshold < 0) return fail(`threshold must be a number >= 0, got ${value[1]}`);

  const target = resolveSubject(lhs, operationNames);
  if (!target.ok) return fail(target.message);
  const unit = canonicalUnit(target.subject.metric, rawUnit);
  if (!unit.ok) return fail(unit.message);

  const gate: Gate = { expr, metric: target.subject.metric, comparator, threshold, unit: unit.unit };
  if (target.operation !== undefined) gate.operation = target.operation;
  if (target.subject.stat !== undefined) gate.stat = target.subject.stat;
  return { ok: true, gate };
}

type Resolved = { ok: true; operation?: string; subject: Subject } | { ok: false; message: string };

function resolveSubject(lhs: string, operationNames: string[]): Resolved {
  const overall = parseMetric(lhs);
  if (overall !== undefined) return { ok: true, subject: overall };

  const byLength = [...operationNames].sort((a, b) => b.length - a.length);
  for (const op of byLength) {
    if (lhs === op) return { ok: false, message: `missing metric after operation \`${op}\` (metrics: ${METRIC_HELP})` };
    if (lhs.startsWith(`${op}.`)) {
      const rest = lhs.slice(op.length + 1);
      const subject = parseMetric(rest);
      if (subject === undefined) return { ok: false, message: `unknown metric \`${rest}\` (metrics: ${METRIC_HELP})` };
      return { ok: true, operation: op, subject };
    }
  }

  const first = lhs.split('.')[0]!;
  const looksLikeMetric = lhs === first || /^(p\d|service$|latency$)/i.test(first) || parseMetric(first) !== undefined;
  if (looksLikeMetric) return { ok: false, message: `unknown metric \`${lhs}\` (metrics: ${METRIC_HELP})` };
  const known = operationNames.length > 0 ? operationNames.join(', ') : '(none)';
  return { ok: false, message: `unknown operation \`${first}\` (operations: ${known})` };
}

/** A metric name, or undefined when it is not one. */
function parseMetric(text: string): Subject | undefined {
  const lower = text.toLowerCase();
  const percent = PERCENT_METRICS[lower];
  if (percent !== undefined) return { metric: percent };
  if (lower === 'rate' || lower === 'throughput') return { metric: 'rate' };
  if (lower === 'count') return { metric: 'count' };

  let metric: Gate['metric'] = 'latency';
  let statText = lower;
  if (lower.startsWith('service.')) {
    metric = 'service';
    statText = lower.slice('service.'.length);
  } else if (lower.startsWith('latency.')) {
    statText = lower.slice('latency.'.length);
  }
  const stat = parseStat(statText);
  return stat === undefined ? undefined : { metric, stat };
}

function parseStat(text: string): Gate['stat'] | undefined {
  if (text === 'max' || text === 'mean' || text === 'min') return text;
  const m = /^p(\d+(?:\.\d+)?)$/.exec(text);
  if (m === null) return undefined;
  const digits = m[1]!;
  // p999 is the field's shorthand for the 99.9th percentile, p9999 for the 99.99th
  const percentile = /^99\d+$/.test(digits) ? Number(`99.${digits.slice(2)}`) : Number(digits);
  return percentile > 0 && percentile <= 100 ? percentile : undefined;
}

type UnitResult = { ok: true; unit: string } | { ok: false; message: string };

function canonicalUnit(metric: Gate['metric'], raw: string): UnitResult {
  const u = raw.toLowerCase().replace(/\s+/g, '');
  switch (metric) {
    case 'latency':
    case 'service':
      if (u === '' || u === 'ms') return { ok: true, unit: 'ms' };
      if (u === 'us' || u === 'µs' || u === 'μs') return { ok: true, unit: 'us' };
      if (u === 's') return { ok: true, unit: 's' };
      return { ok: false, message: `unit \`${raw}\` is not a time unit (us, ms, s; none means ms)` };
    case 'errors':
    case 'throttles':
    case 'conditional_failures':
      if (u === '' || u === '%') return { ok: true, unit: '%' };
      return { ok: false, message: `unit \`${raw}\` is not valid for a percentage (use %, or none)` };
    case 'rate':
      if (u === '' || u === '/s' || u === 'ops/s' || u === 'op/s') return { ok: true, unit: 'ops/s' };
      return { ok: false, message: `unit \`${raw}\` is not valid for a rate (use /s, ops/s, or none)` };
    case 'count':
      if (u === '') return { ok: true, unit: '' };
      return { ok: false, message: `count takes no unit, got \`${raw}\`` };
  }
}
