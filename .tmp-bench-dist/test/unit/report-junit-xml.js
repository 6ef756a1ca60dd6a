const NAME = /^[A-Za-z_][\w.-]*$/;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function decode(raw, where) {
    if (BAD_CHAR.test(raw))
        throw new Error(`character not allowed in XML in ${where}`);
    return raw.replace(/&([^;]*);?/g, (whole, ref) => {
        if (!whole.endsWith(';'))
            throw new Error(`bare & in ${where}`);
        if (ref in ENTITIES)
            return ENTITIES[ref];
        const m = /^#(\d+)$|^#x([0-9a-fA-F]+)$/.exec(ref);
        if (!m)
            throw new Error(`unknown entity &${ref}; in ${where}`);
        return String.fromCodePoint(m[1] !== undefined ? Number(m[1]) : parseInt(m[2], 16));
    });
}
export function parseXml(xml) {
    let rest = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
    const stack = [];
    let root;
    while (rest.length > 0) {
        const lt = rest.indexOf('<');
        const chunk = lt === -1 ? rest : rest.slice(0, lt);
        if (chunk.includes('>'))
            throw new Error(`unescaped > in text: ${chunk}`);
        const textValue = decode(chunk, 'text');
        if (stack.length === 0 && textValue.trim() !== '')
            throw new Error(`text outside the root: ${chunk}`);
        if (stack.length > 0)
            stack.at(-1).text += textValue;
        if (lt === -1)
            break;
        rest = rest.slice(lt);
        const close = /^<\/([^\s>]+)\s*>/.exec(rest);
        if (close) {
            const open = stack.pop();
            if (!open || open.name !== close[1])
                throw new Error(`</${close[1]}> closes <${open?.name ?? 'nothing'}>`);
            rest = rest.slice(close[0].length);
            continue;
        }
        const tag = /^<([^\s/>]+)((?:\s+[^\s=/>]+="[^"<]*")*)\s*(\/?)>/.exec(rest);
        if (!tag)
            throw new Error(`malformed tag at: ${rest.slice(0, 60)}`);
        if (!NAME.test(tag[1]))
            throw new Error(`bad element name ${tag[1]}`);
        const el = { name: tag[1], attrs: {}, children: [], text: '' };
        for (const a of tag[2].matchAll(/([^\s=]+)="([^"]*)"/g)) {
            if (!NAME.test(a[1]))
                throw new Error(`bad attribute name ${a[1]}`);
            if (a[1] in el.attrs)
                throw new Error(`duplicate attribute ${a[1]}`);
            el.attrs[a[1]] = decode(a[2], `attribute ${a[1]}`);
        }
        if (stack.length > 0)
            stack.at(-1).children.push(el);
        else if (root)
            throw new Error('a second root element');
        else
            root = el;
        if (tag[3] !== '/')
            stack.push(el);
        rest = rest.slice(tag[0].length);
    }
    if (stack.length > 0)
        throw new Error(`unclosed <${stack.at(-1).name}>`);
    if (!root)
        throw new Error('no root element');
    return root;
}
//# sourceMappingURL=report-junit-xml.js.map