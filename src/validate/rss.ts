import type { XmlDocument, XmlElement, XmlNode } from 'libxml2-wasm';
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.ts';
import { ATOM_NS, CONTENT_NS, DC_NS, MEDIA_NS, toFeedUrl } from '../emit/feed.ts';
import type { OutputFile, Validator } from '../model/output.ts';
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

/*
 * The RSS validator, and the rules it shares with the Atom validator. Besides our own schema, the
 * rules follow the W3C Feed Validation Service (https://github.com/w3c/feedvalidator, modules
 * `item.py`, `channel.py`, `validators.py`, `media.py`, `link.py`, `base.py`): the name of the W3C
 * message each rule stands for is given next to it, so that "clean" here means clean there.
 */

const SOURCE = 'validate:rss';
/** XPath prefixes for the namespaces RSS items use. */
const NS = { atom: ATOM_NS, content: CONTENT_NS, dc: DC_NS, media: MEDIA_NS };

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
export const validateRss: Validator = (file, site) => validateXml(file, rssSchema(), SOURCE, (doc) => inspectRss(doc, file, site));

function inspectRss(doc: XmlDocument, file: OutputFile, site: SiteConfig): Diagnostic[] {
  const ctx = feedContext(file, SOURCE, 'rss');
  const { report } = ctx;
  const found: Diagnostic[] = [];
  const channel = doc.get('/rss/channel') as XmlElement | null;
  if (channel === null) return found; // the schema has reported it
  found.push(...checkNamespaces(doc, ctx), ...checkBadCharacters(doc, ctx), ...checkLanguages(doc, ctx));

  // Self link (standards "RSS 2.0 and Atom 1.0" §1; W3C MissingAtomSelfLink, SelfDoesntMatchLocation,
  // SelfNotAtom): some readers take the first atom:link as the feed URL.
  const expectedSelf = toFeedUrl(site, file.path);
  const links = channel.find('atom:link', NS) as XmlElement[];
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
  const channelLink = channel.get('link');
  if (channelLink) urls.push([channelLink, channelLink.content, 'channel <link>', 'url']);
  for (const link of links) urls.push([link, attrValue(link, 'href') ?? '', '<atom:link> href', 'url']);
  for (const dateElement of channel.find('lastBuildDate | pubDate')) found.push(...checkRfc822(dateElement, report));
  for (const name of ['title', 'description', 'copyright']) {
    const element = channel.get(name) as XmlElement | null;
    if (element) found.push(...checkPlainText(element, element.content, `channel <${name}>`, ctx));
  }

  const guids = new Map<string, number>();
  const items = channel.find('item') as XmlElement[];
  const order: Dated[] = [];
  let newest: number | undefined;
  items.forEach((item, i) => {
    const label = `item ${i + 1}`;
    const link = item.get('link');
    if (link) urls.push([link, link.content, `${label} <link>`, 'url']);
    const title = item.get('title') as XmlElement | null;
    if (title) found.push(...checkPlainText(title, title.content, `${label} <title>`, ctx));
    const guid = item.get('guid') as XmlElement | null;
    if (guid) {
      const id = guid.content.trim();
      urls.push([guid, id, `${label} <guid>`, 'uri']);
      found.push(...checkGuid(guid, id, label, report));
      const firstLine = guids.get(id);
      if (firstLine !== undefined) {
        found.push(report('error', 'duplicate-id', `${label} repeats the <guid> "${id}" of the item on line ${firstLine}; every item needs its own stable guid (article id, never the headline)`, guid));
      } else guids.set(id, guid.line);
    }
    for (const category of item.find('category') as XmlElement[]) {
      const domain = attrValue(category, 'domain');
      if (domain !== undefined) urls.push([category, domain, `${label} <category> domain`, 'url']);
      found.push(...checkPlainText(category, category.content, `${label} <category>`, ctx));
    }
    let changed: number | undefined;
    for (const date of item.find('pubDate')) {
      found.push(...checkRfc822(date, report));
      const instant = parseRfc822(date.content.trim());
      if (instant !== undefined) order.push({ node: date, instant });
      changed = instant;
    }
    // The item's last change: atom:updated when present (we always write it), else pubDate.
    for (const date of item.find('atom:updated', NS)) {
      found.push(...checkRfc3339(date, report));
      const instant = Date.parse(date.content.trim());
      changed = Number.isNaN(instant) ? undefined : instant;
    }
    if (changed !== undefined && (newest === undefined || changed > newest)) newest = changed;
    found.push(...checkAuthors(item, label, report), ...checkDuplicateSemantics(item, label, report));
    const description = item.get('description');
    const content = item.get('content:encoded', NS);
    if (content && !description) {
      found.push(report('warning', 'content-before-description', `${label} has <content:encoded> but no <description>; the RSS Profile asks for a plain summary in <description> before the full content (W3C NeedDescriptionBeforeContent)`, content));
    }
    for (const html of [description, content]) {
      if (html) found.push(...checkContentHtml(html, `${label} <${(html as XmlElement).prefix ? `${(html as XmlElement).prefix}:` : ''}${(html as XmlElement).name}>`, report));
    }
    found.push(...checkEnclosures(item, label, report), ...checkMedia(item, label, ctx, urls));
  });
  found.push(...checkFeedScope(order, items.length, site, channel, ctx));
  const lastBuild = channel.get('lastBuildDate');
  const built = lastBuild ? parseRfc822(lastBuild.content.trim()) : undefined;
  if (lastBuild && built !== undefined && newest !== undefined && built !== newest) {
    found.push(report('error', 'feed-updated', `<lastBuildDate> "${lastBuild.content.trim()}" is not the newest change among the items (${new Date(newest).toUTCString()}); a feed is dated by its newest item`, lastBuild));
  }
  for (const [node, value, what, kind] of urls) found.push(...checkAbsolute(node, value, what, kind, report));
  return found;
}

