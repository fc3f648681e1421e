/**
 * The document element decides the format (W3C `root.py`): <rss> (RSS 0.9x/2.0, in no namespace),
 * <rdf:RDF> (RSS 1.0 and 0.90), <feed> or <entry> in the Atom namespace (Atom 1.0; Atom 0.3's
 * namespace is obsolete).
 */
import { XML_NS, type XmlElement } from '../../xml/tree.ts';
import { ATOM03_FEED, ENTRY, FEED } from './atom/feed.ts';
import type { Child, FeedContext, Kind } from './kind.ts';
import { knownPrefix, NS } from './namespaces.ts';
import { quote, report, reportAt, tag } from './report.ts';
import { RSS_CHANNEL } from './rss/channel.ts';
import { RDF } from './rss/rdf.ts';
import { accessRestriction } from './extensions/tables.ts';
import { isLanguageCode } from './values/language.ts';
import { checkDeclarations } from './walk.ts';

// The released versions: RSS 0.91 (Netscape, UserLand), 0.92 and 2.0. UserLand's 0.93 and 0.94 were
// drafts, withdrawn for 2.0; their feeds are read as RSS, but their version is reported (W3C InvalidRSSVersion).
const RSS_VERSIONS = new Set(['0.91', '0.92', '2.0']);

/** <rss version="…">: one channel (RSS 2.0 §"RSS is a dialect of XML"). */
const RSS: Kind = {
  attributes: ['version'],
  children: {
    channel: (visit, child) => {
      if (visit.counts.has('channel')) reportAt(visit.context, 'duplicate-element', child, `${tag(child)} may appear only once in <rss>; an RSS document is one channel`);
      return RSS_CHANNEL;
    },
    access_restriction: accessRestriction(true),
  },
  start(visit) {
    const context = visit.context;
    context.feedType = 'rss';
    const version = visit.element.attributes.find((a) => a.name === 'version' && a.uri === '')?.value;
    context.version = version ?? '2.0';
    if (version === undefined) report(visit, 'missing-attribute', `<rss> needs a version attribute; write version="2.0"`);
    else if (context.netscapeDoctype) {
      if (version !== '0.91') report(visit, 'invalid-doctype', `the Netscape RSS 0.91 DOCTYPE is declared, but <rss version=${quote(version)}>; remove the DOCTYPE or use version 0.91`);
    } else if (!RSS_VERSIONS.has(version)) {
      const draft = version === '0.93' || version === '0.94' ? ' (0.93 and 0.94 were drafts, replaced by 2.0)' : '';
      report(visit, 'invalid-rss-version', `<rss version=${quote(version)}> is not a released RSS version${draft}; write version="2.0"`);
    }
  },
  end(visit) {
    if (!visit.counts.has('channel')) report(visit, 'missing-element', `<rss> needs a <channel>`, 'end');
  },
};

/** Local names of the document elements of feeds. */
export const FEED_ROOTS: ReadonlySet<string> = new Set(['rss', 'feed', 'entry', 'RDF']);

/** What to say about a document element that is not a feed's. */
export function notAFeedMessage(root: XmlElement): string {
  return `the document element ${tag(root)} is not that of a feed; an RSS feed starts with <rss version="2.0">, an Atom feed with <feed xmlns="${NS.atom}">`;
}

/** Which of the validated formats a document element makes a document. */
export type RootFormat = 'rss' | 'rss1' | 'atom';

/** How the document element is read: its kind and format, or undefined (with a `not-a-feed` finding) when it is not a feed's. */
export function readRoot(context: FeedContext, root: XmlElement): (Child & { readonly format: RootFormat }) | undefined {
  checkDeclarations(context, root);
  const name = root.name;
  if (name === 'rss' && root.uri !== '') {
    reportAt(context, 'invalid-namespace', root, `<rss> is in the namespace ${quote(root.uri)}, but RSS 2.0 elements are in no namespace; remove xmlns="${root.uri}"`);
    context.defaultNamespaces.add(root.uri);
  }
  if (name === 'feed' || name === 'entry') {
    for (const prefix of ['atom', 'xhtml']) {
      if (Object.hasOwn(root.namespaces, prefix)) {
        reportAt(context, 'avoid-namespace-prefix', root, `the "${prefix}" prefix makes some readers miss ${prefix === 'atom' ? 'Atom' : 'XHTML'} elements; declare the namespace as the default namespace where it is used`);
      }
    }
    if (root.uri === NS.atom03) {
      reportAt(context, 'obsolete-namespace', root, `this is an Atom 0.3 feed (${NS.atom03}), a draft replaced by Atom 1.0 (RFC 4287) in 2005; publish Atom 1.0 with xmlns="${NS.atom}"`);
      context.feedType = 'atom';
      context.version = '0.3';
      return { key: name, kind: ATOM03_FEED, format: 'atom' };
    }
    if (root.uri === '') {
      reportAt(context, 'missing-namespace', root, `<${name}> is in no namespace; Atom elements are in xmlns="${NS.atom}"`);
    } else {
      context.feedType = name === 'feed' ? 'atom' : 'atom-entry';
      context.defaultNamespaces.add(NS.atom);
      if (root.uri !== NS.atom) {
        reportAt(context, 'invalid-namespace', root, `<${name}> is in the namespace ${quote(root.uri)}; Atom 1.0's is "${NS.atom}" (exactly so)`);
        context.defaultNamespaces.add(root.uri);
      }
    }
    context.version = '1.0';
  }
  const lang = root.attributes.find((a) => a.uri === XML_NS && a.name === 'lang');
  if (lang !== undefined && lang.value !== '' && !isLanguageCode(lang.value)) {
    reportAt(context, 'invalid-language', root, `xml:lang=${quote(lang.value)} on ${tag(root)} is not a language code; use an ISO 639 code such as "en" or "en-US"`);
  }
  let key = name;
  let uri = context.defaultNamespaces.has(root.uri) ? '' : root.uri;
  if (uri !== '') {
    const prefix = knownPrefix(uri);
    if (prefix !== undefined) {
      key = `${prefix}_${name}`;
      uri = '';
    }
  }
  if (uri === '') {
    if (key === 'rss') return { key, kind: RSS, format: 'rss' };
    if (key === 'feed') return { key, kind: FEED, format: 'atom' };
    if (key === 'entry') return { key, kind: ENTRY, format: 'atom' };
    if (key === 'rdf_RDF') {
      context.defaultNamespaces.add(NS.rss1);
      return { key, kind: RDF, format: 'rss1' };
    }
  }
  reportAt(context, 'not-a-feed', root, notAFeedMessage(root));
  return undefined;
}
