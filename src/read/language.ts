import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { ArticleSchema } from '../model/article.ts';

/**
 * The story's language: front matter `language`, canonicalised by `Intl.getCanonicalLocales` (RFC 5646
 * §4.5 case and UTS #35 aliases: `EN-gb` → `en-GB`, `iw` → `he`, `zh-hans` → `zh-Hans`), else the site's.
 * Undefined, with an `invalid-language` error at the key, when it is not a tag a text can be in: not
 * well-formed, `und` (undetermined), or carrying extension or private-use subtags (`en-u-ca-gregory`),
 * which say how to format dates, not what language the text is in, and which feeds and sitemaps refuse.
 */
export function toArticleLanguage(written: string | undefined, siteLanguage: string, line: number | undefined, file: string, source: string, diagnostics: Diagnostic[]): string | undefined {
  if (written === undefined) return siteLanguage;
  const refuse = (why: string, fix: string) => {
    diagnostics.push(diagnostic('error', file, source, 'invalid-language', `front matter \`language: ${written}\` ${why}; ${fix}, or remove the key to use the site's language (${siteLanguage})`, { line: line ?? 1, column: 1 }));
    return undefined;
  };
  const canonical = toCanonicalTag(written.trim());
  if (canonical === undefined) {
    const hyphenated = toCanonicalTag(written.trim().replace(/_/g, '-'));
    return refuse('is not a BCP 47 language tag', hyphenated === undefined ? 'write a language code with an optional script and region, separated by hyphens, e.g. `language: fr`, `language: zh-Hans` or `language: pt-BR`' : `write \`language: ${hyphenated}\` (hyphens, not underscores)`);
  }
  const base = new Intl.Locale(canonical).baseName;
  if (base !== canonical) return refuse(`has extension or private-use subtags, which do not name a language`, `write \`language: ${base}\``);
  if (/^und(?:-|$)/.test(canonical)) return refuse('says the language is undetermined', 'name the language of the text, e.g. `language: fr`');
  if (!ArticleSchema.shape.language.safeParse(canonical).success) return refuse('is not a language code the outputs can carry (a 2- or 3-letter ISO 639 code is needed)', 'write e.g. `language: fr`');
  return canonical;
}

/** The canonical form of a BCP 47 tag, or undefined when `Intl` cannot read it as one. */
function toCanonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
