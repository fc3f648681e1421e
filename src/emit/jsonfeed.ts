import { Feed, type Author, type Item } from 'feed';
import type { SiteConfig } from '../config.ts';
import { lastModified, type Article, type Person } from '../model/article.ts';
import type { Emitter } from '../model/output.ts';
import { toDate } from './dates.ts';
import { articleCleaner, toFeedLanguage, toFeedScopes, toFeedTitle, type FeedScope } from './feed.ts';
import { toArticleHtml, toLinkedImages } from './html.ts';
import { toOutputValue } from './xmltext.ts';

/** The `version` of a JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** A JSON Feed 1.1 author object: the fields we write (spec: "author", at least one field). */
export interface JsonFeedAuthor {
  /** The author's name. */
  name: string;
  /** The author's page, when known. */
  url?: string;
}

/** A JSON Feed 1.1 item as we write it, keys in output order. */
export interface JsonFeedItem {
  /** The article guid: unique and stable for the item over time (spec: "id"). */
  id: string;
  /** Canonical URL of the article. */
  url: string;
  /** Headline, plain text. */
  title: string;
  /** Figures for photos with a URL, then the body paragraphs. */
  content_html: string;
  /** Plain-text summary (the article description). */
  summary: string;
  /** The first photo that has a URL. */
  image?: string;
  /** First publication, RFC 3339 with the publisher's offset. */
  date_published: string;
  /** Last change (`dateModified`, else `datePublished`), RFC 3339 with the publisher's offset. */
  date_modified: string;
  /** Bylines, or the publisher when there are none. */
  authors: JsonFeedAuthor[];
  /** Section names, outermost first; absent when the article has none. */
  tags?: string[];
  /** BCP 47 language of the article. */
  language: string;
}

/** A JSON Feed 1.1 document as we write it, keys in output order. */
export interface JsonFeed {
  /** Always {@link JSON_FEED_VERSION}. */
  version: typeof JSON_FEED_VERSION;
  /** Feed title from `site.feed.title` (with the language's name for a language's feed). */
  title: string;
  /** The publication's home page. */
  home_page_url: string;
  /** Public URL of this document (`site.feed.baseUrl` + `feed.json`, or + `languages/<tag>/feed.json`). */
  feed_url: string;
  /** Feed description from `site.feed.description`. */
  description: string;
  /** BCP 47 language of the publication, or of the feed's stories for a language's feed. */
  language: string;
  /** The publisher. */
  authors: JsonFeedAuthor[];
  /** Newest first, ties by id, at most `site.feed.limit`. */
  items: JsonFeedItem[];
}

/** The part of feed 6's `json1()` output (JSON Feed version 1) the upgrade reads. */
interface JsonFeedV1 {
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  items: { id: string; url: string; title: string; content_html: string; summary?: string; image?: string; tags?: string[] }[];
}

/** Where a JSON Feed is under `dist/`: `feed.json`, or `languages/<tag>/feed.json` for a language's. */
export function toJsonFeedPath(language?: string): string {
  return language === undefined ? 'feed.json' : `languages/${language}/feed.json`;
}

/** The public URL of `feed.json`, or of a language's JSON Feed (its `feed_url`). */
export function toJsonFeedUrl(site: SiteConfig, language?: string): string {
  return `${site.feed.baseUrl}${toJsonFeedPath(language)}`;
}

/**
 * JSON Feed 1.1 of the newest `site.feed.limit` articles at `feed.json`, and, for a site in several
 * languages, of each language's at `languages/<tag>/feed.json` (the scopes of {@link toFeedScopes}
 * without the sections, which have RSS and Atom only). feed 6 writes version 1 (singular `author`,
 * UTC dates); its output is parsed and upgraded as an object, never as a string.
 */
