// Semantic checks run even when parts of the file have shape errors, so that one typo does
// not hide every other problem. They see each object through `lenient`: the fields whose
// values are well formed, the broken ones left out (zod has already reported those).
export function isFields(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** The well-formed fields of `raw` under an object schema, or undefined when raw is not a mapping. */
export function lenient(schema, raw) {
    if (!isFields(raw))
        return undefined;
    const out = {};
    for (const [key, fieldSchema] of Object.entries(schema.shape)) {
        if (!Object.hasOwn(raw, key))
            continue;
        const parsed = fieldSchema.safeParse(raw[key]);
        if (parsed.success)
            out[key] = parsed.data;
    }
    return out;
}
/** Elements of a list, each seen through `lenient`; empty when raw is not a list. */
export function lenientList(schema, raw) {
    if (!Array.isArray(raw))
        return [];
    return raw.map((r) => ({ raw: isFields(r) ? r : {}, value: lenient(schema, r) ?? {} }));
}
//# sourceMappingURL=lenient.js.map