/**
 * atom:link (RFC 4287 §4.2.7), in Atom and in RSS 2.0 (RSS Profile §atom:link): href required, rel
 * registered or an IRI, type a media type, hreflang a language, length a number, and the threading
 * extension's attributes on rel="replies" only (RFC 4685 §4). W3C `link.py`.
 */
import { XML_NS } from '../../../xml/tree.ts';
import { checkPlainText } from '../checks/html.ts';
import { reportUri } from '../checks/uri.ts';
import type { Kind, Visit } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, quote, report } from '../report.ts';
import { checkIsoDate } from '../values/dates.ts';
import { isLanguageCode } from '../values/language.ts';
import { isMediaType } from '../values/mime.ts';
import { parseInteger } from '../values/numbers.ts';
import { checkUri, hasAuthority } from '../values/uri.ts';
import { EATER } from '../walk.ts';

/** What the parent records of each link, for its own checks (alternates, self). */
export interface LinkRecord {
  readonly rel: string;
  readonly type: string;
  readonly hreflang: string;
  readonly href: string;
}

// IANA link relations of RFC 4287, RFC 5005, RFC 4685, AtomPub and others current when feeds use them.
const REGISTERED = new Set([
  'alternate', 'current', 'describedby', 'edit', 'edit-media', 'enclosure', 'first', 'hub', 'last', 'license', 'next', 'next-archive',
  'payment', 'prev-archive', 'previous', 'related', 'replies', 'search', 'self', 'service', 'up', 'via',
]);
const PAGING = new Set(['current', 'first', 'last', 'next', 'next-archive', 'prev-archive', 'previous']);
const FEED_TYPES = new Set(['application/atom+xml', 'application/rss+xml', 'application/rdf+xml']);
const IANA_RELATION_PREFIX = 'http://www.iana.org/assignments/relation/';

/** The links recorded on `visit` (a feed, entry, source or channel). */
export function linksOf(visit: Visit): LinkRecord[] {
  const links = (visit.state.links ??= []) as LinkRecord[];
  return links;
}

/** atom:link. */
export const ATOM_LINK: Kind = {
  attributes: ['type', 'title', 'rel', 'href', 'length', 'hreflang', `{${NS.rdf}}type`, `{${NS.rdf}}resource`, `{${NS.thread}}count`, `{${NS.thread}}when`, `{${NS.thread}}updated`],
  text: true,
  onText(visit, text) {
    if (text.value.trim() !== '' && visit.state.textReported !== true) {
      visit.state.textReported = true;
      report(visit, 'link-not-empty', `${named(visit)} has text content; the link is its attributes, so leave the element empty`);
    }
  },
  children: (_visit, child) => ({ key: child.name, kind: EATER }),
  end: checkLink,
};

function attribute(visit: Visit, name: string, uri = ''): string | undefined {
  return visit.element.attributes.find((a) => a.name === name && a.uri === uri)?.value;
}

