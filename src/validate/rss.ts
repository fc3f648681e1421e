import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { ATOM_NS, CONTENT_NS, DC_NS, toFeedUrl } from '../emit/feed.ts';
import type { OutputFile, Validator } from '../model/output.ts';
import {
  attrValue,
  checkAbsolute,
  checkBadCharacters,
  checkContentHtml,
  checkEnclosureAttributes,
  checkFeedScope,
  checkLanguages,
  checkLinkRel,
  checkMedia,
  checkNamespaces,
  checkPlainText,
  checkPlausibleDate,
  checkRfc3339,
  feedContext,
  type Dated,
  type Reporter,
  type UrlCheck,
} from './feedrules.ts';
import { isAbsoluteUrl } from './html.ts';
import {
  RSS_ATOM_SCHEMA,
  RSS_ATOM_SCHEMA_FILE,
  RSS_CONTENT_SCHEMA,
  RSS_CONTENT_SCHEMA_FILE,
  RSS_DC_SCHEMA,
  RSS_DC_SCHEMA_FILE,
  RSS_MEDIA_SCHEMA,
  RSS_MEDIA_SCHEMA_FILE,
  RSS_SCHEMA,
  RSS_SCHEMA_FILE,
} from './schemas/rss.ts';
import { compileXsd, lazySchema, registerSchemaFiles, validateXml } from './xml.ts';
import type { XElement, XTree } from './xmltree.ts';
import { toInstant } from '../model/time.ts';

/*
 * The RSS validator: our own schema, the rules shared with Atom (feedrules.ts), and the RSS-only
 * rules below. They follow the W3C Feed Validation Service (https://github.com/w3c/feedvalidator,
 * modules `item.py`, `channel.py`, `validators.py`): the name of the W3C message each rule stands
 * for is given next to it, so that "clean" here means clean there.
 */

const SOURCE = 'validate:rss';
/** Where the prefixed elements RSS items use live. */
const NS = { atom: ATOM_NS, content: CONTENT_NS, dc: DC_NS } as const;

const rssSchema = lazySchema(() => {
  registerSchemaFiles({
    [RSS_ATOM_SCHEMA_FILE]: RSS_ATOM_SCHEMA,
    [RSS_CONTENT_SCHEMA_FILE]: RSS_CONTENT_SCHEMA,
    [RSS_DC_SCHEMA_FILE]: RSS_DC_SCHEMA,
    [RSS_MEDIA_SCHEMA_FILE]: RSS_MEDIA_SCHEMA,
  });
  return compileXsd(RSS_SCHEMA_FILE, RSS_SCHEMA);
});

/**
 * Checks an RSS feed (`rss.xml` or `sections/<path>/rss.xml`): well-formed, our RSS schema, then
 * the W3C Feed Validation Service's rules and ours (self link from the file's own path, item limit,
 * order, dates).
 */
export const validateRss: Validator = (file, site) =>
  validateXml(file, rssSchema(), SOURCE, (tree) => inspectRss(tree, file, site));

