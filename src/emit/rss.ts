import type { XmlDocument, XmlElement } from 'libxml2-wasm';
import { compareArticles, type Article } from '../model/article.ts';
import type { Emitter } from '../model/output.ts';
import { amendFeedXml, setElementText, stripXmlIllegal, toFeed } from './feed.ts';

/** Dublin Core elements 1.1, for `dc:creator`. */
const DC_NS = 'http://purl.org/dc/elements/1.1/';

/** RSS 2.0 feed of all articles, newest first, at `rss.xml`. */
export const emitRss: Emitter = (articles, site) => {
  const sorted = [...articles].sort(compareArticles);
  const xml = toFeed(sorted, site).rss2();
  const text = amendFeedXml(xml, (doc) => amendRss(doc, sorted, site.name));
  return [{ path: 'rss.xml', format: 'rss', text, sources: sorted.map((a) => a.source) }];
};

/** The changes `feed` cannot make: plain-text item titles and `dc:creator` instead of `<author>`. */
function amendRss(doc: XmlDocument, articles: readonly Article[], publisher: string): void {
  const root = doc.root;
  if (articles.length > 0 && root.nsDeclarations.dc === undefined) root.addNsDeclaration(DC_NS, 'dc');
  const items = doc.find('/rss/channel/item') as XmlElement[];
  items.forEach((item, index) => {
    const article = articles[index];
    if (article === undefined) throw new Error(`rss: feed wrote ${items.length} items for ${articles.length} articles`);
    // feed models titles as HTML (Atom type="html"), but RSS readers take <title> as text.
    setElementText(child(item, 'title'), stripXmlIllegal(article.headline));
    // RSS 2.0 <author> must be an email address; a byline name goes in dc:creator, never both.
    const names = article.authors.length > 0 ? article.authors.map((a) => a.name) : [publisher];
    const anchor = (item.get('category') as XmlElement | null) ?? undefined;
    for (const name of names) {
      const creator = anchor ? anchor.prependElement('creator', 'dc') : item.addElement('creator', 'dc');
      creator.addText(stripXmlIllegal(name));
    }
    for (const author of item.find('author')) author.remove();
  });
}

function child(parent: XmlElement, name: string): XmlElement {
  const found = parent.get(name);
  if (found === null) throw new Error(`rss: feed wrote an <item> without <${name}>`);
  return found as XmlElement;
}
