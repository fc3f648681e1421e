import type { XmlDocument, XmlElement, XmlNode } from 'libxml2-wasm';
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.ts';
import { ATOM_NS, feedUrls } from '../emit/feed.ts';
import type { OutputFile, Validator } from '../model/output.ts';
import {
  RSS_ATOM_SCHEMA,
  RSS_ATOM_SCHEMA_FILE,
  RSS_CONTENT_SCHEMA,
  RSS_CONTENT_SCHEMA_FILE,
  RSS_DC_SCHEMA,
  RSS_DC_SCHEMA_FILE,
  RSS_SCHEMA,
  RSS_SCHEMA_FILE,
} from './schemas/rss.ts';
import { compileXsd, lazySchema, registerSchemaFiles, validateXml } from './xml.ts';

const SOURCE = 'validate:rss';
/** XPath prefixes for the namespaces RSS items use. */
const NS = { atom: ATOM_NS, content: 'http://purl.org/rss/1.0/modules/content/', dc: 'http://purl.org/dc/elements/1.1/' };

const rssSchema = lazySchema(() => {
  registerSchemaFiles({
    [RSS_ATOM_SCHEMA_FILE]: RSS_ATOM_SCHEMA,
    [RSS_CONTENT_SCHEMA_FILE]: RSS_CONTENT_SCHEMA,
    [RSS_DC_SCHEMA_FILE]: RSS_DC_SCHEMA,
  });
  return compileXsd(RSS_SCHEMA_FILE, RSS_SCHEMA);
});

/** Checks `rss.xml`: well-formed, our RSS schema, then the rules the schema cannot express. */
export const validateRss: Validator = (file, site) => validateXml(file, rssSchema(), SOURCE, (doc) => inspectRss(doc, file, site));

function inspectRss(doc: XmlDocument, file: OutputFile, site: SiteConfig): Diagnostic[] {
  const report = reporter(file, SOURCE);
  const found: Diagnostic[] = [];
  const channel = doc.get('/rss/channel') as XmlElement | null;
  if (channel === null) return found; // the schema has reported it

  // Self link (standards "RSS 2.0 and Atom 1.0" §1): some readers take the first atom:link as the feed URL.
  const expectedSelf = feedUrls(site).rss;
  const links = channel.find('atom:link', NS) as XmlElement[];
  const first = links[0];
  if (first === undefined || attrValue(first, 'rel') !== 'self') {
    const where = first === undefined ? 'there is no <atom:link>' : `the first <atom:link> has rel="${attrValue(first, 'rel') ?? ''}"`;
    found.push(report('error', 'self-link', `${where}; the channel's first <atom:link> must be rel="self" href="${expectedSelf}" type="application/rss+xml"`, first ?? channel));
  } else if (attrValue(first, 'href') !== expectedSelf) {
    found.push(report('error', 'self-link', `<atom:link rel="self"> points to "${attrValue(first, 'href') ?? ''}"; set it to the feed's public URL "${expectedSelf}"`, first));
  }

  const urls: [XmlNode, string, string, UrlKind][] = [];
  const channelLink = channel.get('link');
  if (channelLink) urls.push([channelLink, channelLink.content, 'channel <link>', 'url']);
  for (const link of links) urls.push([link, attrValue(link, 'href') ?? '', '<atom:link> href', 'url']);
  for (const dateElement of channel.find('lastBuildDate | pubDate')) found.push(...checkRfc822(dateElement, report));

  const guids = new Map<string, number>();
  (channel.find('item') as XmlElement[]).forEach((item, i) => {
    const label = `item ${i + 1}`;
    const link = item.get('link');
    if (link) urls.push([link, link.content, `${label} <link>`, 'url']);
    const guid = item.get('guid');
    if (guid) {
      const id = guid.content.trim();
      urls.push([guid, id, `${label} <guid>`, 'uri']);
      const firstLine = guids.get(id);
      if (firstLine !== undefined) {
        found.push(report('error', 'duplicate-id', `${label} repeats the <guid> "${id}" of the item on line ${firstLine}; every item needs its own stable guid (article id, never the headline)`, guid));
      } else guids.set(id, guid.line);
    }
    for (const category of item.find('category') as XmlElement[]) {
      const domain = attrValue(category, 'domain');
      if (domain !== undefined) urls.push([category, domain, `${label} <category> domain`, 'url']);
    }
    for (const date of item.find('pubDate')) found.push(...checkRfc822(date, report));
    for (const author of item.find('author')) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+(?: \(.+\))?$/.test(author.content.trim())) {
        found.push(report('error', 'bare-author', `${label} <author> "${author.content.trim()}" is not an email address (RSS 2.0); put a name in <dc:creator> instead and drop <author>`, author));
      }
    }
    for (const html of item.find('description | content:encoded', NS) as XmlElement[]) {
      found.push(...checkContentHtml(html, `${label} <${html.prefix ? `${html.prefix}:` : ''}${html.name}>`, report));
    }
  });
  for (const [node, value, what, kind] of urls) found.push(...checkAbsolute(node, value, what, kind, report));
  return found;
}

// ---------------------------------------------------------------------------------------------
// Rule helpers shared with validate/atom.ts (both feeds check the same URL, date and HTML rules).

/** Creates diagnostics for one output file, positioned at a node's line. */
export type Reporter = (severity: Severity, ruleId: string, message: string, node?: XmlNode) => Diagnostic;

