// The one escaper of the HTML report. Every string that did not come from this module's own
// literals (scenario names and descriptions, operation names, endpoints, error names and messages,
// gate expressions, phase names, the echoed scenario) goes through escapeHtml before it reaches
// the page, in text, in attributes and inside SVG alike. Quotes are escaped too, so the same
// function is safe in a quoted attribute value.
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
export function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
/**
 * Tagged template that escapes every interpolated value except markup it built itself (Raw):
 * sections compose with it, so forgetting to escape is not possible, and a plain string that
 * happens to hold markup shows as text (visible, never executed).
 */
export function html(strings, ...values) {
    let out = strings[0];
    for (let i = 0; i < values.length; i++)
        out += interpolate(values[i]) + strings[i + 1];
    return new Raw(out);
}
/** Markup built by this module (already escaped): `html` inserts it unchanged. */
export class Raw {
    markup;
    constructor(markup) {
        this.markup = markup;
    }
    toString() {
        return this.markup;
    }
}
export function raw(markup) {
    return new Raw(markup);
}
function interpolate(value) {
    if (value instanceof Raw)
        return value.markup;
    if (Array.isArray(value))
        return value.map(interpolate).join('');
    if (value === undefined || value === null || value === false)
        return '';
    return escapeHtml(value);
}
//# sourceMappingURL=escape.js.map