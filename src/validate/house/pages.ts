/**
 * The house rules of syndicate's HTML outputs (the head snippet, article pages, the index page), checked
 * on one htmlparser2 parse (a fifth of parse5's cost on an article page): structure a browser reads as
 * written, exactly one JSON-LD block that is the article's article.jsonld byte for byte (compared with the
 * file already validated, not parsed again) and script-safe, the Open Graph and canonical link previews
 * need, no scripts or external assets, and for whole pages lang, charset, viewport, title, one h1 and alt
 * text. Also what the page states about the story, for the consistency check.
 */
import { DomHandler, type ChildNode, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { toInstant } from '../../model/time.ts';
import { jsonLdFactsOf, toFacts, type ArticleFacts } from '../facts.ts';
import type { Finding } from '../rule.ts';
import type { HOUSE_HTML_RULES } from '../rules/house-html.ts';

/** The HTML outputs: `articles/<id>/head.html`, `articles/<id>/index.html`, `index.html`. */
export type PageKind = 'head' | 'page' | 'index';

type HtmlRule = (typeof HOUSE_HTML_RULES)[number]['id'];

/** What checking a page found, and what it states about its story (and the JSON-LD blocks it carries). */
export interface PageCheck {
  findings: Finding<HtmlRule>[];
  /** What the visible page and its Open Graph say about the story (none for the index page). */
  facts: ArticleFacts[];
  /** The text of each JSON-LD block and its offset in the file. */
  jsonLd: { text: string; offset: number }[];
}

/** What the build knows when it checks a page: the article's JSON-LD file, already validated, and its facts. */
export interface PageReference {
  /** The text of `articles/<id>/article.jsonld`. */
  jsonLd: string;
  /** What it states about the story (its guid first). */
  facts: readonly ArticleFacts[];
}

/** Open Graph properties each kind must carry (OGP "Basic Metadata", plus the description every preview shows). */
const REQUIRED_OPEN_GRAPH: Record<PageKind, readonly string[]> = {
  head: ['og:type', 'og:title', 'og:description', 'og:url', 'article:published_time'],
  page: ['og:type', 'og:title', 'og:description', 'og:url', 'article:published_time'],
  index: ['og:type', 'og:title', 'og:url'],
};

/** Properties whose value is a URL that link-preview crawlers fetch without any base URL. */
const URL_PROPERTIES = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'og:video', 'og:audio', 'twitter:image']);

/** HTML §4.2 "metadata content": all a `<head>` may hold; anything else ends the head early. */
const METADATA_ELEMENTS = new Set(['base', 'link', 'meta', 'noscript', 'script', 'style', 'template', 'title']);

/** HTML §13.1.2 void elements: their end is implied, never written. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** `type` values that make `<script>` a script rather than a data block (HTML §4.12.1.1). */
const JAVASCRIPT_TYPE = /^(?:|module|(?:application|text)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/jscript|text\/livescript)$/;

/**
 * A DomHandler that also notes what the parser repaired: an element whose end was implied (other than a
 * void element's), and an attribute written twice (the parser keeps the first).
 */
class CheckingHandler extends DomHandler {
  readonly repaired: { what: string; offset: number }[] = [];
  private source: { startIndex: number | null } | undefined;
  private seen = new Set<string>();

  override onparserinit(parser: Parameters<DomHandler['onparserinit']>[0]): void {
    this.source = parser;
    super.onparserinit(parser);
  }

  onopentagname(): void {
    this.seen.clear();
  }

  onattribute(name: string): void {
    if (this.seen.has(name)) this.repaired.push({ what: `an attribute written twice (${name})`, offset: this.source?.startIndex ?? 0 });
    this.seen.add(name);
  }

  override onclosetag(name?: string, isImplied?: boolean): void {
    if (isImplied && name !== undefined && !VOID_ELEMENTS.has(name)) this.repaired.push({ what: `<${name}> never closed`, offset: this.source?.startIndex ?? 0 });
    super.onclosetag();
  }
}

