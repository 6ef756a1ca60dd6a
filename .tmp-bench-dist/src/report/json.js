// summary.json, written atomically: a reader (CI, a report regenerator, a run interrupted while
// writing) sees either the previous file or the complete new one, never half a file.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
export const SUMMARY_FILE = 'summary.json';
/** Writes `<dir>/summary.json` (creating dir) and returns its path. */
export async function writeSummaryFile(dir, summary) {
    await mkdir(dir, { recursive: true });
    const target = path.join(dir, SUMMARY_FILE);
    const temp = path.join(dir, `.${SUMMARY_FILE}.${process.pid}.${Date.now()}.tmp`);
    try {
        await writeFile(temp, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
        await rename(temp, target);
    }
    catch (err) {
        await rm(temp, { force: true });
        throw err;
    }
    return target;
}
//# sourceMappingURL=json.js.map