/** Which articles the feeds are built from; light (no emitters), so a no-op rebuild can decide without loading them. */
import type { SiteConfig } from '../config.ts';
import { toFeedScopes, toRecentArticles, type FeedEntry } from '../emit/scopes.ts';
import { sortArticles } from '../model/article.ts';

/**
 * The articles any feed or the news sitemap lists, newest first: the newest `feed.limit` of the site,
 * of every section path and of every language with a feed, and those of the sitemap's window before
 * `now`. Feeds built from just these are the feeds built from the whole archive (they hold the newest
 * story of each language, so the same languages get feeds), so an incremental build loads only these in full.
 */
export function selectFeedArticles<T extends FeedEntry>(entries: readonly T[], site: Pick<SiteConfig, 'feed' | 'language'>, now: string): T[] {
  const chosen = new Set<T>();
  for (const scope of toFeedScopes(entries, site)) for (const entry of scope.articles) chosen.add(entry);
  for (const entry of toRecentArticles(entries, Date.parse(now))) chosen.add(entry);
  return sortArticles([...chosen]);
}
