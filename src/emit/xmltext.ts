/**
 * Text handed to xmlbuilder2. Its serialiser leaves any `&` that already looks like an entity
 * (`&amp;`, `&nbsp;`, `&#38;`) unescaped (`nonEntityAmpersandRegex` in xmlbuilder2 4), so the literal
 * text `&nbsp;` would become an undefined entity and `&amp;` would read back as `&`. Escaping every
 * `&` first makes each one look like `&amp;`, which the serialiser then keeps: the document carries
 * exactly the original text. Use it for every non-literal text node and attribute value.
 */
export function toXmlbuilderText(text: string): string {
  return text.replace(/&/g, '&amp;');
}

/** Removes characters XML 1.0 forbids (§2.2 Char): C0 controls but tab/LF/CR, U+FFFE, U+FFFF, lone surrogates. */
export function stripXmlIllegal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/**
 * Characters no output carries, beyond {@link stripXmlIllegal}: DEL and the C1 controls (U+007F–U+009F,
 * mis-decoded Windows-1252 that the W3C feed validator reports as BadCharacters and html5lib as parse
 * errors), U+FFFD (the mark of an earlier decoding loss, also BadCharacters), and the Unicode
 * noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF of every plane), which HTML parsers reject.
 */
const UNCARRIED = /[\u007F-\u009F\uFFFD\uFDD0-\uFDEF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** Quick test for anything {@link toOutputText} would remove, so clean text is passed on untouched. */
const NEEDS_CLEANING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFD-\uFFFF]/;

/**
 * Text as every output carries it: {@link stripXmlIllegal}, and also the characters in {@link UNCARRIED}.
 * One function for every format, so that JSON-LD, ninjs and JSON Feed (where JSON could escape these
 * characters) state exactly what the XML formats can, and the consistency check compares like with like.
 */
export function toOutputText(text: string): string {
  return NEEDS_CLEANING.test(text) ? stripXmlIllegal(text).replace(UNCARRIED, '') : text;
}

/**
 * `value` with every string in it passed through {@link toOutputText}. Objects and arrays are copied only
 * where something changed, so an ordinary article comes back as the same object (no copy per emitter).
 */
export function toOutputValue<T>(value: T): T {
  if (typeof value === 'string') return toOutputText(value) as T;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => toOutputValue(item));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, toOutputValue(item)] as const);
    return (entries.some(([key, item]) => item !== (value as Record<string, unknown>)[key]) ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}
