/**
 * Characters escaped as \uXXXX although JSON allows them raw: text from a disclosure (a
 * `<script>` in a table cell) stays inert when the JSON is pasted into HTML or a `<script>`
 * block, and U+2028/U+2029 do not end a JavaScript string. The parsed data is unchanged.
 */
const HTML_UNSAFE = /[<>&\u2028\u2029]/g;
const escapeChar = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** The contract's JSON document. Provenance stays in `sources`; `-o -` prints one per line. */
export function documentToJson(doc, pretty = true) {
    // These characters can only occur inside JSON strings, so replacing them everywhere is safe.
    return JSON.stringify(doc, null, pretty ? 2 : undefined).replace(HTML_UNSAFE, escapeChar);
}
