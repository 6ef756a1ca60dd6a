// Finds the line of the node at a path in a parsed YAML (or JSON) document, falling back to
// the nearest parent that exists, so a missing field points at the object that lacks it.
import { isMap, isScalar, isSeq } from 'yaml';
/** 1-based line of the node at `path` (for a map entry: the line of its key), or undefined. */
export function lineAt(doc, counter, path) {
    let node = doc.contents;
    let line = lineOf(node, counter);
    for (const seg of path) {
        if (isMap(node)) {
            const pair = node.items.find((p) => keyText(p.key) === String(seg));
            if (pair === undefined)
                break;
            line = lineOf(pair.key, counter) ?? lineOf(pair.value, counter) ?? line;
            node = pair.value;
        }
        else if (isSeq(node) && typeof seg === 'number') {
            const item = node.items[seg];
            if (item === undefined)
                break;
            line = lineOf(item, counter) ?? line;
            node = item;
        }
        else {
            break;
        }
    }
    return line;
}
function keyText(key) {
    if (isScalar(key))
        return String(key.value);
    return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}
function lineOf(node, counter) {
    const range = node?.range;
    if (range === undefined || range === null)
        return undefined;
    return counter.linePos(range[0]).line;
}
//# sourceMappingURL=lines.js.map