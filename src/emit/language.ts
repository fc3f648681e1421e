/**
 * A story's language as each output spells it: Open Graph's `language_TERRITORY`, the HTML text
 * direction, Google News' codes. Reads only `Intl.Locale`'s parsing and CLDR's likely-subtags data
 * (`maximize()`), which depend on the tag alone, never on the machine's locale, zone or clock.
 */

/**
 * ISO 15924 codes of the scripts written right to left: the scripts whose letters have Unicode
 * Bidi_Class R or AL (UAX #9; CLDR ScriptMetadata's "RTL" column), variants (Aran, Syre, Syrj, Syrn)
 * included. Node 20's `Intl.Locale` `textInfo` cannot decide this: it answers "ltr" for locales
 * without layout data of their own (`dv`, `ku-Arab`, `az-Arab`), so the script decides.
 */
const RTL_SCRIPTS: ReadonlySet<string> = new Set([
  // In use today: Arabic (and Nastaliq), Hebrew, Syriac (and its variants), Thaana, N'Ko, Adlam,
  // Hanifi Rohingya, Mandaic, Samaritan, Mende Kikakui, Yezidi.
  'Arab', 'Aran', 'Hebr', 'Syrc', 'Syre', 'Syrj', 'Syrn', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend', 'Yezi',
  // Historic scripts encoded right to left.
  'Armi', 'Avst', 'Chrs', 'Cprt', 'Elym', 'Hatr', 'Hung', 'Khar', 'Lydi', 'Mani', 'Merc', 'Mero', 'Narb', 'Nbat', 'Orkh', 'Ougr', 'Palm', 'Phli', 'Phlp', 'Phlv', 'Phnx', 'Prti', 'Sarb', 'Sogd', 'Sogo',
]);

/** The tag as `Intl.Locale` reads it, or undefined for a tag it cannot read (the model only holds readable ones). */
function toLocale(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag);
  } catch {
    return undefined;
  }
}

/**
 * The direction of text in `tag`: `rtl` when its script (given, or CLDR's likely script: `ar` → Arab,
 * `fa` → Arab, `he` → Hebr, `dv` → Thaa) is written right to left, else `ltr`. `az-Arab` is `rtl`
 * although Azerbaijani is usually written in Latin: the script subtag decides.
 */
export function toTextDirection(tag: string): 'ltr' | 'rtl' {
  const script = toLocale(tag)?.maximize().script;
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/**
 * The Open Graph locale of a BCP 47 tag. OGP §"Optional Metadata": `og:locale` is "of the format
 * language_TERRITORY", so `zh-Hans-CN` → `zh_CN`, `pt-BR` → `pt_BR`. The territory is the tag's own
 * region: a tag without one (`en`, `ar`, `zh-Hans`) gives the bare language, as no territory is
 * invented (CLDR's likely region of `ar` is Egypt, which says nothing about a story from Dubai).
 * Script and variant subtags have no place in the format and are dropped.
 */
export function toOgLocale(tag: string): string {
  const locale = toLocale(tag);
  if (locale === undefined) return tag.replace(/-/g, '_');
  return locale.region === undefined ? locale.language : `${locale.language}_${locale.region}`;
}

/**
 * The `<news:language>` code of a BCP 47 tag. Google News wants an ISO 639 code, lowercase, except
 * Chinese, which must be `zh-cn` (Simplified) or `zh-tw` (Traditional). The script decides: the
 * tag's own (`zh-Hant-CN` is Traditional) or CLDR's likely script for it, which gives Traditional for
 * `zh-TW`, `zh-HK` and `zh-MO` and Simplified for `zh-CN`, `zh-SG` and a bare `zh`.
 */
export function toNewsLanguage(tag: string): string {
  const locale = toLocale(tag);
  const primary = locale?.language ?? tag.toLowerCase().split('-')[0] ?? '';
  if (primary !== 'zh') return primary.toLowerCase();
  return locale?.maximize().script === 'Hant' ? 'zh-tw' : 'zh-cn';
}

/**
 * A language's name in that language, as a reader of it looks for it in a list of feeds: `fr` →
 * "français", `ja` → "日本語", `zh-Hans` → "简体中文", `ar` → "العربية" (CLDR's display names, through
 * `Intl.DisplayNames`; the code itself when CLDR has no name for it).
 */
export function toLanguageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The languages of `articles` other than `main`, in code-point order (each once). */
export function toOtherLanguages(articles: readonly { language: string }[], main: string): string[] {
  return [...new Set(articles.map((a) => a.language))].filter((language) => !sameLanguage(language, main)).sort();
}

/** True when two BCP 47 tags are the same (tags compare case-insensitively, RFC 5646 §2.1.1). */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