function checkLink(visit: Visit): void {
  const parentName = visit.parent?.element.name;
  let rel = 'alternate';
  const relValue = attribute(visit, 'rel');
  if (relValue !== undefined) {
    rel = relValue.startsWith(IANA_RELATION_PREFIX) ? relValue.slice(IANA_RELATION_PREFIX.length) : relValue;
    if (!REGISTERED.has(rel) && checkUri(rel, { absolute: true, iri: true }).problem !== undefined) {
      report(visit, 'unregistered-link-relation', `${named(visit)} has rel=${quote(rel)}, which is neither a registered relation nor an absolute IRI`, 'end');
    }
    if (relValue === '') report(visit, 'blank-value', `${named(visit)} has an empty rel attribute; leave it out for "alternate"`, 'end');
    if (PAGING.has(rel) && parentName === 'entry') report(visit, 'history-link-in-entry', `${named(visit)} has rel="${rel}", a feed paging relation (RFC 5005), on an entry; put it on the feed`, 'end');
  }
  const type = attribute(visit, 'type') ?? '';
  if (attribute(visit, 'type') !== undefined) {
    if (!isMediaType(type)) report(visit, 'invalid-mime-type', `${named(visit)} has type=${quote(type)}, which is not a media type such as "text/html"`, 'end');
    else if (rel === 'self' && !FEED_TYPES.has(type.split(';')[0] as string)) report(visit, 'self-link-type', `the rel="self" ${named(visit)} has type=${quote(type)}; a feed's own address is application/atom+xml or application/rss+xml`, 'end');
  }
  const title = attribute(visit, 'title');
  if (title !== undefined) {
    if (title === '') report(visit, 'blank-value', `${named(visit)} has an empty title attribute; give it a title or leave it out`, 'end');
    checkPlainText(visit, 'contains-html', title);
  }
  const length = attribute(visit, 'length');
  if (length !== undefined) {
    const n = parseInteger(length);
    if (n === undefined || n < 0) report(visit, 'invalid-integer', `${named(visit)} has length=${quote(length)}, which is not a number of bytes (0 or more)`, 'end');
    if (length === '') report(visit, 'blank-value', `${named(visit)} has an empty length attribute`, 'end');
  }
  const hreflang = attribute(visit, 'hreflang') ?? '';
  if (attribute(visit, 'hreflang') !== undefined && !isLanguageCode(hreflang)) {
    report(visit, 'invalid-language', `${named(visit)} has hreflang=${quote(hreflang)}, which is not a language code such as "en" or "en-US"`, 'end');
  }
  const href = attribute(visit, 'href');
  if (href !== undefined) {
    reportUri(visit.context, visit.element, href, { absolute: false, iri: true }, 'invalid-uri', `the href of ${named(visit)}`, 'end');
    if (rel === 'self' && (parentName === 'feed' || parentName === 'channel') && !hasAuthority(href) && !baseHasAuthority(visit)) {
      report(visit, 'relative-self-link', `the rel="self" ${named(visit)} is relative (${quote(href)}); write the feed's full address`, 'end');
    }
  } else {
    report(visit, 'missing-attribute', `${named(visit)} has no href; give the address it links to`, 'end');
  }
  const count = attribute(visit, 'count', NS.thread);
  if (count !== undefined) {
    if (rel !== 'replies') report(visit, 'unexpected-attribute', `thr:count is for rel="replies" links only, not on ${named(visit)} with rel=${quote(rel)}`, 'end');
    const n = parseInteger(count);
    if (n === undefined || n < 0) report(visit, 'invalid-integer', `thr:count=${quote(count)} on ${named(visit)} is not a number of replies (0 or more)`, 'end');
  }
  if (attribute(visit, 'when', NS.thread) !== undefined) report(visit, 'unexpected-attribute', `thr:when on ${named(visit)} is not part of RFC 4685; use thr:updated`, 'end');
  const updated = attribute(visit, 'updated', NS.thread);
  if (updated !== undefined) {
    if (rel !== 'replies') report(visit, 'unexpected-attribute', `thr:updated is for rel="replies" links only, not on ${named(visit)} with rel=${quote(rel)}`, 'end');
    if (!checkIsoDate(updated, 'rfc3339').valid) report(visit, 'invalid-rfc3339-date', `thr:updated=${quote(updated)} on ${named(visit)} is not an RFC 3339 date-time such as "2003-12-13T18:30:02Z"`, 'end');
  }
  if (visit.parent !== undefined) linksOf(visit.parent).push({ rel, type, hreflang, href: href ?? '' });
}

/** True when an xml:base in scope names a host, so a relative self link still resolves to a full address. */
function baseHasAuthority(visit: Visit): boolean {
  for (let v: Visit | undefined = visit; v; v = v.parent) {
    const base = v.element.attributes.find((a) => a.uri === XML_NS && a.name === 'base');
    if (base !== undefined && hasAuthority(base.value)) return true;
  }
  return false;
}
