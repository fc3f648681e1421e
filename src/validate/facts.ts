/**
 * "One story, one truth": what each output states about each article, read by its validator from the
 * document it has already parsed and returned with its findings, for the consistency check.
 */
import type { SiteConfig } from '../config.ts';
import { toInstant, toRfc822Instant } from '../model/time.ts';
import { attributeOf, childNamed, childrenNamed, descendants, textOf, XML_NS, type XmlDocument, type XmlElement } from './xml/tree.ts';

/**
 * The facts every format states about one article. A field is undefined when the format does not
 * carry it (RSS has no modification date, NewsML-G2 no canonical URL…), and is then not compared.
 */
export interface ArticleFacts {
  /** The guid / id / uri the format identifies the article by. */
  guid: string;
  headline?: string;
  /** Instants in epoch milliseconds, so `+08:00` and `Z` spellings of one time compare equal. */
  published?: number;
  modified?: number;
  url?: string;
  /** Author names in order; the publisher's name when the story has no byline. */
  authors?: string[];
  /** URLs of the photos, in order. */
  images?: string[];
  /**
   * The story's language as the format spells it: a BCP 47 tag, or in the news sitemap Google's code
   * (`en`, `zh-cn`); compared with the JSON-LD `inLanguage` in that spelling. RSS states none (its one
   * `<language>` is the channel's).
   */
  language?: string;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const DC = 'http://purl.org/dc/elements/1.1/';
const MEDIA = 'http://search.yahoo.com/mrss/';
const NEWSML = 'http://iptc.org/std/nar/2006-10-01/';

/** Facts as readers gather them, where any field may come out undefined. */
export type GatheredFacts = { guid: string } & { [K in Exclude<keyof ArticleFacts, 'guid'>]?: ArticleFacts[K] | undefined };

/** Drops undefined fields so that "not carried" never compares unequal. */
export function toFacts(value: GatheredFacts): ArticleFacts {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as unknown as ArticleFacts;
}

/** Runs a reader on a shape it may not follow (another producer's file): what it cannot read states nothing. */
function safely(read: () => ArticleFacts[]): ArticleFacts[] {
  try {
    return read();
  } catch {
    return [];
  }
}

function instant(value: string | undefined): number | undefined {
  return value === undefined ? undefined : toInstant(value);
}

function trimmed(elements: readonly XmlElement[]): string[] {
  return elements.map((e) => textOf(e).trim());
}

interface JsonNode {
  '@id'?: string;
  '@type'?: string | string[];
  [key: string]: unknown;
}

/** The facts a JSON-LD value states about each NewsArticle in it. */
export function jsonLdFactsOf(value: unknown): ArticleFacts[] {
  return safely(() => {
    const parsed = value as { '@graph'?: JsonNode[] } & JsonNode;
    const nodes = parsed['@graph'] ?? [parsed];
    const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id']!, n]));
    const resolve = (ref: unknown): JsonNode | undefined => {
      if (ref === null || typeof ref !== 'object') return undefined;
      const node = ref as JsonNode;
      return node['@id'] !== undefined && byId.has(node['@id']) ? byId.get(node['@id']) : node;
    };
    const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    return nodes
      .filter((n) => asArray(n['@type']).includes('NewsArticle'))
      .map((article) =>
        toFacts({
          guid: String(article['identifier']),
          // Trimmed like the XML formats' text: edge whitespace is insignificant to their readers, so comparing
          // it on one side only would report a difference no consumer sees.
          headline: String(article['headline']).trim(),
          published: instant(article['datePublished'] as string | undefined),
          modified: instant(article['dateModified'] as string | undefined),
          url: article['url'] as string | undefined,
          authors: asArray(article['author']).map((a) => String(resolve(a)?.['name']).trim()),
          images: asArray(article['image']).map((i) => String(resolve(i)?.['contentUrl'] ?? resolve(i)?.['url'])),
          language: typeof article['inLanguage'] === 'string' ? article['inLanguage'] : undefined,
        }),
      );
  });
}

interface JsonFeed {
  items: { id: string; title?: string; url?: string; date_published?: string; date_modified?: string; authors?: { name?: string }[]; language?: unknown }[];
}

/** The facts of a JSON Feed's items. */
export function jsonFeedFacts(value: unknown): ArticleFacts[] {
  return safely(() =>
    (value as JsonFeed).items.map((item) =>
      toFacts({
        guid: item.id,
        headline: item.title?.trim(),
        published: instant(item.date_published),
        modified: instant(item.date_modified),
        url: item.url,
        authors: item.authors?.map((a) => (a.name ?? '').trim()),
        language: typeof item.language === 'string' ? item.language : undefined,
      }),
    ),
  );
}

interface Ninjs {
  uri: string;
  headlines?: { role?: string; value: string }[];
  firstCreated?: string;
  versionCreated?: string;
  altIds?: { role?: string; value: string }[];
  associations?: { renditions?: { href?: string }[] }[];
  language?: unknown;
}

/** ninjs 3.1 (camelCase names); its one `by` string cannot be split into names reliably, so authors are not compared. */
export function ninjsFacts(value: unknown): ArticleFacts[] {
  return safely(() => {
    const item = value as Ninjs;
    return [
      toFacts({
        guid: item.uri,
        headline: item.headlines?.find((h) => h.role === 'main')?.value.trim(),
        published: instant(item.firstCreated),
        modified: instant(item.versionCreated),
        url: item.altIds?.find((id) => id.role === 'canonical-url')?.value,
        images: (item.associations ?? []).map((a) => a.renditions?.[0]?.href ?? ''),
        language: typeof item.language === 'string' ? item.language : undefined,
      }),
    ];
  });
}

/** The items of `/rss/channel/item`, in document order. */
export function rssFacts(document: XmlDocument): ArticleFacts[] {
  const root = document.root;
  if (root.name !== 'rss' || root.uri !== '') return [];
  return safely(() =>
    childrenNamed(root, '', 'channel')
      .flatMap((channel) => childrenNamed(channel, '', 'item'))
      .map((item) => {
        const text = (name: string, uri = '') => {
          const element = childNamed(item, uri, name);
          return element === undefined ? undefined : textOf(element).trim();
        };
        return toFacts({
          guid: text('guid') ?? '',
          headline: text('title'),
          published: toRfc822Instant(text('pubDate') ?? ''),
          // RSS 2.0 has no update element; syndicate carries it as atom:updated.
          modified: instant(text('updated', ATOM)),
          url: text('link'),
          authors: trimmed(childrenNamed(item, DC, 'creator')),
          images: childrenNamed(item, MEDIA, 'content').map((m) => attributeOf(m, 'url') ?? ''),
        });
      }),
  );
}

/** An Atom title of `type="html"` (as syndicate wrote them before issue 14): decode the few entities that escaping produced to get the plain text back. */
function fromHtmlText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]!);
}

