// The merged run's intervals, by absolute time. Each shard's .hlog gives its load start
// (StartTime) and, per second, a latency histogram per operation:outcome; an interval of a
// shard goes into the 1 s bucket of the merged run (from the earliest shard's start) in which
// it starts, and the bucket's histograms are added. Counts, errors, throttles, conditional
// failures and latency percentiles per bucket are therefore exact. Retries and the target rate
// come from the shards' summaries (summed); per-interval service time is not in the .hlog, so a
// bucket shows the highest of its shards' service p50 / p99 (a bound, not a merge), and so for
// ddbench's own send-lag p99; its CPU and GC pause times add up over the shards. Pure.
import type { Histogram } from 'hdr-histogram-js';
import { EXPECTED_OUTCOMES } from '../types.js';
import type { IntervalSummary } from '../recorder/shapes.js';
import type { Summary } from '../summary/model.js';
import { maxUs, mergeInto, newHistogram, tryDecode } from '../recorder/histogram.js';
import { formatHeaderLines, formatIntervalLine } from '../recorder/hlog-format.js';
import { UsageError } from '../errors.js';
import type { HlogContent, HlogInterval } from './hlog-read.js';
import { splitTag } from './hlog-read.js';

export interface ShardTimeline {
  /** where the shard was read from, for messages */
  label: string;
  summary: Summary;
  hlog: HlogContent;
}

/** An interval of a shard's log, with the file it came from (named when its histogram does not decode). */
interface LoggedInterval {
  interval: HlogInterval;
  file: string;
}

/**
 * How far past a shard's end (its log's StartTime + durationMs) an interval may start: the last
 * one starts inside the run, so this only refuses a log of another run or a damaged number,
 * which would otherwise make the merge build one empty second after another up to it.
 */
const LATE_SLACK_MS = 10 * 60_000;

/** Shards of one run start together; a log that starts this long after another is of another run (or damaged). */
const MAX_START_GAP_MS = 7 * 24 * 3_600_000;

interface Bucket {
  /** per hlog tag (`op:outcome`): the shards' logged histograms, decoded one bucket at a time */
  tags: Map<string, LoggedInterval[]>;
  retries: number;
  targetRateOpsPerSec: number;
  phaseIndex: number | undefined;
  serviceP50Us: number;
  serviceP99Us: number;
  /** ddbench's own figures, when a shard's summary carries them */
  sendLagP99Us: number | undefined;
  processCpuMs: number | undefined;
  gcPauseMs: number | undefined;
}

export interface MergedTimeline {
  /** epoch ms of the earliest shard's load start: the merged run's clock 0 */
  startEpochMs: number;
  /** from clock 0 to the end of the last shard's load */
  durationMs: number;
  intervals: IntervalSummary[];
  /** the merged .hlog, line by line (no newlines) */
  hlogLines: string[];
}

/** Bucket (whole seconds since `originMs`) of a time given as epoch ms; ms-rounded so float noise never moves a boundary. */
function bucketOf(epochMs: number, originMs: number): number {
  return Math.max(0, Math.floor(Math.round(epochMs - originMs) / 1000));
}

