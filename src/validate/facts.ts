import type { SiteConfig } from '../config.ts';
import type { OutputFile, OutputFormat } from '../model/output.ts';
import { toInstant, toRfc822Instant } from '../model/time.ts';
import { attributeOf, childElements, elementsNamed, hasToken, isInside, isJsonLdScript, metaProperties, parseHtml, textOf, type ParsedHtml } from './htmldoc.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { parseXml, validateXml, type XmlSchema } from './xml.ts';
import { descendantsNamed, toTree, type XElement, type XTree } from './xmltree.ts';

/*
 * "One story, one truth": what each output states about each article, read for the consistency
 * check. The validators read the facts from the document they have already parsed and hand them
 * over through {@link rememberFacts}, so that a file is parsed once per build; {@link readFacts}
 * parses the file itself when they have not (a file checked for consistency only).
 */

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
}

const ATOM = 'http://www.w3.org/2005/Atom';
const DC = 'http://purl.org/dc/elements/1.1/';
const MEDIA = 'http://search.yahoo.com/mrss/';
const NEWSML = 'http://iptc.org/std/nar/2006-10-01/';

// Facts handed over by the validators, by file object; kept only while the file and its text are
// the same objects, and for the same site (NewsML-G2 falls back to the site's name).
const remembered = new WeakMap<OutputFile, { text: string; site: SiteConfig; facts: ArticleFacts[] }>();

/** Records the facts a validator read from `file` (an empty list when the file does not parse). */
export function rememberFacts(file: OutputFile, site: SiteConfig, facts: ArticleFacts[]): void {
  remembered.set(file, { text: file.text, site, facts });
}

/**
 * The facts `file` states about each article it carries: those its validator remembered, else read
 * from its text. A file that does not parse, or whose shape the reader cannot follow, states none
 * (its validator reports why).
 */
export function readFacts(file: OutputFile, site: SiteConfig): ArticleFacts[] {
  const known = remembered.get(file);
  if (known !== undefined && known.text === file.text && known.site === site) return known.facts;
  try {
    return textReaders[file.format](file.text, site);
  } catch {
    return [];
  }
}

/**
 * {@link validateXml} for a format that states facts about articles: they are read from the tree the
 * validator parsed and remembered for the consistency check (none when the file does not parse).
 */
export function validateStatingXml(
  file: OutputFile,
  site: SiteConfig,
  format: 'rss' | 'atom' | 'newsml',
  schema: XmlSchema,
  source: string,
  inspect: (tree: XTree) => Diagnostic[],
): Diagnostic[] {
  return validateXml(
    file,
    schema,
    source,
    (tree) => {
      rememberFacts(file, site, factsFromTree(format, tree, site));
      return inspect(tree);
    },
    () => rememberFacts(file, site, []),
  );
}

/** Facts from a parsed XML feed or NewsML-G2 document; an empty list when the reader cannot follow it. */
export function factsFromTree(format: 'rss' | 'atom' | 'newsml', tree: XTree, site: SiteConfig): ArticleFacts[] {
  try {
    return format === 'rss' ? rssFacts(tree) : format === 'atom' ? atomFacts(tree) : newsmlFacts(tree, site);
  } catch {
    return [];
  }
}

/** Facts from a parsed JSON output; an empty list when the reader cannot follow its shape. */
export function factsFromJson(format: 'jsonld' | 'jsonfeed' | 'ninjs', value: unknown): ArticleFacts[] {
  try {
    return format === 'jsonld' ? jsonLdFacts(value) : format === 'jsonfeed' ? jsonFeedFacts(value) : ninjsFacts(value);
  } catch {
    return [];
  }
}

