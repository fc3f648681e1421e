/**
 * The index page, `index.html`: the site feed's articles (the newest `site.feed.limit`, chosen exactly as
 * the site feeds choose them), each with its headline linking to its page, its date and its description.
 */
import type { SiteConfig } from '../config.ts';
import type { Article } from '../model/article.ts';
import type { Emitter } from '../model/output.ts';
import { escapeHtmlAttribute, escapeHtmlText, formatReadableDate, toAlternateLinks, toFeedLinks, toFeedParagraph, toHtmlDocument, toLanguageAttributes, toOgLocale } from './htmlpage.ts';
import { toTextDirection } from './language.ts';
import { toFeedLanguages, toFeedScopes } from './scopes.ts';
import { toOutputValue } from './xmltext.ts';

/** The index page of `articles` (any order: it lists them as the site feed does), ending with "\n". */
export function toIndexHtml(articles: readonly Article[], rawSite: SiteConfig): string {
  const site = toOutputValue(rawSite);
  const listed = (toFeedScopes(articles, site)[0]?.articles ?? []).map(toOutputValue);
  // The languages with feeds of their own: every language of the stories when there are several.
  const languages = toFeedLanguages(articles, site.language);
  const feeds = toFeedLinks(site, undefined, languages);
  const locale = toOgLocale(site.language);
  const description = site.feed.description;
  const alternates = [...new Set(languages.map(toOgLocale))].filter((other) => other !== locale);
  const og = (property: string, content: string) => `<meta property="${property}" content="${escapeHtmlAttribute(content)}">`;
  return toHtmlDocument({
    language: site.language,
    title: site.feed.title,
    head: [
      `<link rel="canonical" href="${escapeHtmlAttribute(site.url)}">`,
      ...(description === undefined ? [] : [`<meta name="description" content="${escapeHtmlAttribute(description)}">`]),
      // OGP §"Object Types": a home page is `website`.
      og('og:type', 'website'),
      og('og:title', site.feed.title),
      ...(description === undefined ? [] : [og('og:description', description)]),
      og('og:url', site.url),
      og('og:site_name', site.name),
      og('og:locale', locale),
      // OGP §"Optional Metadata": "an array of other locales this page is available in": the home page
      // of a site in several languages lists stories in each.
      ...alternates.map((alternate) => og('og:locale:alternate', alternate)),
      ...toAlternateLinks(feeds),
    ],
    body: [
      `<header class="site"><a href="${escapeHtmlAttribute(site.url)}">${escapeHtmlText(site.name)}</a></header>`,
      '<main>',
      `<h1>${escapeHtmlText(site.feed.title)}</h1>`,
      ...(description === undefined ? [] : [`<p>${escapeHtmlText(description)}</p>`]),
      ...(listed.length === 0 ? ['<p>No articles yet.</p>'] : ['<ol class="articles">', ...listed.map((article) => toListItem(article, site.language)), '</ol>']),
      '</main>',
      '<footer>',
      `<p>${escapeHtmlText(site.copyright.notice)}</p>`,
      ...toFeedParagraph(feeds),
      '</footer>',
    ],
  });
}

/**
 * One article of the list: headline linking to its page (relative: `articles/<id>/`, next to this file),
 * date, description. A story in another language than the page's says so (`lang`, and `dir` when its
 * direction differs), so screen readers speak it in its language (WCAG 2.2 SC 3.1.2 "Language of Parts").
 */
function toListItem(article: Article, pageLanguage: string): string {
  const language = article.language === pageLanguage ? '' : toLanguageAttributes(article.language, toTextDirection(pageLanguage));
  return [
    `<li><article${language}>`,
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
