/**
 * The house rules of syndicate's news sitemap: each article once, publication dates with the publisher's
 * offset, and language codes in Google's own form. The sitemaps protocol and Google News' own rules (URL counts,
 * the elements of news:news, language codes) are the standard layer's (standard/sitemap).
 */
import type { SiteConfig } from '../../config.ts';
import { NEWS_NS, SITEMAP_NS, toNewsLanguage } from '../../emit/sitemap.ts';
import type { Finding } from '../rule.ts';
import type { HOUSE_SITEMAP_RULES } from '../rules/house-sitemap.ts';
import { childrenNamed, textOf, type XmlDocument } from '../xml/tree.ts';

type SitemapRule = (typeof HOUSE_SITEMAP_RULES)[number]['id'];

/** W3C Datetime (https://www.w3.org/TR/NOTE-datetime) with a time and its zone designator: the publisher's time, never a bare date. */
const W3C_DATETIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Checks a news sitemap against syndicate's promises (`site` is no longer needed: each story states its own language). */
export function checkSitemapHouse(document: XmlDocument, _site?: SiteConfig): Finding<SitemapRule>[] {
  const found: Finding<SitemapRule>[] = [];
  const root = document.root;
  if (root.name !== 'urlset' || root.uri !== SITEMAP_NS) return found;
  const urls = childrenNamed(root, SITEMAP_NS, 'url');
  const locs = new Map<string, number>();
  for (const loc of urls.flatMap((url) => childrenNamed(url, SITEMAP_NS, 'loc'))) {
    const value = textOf(loc).trim();
    const first = locs.get(value);
    if (first !== undefined) found.push({ rule: 'duplicate-loc', message: `<loc> "${value}" is already listed on line ${first}; list each article once (two articles with the same canonical URL? check their front matter)`, at: loc });
    else locs.set(value, loc.line);
  }
  const news = urls.flatMap((url) => childrenNamed(url, NEWS_NS, 'news'));
  for (const date of news.flatMap((n) => childrenNamed(n, NEWS_NS, 'publication_date'))) {
    const value = textOf(date).trim();
    if (!W3C_DATETIME.test(value)) {
      found.push({ rule: 'date-offset', message: `<news:publication_date> "${value}" is not the publisher's time with its UTC offset; write it like "2024-09-04T21:03:00+08:00"`, at: date });
    }
  }
  // Each story gives its own language (a publication in several languages is one publication per
  // language to Google); that it is the story's is the consistency check's (facts.ts sitemapFacts).
  // Here: the code is in the form syndicate gives it, lowercase, zh-cn/zh-tw for Chinese.
  for (const language of news.flatMap((n) => childrenNamed(n, NEWS_NS, 'publication')).flatMap((p) => childrenNamed(p, NEWS_NS, 'language'))) {
    const value = textOf(language).trim();
    const expected = toNewsLanguage(value);
    if (value !== expected) {
      found.push({ rule: 'publication-language', message: `<news:language> "${value}" is not in the form Google gives it; write "${expected}"`, at: language });
    }
  }
  return found;
}