/**
 * Facts from a parsed head snippet or article page; the index page states none. The article is identified
 * by the `identifier` of the JSON-LD embedded in it (HTML has no guid of its own); without readable JSON-LD
 * nothing is stated (the validator reports why). A head snippet states its Open Graph (`og:title`,
 * `og:url`, `article:published_time`/`modified_time`, `og:image`) and `<meta name="author">`; a page
 * states those and, separately, what readers see (`<h1>`, `<time class="published|updated">`, the
 * byline's `.author`s, the photos' `<figure class="photo"><img>`, the canonical link). The embedded
 * JSON-LD's own facts are stated too, so a snippet whose graph drifted from `article.jsonld` is caught.
 */
export function factsFromHtml(format: 'head' | 'page' | 'index', parsed: ParsedHtml): ArticleFacts[] {
  if (format === 'index') return [];
  try {
    const root = parsed.root;
    const embedded = elementsNamed(root, 'script')
      .filter(isJsonLdScript)
      .flatMap((script) => {
        try {
          return jsonLdFacts(JSON.parse(textOf(script)));
        } catch {
          return [];
        }
      });
    const guid = embedded[0]?.guid;
    if (guid === undefined) return [];
    const meta = metaProperties(root);
    const first = (key: string) => meta.get(key)?.[0]?.value;
    const all = (key: string) => (meta.get(key) ?? []).map((m) => m.value);
    const openGraph = facts({
      guid,
      headline: first('og:title')?.trim(),
      published: instant(first('article:published_time')),
      modified: instant(first('article:modified_time')),
      url: first('og:url'),
      authors: meta.has('author') ? all('author').map((a) => a.trim()) : undefined,
      images: all('og:image'),
    });
    if (format === 'head') return [openGraph, ...embedded];
    const h1 = elementsNamed(root, 'h1')[0];
    const times = elementsNamed(root, 'time');
    const published = times.find((t) => hasToken(t, 'class', 'published'));
    const updated = times.find((t) => hasToken(t, 'class', 'updated'));
    const byline = elementsNamed(root, 'p').find((p) => hasToken(p, 'class', 'byline'));
    const canonical = elementsNamed(root, 'link').find((l) => hasToken(l, 'rel', 'canonical'));
    const photos = elementsNamed(root, 'figure').filter((f) => hasToken(f, 'class', 'photo'));
    const publishedAt = published === undefined ? undefined : instant(attributeOf(published, 'datetime'));
    const visible = facts({
      guid,
      headline: h1 === undefined ? undefined : textOf(h1).trim(),
      published: publishedAt,
      // The page shows an update only when there is one; the JSON-LD then repeats the publication time.
      modified: updated === undefined ? publishedAt : instant(attributeOf(updated, 'datetime')),
      url: canonical === undefined ? undefined : attributeOf(canonical, 'href'),
      authors: byline === undefined ? undefined : elementsNamed(byline, 'a', 'span').filter((e) => hasToken(e, 'class', 'author') && isInside(e, byline)).map((e) => textOf(e).trim()),
      images: photos.flatMap((f) => childElements(f).filter((e) => e.tagName === 'img').map((img) => attributeOf(img, 'src') ?? '')),
    });
    return [visible, openGraph, ...embedded];
  } catch {
    return [];
  }
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Atom titles are `type="html"`: decode the few entities our escaping produces to get the plain text back. */
function fromHtmlText(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => HTML_ENTITIES[name]!);
}

function instant(value: string | undefined): number | undefined {
  return value === undefined ? undefined : toInstant(value);
}

function trimmed(elements: readonly XElement[]): string[] {
  return elements.map((e) => e.content.trim());
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

function jsonLdFacts(value: unknown): ArticleFacts[] {
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
      facts({
        guid: String(article.identifier),
        // Trimmed like the XML formats' text below: edge whitespace is insignificant to their readers, so
        // comparing it on one side only would report a difference no consumer sees.
        headline: String(article.headline).trim(),
        published: instant(article.datePublished as string | undefined),
        modified: instant(article.dateModified as string | undefined),
        url: article.url as string | undefined,
        authors: asArray(article.author).map((a) => String(resolve(a)?.name).trim()),
        images: asArray(article.image).map((i) => String(resolve(i)?.contentUrl ?? resolve(i)?.url)),
      }),
    );
}

