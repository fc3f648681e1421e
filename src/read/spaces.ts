/**
 * White space that is the layout of a source, not its text (docs/text.md). Inside a line, only ASCII
 * spaces and tabs are layout: a run of them is one space. Every other space inside a line is a
 * character the editor chose and is kept as written: U+00A0 and U+202F no-break spaces (French before
 * `:` and inside « »), U+3000 ideographic space, the U+2000–U+200A spaces, U+205F.
 *
 * At the ends of a line or value, white space of any kind (JavaScript's `\s`, what `trim()` removes) is
 * layout: a no-break space binds two characters and at an end there is no second one, an ideographic
 * indent is presentation, and markdown-it and feed readers (rss-parser, @rowanmanning/feed-parser) drop
 * it there too, so keeping it would make the formats disagree. A line holding only white space is blank.
 */

/** A line break with the white space around it: the end of one line and the start of the next. */
const LINE_BREAK = /\s*(?:\r\n|\r|\n)\s*/g;
/** A run of ASCII spaces and tabs that is more than one space, or a tab. */
const LAYOUT_RUN = /[ \t]{2,}|\t/g;

/**
 * Text that is one line to the reader (a headline, a paragraph of wire copy, a correction): each line
 * break with the white space around it is one space, a run of ASCII spaces and tabs is one space, and
 * the ends are trimmed. No-break, ideographic and other Unicode spaces inside the text stay.
 */
export function toOneLine(text: string): string {
  return text.replace(LINE_BREAK, ' ').replace(LAYOUT_RUN, ' ').trim();
}

/** True for a line of nothing but white space of any kind (JavaScript's `\s`: Unicode spaces, U+FEFF, U+2028/U+2029 too): a blank line. */
export function isBlankLine(line: string): boolean {
  return /^\s*$/.test(line);
}

/**
 * A label or a value with a syntax rather than text (a section name, a wire date): white space of any
 * kind, a no-break space included, is one space and the ends are trimmed, so that "HONG\u00A0KONG" is
 * the section "Hong Kong" of the other stories and "Sep\u00A004, 2024" a date.
 */
export function toOneSpaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