/** Checks one HTML output of kind `kind`; with the article's JSON-LD as `reference`, the block is compared with it. */
export function checkPage(text: string, kind: PageKind, reference?: PageReference): PageCheck {
  // The article's JSON-LD, found verbatim where the snippet puts it, is not tokenised again: it is most of the
  // file, and it is the validated article.jsonld. The parser reads the page without it; offsets are mapped back.
  const cut = reference === undefined ? -1 : findBlock(text, reference.jsonLd);
  const removed = cut === -1 ? 0 : (reference as PageReference).jsonLd.length;
  const original = (offset: number) => (cut !== -1 && offset > cut ? offset + removed : offset);
  const handler = new CheckingHandler(undefined, { withStartIndices: true });
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  // In two chunks around the block: the parser reads on where the first stopped, and nothing is copied.
  if (cut === -1) parser.end(text);
  else {
    parser.write(text.slice(0, cut));
    parser.end(text.slice(cut + removed));
  }
  const findings: Finding<HtmlRule>[] = [];
  // Offsets come from the parser (in the text it read) unless `mapped` says they are the file's already.
  const report: Report = (rule, message, offset, mapped = false) => findings.push({ rule, message, ...(offset === undefined ? {} : { at: { offset: mapped ? offset : original(offset) } }) });
  // HTML §13.1.1: without the DOCTYPE browsers render in quirks mode.
  if (kind !== 'head' && !/^\s*<!doctype html>/i.test(text)) report('html-structure', 'no <!DOCTYPE html> at the start; browsers would render the page in quirks mode: add it as the first line');
  const nul = text.indexOf('\0');
  if (nul !== -1) report('html-structure', 'a NUL character; browsers drop or replace it: remove it from the source text', nul);
  for (const { what, offset } of handler.repaired) report('html-structure', `${what}; browsers repair such markup in ways that differ from what was meant: fix the template or the escaping`, offset);

  const elements = elementsOf(handler.root.children);
  const named = (name: string) => elements.filter((e) => e.name === name);
  const scripts = named('script').filter(isJsonLdScript);
  const jsonLd = scripts.map((script) => {
    const offset = original(contentOffset(script, text));
    return { text: offset === cut ? (reference as PageReference).jsonLd : textOf(script), offset };
  });
  checkJsonLd(jsonLd, kind, reference, report, scripts);
  const meta = metaProperties(named('meta'));
  checkOpenGraph(meta, kind, report);
  checkLinks(named('link'), report);
  checkAssets(elements, report);
  if (kind === 'head') checkHeadContent(handler.root.children, report);
  else checkDocument(named, report, kind);
  return { findings, facts: kind === 'index' ? [] : toPageFacts(kind, named, meta, jsonLd, reference), jsonLd };
}

/** Where the article's JSON-LD starts inside its `<script type="application/ld+json">…</script>`, or -1. */
function findBlock(text: string, jsonLd: string): number {
  for (let at = text.indexOf(JSON_LD_START); at !== -1; at = text.indexOf(JSON_LD_START, at + 1)) {
    const start = at + JSON_LD_START.length;
    if (text.startsWith(jsonLd, start) && text.startsWith('</script>', start + jsonLd.length)) return start;
  }
  return -1;
}

type Report = (rule: HtmlRule, message: string, offset?: number, mapped?: boolean) => void;

function elementsOf(nodes: readonly ChildNode[]): Element[] {
  const found: Element[] = [];
  const walk = (list: readonly ChildNode[]) => {
    for (const node of list) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      found.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return found;
}

function textOf(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.data;
    else if (child.type === 'tag' || child.type === 'script' || child.type === 'style') text += textOf(child);
  }
  return text;
}

function hasToken(element: Element, attribute: string, token: string): boolean {
  return (element.attribs[attribute] ?? '').toLowerCase().split(/\s+/).includes(token);
}