function inspectRss(tree: XTree, file: OutputFile, site: SiteConfig): Diagnostic[] {
  const ctx = feedContext(file, SOURCE, 'rss');
  const { report } = ctx;
  const found: Diagnostic[] = [];
  const root = tree.root;
  const channel = root.name === 'rss' && root.namespaceUri === '' ? root.child('', 'channel') : null;
  if (channel === null) return found; // the schema has reported it
  found.push(...checkNamespaces(tree, ctx), ...checkBadCharacters(tree, ctx), ...checkLanguages(tree, ctx));

  // Self link (standards "RSS 2.0 and Atom 1.0" §1; W3C MissingAtomSelfLink, SelfDoesntMatchLocation,
  // SelfNotAtom): some readers take the first atom:link as the feed URL.
  const expectedSelf = toFeedUrl(site, file.path);
  const links = channel.childrenNamed(NS.atom, 'link');
  const first = links[0];
  if (first === undefined || attrValue(first, 'rel') !== 'self') {
    const where = first === undefined ? 'there is no <atom:link>' : `the first <atom:link> has rel="${attrValue(first, 'rel') ?? ''}"`;
    found.push(report('error', 'self-link', `${where}; the channel's first <atom:link> must be rel="self" href="${expectedSelf}" type="application/rss+xml"`, first ?? channel));
  } else if (attrValue(first, 'href') !== expectedSelf) {
    found.push(report('error', 'self-link', `<atom:link rel="self"> points to "${attrValue(first, 'href') ?? ''}"; set it to this file's public URL "${expectedSelf}" (feed.baseUrl + its path)`, first));
  } else if (attrValue(first, 'type') !== 'application/rss+xml') {
    found.push(report('error', 'self-link', `<atom:link rel="self"> has type="${attrValue(first, 'type') ?? ''}"; an RSS feed's self link is type="application/rss+xml"`, first));
  }
  if (links.filter((link) => attrValue(link, 'rel') === 'self').length > 1) {
    found.push(report('error', 'self-link', 'the channel has more than one <atom:link rel="self">; keep exactly one, first', links[1]));
  }
  for (const link of links) found.push(...checkLinkRel(link, ctx));

  const urls: UrlCheck[] = [];
  const channelLink = channel.child('', 'link');
  if (channelLink) urls.push([channelLink, channelLink.content, 'channel <link>', 'url']);
  for (const link of links) urls.push([link, attrValue(link, 'href') ?? '', '<atom:link> href', 'url']);
  for (const dateElement of channel.children.filter((c) => c.namespaceUri === '' && (c.name === 'lastBuildDate' || c.name === 'pubDate'))) {
    found.push(...checkRfc822(dateElement, report));
  }
  for (const name of ['title', 'description', 'copyright']) {
    const element = channel.child('', name);
    if (element) found.push(...checkPlainText(element, element.content, `channel <${name}>`, ctx));
  }

  const guids = new Map<string, number>();
  const items = channel.childrenNamed('', 'item');
  const order: Dated[] = [];
  let newest: number | undefined;
  items.forEach((item, i) => {
    const label = `item ${i + 1}`;
    const link = item.child('', 'link');
    if (link) urls.push([link, link.content, `${label} <link>`, 'url']);
    const title = item.child('', 'title');
    if (title) found.push(...checkPlainText(title, title.content, `${label} <title>`, ctx));
    const guid = item.child('', 'guid');
    if (guid) {
      const id = guid.content.trim();
      urls.push([guid, id, `${label} <guid>`, 'uri']);
      found.push(...checkGuid(guid, id, label, report));
      const firstLine = guids.get(id);
      if (firstLine !== undefined) {
        found.push(report('error', 'duplicate-id', `${label} repeats the <guid> "${id}" of the item on line ${firstLine}; every item needs its own stable guid (article id, never the headline)`, guid));
      } else guids.set(id, guid.line);
    }
    for (const category of item.childrenNamed('', 'category')) {
      const domain = attrValue(category, 'domain');
      if (domain !== undefined) urls.push([category, domain, `${label} <category> domain`, 'url']);
      found.push(...checkPlainText(category, category.content, `${label} <category>`, ctx));
    }
    let changed: number | undefined;
    for (const date of item.childrenNamed('', 'pubDate')) {
      found.push(...checkRfc822(date, report));
      const instant = parseRfc822(date.content.trim());
      if (instant !== undefined) order.push({ node: date, instant });
      changed = instant;
    }
    // The item's last change: atom:updated when present (we always write it), else pubDate.
    for (const date of item.childrenNamed(NS.atom, 'updated')) {
      found.push(...checkRfc3339(date, report));
      changed = toInstant(date.content);
    }
    if (changed !== undefined && (newest === undefined || changed > newest)) newest = changed;
    found.push(...checkAuthors(item, label, report), ...checkDuplicateSemantics(item, label, report));
    const description = item.child('', 'description');
    const content = item.child(NS.content, 'encoded');
    if (content && !description) {
      found.push(report('warning', 'content-before-description', `${label} has <content:encoded> but no <description>; the RSS Profile asks for a plain summary in <description> before the full content (W3C NeedDescriptionBeforeContent)`, content));
    }
    for (const html of [description, content]) {
      if (html) found.push(...checkContentHtml(html, `${label} <${html.prefix ? `${html.prefix}:` : ''}${html.name}>`, report));
    }
    found.push(...checkEnclosures(item, label, report), ...checkMedia(item, label, ctx, urls));
  });
  found.push(...checkFeedScope(order, items.length, site, channel, ctx));
  const lastBuild = channel.child('', 'lastBuildDate');
  const built = lastBuild ? parseRfc822(lastBuild.content.trim()) : undefined;
  if (lastBuild && built !== undefined && newest !== undefined && built !== newest) {
    found.push(report('error', 'feed-updated', `<lastBuildDate> "${lastBuild.content.trim()}" is not the newest change among the items (${new Date(newest).toUTCString()}); a feed is dated by its newest item`, lastBuild));
  }
  for (const [node, value, what, kind] of urls) found.push(...checkAbsolute(node, value, what, kind, report));
  return found;
}

/** `guid-permalink` (W3C InvalidPermalink, InvalidBooleanAttribute) and `guid-not-unique` (NotSufficientlyUnique). */
function checkGuid(guid: XElement, id: string, label: string, report: Reporter): Diagnostic[] {
  const permalink = attrValue(guid, 'isPermaLink');
  if (permalink !== undefined && permalink !== 'true' && permalink !== 'false') {
    return [report('error', 'guid-permalink', `${label} <guid isPermaLink="${permalink}"> must be "true" or "false"`, guid)];
  }
  // W3C flags tag: and urn:uuid: permalinks; any guid that is not an http(s) URL cannot be one.
  if (permalink !== 'false' && !isAbsoluteUrl(id)) {
    return [report('error', 'guid-permalink', `${label} <guid> "${id}" is not a URL but isPermaLink is ${permalink ?? 'absent (true by default)'}; write isPermaLink="false"`, guid)];
  }
  if (permalink === 'false' && id.length < 9 && /^\d+$/.test(id)) {
    return [report('warning', 'guid-not-unique', `${label} <guid> "${id}" is a short number that other feeds also use; use a tag: or https URI`, guid)];
  }
  return [];
}

