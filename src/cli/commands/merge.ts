// `ddbench merge DIR...`: the shards of one run into one summary.json, latency.hlog and
// report.html, exactly (see src/shard/merge.ts); exit 1 when a gate fails on the merged numbers.
import path from 'node:path';
import type { Argv } from 'yargs';
import { parseGate } from '../../gates/parse.js';
import { UsageError } from '../../errors.js';
import { mergeShards } from '../../shard/merge.js';
import { readShardOutputs, writeMergedHlog } from '../../shard/files.js';
import { writeOutputs } from '../../report/outputs.js';
import { exitCodeFor } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';
import { io } from '../io.js';
import { judgeSummary } from '../../engine/judge.js';

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function registerMerge(y: Argv, done: (code: ExitCode) => void): Argv {
  return y.command(
    'merge <dirs..>',
    'Merge the output folders of the shards of one run (ddbench run --shard i/n) into one summary.json, latency.hlog and report.html, exactly; gates are judged again on the merged run',
    (c) =>
      c
        .positional('dirs', { type: 'string', array: true, demandOption: true, describe: "the shards' output folders (or their summary.json files)" })
        .option('out', { type: 'string', describe: 'output folder (default reports/<scenario>-<timestamp>-merged)' })
        .option('gate', { type: 'string', array: true, default: [] as string[], describe: "extra gate judged on the merged run, repeatable (the shards' own gates are judged again too)" }),
    async (a) => {
      const outputs = await readShardOutputs(a.dirs as string[]);
      const opNames = Object.keys(outputs[0]?.summary.operations ?? {});
      const bad = a.gate.flatMap((g) => {
        const parsed = parseGate(g, opNames);
        return parsed.ok ? [] : [`--gate "${g}": ${parsed.message}`];
      });
      if (bad.length > 0) throw new UsageError(bad.join('\n'));
      const merged = mergeShards(outputs, { extraGates: a.gate });
      const { hlogLines, warnings } = merged;
      // judged again on the merged numbers: the shards' own answers do not carry over
      const summary = judgeSummary(merged.summary);
      for (const w of warnings) io.err(`warning: ${w}\n`);
      const m = summary.merged!;
      io.err(`merged shards ${m.shards.join(', ')} of ${m.count} (${summary.total.count} operations)\n`);
      const dir = path.resolve(a.out ?? path.join('reports', `${summary.scenario.name}-${stamp(new Date())}-merged`));
      await writeMergedHlog(dir, hlogLines);
      await writeOutputs(summary, { outDir: dir }, (line) => io.out(`${line}\n`));
      done(exitCodeFor({ pass: summary.pass }));
    },
  );
}
