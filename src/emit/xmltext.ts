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
