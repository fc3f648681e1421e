/**
 * The house rules of syndicate's RSS and Atom feeds (standards.md "RSS 2.0 and Atom 1.0"): the self link at
 * the URL the file is served at, the feed dated by its newest change, in the publication's language, at most
 * feed.limit items, newest first; every item with a stable id, a link, a readable publication date and text;
 * headlines and descriptions escaped as plain text; absolute http(s) URLs; no script in article HTML.
 * Everything RSS 2.0, RFC 4287 and the W3C Feed Validation Service check is the standard layer's
 * (standard/feeds), whose warnings are errors for syndicate's own feeds (rules/house-feeds.ts).
 *
 * A finding about a value (an element's text or an attribute) is placed at the element's end tag, where the
 * standard layer places its findings about values (the W3C validator reads them there), and one about a
 * missing child at the parent's start tag: so a value the standard layer already refused is not reported a
 * second time (check.ts beyondStandard).
 */
import type { SiteConfig } from '../../config.ts';
import { ATOM_NS, CONTENT_NS, MEDIA_NS, toFeedUrl } from '../../emit/feed.ts';
import { toInstant, toRfc822Instant } from '../../model/time.ts';
import { findContentProblems, isAbsoluteHttpUrl } from '../html/content.ts';
import type { Finding } from '../rule.ts';
import type { HOUSE_FEED_RULES } from '../rules/house-feeds.ts';
import { isTagUri, isUrn } from '../standard/feeds/values/uri.ts';
import { attributeOf, childNamed, childrenNamed, textOf, XML_NS, type XmlDocument, type XmlElement } from '../xml/tree.ts';

type FeedRule = (typeof HOUSE_FEED_RULES)[number]['id'];
type Found = Finding<FeedRule>[];
type Place = { line: number; column: number };

/** An item's dates, for the order and feed-date rules. */
interface ItemDates {
  /** Its position in the feed, from 1. */
  number: number;
  /** Where its publication date is (the item itself when it has none). */
  at: Place;
  /** First publication (RSS pubDate, Atom published), when readable. */
  published?: number | undefined;
  /** Last change (atom:updated, else the publication), when readable. */
  changed?: number | undefined;
}

/** Checks an RSS 2.0 or Atom feed of syndicate's against its promises; without `site` the self link's URL, the language and the limit are not known. */
export function checkFeedHouse(document: XmlDocument, publicPath: string, site: SiteConfig | undefined): Found {
  const root = document.root;
  if (root.name === 'rss' && root.uri === '') {
    const channel = childNamed(root, '', 'channel');
    return channel === undefined ? [] : checkRss(channel, publicPath, site);
  }
  if (root.name === 'feed' && root.uri === ATOM_NS) return checkAtom(root, publicPath, site);
  return [];
}