/** A {@link Reporter} for `file`, tagging diagnostics with `source` and the file's source articles. */
export function reporter(file: OutputFile, source: string): Reporter {
  const origin = file.sources.join(', ') || undefined;
  return (severity, ruleId, message, node) => diagnostic(severity, `dist/${file.path}`, source, ruleId, message, { line: node && node.line > 0 ? node.line : undefined }, origin);
}

/** The value of an attribute, or undefined when absent. */
export function attrValue(element: XmlElement, name: string): string | undefined {
  return element.attr(name)?.value;
}

/** What a value must be: an absolute http(s) URL (links, images) or any absolute URI (ids: `tag:`, `urn:`). */
export type UrlKind = 'url' | 'uri';

/** `relative-url`: reports a link or id that readers could not resolve on their own. */
export function checkAbsolute(node: XmlNode, value: string, what: string, kind: UrlKind, report: Reporter): Diagnostic[] {
  const ok = kind === 'url' ? isAbsoluteUrl(value) : /^[a-z][a-z0-9+.-]*:\S+$/i.test(value.trim());
  if (ok) return [];
  const expected = kind === 'url' ? 'an absolute http(s) URL such as "https://example.com/page"' : 'an absolute URI (https:, tag: or urn:uuid:)';
  return [report('error', 'relative-url', `${what} "${value}" is not absolute; readers resolve relative links against their own host. Write ${expected}`, node)];
}

/** True for `http://host…` / `https://host…`. */
export function isAbsoluteUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/i.test(value.trim());
}

/**
 * `unsafe-content` and `relative-url` for HTML carried as text (RSS `content:encoded`, Atom
 * `type="html"`): readers strip or refuse script-like markup, and resolve relative URLs wrongly.
 */
export function checkContentHtml(element: XmlNode, what: string, report: Reporter): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const tag of scanHtmlTags(element.content)) {
    if (/^(?:script|iframe|object|embed)$/i.test(tag.name)) {
      found.push(report('error', 'unsafe-content', `${what} contains <${tag.name}>; feed readers strip it or reject the item. Remove it from the article HTML`, element));
    }
    for (const [name, value] of tag.attrs) {
      if (/^on/i.test(name)) {
        found.push(report('error', 'unsafe-content', `${what} has an event-handler attribute ${name} on <${tag.name}>; remove it from the article HTML`, element));
      } else if (/^(?:href|src)$/i.test(name)) {
        if (/^\s*(?:javascript|vbscript|data):/i.test(value)) {
          found.push(report('error', 'unsafe-content', `${what} <${tag.name} ${name}="${value.slice(0, 40)}"> uses a script or data URL; link to an https URL instead`, element));
        } else if (!isAbsoluteUrl(value)) {
          found.push(report('error', 'relative-url', `${what} <${tag.name} ${name}="${value}"> is not absolute; feed readers resolve it against their own host. Write an absolute https URL`, element));
        }
      }
    }
  }
  return found;
}

interface HtmlTag {
  name: string;
  attrs: [string, string][];
}

const TAG = /<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Start tags and their attributes (entity-decoded) in an HTML fragment; enough to find what readers refuse. */
function scanHtmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const match of html.matchAll(TAG)) {
    const attrs: [string, string][] = [];
    for (const a of (match[2] ?? '').matchAll(ATTRIBUTE)) attrs.push([a[1] ?? '', decodeHtml(a[2] ?? a[3] ?? a[4] ?? '')]);
    tags.push({ name: match[1] ?? '', attrs });
  }
  return tags;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references an attribute value may use, so `&#104;ttp:` is seen as `http:`. */
function decodeHtml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|[+-]\d{4})$/;

/** `rss-date`: RFC 822 (§5, four-digit year) with `GMT` or `+hhmm`, a real date, the right weekday. */
function checkRfc822(element: XmlNode, report: Reporter): Diagnostic[] {
  const name = (element as XmlElement).name;
  const value = element.content.trim();
  const m = RFC822.exec(value);
  const fix = `write RFC 822 such as "Wed, 04 Sep 2024 13:03:00 GMT"`;
  if (!m) return [report('error', 'rss-date', `<${name}> "${value}" is not an RFC 822 date with GMT or +hhmm; ${fix}`, element)];
  const [, weekday, day, month, year, hour, minute, second, zone] = m;
  const offset = zone === 'GMT' ? 0 : (zone!.startsWith('-') ? -1 : 1) * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(3, 5)));
  const local = Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day), Number(hour), Number(minute), Number(second ?? 0));
  const check = new Date(local);
  if (check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) {
    return [report('error', 'rss-date', `<${name}> "${value}" is not a real date or time; ${fix}`, element)];
  }
  if (weekday !== undefined && DAYS[check.getUTCDay()] !== weekday) {
    return [report('error', 'rss-date', `<${name}> "${value}" has the wrong day of the week (${DAYS[check.getUTCDay()]}); ${fix}`, element)];
  }
  return checkPlausibleDate(element, value, local - offset * 60_000, report);
}

/** `date-out-of-range` (warning): feed validators flag dates before 1990 as implausible. */
export function checkPlausibleDate(element: XmlNode, value: string, instant: number, report: Reporter): Diagnostic[] {
  if (instant >= Date.UTC(1990, 0, 1)) return [];
  const name = (element as XmlElement).name;
  return [report('warning', 'date-out-of-range', `<${name}> "${value}" is before 1990; feed validators flag it as implausible. Check the article dates (an empty feed is dated 1970)`, element)];
}