/** `guid-permalink` (W3C InvalidPermalink, InvalidBooleanAttribute) and `guid-not-unique` (NotSufficientlyUnique). */
function checkGuid(guid: XmlElement, id: string, label: string, report: Reporter): Diagnostic[] {
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
function checkAuthors(item: XmlElement, label: string, report: Reporter): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const author of item.find('author')) {
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
function checkDuplicateSemantics(item: XmlElement, label: string, report: Reporter): Diagnostic[] {
  const pairs: [string, string][] = [
    ['author', 'dc:creator'],
    ['category', 'dc:subject'],
    ['pubDate', 'dc:date'],
    ['pubDate', 'atom:published'],
    ['guid', 'atom:id'],
  ];
  const found: Diagnostic[] = [];
  for (const [core, ext] of pairs) {
    const twin = item.get(ext, NS);
    if (item.get(core) && twin) {
      found.push(report('warning', 'duplicate-semantics', `${label} has both <${core}> and <${ext}>, which say the same thing; keep one (for a byline name, <dc:creator> only)`, twin));
    }
  }
  return found;
}

/**
 * `enclosure` (W3C MissingAttribute, InvalidIntegerAttribute, InvalidNonNegativeInteger,
 * UseZeroForUnknown, InvalidMIMEAttribute, InvalidURLAttribute) and `duplicate-enclosure` (DuplicateEnclosure).
 */
function checkEnclosures(item: XmlElement, label: string, report: Reporter): Diagnostic[] {
  const enclosures = item.find('enclosure') as XmlElement[];
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

// ---------------------------------------------------------------------------------------------
// Rules shared with validate/atom.ts: both feeds check the same URL, date, text, HTML, Media RSS,
// namespace and scope rules.

/** Creates diagnostics for one output file, positioned at a node's line. */
export type Reporter = (severity: Severity, ruleId: string, message: string, node?: XmlNode) => Diagnostic;

/** A {@link Reporter} for `file`, tagging diagnostics with `source` and the file's source articles. */
export function reporter(file: OutputFile, source: string): Reporter {
  const origin = file.sources.join(', ') || undefined;
  return (severity, ruleId, message, node) => diagnostic(severity, `dist/${file.path}`, source, ruleId, message, { line: node && node.line > 0 ? node.line : undefined }, origin);
}

/** What the shared rules need to know about the document they check. */
export interface FeedContext {
  /** Reports a finding in this file. */
  report: Reporter;
  /** The raw lines of the file (the W3C validator looks at raw text for `&#x`). */
  lines: string[];
  /** Which format: RSS has the RSS Profile's extra plain-text rule and no xml:lang conventions. */
  format: 'rss' | 'atom';
}

/** The {@link FeedContext} of an output file. */
export function feedContext(file: OutputFile, source: string, format: 'rss' | 'atom'): FeedContext {
  return { report: reporter(file, source), lines: file.text.split('\n'), format };
}

/** The value of an attribute, or undefined when absent. */
export function attrValue(element: XmlElement, name: string): string | undefined {
  return element.attr(name)?.value;
}

/** What a value must be: an absolute http(s) URL (links, images) or any absolute URI (ids: `tag:`, `urn:`). */
export type UrlKind = 'url' | 'uri';

/** A URL to check: the node it is on, its value, how to name it in a message, and what it must be. */
export type UrlCheck = [XmlNode, string, string, UrlKind];

/** Characters RFC 2396 allows in a URI (W3C `rfc2396.urichars_re`); anything else is InvalidUriChar. */
const URI_CHARS = /^[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]*$/;
const TAG_URI = /^tag:([a-z0-9\-._]+?@)?[a-z0-9.-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$/;
const URN = /^urn:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:(?:[a-zA-Z0-9()+,.:=@;$_!*'-]|%[0-9A-Fa-f]{2})+$/i;
const UUID_URN = /^urn:uuid:[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/i;

/**
 * `relative-url` (W3C InvalidFullLink, ContainsRelRef, RelativeSelf): a link or id readers could not
 * resolve on their own; `invalid-uri` (InvalidUriChar, InvalidTAG, InvalidURN, InvalidUUID): not a
 * well-formed URI; `unregistered-scheme` (SchemeNotIANARegistered, warning).
 */
export function checkAbsolute(node: XmlNode, value: string, what: string, kind: UrlKind, report: Reporter): Diagnostic[] {
  const trimmed = value.trim();
  const ok = kind === 'url' ? isAbsoluteUrl(trimmed) : /^[a-z][a-z0-9+.-]*:\S+$/i.test(trimmed);
  if (!ok) {
    const expected = kind === 'url' ? 'an absolute http(s) URL such as "https://example.com/page"' : 'an absolute URI (https:, tag: or urn:uuid:)';
    return [report('error', 'relative-url', `${what} "${value}" is not absolute; readers resolve relative links against their own host. Write ${expected}`, node)];
  }
  const scheme = trimmed.slice(0, trimmed.indexOf(':')).toLowerCase();
  if (scheme === 'tag' && !TAG_URI.test(trimmed)) {
    return [report('error', 'invalid-uri', `${what} "${value}" is not a valid tag: URI (RFC 4151: "tag:<domain>,<yyyy[-mm[-dd]]>:<specific>" with URI characters only)`, node)];
  }
  if (scheme === 'urn' && !(/^urn:uuid:/i.test(trimmed) ? UUID_URN : URN).test(trimmed)) {
    return [report('error', 'invalid-uri', `${what} "${value}" is not a valid URN (RFC 8141 "urn:<nid>:<nss>", or urn:uuid: with a hyphenated UUID)`, node)];
  }
  const bad = [...trimmed].find((c) => !URI_CHARS.test(c));
  if (bad !== undefined) {
    return [report('error', 'invalid-uri', `${what} "${value}" contains "${bad}", which URIs do not allow; percent-encode it (${encodeURIComponent(bad)})`, node)];
  }
  if (!IANA_SCHEMES.has(scheme)) {
    return [report('warning', 'unregistered-scheme', `${what} "${value}" uses the scheme "${scheme}:", which is not registered with IANA; use https:, tag: or urn:`, node)];
  }
  return [];
}

/** True for `http://host…` / `https://host…`. */
export function isAbsoluteUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/i.test(value.trim());
}

/** `link-rel` (W3C UnregisteredAtomLinkRel, warning): an `atom:link` relation that is neither registered nor a URI. */
export function checkLinkRel(link: XmlElement, ctx: FeedContext): Diagnostic[] {
  const rel = attrValue(link, 'rel');
  if (rel === undefined || LINK_RELATIONS.has(rel.replace(/^http:\/\/www\.iana\.org\/assignments\/relation\//, ''))) return [];
  if (/^[a-zA-Z][0-9a-zA-Z+\-.]*:(\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$/.test(rel)) return [];
  return [ctx.report('warning', 'link-rel', `<link rel="${rel}"> is not a registered link relation (alternate, self, enclosure, related, via, …) nor a URI; use a registered one`, link)];
}

/**
 * `html-in-text` (W3C ContainsHTML, ContainsUndeclaredHTML, CharacterData, warnings): plain text
 * that readers may take for HTML. Ported from feedvalidator `nonhtml.validate`: an end tag of an
 * HTML element always counts; an HTML entity name after `&`, and in RSS also `&#` or `<` followed by
 * a letter or `/`, count unless the element's line carries a hexadecimal character reference
 * (`&#x`), the RSS Profile's sign that the text was escaped on purpose.
 */
export function checkPlainText(node: XmlNode, value: string, what: string, ctx: FeedContext): Diagnostic[] {
  const escaped = () => node.line > 0 && (ctx.lines[node.line - 1] ?? '').includes('&#x');
  const endTag = [...value.matchAll(/<\/([\p{L}\p{N}_]+)>/gu)].find((m) => HTML_TAGS.has((m[1] ?? '').toLowerCase()));
  const fix = 'readers may show it as markup. Reword it, or keep it and accept the W3C validator\'s warning';
  if (endTag) return [ctx.report('warning', 'html-in-text', `${what} contains "${endTag[0]}", an HTML end tag in a plain-text element; ${fix}`, node)];
  const entities = [...value.matchAll(/&(#?[\p{L}\p{N}_]+)/gu)].map((m) => m[1] ?? '');
  if (entities.length > 0) {
    const entity = entities.find((name) => HTML4_ENTITIES.has(name) || name === 'apos' || !/^\p{L}+$/u.test(name));
    if (entity !== undefined && !escaped()) {
      return [ctx.report('warning', 'html-in-text', `${what} contains "&${entity}", which readers take for an HTML entity; write its "&" as "&#x26;" (RSS Profile)`, node)];
    }
    return [];
  }
  if (ctx.format === 'rss' && /&#[x0-9]|<[/a-zA-Z]/.test(value) && !escaped()) {
    return [ctx.report('warning', 'html-in-text', `${what} contains "<" or "&#" before text that looks like markup; write "<" as "&#x3C;" and "&" as "&#x26;" (RSS Profile), or readers may parse it as HTML`, node)];
  }
  return [];
}

/**
 * `bad-characters` (W3C BadCharacters, warning): C1 controls (U+0080–U+009F, mis-decoded
 * Windows-1252), U+FFFD, and UTF-8 decoded as Latin-1 ("CafÃ©"), in any text or attribute.
 */
export function checkBadCharacters(doc: XmlDocument, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<number>();
  const flag = (node: XmlNode, value: string, what: string) => {
    const line = node.line;
    if (seen.has(line)) return;
    const c1 = /[\u0080-\u009F\uFFFD]/.exec(value);
    if (c1) {
      seen.add(line);
      const code = c1[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      found.push(ctx.report('warning', 'bad-characters', `${what} contains U+${code}, a control or replacement character left by a wrong text encoding; fix the source text`, node));
    } else if (isMojibake(value)) {
      seen.add(line);
      found.push(ctx.report('warning', 'bad-characters', `${what} "${value.slice(0, 40)}" looks like UTF-8 read as Latin-1 (e.g. "Ã©" for "é"); fix the source text's encoding`, node));
    }
  };
  for (const element of doc.find('//*') as XmlElement[]) {
    for (const attr of element.attrs) flag(element, attr.value, `<${element.name}> attribute ${attr.name}`);
    for (const text of element.find('text()')) flag(text.parent ?? element, text.content, `<${element.name}>`);
  }
  return found;
}

function isMojibake(value: string): boolean {
  if (!/[\u00C2\u00C3][\u0080-\u00BF]/.test(value) || /[^\u0000-\u00FF]/.test(value)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(value, (c) => c.charCodeAt(0)));
    return true;
  } catch {
    return false;
  }
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** `invalid-language` (W3C InvalidLanguage): the channel `<language>` and every `xml:lang` must start with an ISO 639 code. */
export function checkLanguages(doc: XmlDocument, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const check = (node: XmlNode, value: string, what: string) => {
    const primary = value.split('-')[0]!.toLowerCase();
    let known = false;
    try {
      known = /^[a-z]{2,3}$/.test(primary) && LANGUAGE_NAMES.of(primary) !== undefined;
    } catch {
      known = false;
    }
    if (!known) found.push(ctx.report('error', 'invalid-language', `${what} "${value}" does not start with an ISO 639 language code; write a BCP 47 tag such as "en" or "zh-CN"`, node));
  };
  for (const language of doc.find('/rss/channel/language')) check(language, language.content.trim(), '<language>');
  for (const element of doc.find('//*[@xml:lang]') as XmlElement[]) check(element, element.attr('lang', 'xml')?.value ?? '', `<${element.name}> xml:lang`);
  return found;
}

/**
 * Namespace declarations (W3C `SAXDispatcher.startPrefixMapping`): `media-namespace` (MediaRssNamespace,
 * error: Media RSS without its trailing slash), `reserved-prefix` (ReservedPrefix: a well-known prefix
 * bound to another namespace), `avoid-namespace-prefix` (AvoidNamespacePrefix: a prefix for Atom or
 * XHTML in an Atom feed) and `unknown-namespace` (UnknownNamespace: one readers will ignore).
 */
export function checkNamespaces(doc: XmlDocument, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const prefixes = new Set(KNOWN_NAMESPACES.values());
  for (const element of doc.find('//*') as XmlElement[]) {
    for (const [prefix, uri] of Object.entries(element.nsDeclarations)) {
      const standard = KNOWN_NAMESPACES.get(uri);
      if (uri === 'http://search.yahoo.com/mrss' || (prefix === 'media' && uri !== MEDIA_NS && /^https?:\/\/search\.yahoo\.com\/mrss/.test(uri))) {
        found.push(ctx.report('error', 'media-namespace', `the Media RSS namespace is declared as "${uri}"; it is "${MEDIA_NS}" with the trailing slash, or readers ignore every media: element`, element));
      } else if (prefix !== '' && prefixes.has(prefix) && standard !== prefix) {
        const preferred = [...KNOWN_NAMESPACES].find(([, p]) => p === prefix)?.[0] ?? '';
        found.push(ctx.report('warning', 'reserved-prefix', `the prefix "${prefix}" is bound to "${uri}", but readers expect "${prefix}:" to mean ${preferred}; use another prefix`, element));
      } else if (prefix !== '' && ctx.format === 'atom' && (prefix === 'atom' || prefix === 'xhtml' || standard === 'atom' || standard === 'xhtml')) {
        found.push(ctx.report('warning', 'avoid-namespace-prefix', `the ${standard ?? prefix} namespace has the prefix "${prefix}:" in an Atom feed; declare it as the default namespace instead`, element));
      } else if (standard === undefined && uri !== '') {
        found.push(ctx.report('warning', 'unknown-namespace', `the namespace "${uri}" is not one feed readers know; its elements will be ignored. Remove it or use a standard extension`, element));
      }
    }
  }
  return found;
}

/** The Media RSS attributes of `media:content` (W3C `media_content.getExpectedAttrNames`). */
const MEDIA_CONTENT_ATTRIBUTES = new Set(['bitrate', 'channels', 'duration', 'expression', 'fileSize', 'framerate', 'height', 'isDefault', 'lang', 'medium', 'samplingrate', 'type', 'url', 'width']);
const MEDIA_NS_MAP = { media: MEDIA_NS };
/** A MIME type (W3C `mime_re`). */
const MIME = /^[^\s()<>,;:\\"/[\]?=]+\/[^\s()<>,;:\\"/[\]?=]+(\s*;\s*[^\s()<>,;:\\"/[\]?=]+=("(\\"|[^"])*"|[^\s()<>,;:\\"/[\]?=]+))*$/;

/**
 * Media RSS under an item or entry: `media-content` (W3C InvalidMediaMedium, InvalidMIMEAttribute,
 * InvalidPositiveInteger, UnexpectedAttribute, MissingAttribute url), `media-credit`
 * (InvalidCreditRole, a non-URI scheme) and `media-description` (InvalidMediaTextType,
 * DuplicateElement); plain-text children get {@link checkPlainText}, HTML ones {@link checkContentHtml}.
 */
export function checkMedia(parent: XmlElement, label: string, ctx: FeedContext, urls: UrlCheck[]): Diagnostic[] {
  const { report } = ctx;
  const found: Diagnostic[] = [];
  for (const content of parent.find('media:content', MEDIA_NS_MAP) as XmlElement[]) {
    const what = `${label} <media:content>`;
    const url = attrValue(content, 'url');
    if (url === undefined) found.push(report('error', 'media-content', `${what} has no url; give the photo's absolute URL`, content));
    else urls.push([content, url, `${what} url`, 'url']);
    for (const attr of content.attrs) {
      if (!MEDIA_CONTENT_ATTRIBUTES.has(attr.name) && attr.namespaceUri === '') {
        found.push(report('error', 'media-content', `${what} has the attribute ${attr.name}, which Media RSS does not define; remove it`, content));
      }
    }
    const medium = attrValue(content, 'medium');
    if (medium !== undefined && !['image', 'audio', 'video', 'document', 'executable'].includes(medium)) {
      found.push(report('error', 'media-content', `${what} medium="${medium}" is not one of image, audio, video, document, executable`, content));
    }
    const type = attrValue(content, 'type');
    if (type !== undefined && !MIME.test(type)) found.push(report('error', 'media-content', `${what} type="${type}" is not a MIME type such as "image/jpeg"`, content));
    for (const name of ['fileSize', 'width', 'height']) {
      const value = attrValue(content, name);
      if (value !== undefined && !(/^\s*\+?\d+\s*$/.test(value) && Number(value) > 0)) {
        found.push(report('error', 'media-content', `${what} ${name}="${value}" is not a positive integer`, content));
      }
    }
    const descriptions = content.find('media:description', MEDIA_NS_MAP) as XmlElement[];
    if (descriptions.length > 1) found.push(report('error', 'media-description', `${what} has ${descriptions.length} <media:description> elements; keep one (the caption)`, descriptions[1]));
    for (const description of descriptions) {
      const textType = attrValue(description, 'type');
      if (textType !== undefined && textType !== 'plain' && textType !== 'html') {
        found.push(report('error', 'media-description', `${what} <media:description type="${textType}"> must be type="plain" or type="html"`, description));
      } else if (textType === 'html') found.push(...checkContentHtml(description, `${what} <media:description>`, report));
      else found.push(...checkPlainText(description, description.content, `${what} <media:description>`, ctx));
    }
    for (const credit of content.find('media:credit', MEDIA_NS_MAP) as XmlElement[]) {
      const role = attrValue(credit, 'role');
      const scheme = attrValue(credit, 'scheme') ?? 'urn:ebu';
      if (role !== undefined && ((scheme === 'urn:ebu' && !EBU_ROLES.has(role)) || role !== role.toLowerCase())) {
        found.push(report('error', 'media-credit', `${what} <media:credit role="${role}"> is not a lowercase ${scheme === 'urn:ebu' ? 'EBU role (e.g. "photographer")' : 'role'}`, credit));
      }
      if (scheme !== 'urn:ebu' && !/^[a-zA-Z][0-9a-zA-Z+\-.]*:(\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$/.test(scheme)) {
        found.push(report('error', 'media-credit', `${what} <media:credit scheme="${scheme}"> is not an absolute URI; omit it for the default "urn:ebu"`, credit));
      }
    }
    for (const copyright of content.find('media:copyright', MEDIA_NS_MAP)) found.push(...checkPlainText(copyright, copyright.content, `${what} <media:copyright>`, ctx));
  }
  return found;
}

/** `enclosure` attribute checks shared by RSS `<enclosure>` and Atom `link rel="enclosure"`: a byte length and a MIME type. */
export function checkEnclosureAttributes(element: XmlElement, what: string, urlAttribute: 'url' | 'href', report: Reporter): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (attrValue(element, urlAttribute) === undefined) found.push(report('error', 'enclosure', `${what} has no ${urlAttribute}; give the file's absolute URL`, element));
  const length = attrValue(element, 'length');
  if (length === undefined) {
    found.push(report('error', 'enclosure', `${what} has no length; give the file size in bytes (RSS 2.0 requires it)`, element));
  } else if (!/^\s*[+-]?\d+\s*$/.test(length)) {
    found.push(report('error', 'enclosure', `${what} length="${length}" is not an integer number of bytes`, element));
  } else if (Number(length) < 0) {
    const hint = Number(length) === -1 ? '; use 0 for an unknown size' : '';
    found.push(report('error', 'enclosure', `${what} length="${length}" is negative${hint}`, element));
  }
  const type = attrValue(element, 'type');
  if (type === undefined) found.push(report('error', 'enclosure', `${what} has no type; give the file's MIME type such as "image/jpeg"`, element));
  else if (!MIME.test(type)) found.push(report('error', 'enclosure', `${what} type="${type}" is not a MIME type such as "image/jpeg"`, element));
  return found;
}

/** An item's first-publication instant, for the order rule. */
export interface Dated {
  /** The date element. */
  node: XmlNode;
  /** Milliseconds since the epoch. */
  instant: number;
}

/**
 * Our feed rules (not the W3C's): `feed-limit`, no more items than `site.feed.limit`; `item-order`,
 * newest first by first publication (standards "RSS 2.0 and Atom 1.0": ties are broken by id).
 */
export function checkFeedScope(order: readonly Dated[], count: number, site: SiteConfig, feed: XmlNode, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (count > site.feed.limit) {
    found.push(ctx.report('error', 'feed-limit', `the feed has ${count} items, more than feed.limit (${site.feed.limit}) in site.json; keep the newest ${site.feed.limit}`, feed));
  }
  for (let i = 1; i < order.length; i++) {
    const previous = order[i - 1]!;
    const current = order[i]!;
    if (current.instant > previous.instant) {
      found.push(ctx.report('error', 'item-order', `item ${i + 1} was published after the item before it; feeds list the newest first`, current.node));
      break;
    }
  }
  return found;
}

/**
 * `unsafe-content` (W3C SecurityRisk, SecurityRiskAttr, DangerousStyleAttr; plus script URLs),
 * `not-html` (NotHtml, warning: a tag that is not HTML, a stray `<` or a malformed character
 * reference, which the W3C validator's strict html5lib parse rejects) and `relative-url`
 * (ContainsRelRef) for HTML carried as text (RSS `description` and `content:encoded`, Atom
 * `type="html"`).
 */
export function checkContentHtml(element: XmlNode, what: string, report: Reporter): Diagnostic[] {
  const found: Diagnostic[] = [];
  const html = element.content;
  if (/<\?import /i.test(html)) found.push(report('error', 'unsafe-content', `${what} contains "<?import", which some browsers execute; remove it`, element));
  for (const tag of scanHtmlTags(html)) {
    const name = tag.name.toLowerCase();
    if (!HTML_TAGS.has(name)) {
      found.push(report('warning', 'not-html', `${what} contains <${tag.name}>, which is not an HTML element; readers drop it. Use HTML markup only`, element));
    } else if (!ACCEPTABLE_ELEMENTS.has(name)) {
      found.push(report('error', 'unsafe-content', `${what} contains <${tag.name}>; feed readers strip it or reject the item. Remove it from the article HTML`, element));
    }
    for (const [attrName, value] of tag.attrs) {
      const lower = attrName.toLowerCase();
      if (lower === 'style') {
        if (isUnsafeStyle(value)) found.push(report('error', 'unsafe-content', `${what} has style="${value.slice(0, 60)}" on <${tag.name}>, with properties feed readers strip; remove the style`, element));
      } else if (/^on/i.test(attrName)) {
        found.push(report('error', 'unsafe-content', `${what} has an event-handler attribute ${attrName} on <${tag.name}>; remove it from the article HTML`, element));
      } else if (!ACCEPTABLE_ATTRIBUTES.has(lower) && !lower.startsWith('data-')) {
        found.push(report('error', 'unsafe-content', `${what} has the attribute ${attrName} on <${tag.name}>, which feed readers strip; remove it`, element));
      } else if (/^(?:href|src)$/i.test(attrName)) {
        if (/^\s*(?:javascript|vbscript|data):/i.test(value)) {
          found.push(report('error', 'unsafe-content', `${what} <${tag.name} ${attrName}="${value.slice(0, 40)}"> uses a script or data URL; link to an https URL instead`, element));
        } else if (!isAbsoluteUrl(value)) {
          found.push(report('error', 'relative-url', `${what} <${tag.name} ${attrName}="${value}"> is not absolute; feed readers resolve it against their own host. Write an absolute https URL`, element));
        }
      }
    }
  }
  const malformed = findMalformedHtml(html);
  if (malformed !== undefined) found.push(report('warning', 'not-html', `${what} is not valid HTML: ${malformed}`, element));
  return found;
}

/** The first html5lib parse error our generator could cause: a stray `<` or a malformed character reference. */
function findMalformedHtml(html: string): string | undefined {
  const stray = /<(?![A-Za-z/!?])|<\/(?![A-Za-z])/.exec(html);
  if (stray) return `a "<" at "${html.slice(stray.index, stray.index + 12)}" does not start a tag; escape it as "&lt;"`;
  for (const m of html.matchAll(/&(#[xX]?[0-9a-fA-F]*;?|[A-Za-z][A-Za-z0-9]*;?)/g)) {
    const ref = m[1] ?? '';
    if (ref.startsWith('#')) {
      const numeric = /^#(?:([0-9]+)|[xX]([0-9a-fA-F]+));$/.exec(ref);
      const code = numeric ? (numeric[1] !== undefined ? Number(numeric[1]) : parseInt(numeric[2] ?? '', 16)) : NaN;
      if (Number.isNaN(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x80 && code <= 0x9f)) {
        return `"&${ref}" is not a valid character reference; write e.g. "&#233;" or "&#xE9;"`;
      }
    } else if (ref.endsWith(';') ? !HTML4_ENTITIES.has(ref.slice(0, -1)) && ref !== 'apos;' : HTML4_ENTITIES.has(ref)) {
      return `"&${ref}" is not a complete HTML character reference; escape the "&" as "&amp;"`;
    }
  }
  return undefined;
}

/** W3C `checkStyle`: only plain CSS properties and values survive readers' sanitizers. Linear time (no backtracking regex). */
function isUnsafeStyle(style: string): boolean {
  const stripped = style.replace(/'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\)/g, '');
  if (!/^[:,;#%.\sa-zA-Z0-9!_-]*$/.test(stripped) || /(?<!\w)-|-(?!\w)/.test(stripped)) return true;
  const declarations = style.split(';');
  if (!declarations.every((d, i) => /^\s*[-\w]+\s*:\s*[^:;]*$/.test(d) || (i === declarations.length - 1 && d.trim() === ''))) return true;
  for (const m of style.toLowerCase().matchAll(/([-\w]+)\s*:\s*([^:;]*)/g)) {
    const property = m[1] ?? '';
    if (!ACCEPTABLE_CSS_PROPERTIES.has(property)) return true;
    if (['background', 'border', 'margin', 'padding'].includes(property.split('-')[0] ?? '')) {
      for (const keyword of (m[2] ?? '').split(/\s+/).filter(Boolean)) {
        if (!ACCEPTABLE_CSS_KEYWORDS.has(keyword) && !VALID_CSS_VALUE.test(keyword)) return true;
      }
    }
  }
  return false;
}

const VALID_CSS_VALUE = /^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d?\.?\d?\d(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$/;

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
function checkRfc822(element: XmlNode, report: Reporter): Diagnostic[] {
  const name = (element as XmlElement).name;
  const value = element.content.trim();
  const read = readRfc822(value);
  if ('problem' in read) return [report('error', 'rss-date', `<${name}> "${value}" ${read.problem}; write RFC 822 such as "Wed, 04 Sep 2024 13:03:00 GMT"`, element)];
  return checkPlausibleDate(element, value, read.instant, report);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** `atom-date` (W3C InvalidRFC3339Date): RFC 3339 date-time with an explicit offset, uppercase T and Z (RFC 4287 §3.3). */
export function checkRfc3339(element: XmlNode, report: Reporter): Diagnostic[] {
  const name = (element as XmlElement).name;
  const value = element.content.trim();
  const m = RFC3339.exec(value);
  const fix = 'write RFC 3339 with an offset such as "2024-09-04T13:03:00Z" or "2024-09-04T21:03:00+08:00"';
  if (!m) return [report('error', 'atom-date', `<${name}> "${value}" is not an RFC 3339 date-time with offset; ${fix}`, element)];
  const [, year, month, day, hour, minute, second, , , offH, offM] = m;
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const real =
    check.getUTCFullYear() === Number(year) && check.getUTCMonth() === Number(month) - 1 && check.getUTCDate() === Number(day) &&
    Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60 && Number(offH ?? 0) <= 23 && Number(offM ?? 0) <= 59;
  if (!real) return [report('error', 'atom-date', `<${name}> "${value}" is not a real date or time; ${fix}`, element)];
  return checkPlausibleDate(element, value, Date.parse(value), report);
}

/**
 * `date-out-of-range` (W3C ImplausibleDate, warning): dates before 1990. The W3C validator also
 * flags dates more than ten minutes in the future; validators here have no clock (they are pure),
 * so that half is left to the build, which knows its own time.
 */
export function checkPlausibleDate(element: XmlNode, value: string, instant: number, report: Reporter): Diagnostic[] {
  if (instant >= Date.UTC(1990, 0, 1)) return [];
  const name = (element as XmlElement).name;
  return [report('warning', 'date-out-of-range', `<${name}> "${value}" is before 1990; feed validators flag it as implausible. Check the article dates (an empty feed is dated 1970)`, element)];
}

// ---------------------------------------------------------------------------------------------
// Vocabularies of the W3C Feed Validation Service (feedvalidator `validators.py` HTMLValidator,
// `media.py` media_credit.EBU, `validators.py` iana_schemes, `link.py` validRelations, `base.py`
// namespaces) and Python's `html.entities.name2codepoint` (the HTML 4 entities).

const HTML_TAGS = new Set([
  'a', 'abbr', 'acronym', 'address', 'applet', 'area', 'article', 'aside', 'audio', 'b', 'base', 'basefont',
  'bdi', 'bdo', 'big', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'command', 'data', 'datagrid', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog',
  'dir', 'div', 'dl', 'dt', 'em', 'eventsource', 'fieldset', 'figcaption', 'figure', 'font', 'footer',
  'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html',
  'i', 'iframe', 'img', 'input', 'ins', 'isindex', 'kbd', 'label', 'legend', 'li', 'link', 'm', 'main',
  'mark', 'map', 'menu', 'meta', 'meter', 'nav', 'noframes', 'noscript', 'object', 'ol', 'optgroup',
  'option', 'output', 'p', 'param', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp',
  'script', 'section', 'select', 'slot', 'small', 'source', 'span', 'strike', 'strong', 'style', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title',
  'tr', 'track', 'tt', 'u', 'ul', 'var', 'xmp', 'plaintext', 'embed', 'comment', 'listing', 'video', 'wbr'
]);
const ACCEPTABLE_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'address', 'area', 'article', 'aside', 'audio', 'b', 'bdi', 'big', 'blockquote',
  'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'command', 'data',
  'datagrid', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'dir', 'div', 'dl', 'dt', 'em',
  'eventsource', 'fieldset', 'figcaption', 'figure', 'footer', 'font', 'form', 'header', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hgroup', 'hr', 'i', 'img', 'input', 'ins', 'keygen', 'kbd', 'label', 'legend', 'li',
  'm', 'main', 'map', 'mark', 'menu', 'meter', 'multicol', 'nav', 'nextid', 'ol', 'output', 'optgroup',
  'option', 'p', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'select',
  'small', 'sound', 'source', 'spacer', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'template', 'textarea', 'time', 'tfoot', 'th', 'thead', 'tr', 'track', 'tt', 'u', 'ul',
  'var', 'video', 'noscript', 'wbr'
]);
const ACCEPTABLE_ATTRIBUTES = new Set([
  'abbr', 'accept', 'accept-charset', 'accesskey', 'action', 'align', 'allow', 'allowfullscreen',
  'allowpaymentrequest', 'alt', 'as', 'autoplay', 'autocapitalize', 'autocomplete', 'autofocus', 'axis',
  'background', 'balance', 'bgcolor', 'bgproperties', 'border', 'bordercolor', 'bordercolordark',
  'bordercolorlight', 'bottompadding', 'cellpadding', 'cellspacing', 'ch', 'challenge', 'char', 'charoff',
  'choff', 'charset', 'checked', 'cite', 'class', 'clear', 'color', 'cols', 'colspan', 'compact',
  'contenteditable', 'coords', 'crossorigin', 'data', 'datafld', 'datapagesize', 'datasrc', 'datetime',
  'decoding', 'default', 'delay', 'dir', 'dirname', 'disabled', 'download', 'draggable', 'dynsrc', 'enctype',
  'end', 'enterkeyhint', 'face', 'for', 'form', 'formenctype', 'frame', 'galleryimg', 'gutter', 'headers',
  'height', 'hidefocus', 'hidden', 'high', 'href', 'hreflang', 'hspace', 'icon', 'id', 'inputmode', 'is',
  'ismap', 'itemid', 'itemprop', 'itemref', 'itemscope', 'itemtype', 'kind', 'keytype', 'label', 'lang',
  'leftspacing', 'loading', 'list', 'longdesc', 'loop', 'loopcount', 'loopend', 'loopstart', 'low', 'lowsrc',
  'max', 'maxlength', 'media', 'method', 'min', 'minlength', 'multiple', 'muted', 'name', 'nohref', 'nonce',
  'noshade', 'nowrap', 'open', 'optimum', 'pattern', 'ping', 'placeholder', 'playsinline', 'point-size',
  'poster', 'preload', 'prompt', 'pqg', 'radiogroup', 'readonly', 'referrerpolicy', 'rel', 'repeat-max',
  'repeat-min', 'replace', 'required', 'rev', 'reversed', 'rightspacing', 'rows', 'rowspan', 'rules',
  'scope', 'selected', 'shape', 'size', 'sizes', 'span', 'spellcheck', 'src', 'srclang', 'srcset', 'start',
  'step', 'summary', 'suppress', 'tabindex', 'target', 'template', 'title', 'toppadding', 'translate',
  'type', 'unselectable', 'usemap', 'urn', 'valign', 'value', 'variable', 'volume', 'vspace', 'vrml',
  'width', 'wrap', 'xml:lang', 'xmlns'
]);
const ACCEPTABLE_CSS_PROPERTIES = new Set([
  'azimuth', 'background', 'background-color', 'border', 'border-bottom', 'border-bottom-color',
  'border-bottom-style', 'border-bottom-width', 'border-collapse', 'border-color', 'border-left',
  'border-left-color', 'border-left-style', 'border-left-width', 'border-right', 'border-right-color',
  'border-right-style', 'border-right-width', 'border-spacing', 'border-style', 'border-top',
  'border-top-color', 'border-top-style', 'border-top-width', 'border-width', 'clear', 'color', 'cursor',
  'direction', 'display', 'elevation', 'float', 'font', 'font-family', 'font-size', 'font-style',
  'font-variant', 'font-weight', 'height', 'letter-spacing', 'line-height', 'list-style-type', 'margin',
  'margin-bottom', 'margin-left', 'margin-right', 'margin-top', 'overflow', 'padding', 'padding-bottom',
  'padding-left', 'padding-right', 'padding-top', 'pause', 'pause-after', 'pause-before', 'pitch',
  'pitch-range', 'richness', 'speak', 'speak-header', 'speak-numeral', 'speak-punctuation', 'speech-rate',
  'stress', 'text-align', 'text-decoration', 'text-indent', 'unicode-bidi', 'vertical-align', 'voice-family',
  'volume', 'white-space', 'width'
]);
const ACCEPTABLE_CSS_KEYWORDS = new Set([
  'aqua', 'auto', 'black', 'block', 'blue', 'bold', 'both', 'bottom', 'brown', 'center', 'collapse',
  'dashed', 'dotted', 'fuchsia', 'gray', 'green', '!important', 'italic', 'left', 'lime', 'maroon', 'medium',
  'none', 'navy', 'normal', 'nowrap', 'olive', 'pointer', 'purple', 'red', 'right', 'solid', 'silver',
  'teal', 'top', 'transparent', 'underline', 'white', 'yellow'
]);
const HTML4_ENTITIES = new Set([
  'AElig', 'Aacute', 'Acirc', 'Agrave', 'Alpha', 'Aring', 'Atilde', 'Auml', 'Beta', 'Ccedil', 'Chi',
  'Dagger', 'Delta', 'ETH', 'Eacute', 'Ecirc', 'Egrave', 'Epsilon', 'Eta', 'Euml', 'Gamma', 'Iacute',
  'Icirc', 'Igrave', 'Iota', 'Iuml', 'Kappa', 'Lambda', 'Mu', 'Ntilde', 'Nu', 'OElig', 'Oacute', 'Ocirc',
  'Ograve', 'Omega', 'Omicron', 'Oslash', 'Otilde', 'Ouml', 'Phi', 'Pi', 'Prime', 'Psi', 'Rho', 'Scaron',
  'Sigma', 'THORN', 'Tau', 'Theta', 'Uacute', 'Ucirc', 'Ugrave', 'Upsilon', 'Uuml', 'Xi', 'Yacute', 'Yuml',
  'Zeta', 'aacute', 'acirc', 'acute', 'aelig', 'agrave', 'alefsym', 'alpha', 'amp', 'and', 'ang', 'aring',
  'asymp', 'atilde', 'auml', 'bdquo', 'beta', 'brvbar', 'bull', 'cap', 'ccedil', 'cedil', 'cent', 'chi',
  'circ', 'clubs', 'cong', 'copy', 'crarr', 'cup', 'curren', 'dArr', 'dagger', 'darr', 'deg', 'delta',
  'diams', 'divide', 'eacute', 'ecirc', 'egrave', 'empty', 'emsp', 'ensp', 'epsilon', 'equiv', 'eta', 'eth',
  'euml', 'euro', 'exist', 'fnof', 'forall', 'frac12', 'frac14', 'frac34', 'frasl', 'gamma', 'ge', 'gt',
  'hArr', 'harr', 'hearts', 'hellip', 'iacute', 'icirc', 'iexcl', 'igrave', 'image', 'infin', 'int', 'iota',
  'iquest', 'isin', 'iuml', 'kappa', 'lArr', 'lambda', 'lang', 'laquo', 'larr', 'lceil', 'ldquo', 'le',
  'lfloor', 'lowast', 'loz', 'lrm', 'lsaquo', 'lsquo', 'lt', 'macr', 'mdash', 'micro', 'middot', 'minus',
  'mu', 'nabla', 'nbsp', 'ndash', 'ne', 'ni', 'not', 'notin', 'nsub', 'ntilde', 'nu', 'oacute', 'ocirc',
  'oelig', 'ograve', 'oline', 'omega', 'omicron', 'oplus', 'or', 'ordf', 'ordm', 'oslash', 'otilde',
  'otimes', 'ouml', 'para', 'part', 'permil', 'perp', 'phi', 'pi', 'piv', 'plusmn', 'pound', 'prime', 'prod',
  'prop', 'psi', 'quot', 'rArr', 'radic', 'rang', 'raquo', 'rarr', 'rceil', 'rdquo', 'real', 'reg', 'rfloor',
  'rho', 'rlm', 'rsaquo', 'rsquo', 'sbquo', 'scaron', 'sdot', 'sect', 'shy', 'sigma', 'sigmaf', 'sim',
  'spades', 'sub', 'sube', 'sum', 'sup', 'sup1', 'sup2', 'sup3', 'supe', 'szlig', 'tau', 'there4', 'theta',
  'thetasym', 'thinsp', 'thorn', 'tilde', 'times', 'trade', 'uArr', 'uacute', 'uarr', 'ucirc', 'ugrave',
  'uml', 'upsih', 'upsilon', 'uuml', 'weierp', 'xi', 'yacute', 'yen', 'yuml', 'zeta', 'zwj', 'zwnj'
]);
const EBU_ROLES = new Set([
  'actor', 'adaptor', 'anchor person', 'animal trainer', 'animator', 'announcer', 'armourer', 'art director',
  'artist/performer', 'assistant camera', 'assistant chief lighting technician', 'assistant director',
  'assistant producer', 'assistant visual editor', 'author', 'broadcast assistant', 'broadcast journalist',
  'camera operator', 'carpenter', 'casting', 'causeur', 'chief lighting technician', 'choir',
  'choreographer', 'clapper loader', 'commentary or commentator', 'commissioning broadcaster', 'composer',
  'computer programmer', 'conductor', 'consultant', 'continuity checker', 'correspondent',
  'costume designer', 'dancer', 'dialogue coach', 'director', 'director of photography',
  'distribution company', 'draughtsman', 'dresser', 'dubber', 'editor/producer', 'editor', 'ensemble',
  'executive producer', 'expert', 'fight director', 'floor manager', 'focus puller', 'foley artist',
  'foley editor', 'foley mixer', 'graphic assistant', 'graphic designer', 'greensman', 'grip', 'hairdresser',
  'illustrator', 'interviewed guest', 'interviewer', 'key character', 'key grip', 'key talents', 'leadman',
  'librettist', 'lighting director', 'lighting technician', 'location manager', 'lyricist', 'make up artist',
  'manufacturer', 'matte artist', 'music arranger', 'music group', 'musician', 'news reader', 'orchestra',
  'participant', 'photographer', 'post', 'producer', 'production assistant', 'production company',
  'production department', 'production manager', 'production secretary', 'programme production researcher',
  'property manager', 'publishing company', 'puppeteer', 'pyrotechnician', 'reporter', 'rigger', 'runner',
  'scenario', 'scenic operative', 'script supervisor', 'second assistant camera',
  'second assistant director', 'second unit director', 'set designer', 'set dresser', 'sign language',
  'singer', 'sound designer', 'sound mixer', 'sound recordist', 'special effects', 'stunts', 'subtitles',
  'technical director', 'term', 'translation', 'transportation manager', 'treatment/programme proposal',
  'vision mixer', 'visual editor', 'visual effects', 'wardrobe', 'witness', 'artist', 'performer',
  'treatment', 'treatment proposal', 'programme proposal'
]);
const IANA_SCHEMES = new Set([
  'ftp', 'http', 'gopher', 'mailto', 'news', 'nntp', 'telnet', 'wais', 'file', 'prospero', 'z39.50s',
  'z39.50r', 'cid', 'mid', 'vemmi', 'service', 'imap', 'nfs', 'acap', 'rtsp', 'tip', 'pop', 'data', 'dav',
  'opaquelocktoken', 'sip', 'sips', 'tel', 'fax', 'modem', 'ldap', 'https', 'soap.beep', 'soap.beeps',
  'xmlrpc.beep', 'xmlrpc.beeps', 'urn', 'go', 'h323', 'ipp', 'tftp', 'mupdate', 'pres', 'im', 'mtqp',
  'iris.beep', 'dict', 'snmp', 'crid', 'tag', 'dns', 'info', 'aaa', 'aaas', 'cap', 'iax', 'icap', 'iris',
  'iris.xpc', 'iris.xpcs', 'iris.lwz', 'msrp', 'msrps', 'shttp', 'thismessage', 'tv', 'xmpp'
]);
const LINK_RELATIONS = new Set([
  'alternate', 'current', 'describedby', 'edit', 'edit-media', 'enclosure', 'first', 'hub', 'last',
  'license', 'next', 'next-archive', 'payment', 'prev-archive', 'previous', 'related', 'replies', 'search',
  'self', 'service', 'up', 'via'
]);
const KNOWN_NAMESPACES = new Map<string, string>([
  ['http://www.bloglines.com/about/specs/fac-1.0', 'access'],
  ['http://webns.net/mvcb/', 'admin'],
  ['http://purl.org/rss/1.0/modules/aggregation/', 'ag'],
  ['http://purl.org/rss/1.0/modules/annotate/', 'annotate'],
  ['http://www.w3.org/2007/app', 'app'],
  ['http://media.tangent.org/rss/1.0/', 'audio'],
  ['http://backend.userland.com/blogChannelModule', 'blogChannel'],
  ['http://web.resource.org/cc/', 'cc'],
  ['http://www.microsoft.com/schemas/rss/core/2005', 'cf'],
  ['http://backend.userland.com/creativeCommonsRssModule', 'creativeCommons'],
  ['http://purl.org/rss/1.0/modules/company', 'company'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://conversationsnetwork.org/rssNamespace-1.0/', 'conversationsNetwork'],
  ['http://my.theinfo.org/changed/1.0/rss/', 'cp'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://purl.org/rss/1.0/modules/email/', 'email'],
  ['http://purl.org/rss/1.0/modules/event/', 'ev'],
  ['http://purl.org/syndication/history/1.0', 'fh'],
  ['http://www.w3.org/2003/01/geo/wgs84_pos#', 'geo'],
  ['http://geourl.org/rss/module/', 'geourl'],
  ['http://www.georss.org/georss', 'georss'],
  ['http://www.opengis.net/gml', 'gml'],
  ['http://postneo.com/icbm', 'icbm'],
  ['http://purl.org/rss/1.0/modules/image/', 'image'],
  ['urn:atom-extension:indexing', 'indexing'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['http://xmlns.com/foaf/0.1/', 'foaf'],
  ['http://purl.org/rss/1.0/modules/link/', 'l'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://www.w3.org/1998/Math/MathML', 'mathml'],
  ['http://a9.com/-/spec/opensearchrss/1.0/', 'opensearch10'],
  ['http://a9.com/-/spec/opensearch/1.1/', 'opensearch'],
  ['http://www.opml.org/spec2', 'opml'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://www.w3.org/2000/01/rdf-schema#', 'rdfs'],
  ['http://purl.org/rss/1.0/modules/reference/', 'ref'],
  ['http://purl.org/rss/1.0/modules/richequiv/', 'reqv'],
  ['http://purl.org/rss/1.0/modules/rss091#', 'rss091'],
  ['http://purl.org/rss/1.0/modules/search/', 'search'],
  ['http://purl.org/rss/1.0/modules/slash/', 'slash'],
  ['http://purl.org/rss/1.0/modules/servicestatus/', 'ss'],
  ['http://hacks.benhammersley.com/rss/streaming/', 'str'],
  ['http://purl.org/rss/1.0/modules/subscription/', 'sub'],
  ['http://feedsync.org/2007/feedsync', 'sx'],
  ['http://www.w3.org/2000/svg', 'svg'],
  ['http://purl.org/rss/1.0/modules/syndication/', 'sy'],
  ['http://purl.org/rss/1.0/modules/taxonomy/', 'taxo'],
  ['http://purl.org/rss/1.0/modules/threading/', 'thr'],
  ['http://purl.org/syndication/thread/1.0', 'thr'],
  ['http://madskills.com/public/xml/rss/module/trackback/', 'trackback'],
  ['http://wellformedweb.org/CommentAPI/', 'wfw'],
  ['http://purl.org/rss/1.0/modules/wiki/', 'wiki'],
  ['http://www.usemod.com/cgi-bin/mb.pl?ModWiki', 'wiki'],
  ['http://schemas.xmlsoap.org/soap/envelope/', 'soap'],
  ['http://www.w3.org/2005/Atom', 'atom'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://my.netscape.com/rdf/simple/0.9/', 'rss090'],
  ['http://purl.org/rss/1.0/', 'rss1'],
  ['http://purl.org/net/rss1.1#', 'rss11'],
  ['http://base.google.com/ns/1.0', 'g'],
  ['http://www.w3.org/XML/1998/namespace', 'xml'],
  ['http://openid.net/xmlns/1.0', 'openid'],
  ['http://earth.google.com/kml/2.0', 'kml20'],
  ['http://earth.google.com/kml/2.1', 'kml21'],
  ['http://www.opengis.net/kml/2.2', 'kml22'],
  ['http://www.w3.org/1999/xlink', 'xlink'],
  ['xri://$xrd*($v*2.0)', 'xrd'],
  ['xri://$xrds', 'xrds'],
]);