export const emitJsonFeed: Emitter = (articles, rawSite) => {
  // The text every format carries (toOutputText): JSON could escape controls, the XML feeds cannot hold them.
  const clean = articleCleaner();
  const site = toOutputValue(rawSite);
  return toFeedScopes(articles, rawSite)
    .filter((scope) => scope.path === '')
    .map((scope) => {
      const selected = scope.articles.map(clean);
      const v1 = JSON.parse(toFeedV1(selected, site, scope).json1()) as JsonFeedV1;
      // JSON Feed is served as application/feed+json and read by JSON parsers, never pasted into an HTML
      // <script> like JSON-LD, so `<`, `>`, `&`, U+2028/9 need no escaping (JSON, RFC 8259 §7, allows them raw):
      // plain JSON.stringify keeps content_html readable. JSON.stringify itself escapes C0 controls and lone
      // surrogates (ES2019 well-formed stringify), so the document is valid UTF-8 JSON whatever the text.
      const text = `${JSON.stringify(toJsonFeed(v1, selected, site, toFeedLanguage(site, scope)), null, 2)}\n`;
      return { path: toJsonFeedPath(scope.language), format: 'jsonfeed' as const, text, sources: selected.map((a) => a.source) };
    });
};

/** The feed 6 object whose `json1()` gives the version 1 document: plain text everywhere (JSON has no markup). */
function toFeedV1(articles: readonly Article[], site: SiteConfig, scope: Pick<FeedScope, 'names' | 'language'>): Feed {
  const feed = new Feed({
    id: site.url,
    link: site.url,
    title: toFeedTitle(site, scope),
    ...(site.feed.description !== undefined ? { description: site.feed.description } : {}),
    feedLinks: { json: toJsonFeedUrl(site, scope.language) },
    author: { name: site.name, link: site.url },
    // json1() does not write it, but feed would otherwise stamp the clock on the object.
    updated: toDate(articles[0] === undefined ? '1970-01-01T00:00:00Z' : lastModified(articles[0])),
    generator: false,
  });
  for (const article of articles) feed.addItem(toFeedItem(article, site));
  return feed;
}

function toFeedItem(article: Article, site: SiteConfig): Item {
  const image = toLinkedImages(article)[0];
  return {
    id: article.guid,
    link: article.url,
    title: article.headline,
    description: article.description,
    // The same article HTML as RSS/Atom, but without img width/height, which feed.json has never carried.
    content: toArticleHtml(article, { imageSize: false }),
    date: toDate(lastModified(article)),
    published: toDate(article.datePublished),
    category: article.sections.map((name) => ({ name })),
    author: toAuthors(article, site).map((a): Author => (a.url === undefined ? { name: a.name } : { name: a.name, link: a.url })),
    ...(image === undefined ? {} : { image: image.url }),
  };
}

/**
 * Version 1 → 1.1 (https://www.jsonfeed.org/version/1.1/, "Changes in version 1.1"): the new
 * `version`, `authors` arrays instead of the deprecated `author` (which held only the first byline),
 * `language` on the feed and each item. feed 6 writes dates with `toISOString()` (UTC, milliseconds);
 * they are replaced by the article's own RFC 3339 times, which keep the publisher's offset. Keys are
 * written in one fixed order so the same input always gives the same bytes.
 */
function toJsonFeed(v1: JsonFeedV1, articles: readonly Article[], site: SiteConfig, language: string): JsonFeed {
  if (v1.items.length !== articles.length) throw new Error(`jsonfeed: feed wrote ${v1.items.length} items for ${articles.length} articles`);
  return {
    version: JSON_FEED_VERSION,
    title: v1.title,
    home_page_url: v1.home_page_url,
    feed_url: v1.feed_url,
    description: v1.description,
    language,
    authors: [toPublisher(site)],
    items: v1.items.map((item, index) => {
      const article = articles[index]!;
      if (item.id !== article.guid) throw new Error(`jsonfeed: item ${index + 1} is "${item.id}", expected "${article.guid}"`);
      return {
        id: item.id,
        url: item.url,
        title: item.title,
        content_html: item.content_html,
        summary: item.summary ?? article.description,
        ...(item.image === undefined ? {} : { image: item.image }),
        date_published: article.datePublished,
        date_modified: lastModified(article),
        authors: toAuthors(article, site),
        ...(item.tags === undefined || item.tags.length === 0 ? {} : { tags: item.tags }),
        language: article.language,
      };
    }),
  };
}

/** Bylines with their URL when known; the publisher when the story has none. */
function toAuthors(article: Article, site: SiteConfig): JsonFeedAuthor[] {
  return article.authors.length === 0 ? [toPublisher(site)] : article.authors.map(toAuthor);
}

function toAuthor(person: Person): JsonFeedAuthor {
  return person.url === undefined ? { name: person.name } : { name: person.name, url: person.url };
}

function toPublisher(site: SiteConfig): JsonFeedAuthor {
  return { name: site.name, url: site.url };
}