function checkRss(channel: XmlElement, publicPath: string, site: SiteConfig | undefined): Found {
  const found: Found = [];
  // Some readers take the first atom:link as the feed's URL (standards.md "RSS 2.0 and Atom 1.0" §1).
  const links = childrenNamed(channel, ATOM_NS, 'link');
  const first = links[0];
  if (first !== undefined && attributeOf(first, 'rel') !== 'self' && links.some((l) => attributeOf(l, 'rel') === 'self')) {
    found.push({ rule: 'self-link', message: `the first <atom:link> has rel="${attributeOf(first, 'rel') ?? ''}"; the channel's self link must come first, as some readers take the first as the feed's URL`, at: first });
  }
  found.push(...checkSelf(links, 'application/rss+xml', publicPath, site));
  // RSS 2.0 "language": the channel's language, one of the W3C's or RFC 1766's codes.
  const language = childNamed(channel, '', 'language');
  found.push(...checkLanguage(language === undefined ? undefined : textOf(language).trim(), language === undefined ? channel : valueAt(language), '<language>', publicPath, site));
  const urls = new UrlChecker(found);
  urls.text(childNamed(channel, '', 'link'), 'the channel <link>');
  for (const link of links) urls.attribute(link, 'href', '<atom:link> href');

  const items = childrenNamed(channel, '', 'item');
  const dates = items.map((item, i): ItemDates => {
    const label = `item ${i + 1}`;
    const guid = childNamed(item, '', 'guid');
    if (guid !== undefined) found.push(...checkId(guid, `${label} <guid>`));
    found.push(...checkItemLink(childNamed(item, '', 'link'), item, label, urls));
    const description = childNamed(item, '', 'description');
    const content = childNamed(item, CONTENT_NS, 'encoded');
    // standards.md §12: every item has a description or content (RSS 2.0 needs only a title or a description).
    if (description === undefined && content === undefined) {
      found.push({ rule: 'item-text', message: `${label} has neither <description> nor <content:encoded>; give the article's summary and text`, at: item });
    }
    // feed writes the description as HTML (RSS Profile "description"): the article's plain summary, escaped.
    if (description !== undefined) found.push(...checkPlainText(description, `${label} <description>`));
    for (const html of [description, content]) if (html !== undefined) found.push(...checkUnsafe(html, `${label} <${html.qname}>`));
    for (const category of childrenNamed(item, '', 'category')) urls.attribute(category, 'domain', `${label} <category> domain`);
    for (const enclosure of childrenNamed(item, '', 'enclosure')) urls.attribute(enclosure, 'url', `${label} <enclosure> url`);
    urls.media(item, label);

    const pubDate = childNamed(item, '', 'pubDate');
    let published: number | undefined;
    if (pubDate === undefined) {
      found.push({ rule: 'item-date', message: `${label} has no <pubDate>; give its first publication as RFC 822, e.g. "Wed, 04 Sep 2024 13:03:00 GMT"`, at: item });
    } else {
      const read = readRssDate(pubDate, `${label} <pubDate>`, 'item-date');
      if (read.finding !== undefined) found.push(read.finding);
      published = read.instant;
    }
    // The item's last change: atom:updated when present (syndicate writes it, RFC 4287 §4.2.15), else its pubDate.
    const updated = childNamed(item, ATOM_NS, 'updated');
    return { number: i + 1, at: pubDate === undefined ? item : valueAt(pubDate), published, changed: updated === undefined ? published : toInstant(textOf(updated)) };
  });
  found.push(...checkScope(dates, site, channel));

  // standards.md §2: the feed is dated, by its newest change (RSS 2.0 "lastBuildDate").
  const lastBuild = childNamed(channel, '', 'lastBuildDate');
  if (lastBuild === undefined) {
    found.push({ rule: 'feed-updated', message: `the channel has no <lastBuildDate>; give the newest change among the items, e.g. "${new Date(newestChange(dates) ?? 0).toUTCString()}"`, at: channel });
  } else {
    const read = readRssDate(lastBuild, '<lastBuildDate>', 'feed-updated');
    if (read.finding !== undefined) found.push(read.finding);
    else found.push(...checkDated(lastBuild, read.instant, dates, (at) => new Date(at).toUTCString()));
  }
  return found;
}