/** The items of `/rss/channel/item`: every channel of an `rss` document element, in document order. */
function rssFacts(tree: XTree): ArticleFacts[] {
  const root = tree.root;
  if (root.name !== 'rss' || root.namespaceUri !== '') return [];
  return root.grandchildrenNamed('', 'channel', 'item').map((item) =>
    facts({
      guid: item.child('', 'guid')?.content.trim() ?? '',
      headline: item.child('', 'title')?.content.trim(),
      published: toRfc822Instant(item.child('', 'pubDate')?.content.trim() ?? ''),
      // RSS 2.0 has no update element; we carry it as atom:updated.
      modified: instant(item.child(ATOM, 'updated')?.content.trim()),
      url: item.child('', 'link')?.content.trim(),
      authors: trimmed(item.childrenNamed(DC, 'creator')),
      images: item.childrenNamed(MEDIA, 'content').map((m) => m.attr('url') ?? ''),
    }),
  );
}

function atomFacts(tree: XTree): ArticleFacts[] {
  const feed = tree.root;
  if (feed.name !== 'feed' || feed.namespaceUri !== ATOM) return [];
  const feedAuthors = trimmed(feed.grandchildrenNamed(ATOM, 'author', 'name'));
  return feed.childrenNamed(ATOM, 'entry').map((entry) => {
    const authors = trimmed(entry.grandchildrenNamed(ATOM, 'author', 'name'));
    // XPath `atom:link[not(@rel) or @rel="alternate"]`: the first link without rel or with rel="alternate".
    const alternate = entry.childrenNamed(ATOM, 'link').find((link) => {
      const rel = link.attrInTree('rel');
      return rel === undefined || rel === 'alternate';
    });
    return facts({
      guid: entry.child(ATOM, 'id')?.content.trim() ?? '',
      headline: fromHtmlText(entry.child(ATOM, 'title')?.content.trim() ?? ''),
      published: instant(entry.child(ATOM, 'published')?.content.trim()),
      modified: instant(entry.child(ATOM, 'updated')?.content.trim()),
      url: alternate?.attr('href'),
      // RFC 4287 §4.2.1: an entry without author inherits the feed's.
      authors: authors.length > 0 ? authors : feedAuthors,
      images: entry.childrenNamed(MEDIA, 'content').map((m) => m.attr('url') ?? ''),
    });
  });
}

/** The first of `elements`' descendants along child steps `path`, in document order (XPath `a/b/c`, first node). */
function firstAlong(elements: readonly XElement[], path: readonly string[]): XElement | undefined {
  for (const element of elements) {
    const [step, ...rest] = path;
    if (step === undefined) return element;
    const found = firstAlong(element.childrenNamed(NEWSML, step), rest);
    if (found !== undefined) return found;
  }
  return undefined;
}

