import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HistogramLogReader, listTags } from 'hdr-histogram-js';
import { newRecorder, sample } from './summary-fixture.js';
function recordTwoIntervals() {
    const lines = [];
    const rec = newRecorder({ hlogSink: (line) => lines.push(line) });
    for (let i = 0; i < 10; i++)
        rec.record(sample('get-profile', 0, i * 50_000, 2_000));
    rec.record(sample('get-profile', 0, 600_000, 3_000, { kind: 'throttled' }));
    for (let i = 0; i < 4; i++)
        rec.record(sample('top-10', 0, 1_100_000 + i * 10_000, 12_000));
    rec.closeIntervals(2_000_000);
    rec.finish(2_500_000); // last interval [2, 2.5) is empty: no line for it
    return lines;
}
function readAll(log) {
    const reader = new HistogramLogReader(log);
    const out = [];
    for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram())
        out.push(h);
    return out;
}
test('the .hlog starts with the standard header: StartTime, BaseTime and the legend', () => {
    const lines = recordTwoIntervals();
    assert.ok(lines.some((l) => l.startsWith('#[StartTime: 1700000000.000 (seconds since epoch)')));
    assert.ok(lines.some((l) => l.startsWith('#[BaseTime: 1700000000.000 (seconds since epoch)]')));
    assert.ok(lines.includes('"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"'));
    assert.ok(lines.every((l) => !l.includes('\n')), 'lines come without newline');
});
test('HistogramLogReader reads every interval back with its op:outcome tag, counts and times', () => {
    const log = `${recordTwoIntervals().join('\n')}\n`;
    assert.deepEqual(listTags(log).sort(), ['NO TAG', 'get-profile:ok', 'get-profile:throttled', 'top-10:ok'].sort());
    const histograms = readAll(log);
    const byKey = new Map(histograms.map((h) => [`${h.startTimeStampMsec}/${h.tag}`, h]));
    const at = (sec, tag) => byKey.get(`${1_700_000_000_000 + sec * 1000}/${tag}`);
    assert.equal(histograms.length, 5, 'interval 0: all + 2 tags; interval 1: all + 1 tag');
    assert.equal(at(0, 'get-profile:ok').totalCount, 10);
    assert.equal(at(0, 'get-profile:throttled').totalCount, 1);
    assert.equal(at(0, 'NO TAG').totalCount, 11);
    assert.equal(at(1, 'top-10:ok').totalCount, 4);
    assert.equal(at(1, 'top-10:ok').getValueAtPercentile(50), 12_000 + 7); // 12000 at 3 significant digits
    assert.equal(at(1, 'top-10:ok').endTimeStampMsec - at(1, 'top-10:ok').startTimeStampMsec, 1000);
});
test('interval lines carry the max in milliseconds', () => {
    const line = recordTwoIntervals().find((l) => l.startsWith('Tag=top-10:ok,'));
    const [, start, length, maxMs] = line.split(',');
    assert.deepEqual([start, length], ['1.000', '1.000']);
    assert.ok(Math.abs(Number(maxMs) - 12) < 0.02, `max ${maxMs} ms`);
});
test('tags never hold the delimiters of the log format', () => {
    const lines = [];
    const rec = newRecorder({ hlogSink: (line) => lines.push(line) });
    rec.record(sample('odd name,with comma', 0, 0, 1_000));
    rec.finish(1_000_000);
    assert.ok(lines.some((l) => l.startsWith('Tag=odd_name_with_comma:ok,')));
});
//# sourceMappingURL=recorder-hlog.test.js.map