function checkAtom(feed: XmlElement, publicPath: string, site: SiteConfig | undefined): Found {
  const links = childrenNamed(feed, ATOM_NS, 'link');
  const found = checkSelf(links, 'application/atom+xml', publicPath, site);
  // RFC 4287 §2 and XML 1.0 §2.12: xml:lang on <feed> gives the language of the whole document.
  found.push(...checkLanguage(attributeOf(feed, 'lang', XML_NS), feed, 'the <feed> xml:lang', publicPath, site));
  const urls = new UrlChecker(found);
  for (const link of links) urls.attribute(link, 'href', `<link rel="${attributeOf(link, 'rel') ?? 'alternate'}"> href`);
  urls.people(feed, 'the feed');

  const entries = childrenNamed(feed, ATOM_NS, 'entry');
  const dates = entries.map((entry, i): ItemDates => {
    const label = `entry ${i + 1}`;
    const id = childNamed(entry, ATOM_NS, 'id');
    if (id !== undefined) found.push(...checkId(id, `${label} <id>`));
    const entryLinks = childrenNamed(entry, ATOM_NS, 'link');
    // RFC 4287 §4.2.7.2: a link without rel is rel="alternate", the article's page.
    const alternate = entryLinks.find((link) => (attributeOf(link, 'rel') ?? 'alternate') === 'alternate');
    if (alternate === undefined) {
      found.push({ rule: 'item-link', message: `${label} has no <link rel="alternate"> to the article's page; readers have nothing to open (its id is not a web address)`, at: entry });
    }
    for (const link of entryLinks) urls.attribute(link, 'href', `${label} <link rel="${attributeOf(link, 'rel') ?? 'alternate'}"> href`);
    urls.people(entry, label);
    for (const category of childrenNamed(entry, ATOM_NS, 'category')) urls.attribute(category, 'scheme', `${label} <category> scheme`);
    urls.media(entry, label);
    // The headline and summary are plain text, so type="text" (RFC 4287 §3.1.1.1; no type means text, §3.1.1).
    for (const name of ['title', 'summary']) {
      const construct = childNamed(entry, ATOM_NS, name);
      if (construct !== undefined) found.push(...checkTextType(construct, `${label} <${name}>`));
    }
    const content = childNamed(entry, ATOM_NS, 'content');
    if (content !== undefined && attributeOf(content, 'type') === 'html') found.push(...checkUnsafe(content, `${label} <content>`));

    const published = childNamed(entry, ATOM_NS, 'published');
    const updated = childNamed(entry, ATOM_NS, 'updated');
    let publishedAt: number | undefined;
    if (published === undefined) {
      found.push({ rule: 'item-date', message: `${label} has no <published>; give its first publication as RFC 3339, e.g. "2024-09-04T13:03:00Z"`, at: entry });
    } else {
      publishedAt = toInstant(textOf(published));
      if (publishedAt === undefined) found.push({ rule: 'item-date', message: `${label} <published> "${textOf(published).trim()}" is not an RFC 3339 date-time with its offset; write e.g. "2024-09-04T13:03:00Z"`, at: valueAt(published) });
    }
    return { number: i + 1, at: published === undefined ? entry : valueAt(published), published: publishedAt, changed: updated === undefined ? publishedAt : toInstant(textOf(updated)) };
  });
  found.push(...checkScope(dates, site, feed));
  // The feed's <updated> is required (RFC 4287 §4.1.1: the standard layer's missing-element when absent).
  const updated = childNamed(feed, ATOM_NS, 'updated');
  if (updated !== undefined) {
    const at = toInstant(textOf(updated));
    if (at === undefined) found.push({ rule: 'feed-updated', message: `the feed <updated> "${textOf(updated).trim()}" is not an RFC 3339 date-time with its offset; give the newest change among the entries`, at: valueAt(updated) });
    else found.push(...checkDated(updated, at, dates, (instant) => new Date(instant).toISOString()));
  }
  return found;
}

/**
 * One self link, at the URL the file is served at, of the feed's type. A missing self link is the standard
 * layer's `missing-self-link` (an error for syndicate's feeds).
 */
function checkSelf(links: readonly XmlElement[], type: string, publicPath: string, site: SiteConfig | undefined): Found {
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

/**
 * The feed names its language (`feed-language`): the publication's (site.json "language"), or for a
 * language's feed (`languages/<tag>/…`, see {@link toFeedLanguageOfPath}) that language. BCP 47 tags
 * compare case-insensitively (RFC 5646 §2.1.1).
 */
function checkLanguage(value: string | undefined, at: Place, what: string, publicPath: string, site: SiteConfig | undefined): Found {
  const ofPath = toFeedLanguageOfPath(publicPath);
  const expected = ofPath ?? site?.language;
  const whose = ofPath === undefined ? "the publication's language" : `the language of the stories of languages/${ofPath}/`;
  if (value === undefined) {
    const example = expected ?? 'en';
    return [{ rule: 'feed-language', message: `the feed does not name its language; give ${what === '<language>' ? `<language>${example}</language>` : `xml:lang="${example}" on <feed>`}, ${whose}`, at }];
  }
  if (expected !== undefined && value.toLowerCase() !== expected.toLowerCase()) {
    const source = ofPath === undefined ? `site.json "language" gives "${expected}"` : `its folder says "${expected}"`;
    return [{ rule: 'feed-language', message: `${what} "${value}" is not ${whose}: ${source}`, at }];
  }
  return [];
}

/** The language a feed at `publicPath` is for: `fr` for `languages/fr/rss.xml`; undefined for the site's and the sections' feeds. */
export function toFeedLanguageOfPath(publicPath: string): string | undefined {
  return /^languages\/([A-Za-z0-9-]+)\/[^/]+$/.exec(publicPath)?.[1];
}

/**
 * `item-id` (standards.md §3, RFC 4287 §4.2.6, RSS 2.0 "guid"): the article's stable id, as the model
 * takes it: a tag: URI (RFC 4151), a urn: (RFC 8141, urn:uuid: with a UUID, RFC 4122 §3) or an http(s) URL,
 * never a headline or a bare slug.
 */
function checkId(element: XmlElement, what: string): Found {
  const value = textOf(element).trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  const ok =
    scheme === 'tag' ? isTagUri(value)
    : scheme === 'urn' ? (/^urn:uuid:/i.test(value) ? /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) : isUrn(value))
    : scheme === 'http' || scheme === 'https' ? isAbsoluteHttpUrl(value)
    : false;
  if (ok) return [];
  return [{ rule: 'item-id', message: `${what} "${value}" is not a stable article id; write the article's guid: a tag: URI such as "tag:example.com,2024:article:slug", a urn:uuid: or an https URL`, at: valueAt(element) }];
}

