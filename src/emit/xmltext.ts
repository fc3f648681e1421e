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
