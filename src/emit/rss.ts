import type { XmlDocument, XmlElement } from 'libxml2-wasm';
import type { Emitter, OutputFile } from '../model/output.ts';
import {
  addMediaContents,
  ATOM_NS,
  CONTENT_NS,
  DC_NS,
  MEDIA_NS,
  amendFeedXml,
  articleCleaner,
  feedPaths,
  needsMedia,
  setPlainText,
  toFeedDocument,
  toFeedTitle,
  toFeedScopes,
  type FeedDocument,
} from './feed.ts';

/**
 * RSS 2.0 feeds: `rss.xml` with the newest `site.feed.limit` articles, then
 * `sections/<path>/rss.xml` for every section path, sorted by path, then `languages/<tag>/rss.xml`
 * for each language of a site in several. RSS has no item language: only the channel's `<language>`.
 */
export const emitRss: Emitter = (articles, site) => {
  const clean = articleCleaner();
  return toFeedScopes(articles, site).map((scope): OutputFile => {
    const document = toFeedDocument(scope, site, clean);
    const text = amendFeedXml(document.feed.rss2(), (doc) => amendRss(doc, document));
    return { path: feedPaths(scope.path, scope.language).rss, format: 'rss', text, sources: scope.articles.map((a) => a.source) };
  });
};

/**
 * The changes `feed` cannot make: plain-text titles, descriptions and categories written the RSS
 * Profile way, `dc:creator` instead of `<author>`, `atom:updated`, and Media RSS for each photo.
 */
function amendRss(doc: XmlDocument, { scope, site }: FeedDocument): void {
  const articles = scope.articles;
  const root = doc.root;
  // feed declares dc and content only for items with content, atom only with a self link.
  if (root.nsDeclarations.dc === undefined) root.addNsDeclaration(DC_NS, 'dc');
  if (root.nsDeclarations.content === undefined) root.addNsDeclaration(CONTENT_NS, 'content');
  if (root.nsDeclarations.atom === undefined) root.addNsDeclaration(ATOM_NS, 'atom');
  if (needsMedia(articles)) root.addNsDeclaration(MEDIA_NS, 'media');

  // Written from the model rather than from feed's output, whose text escaping is not exact.
  const channel = child(root, 'channel');
  setPlainText(child(channel, 'title'), toFeedTitle(site, scope));
  // RSS 2.0 "Required channel elements": a description, so the title when site.json gives none.
  setPlainText(child(channel, 'description'), site.feed.description ?? toFeedTitle(site, scope));
  setPlainText(child(channel, 'copyright'), site.copyright.notice);

  const items = channel.find('item') as XmlElement[];
  if (items.length !== articles.length) throw new Error(`rss: feed wrote ${items.length} items for ${articles.length} articles`);
  items.forEach((item, index) => {
    const article = articles[index]!;
    // feed writes titles as HTML, but RSS readers take <title> as text.
    setPlainText(child(item, 'title'), article.headline);
    // RSS 2.0 <author> must be an email address; a byline name goes in dc:creator, never both.
    for (const author of item.find('author')) author.remove();
    const names = article.authors.length > 0 ? article.authors.map((a) => a.name) : [site.name];
    const categories = item.find('category') as XmlElement[];
    const anchor = (categories[0] ?? item.get('enclosure')) as XmlElement | null;
    for (const name of names) setPlainText(anchor ? anchor.prependElement('creator', 'dc') : item.addElement('creator', 'dc'), name);
    categories.forEach((category, i) => setPlainText(category, article.sections[i] ?? category.content));
    // The update time, which RSS 2.0 has no element for; atom:updated is RFC 4287 §4.2.15 (and
    // not a duplicate of pubDate, which is the first publication).
    const updated = child(item, 'pubDate').appendElement('updated', 'atom');
    updated.addText(article.dateModified ?? article.datePublished);
    addMediaContents(item, article);
  });
}

function child(parent: XmlElement, name: string): XmlElement {
  const found = parent.get(name);
  if (found === null) throw new Error(`rss: feed wrote a <${parent.name}> without <${name}>`);
  return found as XmlElement;
}
