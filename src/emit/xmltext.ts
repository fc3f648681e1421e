import { HAS_XML_ILLEGAL, stripXmlIllegal, toCarriedText, toCarriedValue } from '../model/chars.ts';
/**
 * Text handed to xmlbuilder2. Its serialiser leaves any `&` that already looks like an entity
 * (`&amp;`, `&nbsp;`, `&#38;`) unescaped (`nonEntityAmpersandRegex` in xmlbuilder2 4), so the literal
 * text `&nbsp;` would become an undefined entity and `&amp;` would read back as `&`. Escaping every
 * `&` first makes each one look like `&amp;`, which the serialiser then keeps: the document carries
 * exactly the original text. Use it for every non-literal text node and attribute value.
 *
 * Characters XML 1.0 forbids are dropped here ({@link stripXmlIllegal}, the set xmlbuilder2's
 * `invalidCharReplacement: ''` drops), after one cheap test: text the emitters pass has almost always
 * been cleaned already (toOutputText), and xmlbuilder2's own sanitiser rebuilds every string character
 * by character, which was a tenth of the NewsML-G2 emitter's time.
 */
export function toXmlbuilderText(text: string): string {
  return (HAS_XML_ILLEGAL.test(text) ? stripXmlIllegal(text) : text).replace(/&/g, '&amp;');
}

export { stripXmlIllegal } from '../model/chars.ts';

/**
 * Text as every output carries it ({@link toCarriedText}: what XML 1.0 forbids, C1 controls, U+FFFD, noncharacters).
 * One function for every format, so that JSON-LD, ninjs and JSON Feed (where JSON could escape these
 * characters) state exactly what the XML formats can, and the consistency check compares like with like.
 */
export function toOutputText(text: string): string {
  return toCarriedText(text);
}

/**
 * `value` with every string in it passed through {@link toOutputText}. Objects and arrays are copied only
 * where something changed, so an ordinary article comes back as the same object (no copy per emitter).
 */
export const toOutputValue: <T>(value: T) => T = toCarriedValue;
