// Static checks of DynamoDB expressions (update, condition, filter, key condition,
// projection) that DynamoDB itself would reject at run time, under load, where the
// failure would only show up as a column of client errors.
// Expressions have no string literals (values go through `:placeholders`), so tokens can be
// found with plain patterns.
export const EXPRESSION_FIELDS = ['update', 'condition', 'filter', 'keyCondition', 'projection'];
export const valueRefs = (expr) => expr.match(/:[A-Za-z0-9_]+/g) ?? [];
export const nameRefs = (expr) => expr.match(/#[A-Za-z0-9_]+/g) ?? [];
/**
 * Every `:v` used must be in `values` and every `#n` in `names`; entries no expression uses are
 * problems too, because DynamoDB rejects unused ExpressionAttributeValues / Names.
 */
export function checkPlaceholderRefs(holder, at) {
    const problems = [];
    const usedValues = new Set();
    const usedNames = new Set();
    for (const field of EXPRESSION_FIELDS) {
        const expr = holder[field];
        if (expr === undefined)
            continue;
        const missingValues = new Set();
        for (const ref of valueRefs(expr)) {
            usedValues.add(ref);
            if (holder.values === undefined || !Object.hasOwn(holder.values, ref))
                missingValues.add(ref);
        }
        const missingNames = new Set();
        for (const ref of nameRefs(expr)) {
            usedNames.add(ref);
            if (holder.names === undefined || !Object.hasOwn(holder.names, ref))
                missingNames.add(ref);
        }
        for (const ref of missingValues)
            problems.push({ path: [...at, field], message: `"${ref}" is not defined in values` });
        for (const ref of missingNames)
            problems.push({ path: [...at, field], message: `"${ref}" is not defined in names` });
    }
    for (const key of Object.keys(holder.values ?? {})) {
        if (!usedValues.has(key)) {
            problems.push({ path: [...at, 'values', key], message: `"${key}" is not used by any expression (DynamoDB rejects unused values)` });
        }
    }
    for (const key of Object.keys(holder.names ?? {})) {
        if (!usedNames.has(key)) {
            problems.push({ path: [...at, 'names', key], message: `"${key}" is not used by any expression (DynamoDB rejects unused names)` });
        }
    }
    return problems;
}
const UPDATE_CLAUSE = /^\s*(SET|REMOVE|ADD|DELETE)\b/i;
export function checkUpdateExpression(expr) {
    return UPDATE_CLAUSE.test(expr) ? undefined : 'expected an update expression starting with SET, REMOVE, ADD or DELETE';
}
const KEY_CONDITION_WORDS = new Set(['and', 'between', 'begins_with']);
/** Attribute names a key condition tests, with `#n` resolved through `names` when possible. */
export function keyConditionAttributes(expr, names) {
    const attrs = [];
    for (const m of expr.matchAll(/(^|[^:#A-Za-z0-9_])(#?[A-Za-z_][A-Za-z0-9_]*)/g)) {
        const token = m[2];
        if (KEY_CONDITION_WORDS.has(token.toLowerCase()))
            continue;
        if (token.startsWith('#')) {
            const resolved = names?.[token];
            if (resolved !== undefined)
                attrs.push(resolved);
        }
        else {
            attrs.push(token);
        }
    }
    return [...new Set(attrs)];
}
/**
 * A key condition must test the partition key of what it queries (table or index), and may
 * test only its key attributes: DynamoDB refuses anything else in KeyConditionExpression.
 */
export function checkKeyCondition(expr, names, target) {
    const attrs = keyConditionAttributes(expr, names);
    const problems = [];
    if (!attrs.includes(target.partitionKey)) {
        problems.push(`must test the partition key "${target.partitionKey}" of ${target.what} with =`);
    }
    for (const attr of attrs) {
        if (attr !== target.partitionKey && attr !== target.sortKey) {
            const keys = target.sortKey === undefined ? target.partitionKey : `${target.partitionKey}, ${target.sortKey}`;
            problems.push(`"${attr}" is not a key attribute of ${target.what} (keys: ${keys}); use filter for other attributes`);
        }
    }
    return problems;
}
//# sourceMappingURL=expressions.js.map