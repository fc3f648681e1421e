import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { ATOM_NS, toFeedUrl } from '../emit/feed.ts';
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
  checkRfc3339,
  feedContext,
  type Dated,
  type FeedContext,
  type UrlCheck,
} from './feedrules.ts';
import { ATOM_SCHEMA, ATOM_SCHEMA_FILE } from './schemas/atom.ts';
import { descendantsNamed, type XElement, type XTree } from './xmltree.ts';
import { compileRelaxNg, lazySchema, validateXml } from './xml.ts';
import { toInstant } from '../model/time.ts';

/*
 * The Atom validator. Besides our own RELAX NG schema, the rules follow the W3C Feed Validation
 * Service (feedvalidator `feed.py`, `entry.py`, `content.py`, `author.py`, `category.py`,
 * `link.py`, `uri.py`); the W3C message each rule stands for is named next to it.
 */

const SOURCE = 'validate:atom';
/** The Atom namespace. */
const A = ATOM_NS;

const atomSchema = lazySchema(() => compileRelaxNg(ATOM_SCHEMA_FILE, ATOM_SCHEMA));

/**
 * Checks an Atom feed (`atom.xml` or `sections/<path>/atom.xml`): well-formed, our Atom RELAX NG
 * schema, then the W3C Feed Validation Service's rules and ours (self link from the file's own
 * path, item limit, order, feed date).
 */
export const validateAtom: Validator = (file, site) =>
  validateXml(file, atomSchema(), SOURCE, (tree) => inspectAtom(tree, file, site));

