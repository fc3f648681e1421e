import type { Article } from '../model/article.ts';

/**
 * The byline as readers write it: "Liu Caiyu", "Liu Caiyu and Zhang Han", "A, B and C" in English, the
 * names separated by commas in other languages; undefined when the story has no byline. Shared by the
 * NewsML-G2 `by` and the ninjs `by`, so both formats state the same line.
 */
export function toByline(article: Article): string | undefined {
  const names = article.authors.map((a) => toLine(a.name));
  const last = names.pop();
  if (last === undefined) return undefined;
  if (names.length === 0) return last;
  return /^en(?:-|$)/.test(article.language) ? `${names.join(', ')} and ${last}` : [...names, last].join(', ');
}

/**
 * Text on one line: runs of whitespace (tabs, line breaks) become one space, ends trimmed. Names, credit
 * lines and sluglines are NewsML-G2 `g2normalizedString` (pattern `[\S ]*`), and a byline is one line too.
 * Whitespace here is XML Schema's (XSD Part 2 §F.1.1: `\s` is space, tab, LF and CR only), not JavaScript's
 * `\s`, which also covers U+FEFF, U+2028/U+2029, U+0085 and the Unicode spaces: those are text the other
 * formats carry as written, and replacing them would make NewsML-G2 state a different name.
 */
export function toLine(text: string): string {
  return text.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}
