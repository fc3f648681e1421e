import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputFile, OutputFormat } from '../model/output.ts';
import { toInstant, toRfc822Instant } from '../model/time.ts';

/**
 * "One story, one truth": the facts every format states about one article. A field is undefined
 * when the format does not carry it (RSS has no modification date, NewsML-G2 no canonical URL…),
 * and is then not compared.
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
}

/** Reads the facts a file states about each article it carries. */
type FactsReader = (text: string, site: SiteConfig) => ArticleFacts[];

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  n: 'http://iptc.org/std/nar/2006-10-01/',
  s: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
};

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Atom titles are `type="html"`: decode the few entities our escaping produces to get the plain text back. */
function fromHtmlText(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => HTML_ENTITIES[name]!);
}

function withXml<T>(text: string, read: (doc: XmlDocument) => T): T {
  const doc = XmlDocument.fromString(text);
  try {
    return read(doc);
  } finally {
    doc.dispose();
  }
}

function texts(node: XmlDocument | XmlElement, xpath: string): string[] {
  return node.find(xpath, NS).map((n) => n.content.trim());
}

function first(node: XmlDocument | XmlElement, xpath: string): string | undefined {
  return texts(node, xpath)[0];
}

function instant(value: string | undefined): number | undefined {
  return value === undefined ? undefined : toInstant(value);
}

/** Facts as readers gather them, where any field may come out undefined. */
type GatheredFacts = { guid: string } & { [K in Exclude<keyof ArticleFacts, 'guid'>]?: ArticleFacts[K] | undefined };

/** Drops undefined fields so that "not carried" never compares unequal. */
function facts(value: GatheredFacts): ArticleFacts {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as unknown as ArticleFacts;
}

interface JsonNode {
  '@id'?: string;
  '@type'?: string | string[];
  [key: string]: unknown;
}

const readJsonLd: FactsReader = (text) => {
  const parsed = JSON.parse(text) as { '@graph'?: JsonNode[] } & JsonNode;
  const nodes = parsed['@graph'] ?? [parsed];
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id']!, n]));
  const resolve = (ref: unknown): JsonNode | undefined => {
    if (ref === null || typeof ref !== 'object') return undefined;
    const node = ref as JsonNode;
    return node['@id'] !== undefined && byId.has(node['@id']) ? byId.get(node['@id']) : node;
  };
  const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  return nodes
    .filter((n) => asArray(n['@type']).includes('NewsArticle'))
    .map((article) =>
      facts({
        guid: String(article.identifier),
        headline: String(article.headline),
        published: instant(article.datePublished as string | undefined),
        modified: instant(article.dateModified as string | undefined),
        url: article.url as string | undefined,
        authors: asArray(article.author).map((a) => String(resolve(a)?.name)),
        images: asArray(article.image).map((i) => String(resolve(i)?.contentUrl ?? resolve(i)?.url)),
      }),
    );
};

const readRss: FactsReader = (text) =>
  withXml(text, (doc) =>
    (doc.find('/rss/channel/item') as XmlElement[]).map((item) =>
      facts({
        guid: first(item, 'guid') ?? '',
        headline: first(item, 'title'),
        published: toRfc822Instant(first(item, 'pubDate') ?? ''),
        // RSS 2.0 has no update element; we carry it as atom:updated.
        modified: instant(first(item, 'atom:updated')),
        url: first(item, 'link'),
        authors: texts(item, 'dc:creator'),
        images: (item.find('media:content', NS) as XmlElement[]).map((m) => m.attr('url')?.value ?? ''),
      }),
    ),
  );

const readAtom: FactsReader = (text) =>
  withXml(text, (doc) => {
    const feedAuthors = texts(doc, '/atom:feed/atom:author/atom:name');
    return (doc.find('/atom:feed/atom:entry', NS) as XmlElement[]).map((entry) => {
      const authors = texts(entry, 'atom:author/atom:name');
      return facts({
        guid: first(entry, 'atom:id') ?? '',
        headline: fromHtmlText(first(entry, 'atom:title') ?? ''),
        published: instant(first(entry, 'atom:published')),
        modified: instant(first(entry, 'atom:updated')),
        url: (entry.get('atom:link[not(@rel) or @rel="alternate"]', NS) as XmlElement | null)?.attr('href')?.value,
        // RFC 4287 §4.2.1: an entry without author inherits the feed's.
        authors: authors.length > 0 ? authors : feedAuthors,
        images: (entry.find('media:content', NS) as XmlElement[]).map((m) => m.attr('url')?.value ?? ''),
      });
    });
  });

