/**
 * Characters no output can carry, shared by the readers (which remove them with a warning) and the
 * emitters (which remove whatever reaches them another way, so every format states the same text).
 */

/** Quick test for anything {@link stripXmlIllegal} would remove (it may also match a valid surrogate pair). */
export const HAS_XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

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
export const UNCARRIED = /[\u007F-\u009F\uFFFD\uFDD0-\uFDEF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** Quick test for anything {@link toCarriedText} would remove, so clean text is passed on untouched. */
export const NEEDS_CLEANING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFD-\uFFFF]/;

/** The text without any character an output cannot carry. */
export function toCarriedText(text: string): string {
  if (text.length < LONG_TEXT) return NEEDS_CLEANING.test(text) ? stripXmlIllegal(text).replace(UNCARRIED, '') : text;
  if (LONG_CLEAN_TEXTS.has(text)) return text;
  if (NEEDS_CLEANING.test(text)) return stripXmlIllegal(text).replace(UNCARRIED, '');
  if (LONG_CLEAN_TEXTS.size >= 256) LONG_CLEAN_TEXTS.clear();
  LONG_CLEAN_TEXTS.add(text);
  return text;
}

/**
 * Long texts found clean, so that the next emitters of the same article (each cleans what it is given:
 * five per article) look them up instead of scanning them again: the same string is found by its cached
 * hash and by identity. A string never changes, so an answer kept here cannot go stale.
 */
const LONG_CLEAN_TEXTS = new Set<string>();
const LONG_TEXT = 256;

/** `U+0007` notation for a character, for messages. */
export function toCodePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `value` with every string in it passed through {@link toCarriedText}. Objects and arrays are copied
 * only where something changed, so clean input comes back as the same object.
 */
export function toCarriedValue<T>(value: T): T {
  if (typeof value === 'string') return toCarriedText(value) as T;
  // Every emitter runs this on the article and the site, which are almost always clean: walk them without
  // allocating, and copy (as `map` and `Object.fromEntries` would) only from the first item that changes.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue;
      const item: unknown = value[i];
      const carried = toCarriedValue(item);
      if (carried !== item) return value.map((other: unknown, j) => (j < i ? other : j === i ? carried : toCarriedValue(other))) as T;
    }
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let k = 0; k < keys.length; k++) {
      const item = record[keys[k]!];
      const carried = toCarriedValue(item);
      if (carried !== item) return Object.fromEntries(keys.map((key, j) => [key, j < k ? record[key] : j === k ? carried : toCarriedValue(record[key])])) as T;
    }
    return value;
  }
  return value;
}
