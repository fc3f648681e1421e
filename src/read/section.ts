/**
 * Wire copy's upper-case section line (`WORLD / UK`, `SCI-TECH`, `HONG KONG`) as section names. Upper
 * case says nothing about how a name is spelt, so a documented rule decides (docs/bylines-and-sections.md);
 * what it cannot know (`NATO`, `BRICS`) a site label (`sections` in site.json) says.
 */

/**
 * Short words that are function words, not acronyms: lower case inside a name ("Asia and Pacific",
 * "Belt and Road"), capitalised first or last ("Of"). Every other word of one or two letters is taken
 * for an acronym and stays upper case (UK, US, EU, AI, UN, IT).
 */
const FUNCTION_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'if', 'in', 'into', 'nor', 'of', 'on', 'or', 'per', 'the', 'to', 'up', 'via', 'vs']);

/**
 * One level of an upper-case section line as a name: `SOCIETY` → `Society`, `SCI-TECH` → `Sci-Tech`,
 * `HONG KONG` → `Hong Kong`, `UK` → `UK`, `G20` → `G20`, `ASIA & PACIFIC` → `Asia & Pacific`,
 * `BELT AND ROAD` → `Belt and Road`. Words are separated by spaces; each hyphen part is cased alone.
 */
export function toSectionName(level: string): string {
  const words = level.split(' ');
  return words.map((word, i) => word.split('-').map((part) => toCasedPart(part, i === 0 || i === words.length - 1)).join('-')).join(' ');
}

function toCasedPart(part: string, edge: boolean): string {
  const lower = part.toLowerCase();
  // A digit makes a code, written as it is (G20, COP28, 5G).
  if (/\p{N}/u.test(part)) return part;
  if (FUNCTION_WORDS.has(lower)) return edge ? capitalise(lower) : lower;
  // One or two letters (U.S. counts two): an acronym.
  if ([...part.replace(/[^\p{L}]/gu, '')].length <= 2) return part;
  return capitalise(lower);
}

/** The first letter upper case: `society` → `Society`, `women's` → `Women's`. */
function capitalise(word: string): string {
  return word.replace(/\p{Ll}/u, (c) => c.toUpperCase());
}
