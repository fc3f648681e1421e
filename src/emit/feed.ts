import { Feed, type Category, type Item } from 'feed';
import { ParseOption, XmlDocument, type XmlElement } from 'libxml2-wasm';
import type { SiteConfig } from '../config.ts';
import { toSectionUrl, toSlug } from '../model/identity.ts';
import { lastModified, type Article } from '../model/article.ts';
import { toDate } from './dates.ts';
import { escapeHtml, toArticleHtml, toLinkedImages, type LinkedImage } from './html.ts';
import { toLanguageName } from './language.ts';
import { toOutputText, toOutputValue } from './xmltext.ts';

/** The Atom namespace (RFC 4287 §2), also used for `atom:link` in RSS. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** Dublin Core elements 1.1, for `dc:creator` in RSS. */
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
/** RSS content module, for `content:encoded`. */
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
/** Media RSS (https://www.rssboard.org/media-rss); the trailing slash is part of the name (the W3C validator errs without it). */
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';

/** Public URLs (or, from {@link feedPaths}, `dist/` paths) of the RSS and Atom documents of one feed. */
export interface FeedUrls {
  /** The RSS 2.0 document. */
  rss: string;
  /** The Atom 1.0 document. */
  atom: string;
}

/**
 * Paths under `dist/` of the site feeds (`sectionPath` empty), of a section's feeds
 * (`sections/china/society/rss.xml`) or, given `language`, of a language's feeds
 * (`languages/fr/rss.xml`; a canonical BCP 47 tag is letters, digits and hyphens, safe as a folder name).
 * A `.` or `..` segment (the slug of a section named only with
 * dots) gets a `_` prefix so that no feed is written outside its folder; percent-encoding would not
 * do, since URL parsers treat `%2E%2E` as `..` too (WHATWG URL "double-dot segment").
 */
export function feedPaths(sectionPath = '', language?: string): FeedUrls {
  const safe = sectionPath
    .split('/')
    .map((segment) => (segment === '.' || segment === '..' ? `_${segment}` : segment))
    .join('/');
  const dir = language !== undefined ? `languages/${language}/` : sectionPath === '' ? '' : `sections/${safe}/`;
  return { rss: `${dir}rss.xml`, atom: `${dir}atom.xml` };
}

/**
 * The public URL of a file under `dist/`: `site.feed.baseUrl` + its path, in the WHATWG-normalised
 * form (non-ASCII section slugs percent-encoded), so the emitters' self links and the validators'
 * expectations are the same string.
 */
export function toFeedUrl(site: SiteConfig, path: string): string {
  return new URL(path, site.feed.baseUrl).href;
}

/** The public URLs of the site feeds, of a section path's or of a language's feeds (their self links; also for `<link rel="alternate">` in HTML heads). */
export function feedUrls(site: SiteConfig, sectionPath = '', language?: string): FeedUrls {
  const paths = feedPaths(sectionPath, language);
  return { rss: toFeedUrl(site, paths.rss), atom: toFeedUrl(site, paths.atom) };
}

export { toFeedScopes, type FeedEntry, type FeedScope } from './scopes.ts';
import type { FeedScope } from './scopes.ts';

/** The feed title: the configured one, plus ` — China / Society` for a section feed or the language's own name (` — français`) for a language feed. */
export function toFeedTitle(site: SiteConfig, scope: Pick<FeedScope, 'names' | 'language'>): string {
  if (scope.language !== undefined) return `${site.feed.title} — ${toLanguageName(scope.language)}`;
  return scope.names.length === 0 ? site.feed.title : `${site.feed.title} — ${scope.names.join(' / ')}`;
}

/** The page a feed mirrors (RSS channel `<link>`, Atom `rel="alternate"`): the section page when configured, else the site. */
export function toFeedAlternate(site: SiteConfig, scope: FeedScope): string {
  return (scope.path === '' ? undefined : toSectionUrl(site, scope.path)) ?? site.url;
}

/** The language a feed states (RSS `<language>`, Atom `xml:lang` on `<feed>`, JSON Feed `language`): its stories' for a language feed, else the site's. */
export function toFeedLanguage(site: SiteConfig, scope: Pick<FeedScope, 'language'>): string {
  return scope.language ?? site.language;
}

/**
 * The Atom feed id (RFC 4287 §4.2.6, permanent and unique): the site URL for the site feed; for a
 * section its page URL, or the feed's own Atom URL when section pages are not configured (the site
 * URL would repeat the site feed's id); for a language its Atom URL.
 */
export function toFeedId(site: SiteConfig, scope: FeedScope): string {
  // A language has no page of its own: its feed's id is its Atom URL, as for a section without pages.
  if (scope.language !== undefined) return feedUrls(site, '', scope.language).atom;
  if (scope.path === '') return site.url;
  return toSectionUrl(site, scope.path) ?? feedUrls(site, scope.path).atom;
}

