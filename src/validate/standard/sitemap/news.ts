/**
 * Google News' `<news:news>`: `<news:publication>` with `<news:name>` and `<news:language>`,
 * `<news:publication_date>` and `<news:title>`, each once and not empty. The tags Google retired
 * (access, genres, keywords, stock_tickers, geo_locations) are ignored by Google and tolerated here.
 */
import type { Finding } from '../../rule.ts';
import type { SitemapRuleId } from '../../rules/sitemap.ts';
import { childElements, textOf, type XmlElement } from '../../xml/tree.ts';
import { isW3cDatetime, w3cDatetimeHint } from './datetime.ts';
import { newsLanguageProblem } from './language.ts';
import { at, describe } from './text.ts';

/** The Google News sitemap namespace. */
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

const RETIRED = new Set(['access', 'genres', 'keywords', 'stock_tickers', 'geo_locations']);

/** Checks one `<news:news>`. */
export function checkNews(news: XmlElement, findings: Finding<SitemapRuleId>[]): void {
  const found = children(news, ['publication', 'publication_date', 'title'], findings);
  const publication = found.get('publication');
  if (publication === undefined) missing(news, '<news:publication> (with <news:name> and <news:language>)', findings);
  else {
    const parts = children(publication, ['name', 'language'], findings);
    const name = parts.get('name');
    if (name === undefined || textOf(name).trim() === '') missing(name ?? publication, '<news:name>, the publication’s name as it appears on news.google.com', findings);
    const language = parts.get('language');
    const code = language === undefined ? '' : textOf(language).trim();
    if (language === undefined || code === '') missing(language ?? publication, '<news:language>, an ISO 639 code such as "en"', findings);
    else {
      const problem = newsLanguageProblem(code);
      if (problem !== undefined) findings.push({ rule: 'news-language', message: `<news:language> "${describe(code)}" is not a Google News language code: ${problem}`, at: at(language) });
    }
  }
  const date = found.get('publication_date');
  const dateText = date === undefined ? '' : textOf(date).trim();
  if (date === undefined || dateText === '') missing(date ?? news, '<news:publication_date>, when the article was first published', findings);
  else if (!isW3cDatetime(dateText)) {
    findings.push({ rule: 'news-publication-date', message: `<news:publication_date> "${describe(dateText)}" is not a W3C Datetime: ${w3cDatetimeHint(dateText)}, e.g. "2024-09-04T21:03:00+08:00"`, at: at(date) });
  }
  const title = found.get('title');
  if (title === undefined || textOf(title).trim() === '') missing(title ?? news, '<news:title>, the article’s headline', findings);
}

/** The Google News children of `parent` among `names`, reporting the others and repeats. */
function children(parent: XmlElement, names: readonly string[], findings: Finding<SitemapRuleId>[]): Map<string, XmlElement> {
  const found = new Map<string, XmlElement>();
  for (const child of childElements(parent)) {
    if (child.uri !== NEWS_NS) continue;
    if (parent.name === 'news' && RETIRED.has(child.name)) continue;
    if (!names.includes(child.name)) {
      findings.push({ rule: 'unexpected-element', message: `<${child.qname}> is not allowed in <${parent.qname}>, which holds ${names.map((n) => `<news:${n}>`).join(', ')}; move or remove it`, at: at(child) });
    } else if (found.has(child.name)) {
      findings.push({ rule: 'unexpected-element', message: `<${child.qname}> appears twice in this <${parent.qname}>; keep one`, at: at(child) });
    } else found.set(child.name, child);
  }
  return found;
}

function missing(where: XmlElement, what: string, findings: Finding<SitemapRuleId>[]): void {
  const empty = where.name !== 'news' && where.name !== 'publication';
  findings.push({ rule: 'news-missing-element', message: empty ? `<${where.qname}> is empty; give ${what}` : `<${where.qname}> has no ${what}; Google News requires it`, at: at(where) });
}
