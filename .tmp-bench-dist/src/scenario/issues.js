// Turns zod's issues into problems a user can act on: a path, and a message that says what
// was expected and what was found (`expected a positive number, got -5`). Unknown keys become
// one problem each, at the key itself, with a suggestion when a known key is close.
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** `a.b[1].c`; keys that are not plain words are quoted: `values[":s"]`. */
export function formatPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (PLAIN_KEY.test(seg))
            out += out === '' ? seg : `.${seg}`;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}
/** A short rendering of a found value for `got ...`. */
export function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return value.length === 0 ? 'an empty list' : 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string') {
        const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
        return JSON.stringify(shown);
    }
    return String(value);
}
export function valueAt(root, path) {
    let node = root;
    for (const seg of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        if (!Object.hasOwn(node, seg))
            return undefined;
        node = node[seg];
    }
    return node;
}
const TYPE_NAMES = {
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    int: 'an integer',
    boolean: 'true or false',
};
/** Error map for schemas that carry no message of their own (objects, lists, records). */
export function defaultMessage(issue) {
    switch (issue.code) {
        case 'invalid_type':
            return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
        case 'too_small':
            return issue.origin === 'array' ? `expected at least ${String(issue.minimum)} item(s)` : `expected at least ${String(issue.minimum)}`;
        case 'too_big':
            return issue.origin === 'array' ? `expected at most ${String(issue.maximum)} item(s)` : `expected at most ${String(issue.maximum)}`;
        case 'invalid_value':
            return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'unrecognized_keys':
            return 'unknown key';
        default:
            return undefined;
    }
}
/** One problem per issue (per key for unknown keys), messages completed with what was found. */
export function issuesToProblems(issues, input, schema) {
    const problems = [];
    for (const issue of issues) {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        if (issue.code === 'unrecognized_keys') {
            const known = knownKeysAt(schema, path);
            for (const key of issue.keys) {
                const hint = suggest(key, known);
                problems.push({ path: [...path, key], message: `unknown key${hint === undefined ? '' : ` (did you mean "${hint}"?)`}` });
            }
        }
        else if (issue.code === 'invalid_key') {
            const message = issue.issues[0]?.message ?? 'invalid key';
            problems.push({ path, message: `${message}, got ${describeValue(path[path.length - 1])}` });
        }
        else {
            const found = valueAt(input, path);
            const present = path.length === 0 ? input !== undefined : hasPath(input, path);
            problems.push({ path, message: present ? `${issue.message}, got ${describeValue(found)}` : `missing, ${issue.message}` });
        }
    }
    return problems;
}
function hasPath(root, path) {
    const parent = valueAt(root, path.slice(0, -1));
    const last = path[path.length - 1];
    return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, last);
}
const defOf = (s) => s._zod.def;
/** Keys of the strict object at `path` in the schema, walking optionals, lists, records and lazies. */
export function knownKeysAt(schema, path) {
    let node = unwrap(schema);
    for (const seg of path) {
        if (node === undefined)
            return [];
        const def = defOf(node);
        if (def.type === 'object' && typeof seg === 'string')
            node = def.shape?.[seg];
        else if (def.type === 'array')
            node = def.element;
        else if (def.type === 'record')
            node = def.valueType;
        else
            return [];
        node = node === undefined ? undefined : unwrap(node);
    }
    if (node === undefined)
        return [];
    const def = defOf(node);
    return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
function unwrap(schema) {
    let node = schema;
    for (;;) {
        const def = defOf(node);
        if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType)
            node = def.innerType;
        else if (def.type === 'lazy' && def.getter)
            node = def.getter();
        else
            return node;
    }
}
/** The known key closest to `key`, when close enough to be a likely typo. */
export function suggest(key, known) {
    const squash = (s) => s.toLowerCase().replace(/[-_ ]/g, '');
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of known) {
        const d = squash(candidate) === squash(key) ? 0 : editDistance(key.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best !== undefined && bestDistance <= Math.min(2, Math.floor(key.length / 3)) ? best : undefined;
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        }
        prev = row;
    }
    return prev[b.length];
}
//# sourceMappingURL=issues.js.map