/** The entries of an Atom feed. */
export function atomFacts(document: XmlDocument): ArticleFacts[] {
  const feed = document.root;
  if (feed.name !== 'feed' || feed.uri !== ATOM) return [];
  const names = (owner: XmlElement) => trimmed(childrenNamed(owner, ATOM, 'author').flatMap((a) => childrenNamed(a, ATOM, 'name')));
  const feedAuthors = names(feed);
  const feedLanguage = attributeOf(feed, 'lang', XML_NS);
  return safely(() =>
    childrenNamed(feed, ATOM, 'entry').map((entry) => {
      const authors = names(entry);
      const text = (name: string) => {
        const element = childNamed(entry, ATOM, name);
        return element === undefined ? undefined : textOf(element).trim();
      };
      const title = childNamed(entry, ATOM, 'title');
      const isHtmlTitle = title !== undefined && attributeOf(title, 'type') === 'html';
      // The first link without rel or with rel="alternate" (RFC 4287 §4.2.7.2: no rel means alternate).
      const alternate = childrenNamed(entry, ATOM, 'link').find((link) => {
        const rel = attributeOf(link, 'rel');
        return rel === undefined || rel === 'alternate';
      });
      return toFacts({
        guid: text('id') ?? '',
        // RFC 4287 §3.1.1: no type is type="text", the text as it stands.
        headline: isHtmlTitle ? fromHtmlText(text('title') ?? '') : (text('title') ?? ''),
        published: instant(text('published')),
        modified: instant(text('updated')),
        url: alternate === undefined ? undefined : attributeOf(alternate, 'href'),
        // RFC 4287 §4.2.1: an entry without author inherits the feed's.
        authors: authors.length > 0 ? authors : feedAuthors,
        images: childrenNamed(entry, MEDIA, 'content').map((m) => attributeOf(m, 'url') ?? ''),
        // XML 1.0 §2.12: an entry without xml:lang is in the feed's language.
        language: attributeOf(entry, 'lang', XML_NS) ?? feedLanguage,
      });
    }),
  );
}