/**
 * A data block of JSON-LD as browsers and Google read it: the type compared as a MIME type essence, ASCII
 * case-insensitively (HTML Living Standard §4.12.1 "data block"); a script inside <template> is inert
 * content, never part of the page (§4.12.3), so it is not one.
 */
function isJsonLdScript(element: Element): boolean {
  if ((element.attribs['type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/ld+json') return false;
  for (let parent = element.parent; parent !== null; parent = parent.parent) if (parent.type === 'tag' && parent.name === 'template') return false;
  return true;
}

/** Where an element's text starts: just after its start tag (in the text the parser read, whose start is `text`'s). */
function contentOffset(element: Element, text: string): number {
  const start = element.startIndex ?? 0;
  const end = text.indexOf('>', start);
  return end === -1 ? start : end + 1;
}

/** The start tag the head snippet writes its JSON-LD block with. */
const JSON_LD_START = '<script type="application/ld+json">';

/**
 * Head snippets and pages carry exactly one JSON-LD graph (two would state the article twice); the index
 * page none or any. The build compares the block with the article's JSON-LD file, which has been
 * validated; without one (a page checked on its own) the block must at least be JSON. Either way it must
 * not contain "<": `</script` ends the element, `<!--` changes how its end is found (HTML §4.12.1.3).
 */
function checkJsonLd(blocks: readonly { text: string; offset: number }[], kind: PageKind, reference: PageReference | undefined, report: Report, scripts: readonly Element[]): void {
  if (kind !== 'index' && blocks.length !== 1) {
    report('jsonld-count', `${blocks.length === 0 ? 'no' : blocks.length} <script type="application/ld+json"> elements; the ${kind === 'head' ? 'head snippet' : 'page'} must carry exactly one, the article's graph (regenerate it)`, scripts[1]?.startIndex ?? undefined);
  }
  for (const block of blocks) {
    const unsafe = block.text.indexOf('<');
    if (unsafe !== -1) {
      report('jsonld-unsafe', `the JSON-LD contains a raw "<", which could end the script or change where it ends (HTML §13.2.5.15 script data states); write "<" as \\u003c inside the JSON`, block.offset + unsafe, true);
    }
    if (reference !== undefined && kind !== 'index') {
      if (block.text !== reference.jsonLd) report('jsonld-differs', "the JSON-LD block is not the article's article.jsonld; regenerate the file (the page must state exactly what the validated JSON-LD states)", block.offset, true);
      continue;
    }
    try {
      JSON.parse(block.text);
    } catch (error) {
      report('jsonld-unparseable', `the JSON-LD block is not JSON (${(error as Error).message}); regenerate the file`, block.offset, true);
    }
  }
}

/** Each `<meta property|name>` value, by property, with the element's offset. */
function metaProperties(metas: readonly Element[]): Map<string, { value: string; offset: number }[]> {
  const found = new Map<string, { value: string; offset: number }[]>();
  for (const meta of metas) {
    const key = meta.attribs['property'] ?? meta.attribs['name'];
    const value = meta.attribs['content'];
    if (key === undefined || value === undefined) continue;
    const list = found.get(key) ?? [];
    list.push({ value, offset: meta.startIndex ?? 0 });
    found.set(key, list);
  }
  return found;
}

function checkOpenGraph(meta: Map<string, { value: string; offset: number }[]>, kind: PageKind, report: Report): void {
  for (const property of REQUIRED_OPEN_GRAPH[kind]) {
    if (!(meta.get(property) ?? []).some((m) => m.value.trim() !== '')) {
      report('og-missing', `no <meta property="${property}" content="…">; link previews (Open Graph protocol, ogp.me) need it: regenerate the file`);
    }
  }
  for (const [property, values] of meta) {
    if (!URL_PROPERTIES.has(property)) continue;
    for (const { value, offset } of values) {
      if (!isAbsoluteHttpUrl(value)) report('og-url', `<meta property="${property}"> is "${value}", not an absolute http(s) URL; crawlers resolve nothing against the page, so write the full URL`, offset);
    }
  }
}

function checkLinks(links: readonly Element[], report: Report): void {
  const canonical = links.filter((l) => hasToken(l, 'rel', 'canonical'));
  if (canonical.length === 0) report('canonical-missing', 'no <link rel="canonical" href="…">; search engines need the story\'s canonical URL: regenerate the file');
  if (canonical[1] !== undefined) report('canonical-duplicate', `${canonical.length} <link rel="canonical"> elements; search engines ignore all of them when there is more than one (keep one)`, canonical[1].startIndex ?? undefined);
  for (const link of links.filter((l) => hasToken(l, 'rel', 'canonical') || hasToken(l, 'rel', 'alternate'))) {
    const href = link.attribs['href'] ?? '';
    if (!isAbsoluteHttpUrl(href)) {
      report('relative-url', `<link rel="${link.attribs['rel'] ?? ''}"> points to "${href}", not an absolute http(s) URL; a snippet is pasted into pages at other addresses, so write the full URL`, link.startIndex ?? undefined);
    }
  }
}

/** No external assets and no script at all other than JSON-LD data blocks. */
function checkAssets(elements: readonly Element[], report: Report): void {
  for (const element of elements) {
    const at = element.startIndex ?? undefined;
    if (element.name === 'script' && element.attribs['src'] !== undefined) {
      report('external-asset', `<script src="${element.attribs['src']}"> loads an external script; the pages carry no scripts: remove it`, at);
    } else if (element.name === 'script' && JAVASCRIPT_TYPE.test((element.attribs['type'] ?? '').trim().toLowerCase())) {
      report('executable-script', 'an executable <script> element; the pages carry no scripts (only JSON-LD data blocks), so text must never become one: check the escaping of the content before it', at);
    }
    if (element.name === 'link' && hasToken(element, 'rel', 'stylesheet')) {
      report('external-asset', `<link rel="stylesheet" href="${element.attribs['href'] ?? ''}"> loads an external style sheet; the pages use their inline <style> only: remove it`, at);
    }
    const css = element.name === 'style' ? textOf(element) : element.attribs['style'];
    if (css !== undefined && /@import|url\s*\(/i.test(css)) {
      report('external-asset', 'a style loads an external resource (@import or url(…)); the pages carry no external CSS, fonts or images in styles: remove it', at);
    }
  }
}

function checkHeadContent(nodes: readonly ChildNode[], report: Report): void {
  for (const node of nodes) {
    if ((node.type === 'tag' || node.type === 'script' || node.type === 'style') && !METADATA_ELEMENTS.has(node.name)) {
      report('head-content', `<${node.name}> is not metadata content; inside <head> it would end the head early (HTML §13.2.6.4.4 "in head"): a head snippet holds only link, meta, script, style, title, base, noscript, template`, node.startIndex ?? undefined);
    } else if (node.type === 'text' && /\S/.test(node.data)) {
      report('head-content', 'text outside any element; inside <head> it would end the head early and show on the page: remove it', node.startIndex ?? undefined);
    }
  }
}

function checkDocument(named: (name: string) => Element[], report: Report, kind: PageKind): void {
  const html = named('html')[0];
  if (html === undefined || (html.attribs['lang'] ?? '').trim() === '') {
    report('html-lang', "no <html lang=\"…\">; screen readers and translators need the page language (WCAG 2.2 SC 3.1.1): set it to the article's BCP 47 language", html?.startIndex ?? undefined);
  }
  const metas = named('meta');
  if (!metas.some((m) => (m.attribs['charset'] ?? '').trim().toLowerCase() === 'utf-8')) {
    report('charset-missing', 'no <meta charset="utf-8">; a page opened from disk or served without a charset would be decoded as windows-1252 (HTML §4.2.5.4): add it first in <head>');
  }
  if (!metas.some((m) => m.attribs['name']?.toLowerCase() === 'viewport')) {
    report('viewport-missing', 'no <meta name="viewport">; phones would render the page at desktop width: add content="width=device-width, initial-scale=1"');
  }
  const title = named('title')[0];
  if (title === undefined || textOf(title).trim() === '') {
    report('title-missing', 'no <title> text; every HTML document needs one (HTML §4.2.2) and it is what search results show: add the headline', title?.startIndex ?? undefined);
  }
  const h1s = named('h1');
  if (h1s.length !== 1) {
    report('h1-count', `${h1s.length} <h1> elements; a page has exactly one, its headline (HTML §4.3.11 headings): use <h2>–<h6> for the others`, h1s[1]?.startIndex ?? undefined);
  }
  for (const img of named('img')) {
    if (img.attribs['alt'] === undefined) {
      report('img-alt', `<img src="${img.attribs['src'] ?? ''}"> has no alt attribute; give it a text alternative (HTML §4.8.4.4, WCAG 2.2 SC 1.1.1): the caption, or alt="" for decoration`, img.startIndex ?? undefined);
    }
  }
}

/**
 * What the page states about its story: its Open Graph, and for an article page what readers see (the
 * h1, the times, the byline, the photos, the canonical link). The story is named by the guid of its
 * JSON-LD: the reference's, or the page's own block when it is checked on its own.
 */
function toPageFacts(
  kind: PageKind,
  named: (name: string) => Element[],
  meta: Map<string, { value: string; offset: number }[]>,
  blocks: readonly { text: string }[],
  reference: PageReference | undefined,
): ArticleFacts[] {
  const embedded = reference?.facts ?? blocks.flatMap((block) => readEmbeddedFacts(block.text));
  const guid = embedded[0]?.guid;
  if (guid === undefined) return [];
  const first = (key: string) => meta.get(key)?.[0]?.value;
  const all = (key: string) => (meta.get(key) ?? []).map((m) => m.value);
  const openGraph = toFacts({
    guid,
    headline: first('og:title')?.trim(),
    published: instant(first('article:published_time')),
    modified: instant(first('article:modified_time')),
    url: first('og:url'),
    authors: meta.has('author') ? all('author').map((a) => a.trim()) : undefined,
    images: all('og:image'),
  });
  if (kind === 'head') return [openGraph];
  const h1 = named('h1')[0];
  const times = named('time');
  const published = times.find((t) => hasToken(t, 'class', 'published'));
  const updated = times.find((t) => hasToken(t, 'class', 'updated'));
  const byline = named('p').find((p) => hasToken(p, 'class', 'byline'));
  const canonical = named('link').find((l) => hasToken(l, 'rel', 'canonical'));
  const photos = named('figure').filter((f) => hasToken(f, 'class', 'photo'));
  const publishedAt = instant(published?.attribs['datetime']);
  const visible = toFacts({
    guid,
    headline: h1 === undefined ? undefined : textOf(h1).trim(),
    published: publishedAt,
    // The page shows an update only when there is one; the JSON-LD then repeats the publication time.
    modified: updated === undefined ? publishedAt : instant(updated.attribs['datetime']),
    url: canonical?.attribs['href'],
    authors: byline === undefined ? undefined : elementsOf(byline.children).filter((e) => (e.name === 'a' || e.name === 'span') && hasToken(e, 'class', 'author')).map((e) => textOf(e).trim()),
    images: photos.flatMap((f) => f.children.filter((c): c is Element => c.type === 'tag' && c.name === 'img').map((img) => img.attribs['src'] ?? '')),
    // The page's <html lang> (og:locale drops the script and cannot be compared as a tag).
    language: named('html')[0]?.attribs['lang']?.trim() || undefined,
  });
  return [visible, openGraph];
}

function readEmbeddedFacts(text: string): ArticleFacts[] {
  try {
    return jsonLdFactsOf(JSON.parse(text));
  } catch {
    return [];
  }
}

function instant(value: string | undefined): number | undefined {
  return value === undefined ? undefined : toInstant(value);
}

function isAbsoluteHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/i.test(value) && URL.canParse(value);
}