function inspectAtom(tree: XTree, file: OutputFile, site: SiteConfig): Diagnostic[] {
  const ctx = feedContext(file, SOURCE, 'atom');
  const { report } = ctx;
  const found: Diagnostic[] = [];
  const feed = tree.root.name === 'feed' && tree.root.namespaceUri === A ? tree.root : null;
  if (feed === null) return found; // the schema has reported it
  found.push(...checkNamespaces(tree, ctx), ...checkBadCharacters(tree, ctx), ...checkLanguages(tree, ctx));

  // RFC 4287 §4.1.1: a feed SHOULD have one rel="self" link (W3C MissingSelf); it must be the public
  // URL of this very file (SelfDoesntMatchLocation), of an Atom type if typed (SelfNotAtom).
  const expectedSelf = toFeedUrl(site, file.path);
  const selfLinks = feed.childrenNamed(A, 'link').filter((link) => link.attrInTree('rel') === 'self');
  const self = selfLinks[0];
  if (selfLinks.length !== 1 || self === undefined) {
    found.push(report('error', 'self-link', `the feed has ${selfLinks.length} <link rel="self"> elements; keep exactly one, href="${expectedSelf}"`, selfLinks[1] ?? feed));
  } else if (attrValue(self, 'href') !== expectedSelf) {
    found.push(report('error', 'self-link', `<link rel="self"> points to "${attrValue(self, 'href') ?? ''}"; set it to this file's public URL "${expectedSelf}" (feed.baseUrl + its path)`, self));
  } else if (attrValue(self, 'type') !== undefined && attrValue(self, 'type') !== 'application/atom+xml') {
    found.push(report('error', 'self-link', `<link rel="self"> has type="${attrValue(self, 'type') ?? ''}"; an Atom feed's self link is type="application/atom+xml" or untyped`, self));
  }

  const urls: UrlCheck[] = [];
  found.push(...checkLinks(feed, 'feed', ctx, urls), ...checkTextConstructs(feed, 'feed', ctx), ...checkPeople(feed, 'feed', ctx));
  for (const id of feed.childrenNamed(A, 'id')) found.push(...checkCanonical(id, id.content.trim(), 'feed <id>', ctx));
  for (const date of descendantsNamed(tree, A, ['updated', 'published'])) found.push(...checkRfc3339(date, report));
  // W3C UnexpectedWhitespace (feedvalidator `nows`): ids, dates and URIs are compared as written.
  for (const node of descendantsNamed(tree, A, ['id', 'updated', 'published', 'uri', 'icon', 'logo'])) {
    if (node.content !== node.content.trim()) {
      found.push(report('error', 'unexpected-whitespace', `<${node.name}> "${node.content}" has whitespace around its value; readers compare it as written, so remove it`, node));
    }
  }

  const ids = new Map<string, number>();
  const updatedValues = new Map<string, number>();
  const order: Dated[] = [];
  let newest: number | undefined;
  const entries = feed.childrenNamed(A, 'entry');
  entries.forEach((entry, i) => {
    const label = `entry ${i + 1}`;
    found.push(...checkLinks(entry, label, ctx, urls), ...checkTextConstructs(entry, label, ctx), ...checkPeople(entry, label, ctx));
    const id = entry.child(A, 'id');
    if (id) {
      const value = id.content.trim();
      found.push(...checkCanonical(id, value, `${label} <id>`, ctx));
      const firstLine = ids.get(value);
      if (firstLine !== undefined) {
        found.push(report('error', 'duplicate-id', `${label} repeats the <id> "${value}" of the entry on line ${firstLine}; every entry needs its own stable id (article id, never the headline)`, id));
      } else ids.set(value, id.line);
    }
    const updated = entry.child(A, 'updated');
    if (updated) {
      const value = updated.content.trim();
      const firstLine = updatedValues.get(value);
      // W3C DuplicateUpdated: readers that key on (id, updated) may take two entries for one.
      if (firstLine !== undefined) {
        found.push(report('warning', 'duplicate-updated', `${label} has the same <updated> "${value}" as the entry on line ${firstLine}; the W3C validator warns about entries updated at the same instant (check the article times)`, updated));
      } else updatedValues.set(value, updated.line);
      const instant = toInstant(value);
      if (instant !== undefined && (newest === undefined || instant > newest)) newest = instant;
    }
    const published = entry.child(A, 'published');
    const publishedAt = published ? toInstant(published.content) : undefined;
    if (published && publishedAt !== undefined) order.push({ node: published, instant: publishedAt });
    for (const category of entry.childrenNamed(A, 'category')) {
      const scheme = attrValue(category, 'scheme');
      if (scheme !== undefined) urls.push([category, scheme, `${label} <category> scheme`, 'uri']);
      const term = attrValue(category, 'term');
      if (term !== undefined && term.trim() === '') found.push(report('warning', 'blank-term', `${label} <category> has an empty term; give the section's slug`, category));
      const labelText = attrValue(category, 'label');
      if (labelText !== undefined) found.push(...checkPlainText(category, labelText, `${label} <category> label`, ctx));
    }
    const htmlConstructs = entry.children.filter((c) => c.namespaceUri === A && (c.name === 'content' || c.name === 'summary' || c.name === 'title') && c.attrInTree('type') === 'html');
    for (const html of htmlConstructs) {
      found.push(...checkContentHtml(html, `${label} <${html.name}>`, report));
    }
    found.push(...checkMedia(entry, label, ctx, urls));
  });
  found.push(...checkFeedScope(order, entries.length, site, feed, ctx));
  const feedUpdated = feed.child(A, 'updated');
  const feedInstant = feedUpdated ? (toInstant(feedUpdated.content) ?? NaN) : NaN;
  if (feedUpdated && newest !== undefined && !Number.isNaN(feedInstant) && feedInstant !== newest) {
    found.push(report('error', 'feed-updated', `the feed <updated> "${feedUpdated.content.trim()}" is not the newest entry <updated> (${new Date(newest).toISOString()}); a feed is dated by its newest change`, feedUpdated));
  }
  for (const [node, value, what, kind] of urls) found.push(...checkAbsolute(node, value, what, kind, report));
  return found;
}

/**
 * The links directly under a feed or an entry: URLs to check, `link-rel`, `enclosure` for
 * `rel="enclosure"` (W3C link.py: InvalidMIMEType, InvalidNonNegativeInteger), `duplicate-link`
 * (DuplicateAtomLink: two alternates with the same type and hreflang) and, in entries,
 * `duplicate-enclosure` (ours: one enclosure per entry, as in RSS).
 */
