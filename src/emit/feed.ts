import { Feed, type Category, type Item } from 'feed';
import { ParseOption, XmlDocument, type XmlElement } from 'libxml2-wasm';
import type { SiteConfig } from '../config.ts';
import { toSlug } from '../model/identity.ts';
import { compareArticles, lastModified, type Article, type Image } from '../model/article.ts';
import { toDate } from './dates.ts';
import { escapeHtml, toBodyHtml } from './html.ts';

/** The Atom namespace (RFC 4287 §2), also used for `atom:link` in RSS. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** Public URLs of the two feeds. */
export interface FeedUrls {
  /** Where `rss.xml` is served. */
  rss: string;
  /** Where `atom.xml` is served. */
  atom: string;
}

/** The public URLs of `rss.xml` and `atom.xml` under `site.feed.baseUrl` (the feeds' self links). */
export function feedUrls(site: SiteConfig): FeedUrls {
  return { rss: `${site.feed.baseUrl}rss.xml`, atom: `${site.feed.baseUrl}atom.xml` };
}

/**
 * Builds the `feed` (v6) object both emitters render. Item titles and summaries are given to
 * `feed` HTML-escaped because it marks them `type="html"` in Atom and puts them in CDATA; the RSS
 * emitter writes its `<title>` back as plain text. Every string is stripped of XML-illegal characters.
 */
export function toFeed(articles: readonly Article[], site: SiteConfig): Feed {
  const clean = stripXmlIllegalDeep({ articles: [...articles].sort(compareArticles), site });
  const urls = feedUrls(site);
  const feed = new Feed({
    id: clean.site.url,
    link: clean.site.url,
    title: clean.site.feed.title,
    description: clean.site.feed.description,
    language: clean.site.language,
    copyright: clean.site.copyright.notice,
    // Without `updated`, feed stamps the current time; the epoch keeps an empty feed reproducible.
    updated: toDate(toFeedUpdated(clean.articles)),
    generator: false,
    // Not the single `feed` option: it would become the self link of both documents.
    feedLinks: { rss: urls.rss, atom: urls.atom },
    author: { name: clean.site.name, link: clean.site.url },
  });
  for (const article of clean.articles) feed.addItem(toFeedItem(article, clean.site));
  return feed;
}

/** The newest `dateModified ?? datePublished` of the articles; the Unix epoch when there are none. */
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

/** Removes characters XML 1.0 forbids (§2.2 Char): C0 controls but tab/LF/CR, U+FFFE, U+FFFF, lone surrogates. */
export function stripXmlIllegal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function stripXmlIllegalDeep<T>(value: T): T {
  if (typeof value === 'string') return stripXmlIllegal(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => stripXmlIllegalDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripXmlIllegalDeep(v)])) as T;
  }
  return value;
}

function toFeedItem(article: Article, site: SiteConfig): Item {
  const scheme = toSectionsScheme(site);
  const category: Category[] = article.sections.map((section) => ({
    name: section,
    term: toSlug(section),
    domain: scheme,
    scheme,
  }));
  return {
    id: article.guid,
    guid: article.guid,
    link: article.url,
    title: escapeHtml(article.headline),
    date: toDate(lastModified(article)),
    published: toDate(article.datePublished),
    description: escapeHtml(article.description),
    content: toFeedContent(article),
    category,
    author: article.authors.map((a) => (a.url === undefined ? { name: a.name } : { name: a.name, link: a.url })),
  };
}

/** Article HTML for `content:encoded` / Atom `content`: a figure per photo that has a URL, then the body. */
function toFeedContent(article: Article): string {
  const figures = article.images.filter(hasAbsoluteUrl).map((image) => {
    const caption = image.credit === undefined ? image.caption : `${image.caption} — ${image.credit}`;
    return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.caption)}"><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  });
  return [...figures, toBodyHtml(article)].join('\n');
}

function hasAbsoluteUrl(image: Image): image is Image & { url: string } {
  return image.url !== undefined && /^https?:\/\/[^\s/?#]+/i.test(image.url);
}
