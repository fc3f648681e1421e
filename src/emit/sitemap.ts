import { create } from 'xmlbuilder2';
import type { SiteConfig } from '../config.ts';
import type { Article } from '../model/article.ts';
import type { EmitContext, Emitter } from '../model/output.ts';
import { toNewsLanguage } from './language.ts';
import { toOutputValue, toXmlbuilderText } from './xmltext.ts';

/** The Sitemaps 0.9 namespace (https://www.sitemaps.org/protocol.html). */
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** The Google News sitemap extension namespace (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
export { NEWS_MAX_URLS, NEWS_WINDOW_MS, toRecentArticles } from './scopes.ts';
import { toRecentArticles } from './scopes.ts';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Google News sitemap at `news-sitemap.xml`: the articles published in the two days up to the build
 * time `context.now`, newest first (ties by id), at most 1,000. Reads no clock: with no recent article
 * it writes an empty `<urlset>`, which is what the sample (an old article) legitimately gets.
 */
export const emitNewsSitemap: Emitter = (articles, site, context) => {
  const recent = toRecentArticles(articles, toBuildTime(context));
  return [{ path: 'news-sitemap.xml', format: 'sitemap', text: toNewsSitemap(recent, site), sources: recent.map((a) => a.source) }];
};

/** The build time in epoch milliseconds; a missing or unreadable `now` is a programmer error (the build always passes it). */
function toBuildTime(context: EmitContext | undefined): number {
  if (context === undefined) throw new TypeError('emitNewsSitemap: context.now (the build time) is required; the build always passes it');
  const now = Date.parse(context.now);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(context.now) || Number.isNaN(now)) {
    throw new TypeError(`emitNewsSitemap: context.now "${context.now}" is not an RFC 3339 date-time with offset`);
  }
  return now;
}

/** The `<news:language>` code of a story's language (in language.ts, with the other per-language spellings). */
export { toNewsLanguage } from './language.ts';

function toNewsSitemap(raw: readonly Article[], site: SiteConfig): string {
  // The text every format carries (toOutputText), as in the feeds.
  const articles = raw.map(toOutputValue);
  site = toOutputValue(site);
  // XML 1.0 forbids C0 controls, U+FFFE/U+FFFF and lone surrogates; xmlbuilder2 drops them from every string.
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  // Declared on the root even when no <url> uses it, so an empty sitemap has the same shape as a full one.
  const urlset = doc.ele(SITEMAP_NS, 'urlset').att(XMLNS_NS, 'xmlns:news', NEWS_NS);
  for (const article of articles) {
    const url = urlset.ele(SITEMAP_NS, 'url');
    url.ele(SITEMAP_NS, 'loc').txt(toXmlbuilderText(article.url));
    const news = url.ele(NEWS_NS, 'news:news');
    const publication = news.ele(NEWS_NS, 'news:publication');
    // Google matches the name and language against the publication it knows (Publisher Center); a
    // publication in several languages is one publication per language, so each story gives its own.
    publication.ele(NEWS_NS, 'news:name').txt(toXmlbuilderText(site.name));
    publication.ele(NEWS_NS, 'news:language').txt(toXmlbuilderText(toNewsLanguage(article.language)));
    // W3C Datetime (https://www.w3.org/TR/NOTE-datetime) with the publisher's offset, as the article has it.
    news.ele(NEWS_NS, 'news:publication_date').txt(toXmlbuilderText(article.datePublished));
    news.ele(NEWS_NS, 'news:title').txt(toXmlbuilderText(article.headline));
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}
