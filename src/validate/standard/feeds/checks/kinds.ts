/** Text elements by the type of their value, shared by the formats and extension modules. */
import type { XmlElement } from '../../../xml/tree.ts';
import type { FeedRuleId } from '../../../rules/feeds.ts';
import type { ChildKind, Kind, Visit } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, quote, report, reportAt, tag } from '../report.ts';
import { leaf } from './common.ts';
import { checkPlainText } from './html.ts';
import { reportUri } from './uri.ts';
import { checkIsoDateValue, checkNonNegativeInteger, checkPositiveInteger, checkRfc822Date, checkUriValue } from './values.ts';

/** Any text. */
export const TEXT: Kind = leaf();
/** Any text, once. */
export const TEXT_ONCE: Kind = leaf({ once: true });
/** Plain text (no markup). */
export const PLAIN: Kind = leaf({ check: (v) => checkPlainText(v) });
/** Plain text, once. */
export const PLAIN_ONCE: Kind = leaf({ once: true, check: (v) => checkPlainText(v) });
/** An absolute URI (W3C rfc2396_full). */
export const FULL_URI: Kind = leaf({ check: (v) => checkUriValue(v, { absolute: true, iri: false }) });
/** An absolute URI, once. */
export const FULL_URI_ONCE: Kind = leaf({ once: true, check: (v) => checkUriValue(v, { absolute: true, iri: false }) });
/** A W3C-DTF date, once (dc:date, dcterms:modified). */
export const W3CDTF_ONCE: Kind = leaf({ once: true, check: (v) => checkIsoDateValue(v, 'w3cdtf') });
/** A W3C-DTF date. */
export const W3CDTF: Kind = leaf({ check: (v) => checkIsoDateValue(v, 'w3cdtf') });
/** An RFC 822 date, once. */
export const RFC822_ONCE: Kind = leaf({ once: true, check: checkRfc822Date });
/** A positive integer, once, not blank. */
export const POSITIVE_ONCE: Kind = leaf({ once: true, nonBlank: true, check: (v) => checkPositiveInteger(v) });
/** An integer of zero or more, once. */
export const NON_NEGATIVE_ONCE: Kind = leaf({ once: true, check: (v) => checkNonNegativeInteger(v) });
/** Extension content that may hold anything. */
export const ANYTHING: Kind = { attributes: 'any', text: true, children: 'eat' };
/** An element with no content model of its own (W3C validatorBase with no children). */
export const EMPTY: Kind = { children: {} };

/**
 * A resource reference in RDF style (W3C rdfResourceURI): `rdf:resource="…"` checked as a URI; required
 * in RSS 1.0. Text content is allowed (RSS 2.0 writers put the URI there). `absolute`: the reference must
 * have a scheme (W3C InvalidLink, as the W3C's admin module test cases expect of admin:generatorAgent).
 */
export function rdfResource(options: { readonly once?: boolean; readonly absolute?: boolean } = {}): Kind {
  return leaf({
    once: options.once,
    attributes: [`{${NS.rdf}}resource`, '{http://purl.org/dc/elements/1.1/}title'],
    check(visit) {
      const resource = visit.element.attributes.find((a) => a.uri === NS.rdf && a.name === 'resource');
      if (resource !== undefined) reportUri(visit.context, visit.element, resource.value, { absolute: options.absolute ?? false, iri: false }, 'invalid-uri', `rdf:resource on ${named(visit)}`, 'end');
      else if (visit.context.feedType === 'rss1') report(visit, 'missing-attribute', `${named(visit)} needs rdf:resource with the URI it refers to`, 'end');
    },
  });
}

/** `kind`, after a warning that `core` (already seen in the parent) means the same as this extension element. */
export function sameAs(core: string, kind: Kind, rule: FeedRuleId = 'duplicate-semantics'): ChildKind {
  return (visit: Visit, child: XmlElement) => {
    if (visit.counts.has(core)) reportAt(visit.context, rule, child, `${tag(child)} says what <${core.replace('_', ':')}> already says in ${tag(visit.element)}; keep one of them`);
    return kind;
  };
}

/** A text element whose value is one of `values` (W3C enumeration), once. */
export function oneOf(values: readonly string[], rule: FeedRuleId, options: { readonly once?: boolean; readonly ignoreCase?: boolean } = {}): Kind {
  return leaf({
    once: options.once ?? true,
    check(visit) {
      const value = options.ignoreCase ? visit.value.toLowerCase() : visit.value;
      if (!values.includes(value)) report(visit, rule, `${named(visit)} ${quote(visit.value)} is not one of ${values.map((v) => `"${v}"`).join(', ')}`, 'end');
    },
  });
}

/** A decimal number within `min`…`max` (geo:lat, geo:long). */
export function decimalIn(min: number, max: number, what: string): Kind {
  return leaf({
    check(visit) {
      const n = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(visit.value) ? Number(visit.value) : Number.NaN;
      if (!(n >= min && n <= max)) report(visit, 'invalid-value', `${named(visit)} ${quote(visit.value)} is not a ${what} (a number from ${min} to ${max})`, 'end');
    },
  });
}
