/**
 * Which articles each feed lists: the site and section feeds' newest items and the news sitemap's
 * window. Kept apart from the emitters (and their XML libraries) because an incremental build decides
 * from article summaries alone whether any feed changed.
 */
import type { SiteConfig } from '../config.ts';
import { sortArticles, type Article } from '../model/article.ts';
import { toSectionPaths } from '../model/identity.ts';

/** What one feed carries: the whole site, one section path, or the stories in one language. */
export interface FeedScope<T extends FeedEntry = Article> {
  /** `''` for the site-wide feed and a language feed, else the slugged section path (`china/society`). */
  path: string;
  /** For a language feed only: the BCP 47 language of all its stories (and of the feed). */
  language?: string;
  /** The section names of the path as the newest article spells them, outermost first; empty for the site feed. */
  names: string[];
  /** The feed's items: newest first, ties broken by id, at most `site.feed.limit`. */
  articles: T[];
}

/** What choosing a feed's items depends on: an article, or a summary of one (the incremental build selects from summaries). */
export type FeedEntry = Pick<Article, 'id' | 'datePublished' | 'sections' | 'language'>;

/**
 * The site feed followed by one feed per section path prefix of any article, sorted by path
 * (`china`, `china/society`, …), then, when the site publishes in more than one language, one feed
 * per language of its stories ({@link toFeedLanguages}). The `china` feed holds every article whose
 * first section is China; the `fr` feed every article in French.
 */
export function toFeedScopes<T extends FeedEntry>(articles: readonly T[], site: Pick<SiteConfig, 'feed' | 'language'>): FeedScope<T>[] {
  const sorted = sortArticles(articles);
  const limit = site.feed.limit;
  const sections = new Map<string, FeedScope<T>>();
  for (const article of sorted) {
    toSectionPaths(article.sections).forEach((path, depth) => {
      let scope = sections.get(path);
      if (scope === undefined) {
        scope = { path, names: article.sections.slice(0, depth + 1), articles: [] };
        sections.set(path, scope);
      }
      if (scope.articles.length < limit) scope.articles.push(article);
    });
  }
  const byPath = [...sections.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byLanguage = toFeedLanguages(sorted, site.language).map((language): FeedScope<T> => ({
    path: '',
    names: [],
    language,
    articles: sorted.filter((article) => article.language === language).slice(0, limit),
  }));
  return [{ path: '', names: [], articles: sorted.slice(0, limit) }, ...byPath, ...byLanguage];
}

/**
 * The languages that get feeds of their own (`languages/<tag>/`): every language of `articles`, in
 * code-point order, when any of them is not the site's (`siteLanguage`); none for a site in one
 * language, whose site feeds already are its language's. Depends only on which languages the
 * articles have, so the newest article of each (which an incremental build always loads) decides it.
 */
export function toFeedLanguages(articles: readonly Pick<Article, 'language'>[], siteLanguage: string): string[] {
  const languages = [...new Set(articles.map((article) => article.language))].sort();
  return languages.some((language) => language !== siteLanguage) ? languages : [];
}

/** Google: "only include URLs for articles published in the last two days". */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
/** Google: at most 1,000 `<news:news>` entries per news sitemap. */
export const NEWS_MAX_URLS = 1000;

/**
 * Articles published in the closed window [now − 48 h, now], newest first, capped at 1,000. Google
 * asks for articles "published in the last two days"; an article exactly 48 h old is still within
 * two days, so the window is closed at both ends (listing an article Google thinks slightly too old
 * costs nothing: it ignores it, while leaving one out could lose it). Articles dated after `now`
 * (scheduled, or a clock running behind) are left out: they are not published yet.
 */
export function toRecentArticles<T extends Pick<Article, 'id' | 'datePublished'>>(articles: readonly T[], now: number): T[] {
  const recent = articles.filter((article) => {
    const published = Date.parse(article.datePublished);
    return published <= now && published >= now - NEWS_WINDOW_MS;
  });
  return sortArticles(recent).slice(0, NEWS_MAX_URLS);
}