function newsmlFacts(tree: XTree, site: SiteConfig): ArticleFacts[] {
  const newsItems = descendantsNamed(tree, NEWSML, ['newsItem']);
  // XPath `//n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:text"]`.
  const texts = newsItems.filter((item) => item.grandchildrenNamed(NEWSML, 'itemMeta', 'itemClass').some((c) => c.attrInTree('qcode') === 'ninat:text'));
  return texts.map((item) => {
    const pictureGuids = item.grandchildrenNamed(NEWSML, 'itemMeta', 'link').filter((l) => l.attrInTree('rel') === 'irel:seeAlso').map((l) => l.attr('residref'));
    const images = pictureGuids.map((guid) => {
      // This was the XPath `//n:newsItem[@guid="${guid}"]/…`: a guid with a double quote made the
      // expression invalid and the whole file unreadable, and a missing one looked for "undefined".
      const wanted = String(guid);
      if (wanted.includes('"')) throw new Error('a picture guid with a double quote');
      const contents = newsItems.filter((n) => n.attrInTree('guid') === wanted).flatMap((n) => n.grandchildrenNamed(NEWSML, 'contentSet', 'remoteContent'));
      const withHref = contents.filter((r) => r.attrInTree('href') !== undefined);
      // The first in document order (a newsItem nested in another could put its own first).
      const first = withHref.length > 1 ? withHref.reduce((a, b) => (b.index < a.index ? b : a)) : withHref[0];
      return first?.attrInTree('href')?.trim() ?? '';
    });
    const creators = trimmed(item.grandchildrenNamed(NEWSML, 'contentMeta', 'creator').flatMap((c) => c.childrenNamed(NEWSML, 'name')));
    return facts({
      guid: item.attr('guid') ?? '',
      headline: firstAlong([item], ['contentMeta', 'headline'])?.content.trim(),
      published: instant(firstAlong([item], ['itemMeta', 'firstCreated'])?.content.trim()),
      modified: instant(firstAlong([item], ['itemMeta', 'versionCreated'])?.content.trim()),
      authors: creators.length > 0 ? creators : [site.name],
      images,
    });
  });
}

interface JsonFeed {
  items: { id: string; title?: string; url?: string; date_published?: string; date_modified?: string; authors?: { name?: string }[]; image?: string }[];
}

function jsonFeedFacts(value: unknown): ArticleFacts[] {
  return (value as JsonFeed).items.map((item) =>
    facts({
      guid: item.id,
      headline: item.title?.trim(),
      published: instant(item.date_published),
      modified: instant(item.date_modified),
      url: item.url,
      authors: item.authors?.map((a) => (a.name ?? '').trim()),
    }),
  );
}

interface Ninjs {
  uri: string;
  headlines?: { role?: string; value: string }[];
  firstCreated?: string;
  versionCreated?: string;
  altIds?: { role?: string; value: string }[];
  associations?: { renditions?: { href?: string }[] }[];
}

/** ninjs 3.1 (camelCase names); its one `by` string cannot be split into names reliably, so authors are not compared. */
function ninjsFacts(value: unknown): ArticleFacts[] {
  const item = value as Ninjs;
  return [
    facts({
      guid: item.uri,
      headline: item.headlines?.find((h) => h.role === 'main')?.value.trim(),
      published: instant(item.firstCreated),
      modified: instant(item.versionCreated),
      url: item.altIds?.find((id) => id.role === 'canonical-url')?.value,
      images: (item.associations ?? []).map((a) => a.renditions?.[0]?.href ?? ''),
    }),
  ];
}

/** Reads a file's text when no validator has; throws when it does not parse (the caller then takes no facts). */
const textReaders: Record<OutputFormat, (text: string, site: SiteConfig) => ArticleFacts[]> = {
  jsonld: (text) => jsonLdFacts(JSON.parse(text)),
  jsonfeed: (text) => jsonFeedFacts(JSON.parse(text)),
  ninjs: (text) => ninjsFacts(JSON.parse(text)),
  rss: (text) => fromXml(text, rssFacts),
  atom: (text) => fromXml(text, atomFacts),
  newsml: (text, site) => fromXml(text, (tree) => newsmlFacts(tree, site)),
  // The news sitemap identifies articles only by URL and is left out.
  sitemap: () => [],
  state: () => [],
  partners: () => [],
  head: (text) => factsFromHtml('head', parseHtml(text, 'fragment')),
  page: (text) => factsFromHtml('page', parseHtml(text, 'document')),
  // The index page lists articles by headline and link only: nothing to compare beyond what the feeds state.
  index: () => [],
};

function fromXml(text: string, read: (tree: XTree) => ArticleFacts[]): ArticleFacts[] {
  const doc = parseXml(text);
  try {
    return read(toTree(doc, text));
  } finally {
    doc.dispose();
  }
}
