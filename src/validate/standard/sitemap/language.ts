/**
 * Google News' `<news:language>`: "an ISO 639 language code (two or three letters)", except Chinese,
 * which is `zh-cn` (Simplified) or `zh-tw` (Traditional). Two-letter codes (ISO 639-1, a closed list)
 * are checked against the runtime's own language data (ICU, through Intl.DisplayNames); three-letter
 * codes (ISO 639-2/3, thousands) by form only, since the runtime knows only a part of them.
 */

let names: Intl.DisplayNames | null | undefined;

/** Why `code` is not a Google News language, or undefined when it is one. */
export function newsLanguageProblem(code: string): string | undefined {
  const lower = code.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-tw') return undefined;
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'Chinese is "zh-cn" (Simplified) or "zh-tw" (Traditional)';
  if (/^[a-z]{2,3}[-_]/.test(lower)) return `Google wants the ISO 639 code alone ("${lower.slice(0, lower.search(/[-_]/))}"), without a region or script`;
  if (!/^[a-z]{2,3}$/.test(lower)) return 'it must be an ISO 639 code of two or three letters, such as "en" or "fil"';
  if (lower.length === 2 && !knownLanguage(lower)) return 'no ISO 639-1 language has this code';
  return undefined;
}

function knownLanguage(code: string): boolean {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    } catch {
      // A runtime without ICU language data: the form check is all there is.
      names = null;
    }
  }
  if (names === null) return true;
  try {
    return names.of(code) !== undefined;
  } catch {
    return false;
  }
}