function checkLinks(parent: XElement, label: string, ctx: FeedContext, urls: UrlCheck[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const alternates = new Set<string>();
  const links = parent.childrenNamed(A, 'link');
  for (const link of links) {
    const rel = attrValue(link, 'rel') ?? 'alternate';
    urls.push([link, attrValue(link, 'href') ?? '', `${label} <link rel="${rel}"> href`, 'url']);
    found.push(...checkLinkRel(link, ctx));
    if (rel === 'enclosure') found.push(...checkEnclosureAttributes(link, `${label} <link rel="enclosure">`, 'href', ctx.report));
    if (rel === 'alternate') {
      const key = `${attrValue(link, 'type') ?? ''}|${attrValue(link, 'hreflang') ?? ''}`;
      if (alternates.has(key)) {
        found.push(ctx.report('error', 'duplicate-link', `${label} has two alternate links with the same type and hreflang; keep one (the article or site page)`, link));
      }
      alternates.add(key);
    }
  }
  const enclosures = links.filter((link) => attrValue(link, 'rel') === 'enclosure');
  if (enclosures.length > 1) {
    found.push(ctx.report('warning', 'duplicate-enclosure', `${label} has ${enclosures.length} enclosure links; keep only the main photo (the others stay as media:content)`, enclosures[1]));
  }
  return found;
}

/** `html-in-text` for text constructs that are plain text (W3C ContainsUndeclaredHTML): `type="text"` or untyped. */
function checkTextConstructs(parent: XElement, label: string, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const constructs = parent.children.filter((c) => c.namespaceUri === A && (c.name === 'title' || c.name === 'subtitle' || c.name === 'summary' || c.name === 'rights'));
  for (const element of constructs) {
    const type = attrValue(element, 'type') ?? 'text';
    if (type === 'text') found.push(...checkPlainText(element, element.content, `${label} <${element.name}>`, ctx));
  }
  return found;
}

/** Author and contributor names: `html-in-text`, and `email-in-name` (W3C ContainsEmail: an address in `<name>`); their URIs are checked as URLs. */
function checkPeople(parent: XElement, label: string, ctx: FeedContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const people = parent.children.filter((c) => c.namespaceUri === A && (c.name === 'author' || c.name === 'contributor'));
  for (const name of people.flatMap((person) => person.childrenNamed(A, 'name'))) {
    const value = name.content;
    found.push(...checkPlainText(name, value, `${label} <name>`, ctx));
    if (/<[A-Z0-9_\-+.']+@(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.|(?:[A-Z0-9-]+\.)+)[A-Z0-9][-A-Z0-9]*>/i.test(value)) {
      found.push(ctx.report('warning', 'email-in-name', `${label} <name> "${value}" contains an email address; <name> is only the name (put the address in <email>, or leave it out)`, name));
    }
  }
  for (const uri of people.flatMap((person) => person.childrenNamed(A, 'uri'))) {
    found.push(...checkAbsolute(uri, uri.content.trim(), `${label} <author><uri>`, 'url', ctx.report));
  }
  return found;
}

/**
 * `relative-url`/`invalid-uri` for an Atom id, then `non-canonical-id` (W3C NonCanonicalURI,
 * warning): ids are compared character by character, so they must be in the normal form of
 * RFC 3986 §6.2.2 (lowercase scheme and host, no default port, no dot segments, percent-encoding
 * only where needed, uppercase hex).
 */
function checkCanonical(node: XElement, value: string, what: string, ctx: FeedContext): Diagnostic[] {
  const basic = checkAbsolute(node, value, what, 'uri', ctx.report);
  if (basic.length > 0) return basic;
  const canonical = toCanonicalUri(value);
  if (canonical === value) return [];
  const fix = canonical === undefined ? 'write it as a well-formed URI' : `write "${canonical}"`;
  return [ctx.report('warning', 'non-canonical-id', `${what} "${value}" is not in canonical form, so readers may not match it with the same id written canonically; ${fix}`, node)];
}

const DEFAULT_PORTS: Record<string, string> = { ftp: '21', http: '80', https: '443', gopher: '70', news: '119', nntp: '119', telnet: '23', prospero: '191', snews: '563', snntp: '563' };
const SUB_DELIMS = "!$&'()*+,;=";
const PCHAR = `-._~${SUB_DELIMS}:@`;
const RESERVED = `:/?#[]@${SUB_DELIMS}`;

/** The canonical form of a URI as the W3C validator computes it (feedvalidator `uri.py` `canonicalForm`), or undefined when it is malformed. */
function toCanonicalUri(uri: string): string | undefined {
  const m = /^(([^:/?#]+):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$/.exec(uri);
  if (!m) return undefined;
  try {
    const scheme = m[2]?.toLowerCase();
    let out = scheme === undefined ? '' : `${scheme}:`;
    const path = m[5] ?? '';
    if (m[4] === undefined) {
      if (scheme === undefined && !path.startsWith('/')) return undefined;
      out += scheme === undefined || path.startsWith('/') ? normalizePath(path) : requote(path, `${PCHAR}/`);
    } else {
      out += `//${normalizeAuthority(m[4], scheme === undefined ? undefined : DEFAULT_PORTS[scheme])}${normalizePath(path)}`;
    }
    if (m[7] !== undefined) out += `?${requote(m[7], `${PCHAR}/?`)}`;
    if (m[9] !== undefined) out += `#${requote(m[9], `${PCHAR}/?`)}`;
    return out;
  } catch {
    return undefined;
  }
}

function normalizeAuthority(authority: string, defaultPort: string | undefined): string {
  const at = authority.lastIndexOf('@');
  const credentials = at >= 0 ? authority.slice(0, at) : '';
  let host = (at >= 0 ? authority.slice(at + 1) : authority).toLowerCase();
  let port: string | undefined = defaultPort;
  const portMatch = /:(\d*)$/.exec(host);
  if (portMatch) {
    if (portMatch[1] !== '') port = String(Number(portMatch[1]));
    host = host.slice(0, portMatch.index);
  }
  if (host.endsWith('.') && host.lastIndexOf('.', host.length - 3) >= 0) host = host.slice(0, -1);
  if (host.startsWith('[') !== host.endsWith(']')) throw new Error('bad IPv6 literal');
  if (port !== defaultPort && port !== undefined) host = `${host}:${port}`;
  return credentials !== '' && credentials !== ':' ? `${credentials}@${host}` : host;
}

function normalizePath(path: string): string {
  const segments = path.split('/');
  let i = segments.length > 0 && segments[0] !== '' ? segments.length : 0;
  while (i < segments.length) {
    const segment = segments[i];
    if (segment === '.' || segment === '..') {
      if (i < segments.length - 1) segments.splice(i, 1);
      else segments[i] = '';
      if (segment === '..' && (i > 1 || (i > 0 && segments[0] !== ''))) {
        i -= 1;
        segments.splice(i, 1);
      }
    } else i += 1;
  }
  const normalized = segments.length === 1 && segments[0] === '' ? ['', ''] : segments;
  return normalized.map((s) => requote(s, PCHAR)).join('/');
}

/**
 * Percent-decodes the octets of a URI component, NFC-normalises the text and percent-encodes it
 * again (uppercase hex), keeping as they are the reserved characters that `safe` lists (Python's
 * `quote` semantics: letters, digits and `_.-~` are never encoded).
 */
function requote(component: string, safe: string): string {
  // Only characters that are kept as they are (unreserved, or safe ASCII): the result is the component itself.
  if (isKeptAsIs(component, safe)) return component;
  let out = '';
  let octets: number[] = [];
  const flush = () => {
    const text = UTF8_STRICT.decode(Uint8Array.from(octets)).normalize('NFC');
    for (const byte of UTF8.encode(text)) {
      const c = String.fromCharCode(byte);
      out += /[A-Za-z0-9_.\-~]/.test(c) || (byte < 0x80 && safe.includes(c)) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    octets = [];
  };
  for (const token of component.match(/%[0-9a-fA-F]{2}|[^%]|%/gsu) ?? []) {
    if (token.startsWith('%') && token.length === 3) {
      const byte = parseInt(token.slice(1), 16);
      const c = String.fromCharCode(byte);
      if (RESERVED.includes(c) && safe.includes(c)) {
        flush();
        out += token.toUpperCase();
      } else octets.push(byte);
    } else if (token === '%') {
      throw new Error('bad percent-encoding');
    } else if (RESERVED.includes(token) && safe.includes(token)) {
      flush();
      out += token;
    } else octets.push(...UTF8.encode(token));
  }
  flush();
  return out;
}

const UTF8 = new TextEncoder();
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const UNRESERVED = /^[A-Za-z0-9_.\-~]$/;

function isKeptAsIs(component: string, safe: string): boolean {
  for (const c of component) if (!UNRESERVED.test(c) && !(c.length === 1 && c.charCodeAt(0) < 0x80 && c !== '%' && safe.includes(c))) return false;
  return true;
}
