/**
 * The index page, `index.html`: the site feed's articles (the newest `site.feed.limit`, chosen exactly as
 * the site feeds choose them), each with its headline linking to its page, its date and its description.
 */
import type { SiteConfig } from '../config.ts';
import type { Article } from '../model/article.ts';
import type { Emitter } from '../model/output.ts';
import { escapeHtmlAttribute, escapeHtmlText, formatReadableDate, toAlternateLinks, toFeedLinks, toFeedParagraph, toHtmlDocument, toOgLocale } from './htmlpage.ts';
import { toFeedScopes } from './scopes.ts';
import { toOutputValue } from './xmltext.ts';

/** The index page of `articles` (any order: it lists them as the site feed does), ending with "\n". */
export function toIndexHtml(articles: readonly Article[], rawSite: SiteConfig): string {
  const site = toOutputValue(rawSite);
  const listed = (toFeedScopes(articles, site)[0]?.articles ?? []).map(toOutputValue);
  const feeds = toFeedLinks(site);
  const og = (property: string, content: string) => `<meta property="${property}" content="${escapeHtmlAttribute(content)}">`;
  return toHtmlDocument({
    language: site.language,
    title: site.feed.title,
    head: [
      `<link rel="canonical" href="${escapeHtmlAttribute(site.url)}">`,
      `<meta name="description" content="${escapeHtmlAttribute(site.feed.description)}">`,
      // OGP §"Object Types": a home page is `website`.
      og('og:type', 'website'),
      og('og:title', site.feed.title),
      og('og:description', site.feed.description),
      og('og:url', site.url),
      og('og:site_name', site.name),
      og('og:locale', toOgLocale(site.language)),
      ...toAlternateLinks(feeds),
    ],
    body: [
      `<header class="site"><a href="${escapeHtmlAttribute(site.url)}">${escapeHtmlText(site.name)}</a></header>`,
      '<main>',
      `<h1>${escapeHtmlText(site.feed.title)}</h1>`,
      `<p>${escapeHtmlText(site.feed.description)}</p>`,
      ...(listed.length === 0 ? ['<p>No articles yet.</p>'] : ['<ol class="articles">', ...listed.map(toListItem), '</ol>']),
      '</main>',
      '<footer>',
      `<p>${escapeHtmlText(site.copyright.notice)}</p>`,
      ...toFeedParagraph(feeds),
      '</footer>',
    ],
  });
}

/** One article of the list: headline linking to its page (relative: `articles/<id>/`, next to this file), date, description. */
function toListItem(article: Article): string {
  return [
    '<li><article>',
    `<h2><a href="articles/${article.id}/">${escapeHtmlText(article.headline)}</a></h2>`,
    `<p class="meta"><time datetime="${escapeHtmlAttribute(article.datePublished)}">${formatReadableDate(article.datePublished)}</time></p>`,
    `<p>${escapeHtmlText(article.description)}</p>`,
    '</article></li>',
  ].join('\n');
}

/** The index page, at `index.html`. */
export const emitIndexPage: Emitter = (articles, site) => {
  const listed = toFeedScopes(articles, site)[0]?.articles ?? [];
  return [{ path: 'index.html', text: toIndexHtml(articles, site), format: 'index', sources: listed.map((a) => a.source) }];
};