/** `bare-author` (W3C InvalidContact) and `author-format` (RSS Profile EmailFormat, MissingRealName). */
function checkAuthors(item: XElement, label: string, report: Reporter): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const author of item.childrenNamed('', 'author')) {
    const value = author.content.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@()]+(?:\s|$)/.test(value)) {
      found.push(report('error', 'bare-author', `${label} <author> "${value}" is not an email address (RSS 2.0); put a name in <dc:creator> instead and drop <author>`, author));
    } else if (!/^\S+ \(.+\)$/.test(value)) {
      found.push(report('warning', 'author-format', `${label} <author> "${value}" should be written "email (Name)" (RSS Profile); or put the name in <dc:creator> and drop <author>`, author));
    }
  }
  return found;
}

/** `duplicate-semantics` (W3C DuplicateItemSemantics): a core element and its extension twin in one item. */
function checkDuplicateSemantics(item: XElement, label: string, report: Reporter): Diagnostic[] {
  const pairs: [string, keyof typeof NS, string][] = [
    ['author', 'dc', 'creator'],
    ['category', 'dc', 'subject'],
    ['pubDate', 'dc', 'date'],
    ['pubDate', 'atom', 'published'],
    ['guid', 'atom', 'id'],
  ];
  const found: Diagnostic[] = [];
  for (const [core, prefix, name] of pairs) {
    const ext = `${prefix}:${name}`;
    const twin = item.child(NS[prefix], name);
    if (item.has('', core) && twin) {
      found.push(report('warning', 'duplicate-semantics', `${label} has both <${core}> and <${ext}>, which say the same thing; keep one (for a byline name, <dc:creator> only)`, twin));
    }
  }
  return found;
}

/**
 * `enclosure` (W3C MissingAttribute, InvalidIntegerAttribute, InvalidNonNegativeInteger,
 * UseZeroForUnknown, InvalidMIMEAttribute, InvalidURLAttribute) and `duplicate-enclosure` (DuplicateEnclosure).
 */
function checkEnclosures(item: XElement, label: string, report: Reporter): Diagnostic[] {
  const enclosures = item.childrenNamed('', 'enclosure');
  const found: Diagnostic[] = [];
  if (enclosures.length > 1) {
    found.push(report('warning', 'duplicate-enclosure', `${label} has ${enclosures.length} <enclosure> elements; RSS 2.0 readers take one, so keep only the main photo (the others stay as media:content)`, enclosures[1]));
  }
  for (const enclosure of enclosures) {
    found.push(...checkEnclosureAttributes(enclosure, `${label} <enclosure>`, 'url', report));
    const url = attrValue(enclosure, 'url');
    if (url !== undefined && !HTTP_URL.test(url)) {
      found.push(report('error', 'enclosure', `${label} <enclosure url="${url}"> is not an http(s) URL with a host name; enclosures must be downloadable`, enclosure));
    }
  }
  return found;
}

const HTTP_URL = /^https?:\/\/(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.|(?:[A-Z0-9-]+\.)+)[A-Z0-9][-A-Z0-9]*(?::\d+)?(?:\/|$)/i;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|[+-]\d{4})$/;

/** An RFC 822 date read: its instant, or what is wrong with it. */
type Rfc822 = { instant: number } | { problem: string };

/** Reads an RFC 822 date as {@link checkRfc822} accepts it: four-digit year, `GMT` or `+hhmm`, a real date, the right weekday. */
function readRfc822(value: string): Rfc822 {
  const m = RFC822.exec(value);
  if (!m) return { problem: 'is not an RFC 822 date with GMT or +hhmm' };
  const [, weekday, day, month, year, hour, minute, second, zone] = m;
  const date = new Date(Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day)));
  if (date.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return { problem: 'is not a real date or time' };
  if (weekday !== undefined && DAYS[date.getUTCDay()] !== weekday) return { problem: `has the wrong day of the week (${DAYS[date.getUTCDay()]})` };
  const offset = zone === 'GMT' ? 0 : (zone!.startsWith('-') ? -1 : 1) * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(3, 5)));
  return { instant: date.getTime() + ((Number(hour) * 60 + Number(minute) - offset) * 60 + Number(second ?? 0)) * 1000 };
}

/** The instant of a valid RFC 822 date, or undefined (the date rule reports it). */
function parseRfc822(value: string): number | undefined {
  const read = readRfc822(value);
  return 'instant' in read ? read.instant : undefined;
}

/** `rss-date` (W3C InvalidRFC2822Date, IncorrectDOW, ProblematicalRFC822Date): see {@link readRfc822}. */
function checkRfc822(element: XElement, report: Reporter): Diagnostic[] {
  const name = element.name;
  const value = element.content.trim();
  const read = readRfc822(value);
  if ('problem' in read) return [report('error', 'rss-date', `<${name}> "${value}" ${read.problem}; write RFC 822 such as "Wed, 04 Sep 2024 13:03:00 GMT"`, element)];
  return checkPlausibleDate(element, value, read.instant, report);
}