/** The newest `dateModified ?? datePublished` of the articles, as written (with its offset); the Unix epoch when there are none. */
export function toFeedUpdated(articles: readonly Article[]): string {
  let newest: string | undefined;
  for (const article of articles) {
    const changed = lastModified(article);
    if (newest === undefined || Date.parse(changed) > Date.parse(newest)) newest = changed;
  }
  return newest ?? '1970-01-01T00:00:00Z';
}

/**
 * The category scheme (Atom `scheme`, RSS `domain`): `sections/` under the site URL. feed 6 writes
 * the RSS `domain` attribute without escaping, so a `&` is percent-encoded here to keep it well-formed.
 */
export function toSectionsScheme(site: SiteConfig): string {
  return new URL('sections/', site.url).href.replace(/&/g, '%26');
}

/** A photo that can be an RSS `<enclosure>`, which requires a URL, a MIME type and a byte length (RSS 2.0 "enclosure"). */
export type EnclosureImage = LinkedImage & { contentType: string; byteLength: number };

/** The one photo an item may carry as its enclosure: the first with a URL, a MIME type and a byte length. */
export function toEnclosureImage(article: Article): EnclosureImage | undefined {
  return toLinkedImages(article).find((image): image is EnclosureImage => image.contentType !== undefined && image.byteLength !== undefined);
}

/** A feed ready to render: the `feed` object plus the cleaned inputs the emitters amend it from. */
export interface FeedDocument {
  /** The scope with every string cleaned by {@link toFeedText}. */
  scope: FeedScope;
  /** The site configuration, cleaned likewise. */
  site: SiteConfig;
  /** The `feed` (v6) object both emitters render. */
  feed: Feed;
}

/** An article with every string cleaned by {@link toFeedText}. */
export type ArticleCleaner = (article: Article) => Article;

/**
 * A cleaner for one emitter call that cleans each article once: an article is in the site feed and in
 * the feed of each of its section paths, and its body is most of the text to scan. The cleaned copies
 * live only as long as the cleaner.
 */
export function articleCleaner(): ArticleCleaner {
  const cleaned = new Map<Article, Article>();
  return (article) => {
    let clean = cleaned.get(article);
    if (clean === undefined) cleaned.set(article, (clean = toOutputValue(article)));
    return clean;
  };
}

/**
 * Builds the `feed` object of one scope. Item titles and summaries are given to `feed`
 * HTML-escaped because it writes them as HTML (Atom `type="html"` in CDATA, the RSS description); the
 * emitters write the plain-text ones back from the model (RSS `<title>`, Atom `type="text"` title and
 * summary). Every string first goes through {@link toFeedText}
 * (articles through `cleanArticle`, which may reuse the copies it made for the other scopes).
 */
export function toFeedDocument(scope: FeedScope, site: SiteConfig, cleanArticle: ArticleCleaner = toOutputValue): FeedDocument {
  const clean = {
    scope: { ...scope, path: toFeedText(scope.path), names: scope.names.map(toFeedText), articles: scope.articles.map(cleanArticle) },
    site: toOutputValue(site),
  };
  const urls = feedUrls(clean.site, clean.scope.path, clean.scope.language);
  const feed = new Feed({
    id: toFeedId(clean.site, clean.scope),
    link: toFeedAlternate(clean.site, clean.scope),
    title: toFeedTitle(clean.site, clean.scope),
    // RSS 2.0 requires a channel <description> ("Required channel elements"): without one, the title.
    description: clean.site.feed.description ?? toFeedTitle(clean.site, clean.scope),
    language: toFeedLanguage(clean.site, clean.scope),
    copyright: clean.site.copyright.notice,
    // Without `updated`, feed stamps the current time; the epoch keeps an empty feed reproducible.
    updated: toDate(toFeedUpdated(clean.scope.articles)),
    generator: false,
    // Not the single `feed` option: it would become the self link of both documents.
    feedLinks: { rss: urls.rss, atom: urls.atom },
    author: { name: clean.site.name, link: clean.site.url },
  });
  for (const article of clean.scope.articles) feed.addItem(toFeedItem(article, clean.site));
  return { scope: clean.scope, site: clean.site, feed };
}

/**
 * Parses the XML `feed` produced, lets `amend` change it through libxml2's DOM, and serialises it
 * again (two-space indentation, one final newline). libxml2 rather than xmlbuilder2 does the
 * round trip because xmlbuilder2 4 leaves `&` unescaped before anything that looks like an entity
 * (`&nbsp;`, `&amp;`) when it serialises text and attributes, which loses text or breaks the XML.
 */
