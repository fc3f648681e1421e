import type { XmlDocument, XmlElement } from 'libxml2-wasm';
import type { Emitter, OutputFile } from '../model/output.ts';
import { toUtcRfc3339 } from './dates.ts';
import {
  addMediaContents,
  amendFeedXml,
  articleCleaner,
  ATOM_NS,
  feedPaths,
  MEDIA_NS,
  needsMedia,
  setElementText,
  setPlainText,
  toEnclosureImage,
  toFeedDocument,
  toFeedLanguage,
  toFeedScopes,
  toFeedTitle,
  toFeedUpdated,
  type FeedDocument,
} from './feed.ts';

/** XPath prefix for the Atom namespace. */
const NS = { a: ATOM_NS };

/**
 * Atom 1.0 feeds: `atom.xml` with the newest `site.feed.limit` articles, then
 * `sections/<path>/atom.xml` for every section path, sorted by path, then `languages/<tag>/atom.xml`
 * for each language of a site in several.
 */
export const emitAtom: Emitter = (articles, site) => {
  const clean = articleCleaner();
  return toFeedScopes(articles, site).map((scope): OutputFile => {
    const document = toFeedDocument(scope, site, clean);
    for (const item of document.feed.items) {
      // feed 6 writes category labels into an attribute escaping only `&` (a `<` in a section name
      // would break the document), and derives an enclosure's type from the file extension
      // (`image/jpg`); amendAtom writes both itself.
      if (item.category) item.category = item.category.map(({ name: _label, ...category }) => category);
      delete item.enclosure;
    }
    const text = amendFeedXml(document.feed.atom1(), (doc) => amendAtom(doc, document));
    return { path: feedPaths(scope.path, scope.language).atom, format: 'atom', text, sources: scope.articles.map((a) => a.source) };
  });
};

/**
 * The changes `feed` cannot make: `xml:lang`, dates in UTC to whole seconds,
 * text constructs written from the model, category labels, the enclosure link and Media RSS.
 */
function amendAtom(doc: XmlDocument, { scope, site }: FeedDocument): void {
  const articles = scope.articles;
  const feed = doc.root;
  const language = toFeedLanguage(site, scope);
  feed.setAttr('lang', language, 'xml');
  if (needsMedia(articles)) feed.addNsDeclaration(MEDIA_NS, 'media');
  // Written from the model rather than from feed's output, whose text escaping is not exact.
  setTextConstruct(child(feed, 'title'), toFeedTitle(site, scope));
  // atom:subtitle is optional (RFC 4287 §4.2.12): none without a site.json feed.description.
  if (site.feed.description === undefined) child(feed, 'subtitle').remove();
  else setTextConstruct(child(feed, 'subtitle'), site.feed.description);
  setTextConstruct(child(feed, 'rights'), site.copyright.notice);
  setPlainText(child(feed, 'author/a:name'), site.name);
  // feed writes toISOString() (UTC with milliseconds). RFC 4287 §3.3 allows any offset; our users
  // (issue 2) asked for the instant in UTC, `2024-09-04T13:03:00Z`, which every Atom reader compares
  // without offset arithmetic. JSON-LD, NewsML-G2, ninjs and JSON Feed keep the publisher's offset.
  setElementText(child(feed, 'updated'), toUtcRfc3339(toFeedUpdated(articles)));

  const entries = feed.find('a:entry', NS) as XmlElement[];
  if (entries.length !== articles.length) throw new Error(`atom: feed wrote ${entries.length} entries for ${articles.length} articles`);
  entries.forEach((entry, index) => {
    const article = articles[index]!;
    // XML 1.0 §2.12: an entry inherits the feed's xml:lang, so only a story in another language states its own.
    if (article.language !== language) entry.setAttr('lang', article.language, 'xml');
    // feed writes these type="html" in CDATA, which parsers hand over as escaped markup (`M&amp;A`).
    setTextConstruct(child(entry, 'title'), article.headline);
    setTextConstruct(child(entry, 'summary'), article.description);
    setElementText(child(entry, 'updated'), toUtcRfc3339(article.dateModified ?? article.datePublished));
    setElementText(child(entry, 'published'), toUtcRfc3339(article.datePublished));
    (entry.find('a:author/a:name', NS) as XmlElement[]).forEach((name, i) => setPlainText(name, article.authors[i]?.name ?? name.content));
    (entry.find('a:category', NS) as XmlElement[]).forEach((category, i) => {
      const section = article.sections[i];
      if (section !== undefined) category.setAttr('label', section);
    });
    // RFC 4287 §4.2.7.2: rel="enclosure" with the real MIME type and `length` in bytes.
    const enclosure = toEnclosureImage(article);
    if (enclosure) {
      const link = child(entry, 'link').appendElement('link');
      link.setAttr('rel', 'enclosure');
      link.setAttr('href', enclosure.url);
      link.setAttr('type', enclosure.contentType);
      link.setAttr('length', String(enclosure.byteLength));
    }
    addMediaContents(entry, article);
  });
}

/**
 * Writes plain text as an Atom text construct of type="text" (RFC 4287 §3.1.1.1: the content is
 * text with no entity-escaped markup, which readers show literally). §3.1.1 makes "text" the default
 * when the attribute is absent; it is written anyway so that no reader has to know the default, and
 * so that it replaces the type="html" `feed` writes.
 */
function setTextConstruct(element: XmlElement, text: string): void {
  // setAttr would add a second `type` beside feed's rather than replace it.
  for (const attribute of element.attrs) if (attribute.name === 'type') attribute.remove();
  element.setAttr('type', 'text');
  setPlainText(element, text);
}

function child(parent: XmlElement, path: string): XmlElement {
  const found = parent.get(`a:${path}`, NS);
  if (found === null) throw new Error(`atom: feed wrote a <${parent.name}> without <${path}>`);
  return found as XmlElement;
}
