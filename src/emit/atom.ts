import type { Category } from 'feed';
import type { XmlDocument, XmlElement } from 'libxml2-wasm';
import type { SiteConfig } from '../config.ts';
import { compareArticles, type Article } from '../model/article.ts';
import type { Emitter } from '../model/output.ts';
import { toUtcRfc3339 } from './dates.ts';
import { amendFeedXml, ATOM_NS, setElementText, stripXmlIllegal, toFeed } from './feed.ts';

/** Atom 1.0 feed of all articles, newest first, at `atom.xml`. */
export const emitAtom: Emitter = (articles, site) => {
  const sorted = [...articles].sort(compareArticles);
  const feed = toFeed(sorted, site);
  // feed 6 writes category labels into an attribute escaping only `&` (a `<` in a section name
  // would break the document), so this emitter's own Feed gets no labels; amendAtom writes them.
  for (const item of feed.items) if (item.category) item.category = item.category.map(withoutLabel);
  const text = amendFeedXml(feed.atom1(), (doc) => amendAtom(doc, sorted, site));
  return [{ path: 'atom.xml', format: 'atom', text, sources: sorted.map((a) => a.source) }];
};

/** The changes `feed` cannot make: `xml:lang`, dates without fractional seconds, category labels. */
function amendAtom(doc: XmlDocument, articles: readonly Article[], site: SiteConfig): void {
  doc.root.setAttr('lang', site.language, 'xml');
  // feed writes toISOString() (`.000Z`); RFC 3339 allows it, but we promise whole seconds.
  for (const date of doc.find('//a:updated | //a:published', { a: ATOM_NS }) as XmlElement[]) {
    setElementText(date, toUtcRfc3339(date.content));
  }
  const entries = doc.find('/a:feed/a:entry', { a: ATOM_NS }) as XmlElement[];
  entries.forEach((entry, index) => {
    const article = articles[index];
    if (article === undefined) throw new Error(`atom: feed wrote ${entries.length} entries for ${articles.length} articles`);
    if (article.language !== site.language) entry.setAttr('lang', article.language, 'xml');
    const categories = entry.find('a:category', { a: ATOM_NS }) as XmlElement[];
    categories.forEach((category, i) => {
      const section = article.sections[i];
      if (section !== undefined) category.setAttr('label', stripXmlIllegal(section));
    });
  });
}

function withoutLabel({ name: _label, ...category }: Category): Category {
  return category;
}
