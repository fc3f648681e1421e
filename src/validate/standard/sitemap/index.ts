/**
 * The standard layer for sitemaps: the Sitemaps 0.9 protocol (https://www.sitemaps.org/protocol.html)
 * for `<urlset>` and `<sitemapindex>`, and Google's News extension
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). Image and video
 * extensions are tolerated and not checked beyond well-formedness. Findings carry the line and column of
 * the element concerned.
 */
import type { Finding } from '../../rule.ts';
import type { SitemapRuleId } from '../../rules/sitemap.ts';
import { childElements, readXml, textOf, type XmlDocument, type XmlElement } from '../../xml/tree.ts';
import { rawAmpersand } from './ampersand.ts';
import { isW3cDatetime, w3cDatetimeHint } from './datetime.ts';
import { checkNews, NEWS_NS } from './news.ts';
import { at, describe } from './text.ts';
import { checkLoc } from './loc.ts';

/** The Sitemaps 0.9 namespace. */
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** What a sitemap check gives: the kind of sitemap (undefined when the root is neither) and the findings. */
export interface SitemapResult {
  readonly kind: 'urlset' | 'sitemapindex' | undefined;
  readonly findings: Finding<SitemapRuleId>[];
}

/** Sitemaps 0.9: at most 50,000 URLs per sitemap, 50,000 sitemaps per index, 50 MB uncompressed. */
const MAX_ENTRIES = 50_000;
const MAX_BYTES = 52_428_800;
const CHANGEFREQ = new Set(['always', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'never']);
// xsd:decimal: digits with an optional point, an optional sign; no exponent.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Checks a sitemap's text: well-formedness, size, then {@link checkSitemapDocument}. */
export function checkSitemap(text: string): SitemapResult & { document?: XmlDocument } {
  const findings: Finding<SitemapRuleId>[] = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_BYTES) {
    findings.push({ rule: 'file-too-large', message: `the sitemap is ${bytes.toLocaleString('en')} bytes; the protocol allows at most 52,428,800 (50 MB) uncompressed: split it and list the parts in a sitemap index`, at: { line: 1 } });
  }
  const { document, errors } = readXml(text);
  if (document === undefined) {
    // The first error is the one to fix; what a parser says after it is mostly its consequence.
    const first = errors[0] ?? { message: 'no root element', line: 1, column: 1 };
    const amp = rawAmpersand(text);
    if (amp !== undefined) {
      findings.push({ rule: 'not-well-formed', message: `the sitemap is not well-formed XML: this "&" starts no entity reference; write it "&amp;" (the parser says: ${first.message})`, at: { offset: amp } });
    } else {
      findings.push({ rule: 'not-well-formed', message: `the sitemap is not well-formed XML: ${first.message}`, at: { line: first.line, column: first.column } });
    }
    return { kind: undefined, findings };
  }
  const result = checkSitemapDocument(document);
  return { kind: result.kind, findings: [...findings, ...result.findings], document };
}

/** Checks a parsed sitemap: its root, its entries, and their Google News elements. */
export function checkSitemapDocument(document: XmlDocument): SitemapResult {
  const findings: Finding<SitemapRuleId>[] = [];
  const root = document.root;
  const encoding = document.declaration?.encoding;
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding.trim())) {
    findings.push({ rule: 'encoding', message: `the XML declaration says encoding="${describe(encoding)}"; sitemaps must be UTF-8: re-encode the file and declare encoding="UTF-8"`, at: { line: 1, column: 1 } });
  }
  const kind = root.name === 'urlset' || root.name === 'sitemapindex' ? root.name : undefined;
  if (kind === undefined) {
    findings.push({ rule: 'root', message: `the root element is <${describe(root.qname)}>; a sitemap's root is <urlset> (a list of URLs) or <sitemapindex> (a list of sitemaps) in ${SITEMAP_NS}`, at: at(root) });
    return { kind, findings };
  }
  if (root.uri !== SITEMAP_NS) {
    const found = root.uri === '' ? 'no namespace' : `the namespace "${describe(root.uri)}"`;
    findings.push({ rule: 'root', message: `<${root.qname}> is in ${found}; declare xmlns="${SITEMAP_NS}" (exactly: http, www, no trailing slash)`, at: at(root) });
  }
  // Check the entries in the root's own namespace, so that a wrong namespace is one finding, not one per element.
  const ns = root.uri;
  const entryName = kind === 'urlset' ? 'url' : 'sitemap';
  let entries = 0;
  let news = 0;
  for (const child of childElements(root)) {
    if (child.uri === NEWS_NS || (child.uri === ns && child.name !== entryName)) {
      findings.push(unexpected(child, `<${root.qname}>`, `<${entryName}> elements`));
      continue;
    }
    if (child.uri !== ns) continue;
    entries++;
    if (entries === MAX_ENTRIES + 1) {
      findings.push({ rule: 'too-many-urls', message: `this <${kind}> has more than ${MAX_ENTRIES.toLocaleString('en')} <${entryName}> entries (this is the first one over); split it into several files${kind === 'urlset' ? ' listed in a sitemap index' : ' (an index may not list more)'}`, at: at(child) });
    }
    news += checkEntry(child, kind, ns, findings);
  }
  if (news > 0) checkNewsCount(root, findings);
  return { kind, findings };
}