/** `item-link`: the item links to the article's page (RSS 2.0 "link"); its guid is not a permalink, so readers have nothing else to open. */
function checkItemLink(link: XmlElement | undefined, item: XmlElement, label: string, urls: UrlChecker): Found {
  if (link === undefined) return [{ rule: 'item-link', message: `${label} has no <link> to the article's page; readers have nothing to open (its guid is not a permalink)`, at: item }];
  urls.text(link, `${label} <link>`);
  return [];
}

/**
 * `plain-text` (standards.md §9): a description carried as HTML (the RSS item description) is plain
 * text escaped, so it holds no markup: no `<` that opens a tag,
 * comment or processing instruction (HTML Living Standard §13.2.5.6 "tag open state").
 */
function checkPlainText(element: XmlElement, what: string): Found {
  const markup = /<[A-Za-z/!?][^\s>]*/.exec(textOf(element));
  if (markup === null) return [];
  return [{ rule: 'plain-text', message: `${what} is the article's plain text, but its HTML holds the markup "${markup[0]}"; escape "<" as "&lt;" and "&" as "&amp;" so readers show the text as written`, at: valueAt(element) }];
}

/**
 * `plain-text` (standards.md §9) for an Atom headline or summary: a text construct of type="text". As
 * type="html" (RFC 4287 §3.1.1.2) the same characters are escaped markup, which rss-parser and the
 * Universal Feed Parser hand to readers as it stands (`M&amp;A`, `BST&#39;s`) instead of the headline.
 */
function checkTextType(element: XmlElement, what: string): Found {
  const type = attributeOf(element, 'type') ?? 'text';
  if (type === 'text') return [];
  return [{ rule: 'plain-text', message: `${what} is type="${type}", but the headline and summary are plain text: write them type="text" (RFC 4287 §3.1.1.1), so that every reader shows them as written rather than as escaped markup`, at: valueAt(element) }];
}

/** `unsafe-content` (standards.md §10): article HTML without script-like elements, event handlers or script/data URLs. */
function checkUnsafe(element: XmlElement, what: string): Found {
  return findContentProblems(textOf(element), what)
    .filter((problem) => problem.rule === 'unsafe-content')
    .map((problem) => ({ rule: 'unsafe-content', message: problem.message, at: valueAt(element) }));
}

/**
 * `relative-url` (standards.md §4 and §6; RSS 2.0 "link", "category", "enclosure"; RFC 4287 §4.2.7.1): every
 * URL a feed gives is an absolute http(s) URL, which readers fetch without resolving it against anything.
 */
class UrlChecker {
  constructor(private readonly found: Found) {}

  /** The URL in `element`'s text. */
  text(element: XmlElement | undefined, what: string): void {
    if (element !== undefined) this.check(textOf(element).trim(), what, valueAt(element));
  }

  /** The URL in `element`'s attribute `name`, when present (the standard layer says when one is required). */
  attribute(element: XmlElement, name: string, what: string): void {
    const value = attributeOf(element, name);
    if (value !== undefined) this.check(value.trim(), what, valueAt(element));
  }