const readNewsml: FactsReader = (text, site) =>
  withXml(text, (doc) =>
    (doc.find('//n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:text"]', NS) as XmlElement[]).map((item) => {
      const pictureGuids = (item.find('n:itemMeta/n:link[@rel="irel:seeAlso"]', NS) as XmlElement[]).map((l) => l.attr('residref')?.value);
      const images = pictureGuids.map((guid) => first(doc, `//n:newsItem[@guid="${guid}"]/n:contentSet/n:remoteContent/@href`) ?? '');
      const creators = texts(item, 'n:contentMeta/n:creator/n:name');
      return facts({
        guid: item.attr('guid')?.value ?? '',
        headline: first(item, 'n:contentMeta/n:headline'),
        published: instant(first(item, 'n:itemMeta/n:firstCreated')),
        modified: instant(first(item, 'n:itemMeta/n:versionCreated')),
        authors: creators.length > 0 ? creators : [site.name],
        images,
      });
    }),
  );

interface JsonFeed {
  items: { id: string; title?: string; url?: string; date_published?: string; date_modified?: string; authors?: { name?: string }[]; image?: string }[];
}

const readJsonFeed: FactsReader = (text) =>
  (JSON.parse(text) as JsonFeed).items.map((item) =>
    facts({
      guid: item.id,
      headline: item.title,
      published: instant(item.date_published),
      modified: instant(item.date_modified),
      url: item.url,
      authors: item.authors?.map((a) => a.name ?? ''),
    }),
  );

interface Ninjs {
  uri: string;
  headlines?: { role?: string; value: string }[];
  firstCreated?: string;
  versionCreated?: string;
  altIds?: { role?: string; value: string }[];
  associations?: { renditions?: { href?: string }[] }[];
}

/** ninjs 3.1 (camelCase names); its one `by` string cannot be split into names reliably, so authors are not compared. */
const readNinjs: FactsReader = (text) => {
  const item = JSON.parse(text) as Ninjs;
  return [
    facts({
      guid: item.uri,
      headline: item.headlines?.find((h) => h.role === 'main')?.value,
      published: instant(item.firstCreated),
      modified: instant(item.versionCreated),
      url: item.altIds?.find((id) => id.role === 'canonical-url')?.value,
      images: (item.associations ?? []).map((a) => a.renditions?.[0]?.href ?? ''),
    }),
  ];
};

const readSitemap: FactsReader = () => [];

/** Fact readers per format; the news sitemap identifies articles only by URL and is left out. */
const readers: Record<OutputFormat, FactsReader> = {
  jsonld: readJsonLd,
  rss: readRss,
  atom: readAtom,
  jsonfeed: readJsonFeed,
  newsml: readNewsml,
  ninjs: readNinjs,
  sitemap: readSitemap,
};

const FIELDS = ['headline', 'published', 'modified', 'url', 'authors', 'images'] as const;

/**
 * Checks that every output states the same facts about each article as its JSON-LD (the reference):
 * headline, publication and modification instants, canonical URL, authors and images. A mismatch is
 * an error naming both files. Files that do not parse are skipped here (their validator reports them).
 */
export function checkConsistency(outputs: readonly OutputFile[], site: SiteConfig): Diagnostic[] {
  const stated = outputs.flatMap((file) => {
    try {
      return readers[file.format](file.text, site).map((f) => ({ file, facts: f }));
    } catch {
      return [];
    }
  });
  const reference = new Map(stated.filter((s) => s.file.format === 'jsonld').map((s) => [s.facts.guid, s]));
  const found: Diagnostic[] = [];
  for (const { file, facts: f } of stated) {
    if (file.format === 'jsonld') continue;
    const ref = reference.get(f.guid);
    const path = `dist/${file.path}`;
    if (ref === undefined) {
      found.push(diagnostic('error', path, 'validate:consistency', 'unknown-article', `carries an article with id "${f.guid}" that no JSON-LD file describes; every format must use the article's guid`));
      continue;
    }
    for (const field of FIELDS) {
      const mine = f[field];
      const theirs = ref.facts[field];
      if (mine === undefined || theirs === undefined) continue;
      if (!sameValue(mine, theirs)) {
        found.push(
          diagnostic(
            'error',
            path,
            'validate:consistency',
            `inconsistent-${field}`,
            `says ${field} ${show(field, mine)} for "${f.guid}", but dist/${ref.file.path} says ${show(field, theirs)}; every format must state the same ${field} (this is a bug in an emitter: please report it)`,
            {},
            ref.file.sources.join(', ') || undefined,
          ),
        );
      }
    }
  }
  return found;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(field: (typeof FIELDS)[number], value: unknown): string {
  if ((field === 'published' || field === 'modified') && typeof value === 'number') return new Date(value).toISOString();
  return JSON.stringify(value);
}
