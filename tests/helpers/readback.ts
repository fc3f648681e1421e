import { parse, parseFragment } from 'parse5';
/**
 * Reading a build's outputs back the way consumers do, for the hostile-content and property tests:
 * every file well-formed (libxml2 for XML, JSON.parse for JSON), the JSON-LD parsed out of an HTML page
 * by the spec HTML parser (parse5), and the headlines as RSS/Atom readers (@rowanmanning/feed-parser,
 * rss-parser), JSON Feed, ninjs, NewsML-G2 and the news sitemap state them.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XmlDocument } from 'libxml2-wasm';
import { parse as parseHtml } from 'parse5';
import Parser from 'rss-parser';
import type { OutputFile } from '../../src/model/output.ts';

/** Namespaces of the XML outputs, by the prefixes the XPath below uses. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  n: 'http://iptc.org/std/nar/2006-10-01/',
  x: 'http://www.w3.org/1999/xhtml',
  s: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  content: 'http://purl.org/rss/1.0/modules/content/',
};

/** Why a file is not well-formed, or undefined when it parses (XML by libxml2, which refuses anything malformed; JSON by JSON.parse). */
export function wellFormedError(file: OutputFile): string | undefined {
  try {
    if (file.path.endsWith('.xml')) XmlDocument.fromString(file.text).dispose();
    else if (file.path.endsWith('.html')) {
      // HTML is never "malformed" to a browser; the spec parser's parse errors are what counts.
      const errors: string[] = [];
      const onParseError = (e: { code: string; startLine: number; startCol: number }) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`);
      if (file.format === 'head') parseFragment(file.text, { onParseError });
      else parse(file.text, { onParseError });
      if (errors.length > 0) throw new Error(errors.join('; '));
    } else JSON.parse(file.text);
    return undefined;
  } catch (error) {
    return `${file.path}: ${String(error)}`;
  }
}

/** The text content of every node `xpath` selects in an XML document. */
export function xmlTexts(text: string, xpath: string): string[] {
  const doc = XmlDocument.fromString(text);
  try {
    return doc.find(xpath, NS).map((node) => node.content);
  } finally {
    doc.dispose();
  }
}

/** What the HTML parser makes of a JSON-LD file pasted into a page: the `<script>` elements' text, and the elements after them. */
export interface EmbeddedJsonLd {
  /** Text of every `<script>` element in the document, in order. */
  scripts: string[];
  /** Whether the `<p id="after">` that follows the script in the page is still an element of the body (nothing swallowed it). */
  afterIntact: boolean;
}

/**
 * Embeds `jsonld` as `<script type="application/ld+json">…</script>` in an HTML page, with a paragraph
 * after it, and parses the page with parse5, the WHATWG HTML parser: a `</script` or `<!--<script>` in
 * the text would end the element early, or make the real end tag not end it (HTML §13.2.5.4, script data states).
 */
export function embedJsonLd(jsonld: string): EmbeddedJsonLd {
  const page = `<!DOCTYPE html><html><head><title>t</title><script type="application/ld+json">${jsonld}</script></head><body><p id="after">after</p></body></html>`;
  const document = parseHtml(page);
  const scripts: string[] = [];
  let afterIntact = false;
  const visit = (node: ParsedNode) => {
    if (node.nodeName === 'script') scripts.push((node.childNodes ?? []).map((c) => c.value ?? '').join(''));
    if (node.nodeName === 'p' && node.attrs?.some((a) => a.name === 'id' && a.value === 'after') && node.childNodes?.[0]?.value === 'after') afterIntact = true;
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(document as unknown as ParsedNode);
  return { scripts, afterIntact };
}

/** The parts of parse5's default tree this helper reads. */
interface ParsedNode {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: ParsedNode[];
}

/** Decodes the character references XML escaping produces (the five named ones and numeric ones). */
export function decodeXmlReferences(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!;
    return String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16));
  });
}

const rssParser = new Parser();

/** Item titles as each reader reports them, per feed format. */
export interface FeedTitles {
  feedParser: string[];
  rssParser: string[];
}

/**
 * The item titles of an RSS or Atom feed as @rowanmanning/feed-parser and rss-parser hand them to a
 * reader, taken literally: RSS titles and Atom `type="text"` titles are plain text, so nothing is decoded.
 */
export async function feedTitles(xml: string): Promise<FeedTitles> {
  const parsed = await rssParser.parseString(xml);
  return {
    feedParser: parseFeed(xml).items.map((item) => item.title ?? '(none)'),
    rssParser: parsed.items.map((item) => item.title ?? '(none)'),
  };
}

/** Every place a format states the headline of its (single) article, by output path. */
export async function statedHeadlines(outputs: readonly OutputFile[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const file of outputs) {
    if (file.format === 'rss' || file.format === 'atom') {
      const titles = await feedTitles(file.text);
      found[`${file.path} (feed-parser)`] = titles.feedParser;
      found[`${file.path} (rss-parser)`] = titles.rssParser;
    } else if (file.format === 'jsonld') {
      const graph = (JSON.parse(file.text) as { '@graph': { '@type': string; headline?: string; name?: string }[] })['@graph'];
      found[file.path] = graph.filter((n) => n['@type'] === 'NewsArticle').map((n) => n.headline ?? '(none)');
    } else if (file.format === 'jsonfeed') {
      found[file.path] = (JSON.parse(file.text) as { items: { title?: string }[] }).items.map((i) => i.title ?? '(none)');
    } else if (file.format === 'ninjs') {
      found[file.path] = (JSON.parse(file.text) as { headlines: { role?: string; value: string }[] }).headlines.filter((h) => h.role === 'main').map((h) => h.value);
    } else if (file.format === 'newsml') {
      found[file.path] = xmlTexts(file.text, '//n:newsItem/n:contentMeta/n:headline');
    } else if (file.format === 'sitemap') {
      found[file.path] = xmlTexts(file.text, '//news:title');
    }
  }
  return found;
}