  /** The URIs of the authors and contributors of a feed or an entry (RFC 4287 §3.2.2). */
  people(owner: XmlElement, label: string): void {
    for (const person of [...childrenNamed(owner, ATOM_NS, 'author'), ...childrenNamed(owner, ATOM_NS, 'contributor')]) {
      for (const uri of childrenNamed(person, ATOM_NS, 'uri')) this.text(uri, `${label} <${person.name}> <uri>`);
    }
  }

  /** Media RSS `media:content` URLs (https://www.rssboard.org/media-rss#media-content). */
  media(owner: XmlElement, label: string): void {
    for (const content of childrenNamed(owner, MEDIA_NS, 'content')) this.attribute(content, 'url', `${label} <media:content> url`);
  }

  private check(value: string, what: string, at: Place): void {
    if (isAbsoluteHttpUrl(value)) return;
    this.found.push({ rule: 'relative-url', message: `${what} "${value}" is not an absolute http(s) URL; readers cannot resolve it. Write the full address, e.g. "https://example.com/page"`, at });
  }
}

/** RSS dates as standards.md §11 asks: RFC 822 with a zone of GMT or +hhmm (`date-zone`), a real time of day, else `rule`. */
function readRssDate(element: XmlElement, what: string, rule: 'item-date' | 'feed-updated'): { instant: number; finding?: undefined } | { instant?: undefined; finding: Finding<FeedRule> } {
  const value = textOf(element).trim();
  const at = valueAt(element);
  // RFC 822 §5.1 also allows UT, EST… and military letters, which readers misread; numeric offsets are unambiguous.
  if (!/ (?:GMT|[+-]\d{4})$/.test(value)) return { finding: { rule: 'date-zone', message: `${what} "${value}" does not end in GMT or a +hhmm offset; write e.g. "Wed, 04 Sep 2024 13:03:00 GMT"`, at } };
  const time = / (\d{2}):(\d{2})(?::(\d{2}))? /.exec(value);
  const real = time !== null && Number(time[1]) <= 23 && Number(time[2]) <= 59 && Number(time[3] ?? 0) <= 59;
  const instant = real ? toRfc822Instant(value) : undefined;
  if (instant === undefined) return { finding: { rule, message: `${what} "${value}" is not a date readers can read; write RFC 822 with a real time of day, e.g. "Wed, 04 Sep 2024 13:03:00 GMT"`, at } };
  return { instant };
}

/** At most feed.limit items (`feed-limit`), newest first by publication (`item-order`). */
function checkScope(items: readonly ItemDates[], site: SiteConfig | undefined, feed: XmlElement): Found {
  const found: Found = [];
  if (site !== undefined && items.length > site.feed.limit) {
    found.push({ rule: 'feed-limit', message: `the feed has ${items.length} items, more than feed.limit (${site.feed.limit}) in site.json; keep the newest ${site.feed.limit}`, at: feed });
  }
  const dated = items.filter((item): item is ItemDates & { published: number } => item.published !== undefined);
  for (let i = 1; i < dated.length; i++) {
    const [before, item] = [dated[i - 1] as ItemDates & { published: number }, dated[i] as ItemDates & { published: number }];
    if (item.published > before.published) {
      found.push({ rule: 'item-order', message: `item ${item.number} was published after item ${before.number} before it; feeds list the newest first`, at: item.at });
      break;
    }
  }
  return found;
}

/** The newest last change among the items. */
function newestChange(items: readonly ItemDates[]): number | undefined {
  let newest: number | undefined;
  for (const { changed } of items) if (changed !== undefined && (newest === undefined || changed > newest)) newest = changed;
  return newest;
}

/** The feed's own date is its newest item's last change (`feed-updated`). */
function checkDated(element: XmlElement, at: number, items: readonly ItemDates[], show: (at: number) => string): Found {
  const newest = newestChange(items);
  if (newest === undefined || at === newest) return [];
  return [{ rule: 'feed-updated', message: `<${element.qname}> "${textOf(element).trim()}" is not the newest change among the items (${show(newest)}); a feed is dated by its newest item`, at: valueAt(element) }];
}

/** Where a finding about `element`'s text or attributes goes: its end tag, where the standard layer reports values. */
function valueAt(element: XmlElement): Place {
  return { line: element.endLine, column: element.endColumn };
}
