import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.ts';
import { MEDIA_NS } from '../emit/feed.ts';
import type { OutputFile } from '../model/output.ts';
import { HTML4_ENTITIES, HTML_TAGS, findHtmlProblems, isAbsoluteUrl } from './html.ts';
import { XML_NS, type XElement, type XTree } from './xmltree.ts';

/*
 * The rules the RSS and Atom validators share: URLs and URIs, dates, plain text and HTML content,
 * Media RSS, enclosures, namespaces, languages and the feed's scope. They follow the W3C Feed
 * Validation Service (https://github.com/w3c/feedvalidator, modules `item.py`, `validators.py`,
 * `media.py`, `link.py`, `base.py`); the name of the W3C message each rule stands for is given next
 * to it, so that "clean" here means clean there.
 */

/** Creates diagnostics for one XML output file (a feed, the news sitemap), positioned at a node's line. */
export type Reporter = (severity: Severity, ruleId: string, message: string, node?: XElement) => Diagnostic;

/** A {@link Reporter} for `file`, tagging diagnostics with `source` and the file's source articles. */
export function reporter(file: OutputFile, source: string): Reporter {
  const origin = file.sources.join(', ') || undefined;
  return (severity, ruleId, message, node) => diagnostic(severity, file.path, source, ruleId, message, { line: node && node.line > 0 ? node.line : undefined }, origin);
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
export function attrValue(element: XElement, name: string): string | undefined {
  return element.attr(name);
}

/** What a value must be: an absolute http(s) URL (links, images) or any absolute URI (ids: `tag:`, `urn:`). */
export type UrlKind = 'url' | 'uri';

/** A URL to check: the node it is on, its value, how to name it in a message, and what it must be. */
export type UrlCheck = [XElement, string, string, UrlKind];

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
export function checkAbsolute(node: XElement, value: string, what: string, kind: UrlKind, report: Reporter): Diagnostic[] {
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

/** `link-rel` (W3C UnregisteredAtomLinkRel, warning): an `atom:link` relation that is neither registered nor a URI. */
export function checkLinkRel(link: XElement, ctx: FeedContext): Diagnostic[] {
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
export function checkPlainText(node: XElement, value: string, what: string, ctx: FeedContext): Diagnostic[] {
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
export function checkBadCharacters(tree: XTree, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<number>();
  const flag = (node: XElement, value: string, what: string) => {
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
  for (const element of tree.all) {
    // One finding per line: an element on a line already reported has nothing left to add.
    if (seen.has(element.line)) continue;
    for (const attr of element.attrs) flag(element, attr.value, `<${element.name}> attribute ${attr.name}`);
    for (const text of element.texts()) flag(element, text, `<${element.name}>`);
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
export function checkLanguages(tree: XTree, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const check = (node: XElement, value: string, what: string) => {
    const primary = value.split('-')[0]!.toLowerCase();
    let known = false;
    try {
      known = /^[a-z]{2,3}$/.test(primary) && LANGUAGE_NAMES.of(primary) !== undefined;
    } catch {
      known = false;
    }
    if (!known) found.push(ctx.report('error', 'invalid-language', `${what} "${value}" does not start with an ISO 639 language code; write a BCP 47 tag such as "en" or "zh-CN"`, node));
  };
  // `/rss/channel/language`: the language of every channel of an RSS document.
  const root = tree.root;
  if (root.name === 'rss' && root.namespaceUri === '') {
    for (const language of root.grandchildrenNamed('', 'channel', 'language')) check(language, language.content.trim(), '<language>');
  }
  // `//*[@xml:lang]`.
  for (const element of tree.all) {
    const lang = element.attrs.find((a) => a.name === 'lang' && a.namespaceUri === XML_NS);
    if (lang !== undefined) check(element, lang.value, `<${element.name}> xml:lang`);
  }
  return found;
}

/**
 * Namespace declarations (W3C `SAXDispatcher.startPrefixMapping`): `media-namespace` (MediaRssNamespace,
 * error: Media RSS without its trailing slash), `reserved-prefix` (ReservedPrefix: a well-known prefix
 * bound to another namespace), `avoid-namespace-prefix` (AvoidNamespacePrefix: a prefix for Atom or
 * XHTML in an Atom feed) and `unknown-namespace` (UnknownNamespace: one readers will ignore).
 */
export function checkNamespaces(tree: XTree, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const prefixes = new Set(KNOWN_NAMESPACES.values());
  for (const element of tree.all) {
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
/** A MIME type (W3C `mime_re`). */
const MIME = /^[^\s()<>,;:\\"/[\]?=]+\/[^\s()<>,;:\\"/[\]?=]+(\s*;\s*[^\s()<>,;:\\"/[\]?=]+=("(\\"|[^"])*"|[^\s()<>,;:\\"/[\]?=]+))*$/;

/**
 * Media RSS under an item or entry: `media-content` (W3C InvalidMediaMedium, InvalidMIMEAttribute,
 * InvalidPositiveInteger, UnexpectedAttribute, MissingAttribute url), `media-credit`
 * (InvalidCreditRole, a non-URI scheme) and `media-description` (InvalidMediaTextType,
 * DuplicateElement); plain-text children get {@link checkPlainText}, HTML ones {@link checkContentHtml}.
 */
export function checkMedia(parent: XElement, label: string, ctx: FeedContext, urls: UrlCheck[]): Diagnostic[] {
  const { report } = ctx;
  const found: Diagnostic[] = [];
  for (const content of parent.childrenNamed(MEDIA_NS, 'content')) {
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
    const descriptions = content.childrenNamed(MEDIA_NS, 'description');
    if (descriptions.length > 1) found.push(report('error', 'media-description', `${what} has ${descriptions.length} <media:description> elements; keep one (the caption)`, descriptions[1]));
    for (const description of descriptions) {
      const textType = attrValue(description, 'type');
      if (textType !== undefined && textType !== 'plain' && textType !== 'html') {
        found.push(report('error', 'media-description', `${what} <media:description type="${textType}"> must be type="plain" or type="html"`, description));
      } else if (textType === 'html') found.push(...checkContentHtml(description, `${what} <media:description>`, report));
      else found.push(...checkPlainText(description, description.content, `${what} <media:description>`, ctx));
    }
    for (const credit of content.childrenNamed(MEDIA_NS, 'credit')) {
      const role = attrValue(credit, 'role');
      const scheme = attrValue(credit, 'scheme') ?? 'urn:ebu';
      if (role !== undefined && ((scheme === 'urn:ebu' && !EBU_ROLES.has(role)) || role !== role.toLowerCase())) {
        found.push(report('error', 'media-credit', `${what} <media:credit role="${role}"> is not a lowercase ${scheme === 'urn:ebu' ? 'EBU role (e.g. "photographer")' : 'role'}`, credit));
      }
      if (scheme !== 'urn:ebu' && !/^[a-zA-Z][0-9a-zA-Z+\-.]*:(\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$/.test(scheme)) {
        found.push(report('error', 'media-credit', `${what} <media:credit scheme="${scheme}"> is not an absolute URI; omit it for the default "urn:ebu"`, credit));
      }
    }
    for (const copyright of content.childrenNamed(MEDIA_NS, 'copyright')) found.push(...checkPlainText(copyright, copyright.content, `${what} <media:copyright>`, ctx));
  }
  return found;
}

/** `enclosure` attribute checks shared by RSS `<enclosure>` and Atom `link rel="enclosure"`: a byte length and a MIME type. */
export function checkEnclosureAttributes(element: XElement, what: string, urlAttribute: 'url' | 'href', report: Reporter): Diagnostic[] {
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
  node: XElement;
  /** Milliseconds since the epoch. */
  instant: number;
}

/**
 * Our feed rules (not the W3C's): `feed-limit`, no more items than `site.feed.limit`; `item-order`,
 * newest first by first publication (standards "RSS 2.0 and Atom 1.0": ties are broken by id).
 */
export function checkFeedScope(order: readonly Dated[], count: number, site: SiteConfig, feed: XElement, ctx: FeedContext): Diagnostic[] {
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
 * `type="html"`): {@link findHtmlProblems} with the W3C rules.
 */
export function checkContentHtml(element: XElement, what: string, report: Reporter): Diagnostic[] {
  return findHtmlProblems(element.content, what, 'w3c').map((problem) => report(problem.severity, problem.ruleId, problem.message, element));
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** `atom-date` (W3C InvalidRFC3339Date): RFC 3339 date-time with an explicit offset, uppercase T and Z (RFC 4287 §3.3). */
export function checkRfc3339(element: XElement, report: Reporter): Diagnostic[] {
  const name = element.name;
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
export function checkPlausibleDate(element: XElement, value: string, instant: number, report: Reporter): Diagnostic[] {
  if (instant >= Date.UTC(1990, 0, 1)) return [];
  const name = element.name;
  return [report('warning', 'date-out-of-range', `<${name}> "${value}" is before 1990; feed validators flag it as implausible. Check the article dates (an empty feed is dated 1970)`, element)];
}
// ---------------------------------------------------------------------------------------------
// Vocabularies of the W3C Feed Validation Service (feedvalidator `media.py` media_credit.EBU,
// `validators.py` iana_schemes, `link.py` validRelations, `base.py` namespaces).

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