/** Checks one `<url>` or `<sitemap>`; returns how many `<news:news>` it holds. */
function checkEntry(entry: XmlElement, kind: 'urlset' | 'sitemapindex', ns: string, findings: Finding<SitemapRuleId>[]): number {
  const allowed = kind === 'urlset' ? ['loc', 'lastmod', 'changefreq', 'priority'] : ['loc', 'lastmod'];
  const seen = new Set<string>();
  let news = 0;
  let loc: XmlElement | undefined;
  for (const child of childElements(entry)) {
    if (child.uri === NEWS_NS) {
      if (kind === 'sitemapindex' || child.name !== 'news') {
        findings.push(unexpected(child, `<${entry.qname}>`, kind === 'urlset' ? '<news:news>' : 'no Google News elements'));
        continue;
      }
      news++;
      if (news > 1) findings.push({ rule: 'unexpected-element', message: `this <${entry.qname}> already has a <news:news>; give each article its own <url>`, at: at(child) });
      else checkNews(child, findings);
      continue;
    }
    if (child.uri !== ns) continue;
    if (!allowed.includes(child.name)) {
      findings.push(unexpected(child, `<${entry.qname}>`, allowed.map((n) => `<${n}>`).join(', ')));
      continue;
    }
    if (seen.has(child.name)) {
      findings.push({ rule: 'unexpected-element', message: `<${child.qname}> appears twice in this <${entry.qname}>; keep one`, at: at(child) });
      continue;
    }
    seen.add(child.name);
    const value = textOf(child).trim();
    if (child.name === 'loc') loc = child;
    else if (child.name === 'lastmod' && !isW3cDatetime(value)) {
      findings.push({ rule: 'lastmod', message: `<lastmod> "${describe(value)}" is not a W3C Datetime: ${w3cDatetimeHint(value)}, e.g. "2024-09-04" or "2024-09-04T21:03:00+08:00"`, at: at(child) });
    } else if (child.name === 'changefreq' && !CHANGEFREQ.has(value)) {
      const lower = CHANGEFREQ.has(value.toLowerCase()) ? ` (values are lowercase: "${value.toLowerCase()}")` : '';
      findings.push({ rule: 'changefreq', message: `<changefreq> "${describe(value)}" is not one of always, hourly, daily, weekly, monthly, yearly, never${lower}`, at: at(child) });
    } else if (child.name === 'priority' && (!DECIMAL.test(value) || Number(value) < 0 || Number(value) > 1)) {
      findings.push({ rule: 'priority', message: `<priority> "${describe(value)}" is not a decimal number from 0.0 to 1.0 (the default is 0.5)`, at: at(child) });
    }
  }
  if (loc === undefined) findings.push({ rule: 'missing-loc', message: `this <${entry.qname}> has no <loc>; every entry gives the absolute URL of its ${kind === 'urlset' ? 'page' : 'sitemap'} in <loc>`, at: at(entry) });
  else checkLoc(loc, findings);
  return news;
}

/** Google News: at most 1,000 `<news:news>` per sitemap. */
function checkNewsCount(root: XmlElement, findings: Finding<SitemapRuleId>[]): void {
  let count = 0;
  for (const entry of childElements(root)) {
    for (const child of childElements(entry)) {
      if (child.uri !== NEWS_NS || child.name !== 'news') continue;
      if (++count === 1001) {
        findings.push({ rule: 'too-many-news', message: 'this sitemap has more than 1,000 <news:news> entries (this is the first one over); Google News reads at most 1,000 per sitemap: keep the newest, or split them over several sitemaps', at: at(child) });
        return;
      }
    }
  }
}

function unexpected(element: XmlElement, parent: string, expected: string): Finding<SitemapRuleId> {
  return { rule: 'unexpected-element', message: `<${element.qname}> is not allowed in ${parent}, which holds ${expected}; move or remove it`, at: at(element) };
}
