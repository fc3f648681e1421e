/**
 * The house rules of syndicate's RSS and Atom feeds: the self link at the URL the file is served at, the
 * feed dated by its newest change, at most feed.limit items, newest first. Everything RSS 2.0, RFC 4287 and
 * the W3C Feed Validation Service check is the standard layer's (standard/feeds), whose warnings are errors
 * for syndicate's own feeds (rules/house-feeds.ts).
 */
import type { SiteConfig } from '../../config.ts';
import { ATOM_NS, toFeedUrl } from '../../emit/feed.ts';
import { toInstant, toRfc822Instant } from '../../model/time.ts';
import type { Finding } from '../rule.ts';
import type { HOUSE_FEED_RULES } from '../rules/house-feeds.ts';
import { attributeOf, childNamed, childrenNamed, textOf, type XmlDocument, type XmlElement } from '../xml/tree.ts';

type FeedRule = (typeof HOUSE_FEED_RULES)[number]['id'];

/** Checks an RSS 2.0 or Atom feed of syndicate's against its promises; without `site` the self link's URL and the limit are not known. */
export function checkFeedHouse(document: XmlDocument, publicPath: string, site: SiteConfig | undefined): Finding<FeedRule>[] {
  const root = document.root;
  if (root.name === 'rss' && root.uri === '') {
    const channel = childNamed(root, '', 'channel');
    return channel === undefined ? [] : checkRss(channel, publicPath, site);
  }
  if (root.name === 'feed' && root.uri === ATOM_NS) return checkAtom(root, publicPath, site);
  return [];
}

function checkRss(channel: XmlElement, publicPath: string, site: SiteConfig | undefined): Finding<FeedRule>[] {
  const found: Finding<FeedRule>[] = [];
  // Some readers take the first atom:link as the feed's URL (standards.md "RSS 2.0 and Atom 1.0" §1).
  const links = childrenNamed(channel, ATOM_NS, 'link');
  const first = links[0];
  if (first !== undefined && attributeOf(first, 'rel') !== 'self' && links.some((l) => attributeOf(l, 'rel') === 'self')) {
    found.push({ rule: 'self-link', message: `the first <atom:link> has rel="${attributeOf(first, 'rel') ?? ''}"; the channel's self link must come first, as some readers take the first as the feed's URL`, at: first });
  }
  found.push(...checkSelf(links, 'application/rss+xml', publicPath, site, channel));
  const items = childrenNamed(channel, '', 'item');
  const changes: { element: XmlElement; published?: number | undefined; changed?: number | undefined }[] = items.map((item) => {
    const published = childNamed(item, '', 'pubDate');
    // The item's last change: atom:updated when present (syndicate writes it), else its pubDate.
    const updated = childNamed(item, ATOM_NS, 'updated');
    const publishedAt = published === undefined ? undefined : toRfc822Instant(textOf(published).trim());
    return { element: published ?? item, published: publishedAt, changed: updated === undefined ? publishedAt : toInstant(textOf(updated)) };
  });
  found.push(...checkScope(changes, site, channel));
  const lastBuild = childNamed(channel, '', 'lastBuildDate');
  found.push(...checkDated(lastBuild, lastBuild === undefined ? undefined : toRfc822Instant(textOf(lastBuild).trim()), changes, (at) => new Date(at).toUTCString()));
  return found;
}

function checkAtom(feed: XmlElement, publicPath: string, site: SiteConfig | undefined): Finding<FeedRule>[] {
  const found = checkSelf(childrenNamed(feed, ATOM_NS, 'link'), 'application/atom+xml', publicPath, site, feed);
  const entries = childrenNamed(feed, ATOM_NS, 'entry');
  const changes = entries.map((entry) => {
    const published = childNamed(entry, ATOM_NS, 'published');
    const updated = childNamed(entry, ATOM_NS, 'updated');
    const publishedAt = published === undefined ? undefined : toInstant(textOf(published));
    return { element: published ?? entry, published: publishedAt, changed: updated === undefined ? publishedAt : toInstant(textOf(updated)) };
  });
  found.push(...checkScope(changes, site, feed));
  const updated = childNamed(feed, ATOM_NS, 'updated');
  found.push(...checkDated(updated, updated === undefined ? undefined : toInstant(textOf(updated)), changes, (at) => new Date(at).toISOString()));
  return found;
}

/**
 * One self link, at the URL the file is served at, of the feed's type. A missing self link is the standard
 * layer's `missing-self-link` (an error for syndicate's feeds).
 */
function checkSelf(links: readonly XmlElement[], type: string, publicPath: string, site: SiteConfig | undefined, _owner: XmlElement): Finding<FeedRule>[] {
  const selves = links.filter((link) => attributeOf(link, 'rel') === 'self');
  const self = selves[0];
  if (self === undefined) return [];
  if (selves[1] !== undefined) return [{ rule: 'self-link', message: `the feed has ${selves.length} self links; keep exactly one`, at: selves[1] }];
  const href = attributeOf(self, 'href') ?? '';
  const expected = site === undefined ? undefined : toFeedUrl(site, publicPath);
  if (expected !== undefined && href !== expected) {
    return [{ rule: 'self-link', message: `the self link points to "${href}"; set it to this file's public URL "${expected}" (site.json feed.baseUrl + its path)`, at: self }];
  }
  const given = attributeOf(self, 'type');
  if (given !== undefined && given !== type) return [{ rule: 'self-link', message: `the self link has type="${given}"; this feed's is type="${type}"`, at: self }];
  return [];
}

/** At most feed.limit items (`feed-limit`), newest first by publication (`item-order`). */
function checkScope(items: readonly { element: XmlElement; published?: number | undefined }[], site: SiteConfig | undefined, feed: XmlElement): Finding<FeedRule>[] {
  const found: Finding<FeedRule>[] = [];
  if (site !== undefined && items.length > site.feed.limit) {
    found.push({ rule: 'feed-limit', message: `the feed has ${items.length} items, more than feed.limit (${site.feed.limit}) in site.json; keep the newest ${site.feed.limit}`, at: feed });
  }
  const dated = items.filter((item): item is { element: XmlElement; published: number } => item.published !== undefined);
  for (let i = 1; i < dated.length; i++) {
    if ((dated[i] as { published: number }).published > (dated[i - 1] as { published: number }).published) {
      found.push({ rule: 'item-order', message: `item ${i + 1} was published after the item before it; feeds list the newest first`, at: (dated[i] as { element: XmlElement }).element });
      break;
    }
  }
  return found;
}

/** The feed's own date is its newest item's last change (`feed-updated`). */
function checkDated(element: XmlElement | undefined, at: number | undefined, items: readonly { changed?: number | undefined }[], show: (at: number) => string): Finding<FeedRule>[] {
  let newest: number | undefined;
  for (const { changed } of items) if (changed !== undefined && (newest === undefined || changed > newest)) newest = changed;
  if (element === undefined || at === undefined || newest === undefined || at === newest) return [];
  return [{ rule: 'feed-updated', message: `<${element.qname}> "${textOf(element).trim()}" is not the newest change among the items (${show(newest)}); a feed is dated by its newest item`, at: element }];
}