export function mergeTimelines(shards: ShardTimeline[]): MergedTimeline {
  const originMs = Math.min(...shards.map((s) => s.hlog.startEpochMs));
  const buckets = new Map<number, Bucket>();
  const bucket = (b: number): Bucket => {
    let x = buckets.get(b);
    if (x === undefined) {
      x = { tags: new Map(), retries: 0, targetRateOpsPerSec: 0, phaseIndex: undefined, serviceP50Us: 0, serviceP99Us: 0, sendLagP99Us: undefined, processCpuMs: undefined, gcPauseMs: undefined };
      buckets.set(b, x);
    }
    return x;
  };
  let endMs = originMs;
  for (const { label, summary, hlog } of shards) {
    const gapMs = hlog.startEpochMs - originMs;
    if (gapMs > MAX_START_GAP_MS) throw new UsageError(`shard ${hlog.file}: its StartTime is ${Math.round(gapMs / 86_400_000)} days after another shard's: not a shard of the same run`);
    const shardEndMs = hlog.startEpochMs + Math.max(0, summary.durationMs);
    endMs = Math.max(endMs, shardEndMs);
    const lateMs = shardEndMs + LATE_SLACK_MS;
    for (const line of hlog.intervals) {
      const atMs = hlog.baseEpochMs + line.startSec * 1000;
      if (atMs > lateMs) throw new UsageError(`shard ${hlog.file}:${line.line}: the interval starts ${Math.round((atMs - shardEndMs) / 1000)} s after the shard's run ended: not a log of this run`);
      // the untagged line is the sum of the tagged ones: adding both would count twice; it is
      // decoded all the same, so a damaged log is refused rather than half read
      if (line.tag === undefined) {
        decodeLogged({ interval: line, file: hlog.file });
        continue;
      }
      const into = bucket(bucketOf(atMs, originMs)).tags;
      const list = into.get(line.tag);
      if (list === undefined) into.set(line.tag, [{ interval: line, file: hlog.file }]);
      else list.push({ interval: line, file: hlog.file });
    }
    // the recorder's clock 0 is the log's StartTime
    for (const [i, iv] of summary.intervals.entries()) {
      const atMs = hlog.startEpochMs + iv.startSec * 1000;
      if (atMs > lateMs) throw new UsageError(`shard ${label}: summary.json intervals[${i}] starts ${Math.round((atMs - shardEndMs) / 1000)} s after the shard's run ended (durationMs ${summary.durationMs})`);
      const x = bucket(bucketOf(atMs, originMs));
      x.retries += iv.retries;
      x.targetRateOpsPerSec += iv.targetRateOpsPerSec;
      x.phaseIndex = x.phaseIndex === undefined ? iv.phaseIndex : Math.min(x.phaseIndex, iv.phaseIndex);
      x.serviceP50Us = Math.max(x.serviceP50Us, iv.serviceP50Us);
      x.serviceP99Us = Math.max(x.serviceP99Us, iv.serviceP99Us);
      if (iv.sendLagP99Us !== undefined) x.sendLagP99Us = Math.max(x.sendLagP99Us ?? 0, iv.sendLagP99Us);
      if (iv.processCpuMs !== undefined) x.processCpuMs = round2((x.processCpuMs ?? 0) + iv.processCpuMs);
      if (iv.gcPauseMs !== undefined) x.gcPauseMs = round2((x.gcPauseMs ?? 0) + iv.gcPauseMs);
    }
  }
  const last = Math.max(-1, ...buckets.keys());
  const intervals: IntervalSummary[] = [];
  const hlogLines = formatHeaderLines(originMs);
  let phaseIndex = 0;
  for (let b = 0; b <= last; b++) {
    const x = buckets.get(b) ?? bucket(b);
    phaseIndex = x.phaseIndex ?? phaseIndex;
    intervals.push(summarise(b, x, phaseIndex, hlogLines));
    buckets.delete(b);
  }
  return { startEpochMs: originMs, durationMs: Math.round(endMs - originMs), intervals, hlogLines };
}

function summarise(b: number, x: Bucket, phaseIndex: number, hlogLines: string[]): IntervalSummary {
  const all = newHistogram();
  const perOp = new Map<string, { h: Histogram; count: number; errors: number }>();
  let errors = 0;
  let throttles = 0;
  let conditionalFailures = 0;
  const tagged: string[] = [];
  for (const [tag, encodings] of [...x.tags].sort(([a], [b2]) => (a < b2 ? -1 : a > b2 ? 1 : 0))) {
    const h = newHistogram();
    for (const e of encodings) mergeInto(h, decodeLogged(e));
    const parsed = splitTag(tag);
    const op = parsed?.op ?? tag;
    const n = h.totalCount;
    const isError = parsed !== undefined && !EXPECTED_OUTCOMES.has(parsed.kind);
    if (isError) errors += n;
    if (parsed?.kind === 'throttled') throttles += n;
    if (parsed?.kind === 'conditional-failed') conditionalFailures += n;
    let slot = perOp.get(op);
    if (slot === undefined) {
      slot = { h: newHistogram(), count: 0, errors: 0 };
      perOp.set(op, slot);
    }
    mergeInto(slot.h, h);
    slot.count += n;
    if (isError) slot.errors += n;
    mergeInto(all, h);
    tagged.push(formatIntervalLine(h, b, 1, tag));
  }
  if (all.totalCount > 0) hlogLines.push(formatIntervalLine(all, b, 1), ...tagged);
  const empty = all.totalCount === 0;
  const operations: IntervalSummary['operations'] = {};
  for (const [op, s] of perOp) operations[op] = { count: s.count, errors: s.errors, p50Us: s.h.getValueAtPercentile(50), p99Us: s.h.getValueAtPercentile(99), maxUs: maxUs(s.h) };
  return {
    startSec: b,
    phaseIndex,
    count: all.totalCount,
    errors,
    throttles,
    retries: x.retries,
    conditionalFailures,
    targetRateOpsPerSec: x.targetRateOpsPerSec,
    latencyP50Us: empty ? 0 : all.getValueAtPercentile(50),
    latencyP99Us: empty ? 0 : all.getValueAtPercentile(99),
    latencyMaxUs: maxUs(all),
    serviceP50Us: x.serviceP50Us,
    serviceP99Us: x.serviceP99Us,
    operations,
    ...(x.sendLagP99Us !== undefined ? { sendLagP99Us: x.sendLagP99Us } : {}),
    ...(x.processCpuMs !== undefined ? { processCpuMs: x.processCpuMs } : {}),
    ...(x.gcPauseMs !== undefined ? { gcPauseMs: x.gcPauseMs } : {}),
  };
}

/** The interval's histogram; a UsageError naming the file and line when it does not decode. */
function decodeLogged({ interval, file }: LoggedInterval): Histogram {
  const decoded = tryDecode(interval.encoded);
  if (!decoded.ok) throw new UsageError(`shard ${file}:${interval.line}: the interval's histogram is ${decoded.problem}`);
  return decoded.histogram;
}

function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}