export function amendFeedXml(xml: string, amend: (doc: XmlDocument) => void): string {
  // NOBLANKS drops feed's indentation so that the output is indented once, by libxml2.
  const doc = XmlDocument.fromString(xml, { option: ParseOption.XML_PARSE_NOBLANKS | ParseOption.XML_PARSE_NONET });
  try {
    amend(doc);
    return `${doc.toString({ format: true }).trimEnd()}\n`;
  } finally {
    doc.dispose();
  }
}

/** Replaces an element's children (text or CDATA sections) with one text node; libxml2 escapes it on output. */
export function setElementText(element: XmlElement, text: string): void {
  for (let node = element.firstChild; node !== null; node = element.firstChild) node.remove();
  element.addText(text);
}

/**
 * Replaces an element's children with plain text in which every `&` and `<` is a hexadecimal
 * character reference (`&#x26;`, `&#x3C;`), as the RSS Advisory Board's RSS Profile asks for
 * plain-text elements. The W3C validator takes `&#x` on an element's line as the sign that
 * `<b` or `&nbsp;` in it is text, not markup, and otherwise warns (ContainsHTML, CharacterData).
 * The references are real entity-reference nodes, written by libxml2, not string edits.
 */
export function setPlainText(element: XmlElement, text: string): void {
  for (let node = element.firstChild; node !== null; node = element.firstChild) node.remove();
  for (const part of text.split(/([&<])/)) {
    if (part === '&') element.addEntityReference('#x26');
    else if (part === '<') element.addEntityReference('#x3C');
    else if (part !== '') element.addText(part);
  }
}

/** Removes characters XML 1.0 forbids (moved to xmltext.ts, which the NewsML-G2 emitter shares; re-exported for existing callers). */
export { stripXmlIllegal } from './xmltext.ts';

/** Text as feeds carry it: the text every output carries ({@link toOutputText}, shared with the other emitters). */
export const toFeedText: (text: string) => string = toOutputText;

function toFeedItem(article: Article, site: SiteConfig): Item {
  const scheme = toSectionsScheme(site);
  const category: Category[] = article.sections.map((section) => ({
    name: section,
    term: toSlug(section),
    domain: scheme,
    scheme,
  }));
  const enclosure = toEnclosureImage(article);
  const item: Item = {
    id: article.guid,
    guid: article.guid,
    link: article.url,
    title: escapeHtml(article.headline),
    date: toDate(lastModified(article)),
    published: toDate(article.datePublished),
    description: escapeHtml(article.description),
    content: toArticleHtml(article),
    category,
    author: article.authors.map((a) => (a.url === undefined ? { name: a.name } : { name: a.name, link: a.url })),
  };
  // RSS 2.0 "enclosure": url, length and type are all required; feed writes exactly these three.
  if (enclosure) item.enclosure = { url: enclosure.url, type: enclosure.contentType, length: enclosure.byteLength };
  return item;
}

/**
 * Appends one Media RSS `media:content` per photo with a URL (https://www.rssboard.org/media-rss):
 * `medium="image"`, the URL, and the type, byte size and pixel size when known; a plain-text
 * `media:description` (the caption), a `media:credit` with the EBU role "photographer" for a
 * named creator and one without a role for a credit line that names someone else (the line may
 * name an agency), and `media:copyright` when known. The `media` prefix must already be declared.
 */
export function addMediaContents(parent: XmlElement, article: Article): void {
  for (const image of toLinkedImages(article)) {
    const media = parent.addElement('content', 'media');
    media.setAttr('url', image.url);
    media.setAttr('medium', 'image');
    if (image.contentType !== undefined) media.setAttr('type', image.contentType);
    if (image.byteLength !== undefined) media.setAttr('fileSize', String(image.byteLength));
    if (image.width !== undefined) media.setAttr('width', String(image.width));
    if (image.height !== undefined) media.setAttr('height', String(image.height));
    const description = media.addElement('description', 'media');
    description.setAttr('type', 'plain');
    setPlainText(description, image.caption);
    if (image.creator !== undefined) {
      const credit = media.addElement('credit', 'media');
      credit.setAttr('role', 'photographer');
      credit.setAttr('scheme', 'urn:ebu');
      setPlainText(credit, image.creator);
    }
    if (image.credit !== undefined && image.credit !== image.creator) setPlainText(media.addElement('credit', 'media'), image.credit);
    if (image.copyright !== undefined) setPlainText(media.addElement('copyright', 'media'), image.copyright);
  }
}

/** True when any article of the feed has a photo with a URL, i.e. the document needs the `media` namespace. */
export function needsMedia(articles: readonly Article[]): boolean {
  return articles.some((article) => toLinkedImages(article).length > 0);
}