/** The text items of a NewsML-G2 document (`itemClass ninat:text`), each with its pictures' files. */
export function newsmlFacts(document: XmlDocument, site: SiteConfig): ArticleFacts[] {
  return safely(() => {
    const newsItems = [document.root, ...descendants(document.root)].filter((e) => e.uri === NEWSML && e.name === 'newsItem');
    const itemClass = (item: XmlElement) => {
      const meta = childNamed(item, NEWSML, 'itemMeta');
      const cls = meta === undefined ? undefined : childNamed(meta, NEWSML, 'itemClass');
      return cls === undefined ? undefined : attributeOf(cls, 'qcode');
    };
    const along = (element: XmlElement, ...path: string[]): XmlElement | undefined => {
      let current: XmlElement | undefined = element;
      for (const step of path) current = current === undefined ? undefined : childNamed(current, NEWSML, step);
      return current;
    };
    return newsItems
      .filter((item) => itemClass(item) === 'ninat:text')
      .map((item) => {
        const meta = childNamed(item, NEWSML, 'itemMeta');
        const pictureGuids = (meta === undefined ? [] : childrenNamed(meta, NEWSML, 'link')).filter((l) => attributeOf(l, 'rel') === 'irel:seeAlso').map((l) => attributeOf(l, 'residref'));
        const images = pictureGuids.map((guid) => {
          const picture = newsItems.find((n) => attributeOf(n, 'guid') === guid);
          const contentSet = picture === undefined ? undefined : childNamed(picture, NEWSML, 'contentSet');
          const remote = contentSet === undefined ? [] : childrenNamed(contentSet, NEWSML, 'remoteContent');
          const href = remote.map((r) => attributeOf(r, 'href')).find((h) => h !== undefined);
          return href?.trim() ?? '';
        });
        const contentMeta = childNamed(item, NEWSML, 'contentMeta');
        const creators = trimmed((contentMeta === undefined ? [] : childrenNamed(contentMeta, NEWSML, 'creator')).flatMap((c) => childrenNamed(c, NEWSML, 'name')));
        const text = (element: XmlElement | undefined) => (element === undefined ? undefined : textOf(element).trim());
        return toFacts({
          guid: attributeOf(item, 'guid') ?? '',
          headline: text(along(item, 'contentMeta', 'headline')),
          published: instant(text(along(item, 'itemMeta', 'firstCreated'))),
          modified: instant(text(along(item, 'itemMeta', 'versionCreated'))),
          authors: creators.length > 0 ? creators : [site.name],
          images,
          language: attributeOf(item, 'lang', XML_NS),
        });
      });
  });
}

const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * The stories of a news sitemap, which names them by URL only: each fact has an empty `guid` and is
 * matched to its JSON-LD by `url`. The language is Google's code (`zh-cn`), not a BCP 47 tag.
 */
export function sitemapFacts(document: XmlDocument): ArticleFacts[] {
  const root = document.root;
  if (root.name !== 'urlset' || root.uri !== SITEMAP) return [];
  return safely(() =>
    childrenNamed(root, SITEMAP, 'url').flatMap((url) => {
      const loc = childNamed(url, SITEMAP, 'loc');
      const news = childNamed(url, NEWS, 'news');
      if (loc === undefined || news === undefined) return [];
      const text = (element: XmlElement | undefined) => (element === undefined ? undefined : textOf(element).trim());
      const publication = childNamed(news, NEWS, 'publication');
      return [
        toFacts({
          guid: '',
          url: text(loc),
          headline: text(childNamed(news, NEWS, 'title')),
          published: instant(text(childNamed(news, NEWS, 'publication_date'))),
          language: text(publication === undefined ? undefined : childNamed(publication, NEWS, 'language')),
        }),
      ];
    }),
  );
}
