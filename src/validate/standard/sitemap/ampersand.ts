/**
 * Where a raw `&` is, for the message of a sitemap that is not well-formed. saxes reads everything after
 * a `&` up to the next `;` as an entity name and then reports only "unclosed tag" at the end of the
 * file, while an unescaped `&` in a URL is by far the most common reason a sitemap does not parse
 * (Sitemaps 0.9, "Entity escaping"). The verdict stays the parser's; this only finds the place.
 */

// A reference XML 1.0 §4.1 allows: a named entity or a character reference. Sticky, tried at one `&`.
const REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);/y;
const MARKERS = /<!\[CDATA\[|<!--|&/g;

/** The offset of the first `&` outside CDATA sections and comments that starts no reference, if any. */
export function rawAmpersand(text: string): number | undefined {
  MARKERS.lastIndex = 0;
  for (let match = MARKERS.exec(text); match !== null; match = MARKERS.exec(text)) {
    if (match[0] === '&') {
      REFERENCE.lastIndex = match.index;
      if (!REFERENCE.test(text)) return match.index;
      continue;
    }
    // Skip the section or comment: a `&` inside it is text.
    const end = text.indexOf(match[0] === '<!--' ? '-->' : ']]>', MARKERS.lastIndex);
    if (end === -1) return undefined;
    MARKERS.lastIndex = end + 3;
  }
  return undefined;
}
