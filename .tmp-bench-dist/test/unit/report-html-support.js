// Helpers for the HTML report tests: slicing a section out of a page, and finding anything in
// a page that would make a browser fetch a resource.
import assert from 'node:assert/strict';
/** The markup of `<section id="id">` (to its closing tag). */
export function section(page, id) {
    const start = page.indexOf(`<section id="${id}"`);
    assert.ok(start >= 0, `section ${id} is missing`);
    return page.slice(start, page.indexOf('</section>', start));
}
/**
 * Every way the page could make the browser fetch something: resource attributes in its tags
 * (escaped text is not a tag, so a URL shown as text does not count), url() or @import in its
 * CSS, and elements that load by nature.
 */
export function externalReferences(page) {
    const found = [];
    for (const tag of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
        for (const m of tag[0].matchAll(/\s(src|href|xlink:href|action|poster|data|srcset|background)\s*=\s*["']?([^"'\s>]*)/gi)) {
            if (!m[2].startsWith('#'))
                found.push(m[0].trim());
        }
        if (/^<(link|img|iframe|object|embed|video|audio|source)\b/i.test(tag[0]))
            found.push(tag[0]);
        if (/\bstyle\s*=\s*["'][^"']*url\s*\(/i.test(tag[0]))
            found.push(tag[0]);
    }
    for (const css of page.matchAll(/<style>([^]*?)<\/style>/g)) {
        for (const m of css[1].matchAll(/url\s*\(|@import/gi))
            found.push(m[0]);
    }
    return found;
}
//# sourceMappingURL=report-html-support.js.map