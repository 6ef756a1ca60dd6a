// Reads an HdrHistogram interval log (.hlog) as ddbench writes it (src/recorder/hlog-format.ts):
// the StartTime / BaseTime headers and one line per interval, `[Tag=op:outcome,]start,length,
// max,histogram`. Pure: text in, decoded intervals out. Merging shards needs the absolute time
// of every interval, which only the log has (summary.json's startedAt is taken before the table
// is prepared, the log's StartTime when the load starts).
import type { OutcomeKind } from '../types.js';
import { OUTCOME_KINDS } from '../types.js';

export interface HlogInterval {
  /** `op:outcome`, or undefined for the untagged all-operations line */
  tag?: string;
  /** seconds after BaseTime */
  startSec: number;
  lengthSec: number;
  /** the compressed histogram as logged; decoded only when merged, so long logs stay small in memory */
  encoded: string;
  /** 1-based line in the file, for a message about a histogram that does not decode */
  line: number;
}

export interface HlogContent {
  /** the file as named to the reader, for messages */
  file: string;
  /** epoch ms of StartTime (load start) */
  startEpochMs: number;
  /** epoch ms that interval start times are relative to (BaseTime, else StartTime) */
  baseEpochMs: number;
  intervals: HlogInterval[];
}

const START = /^#\[StartTime: ([\d.]+)/;
const BASE = /^#\[BaseTime: ([\d.]+)/;

/** Parses a whole .hlog; throws Error naming the line for anything it cannot read. */
export function parseHlog(text: string, file = 'latency.hlog'): HlogContent {
  let startEpochMs: number | undefined;
  let baseEpochMs: number | undefined;
  const intervals: HlogInterval[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const start = START.exec(line);
    if (start) startEpochMs = Number(start[1]) * 1000;
    const base = BASE.exec(line);
    if (base) baseEpochMs = Number(base[1]) * 1000;
    if (line.startsWith('#') || line.startsWith('"')) return;
    let rest = line;
    let tag: string | undefined;
    if (rest.startsWith('Tag=')) {
      const comma = rest.indexOf(',');
      if (comma < 0) throw new Error(`${file}:${i + 1}: a tag with no interval`);
      tag = rest.slice(4, comma);
      rest = rest.slice(comma + 1);
    }
    const parts = rest.split(',');
    const startSec = Number(parts[0]);
    const lengthSec = Number(parts[1]);
    if (parts.length !== 4 || !Number.isFinite(startSec) || !Number.isFinite(lengthSec)) throw new Error(`${file}:${i + 1}: not an interval line`);
    intervals.push({ ...(tag !== undefined ? { tag } : {}), startSec, lengthSec, encoded: parts[3]!, line: i + 1 });
  });
  if (startEpochMs === undefined && baseEpochMs === undefined) throw new Error(`${file}: no StartTime header: not an interval log ddbench wrote`);
  for (const [name, ms] of [['StartTime', startEpochMs], ['BaseTime', baseEpochMs]] as const) {
    if (ms !== undefined && !Number.isFinite(ms)) throw new Error(`${file}: the ${name} header is not a time`);
  }
  const startMs = startEpochMs ?? baseEpochMs!;
  return { file, startEpochMs: startMs, baseEpochMs: baseEpochMs ?? startMs, intervals };
}

const KINDS: ReadonlySet<string> = new Set(OUTCOME_KINDS);

/** `get-profile:ok` -> { op, kind }; undefined for a tag ddbench does not write. */
export function splitTag(tag: string): { op: string; kind: OutcomeKind } | undefined {
  const colon = tag.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const kind = tag.slice(colon + 1);
  return KINDS.has(kind) ? { op: tag.slice(0, colon), kind: kind as OutcomeKind } : undefined;
}
