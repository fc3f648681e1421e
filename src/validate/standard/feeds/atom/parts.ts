/**
 * Atom's person constructs (RFC 4287 §3.2: author, contributor), category (§4.2.2) and generator
 * (§4.2.4), and the small value elements of feeds and entries (W3C `author.py`, `category.py`,
 * `generator.py`).
 */
import { container, leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { rdfResource, TEXT } from '../checks/kinds.ts';
import { reportUri } from '../checks/uri.ts';
import { checkAddrSpec, checkIsoDateValue, checkUriValue } from '../checks/values.ts';
import type { Kind, Visit } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, report } from '../report.ts';
import { canonicalUri } from '../values/canonical.ts';
import { containsBracketedAddress } from '../values/email.ts';
import { XHTML_DIV } from './text.ts';

function attribute(visit: Visit, name: string): string | undefined {
  return visit.element.attributes.find((a) => a.name === name && a.uri === '')?.value;
}

const NAME = leaf({
  once: true,
  nonBlank: true,
  check(visit) {
    checkPlainText(visit);
    if (containsBracketedAddress(visit.value)) report(visit, 'contains-email', `${named(visit)} contains an e-mail address; put it in <email> and keep the name alone`, 'end');
  },
});
const EMAIL = leaf({ once: true, check: (visit) => checkAddrSpec(visit) });
const URI = leaf({ once: true, nonBlank: true, noWhitespace: true, check: (visit) => checkUriValue(visit, { absolute: false, iri: true }) });

/** A person construct: a name, optionally an e-mail address and a URI (RFC 4287 §3.2). */
export function person(options: { readonly once?: boolean } = {}): Kind {
  return container(
    {
      name: NAME,
      email: EMAIL,
      uri: URI,
      atom_name: NAME,
      atom_email: EMAIL,
      atom_uri: URI,
      foaf_workplaceHomepage: rdfResource(),
      foaf_homepage: rdfResource(),
      foaf_weblog: rdfResource(),
      foaf_plan: TEXT,
      foaf_firstName: TEXT,
      xhtml_div: XHTML_DIV,
    },
    {
      once: options.once,
      attributes: [`{${NS.rdf}}parseType`],
      end(visit) {
        if (!visit.counts.has('name') && !visit.counts.has('atom_name')) report(visit, 'missing-element', `${named(visit)} needs <name> (RFC 4287 §3.2.1)`, 'end');
      },
    },
  );
}

/** atom:category: term required, scheme an IRI, label plain text (RFC 4287 §4.2.2). */
export const CATEGORY: Kind = {
  attributes: ['term', 'scheme', 'label'],
  children: {},
  start(visit) {
    const term = attribute(visit, 'term');
    if (term === undefined) report(visit, 'missing-attribute', `${named(visit)} needs term, the category itself (RFC 4287 §4.2.2.1)`);
    else if (term === '') report(visit, 'blank-value', `${named(visit)} has an empty term`);
    const scheme = attribute(visit, 'scheme');
    if (scheme !== undefined) reportUri(visit.context, visit.element, scheme, { absolute: true, iri: true }, 'relative-uri', `the scheme of ${named(visit)}`, 'start');
    const label = attribute(visit, 'label');
    if (label !== undefined) checkPlainText(visit, 'contains-html', label);
  },
};

/** atom:generator: uri an IRI reference, text plain (RFC 4287 §4.2.4). */
export function generator(options: { readonly once?: boolean; readonly nonBlank?: boolean } = {}): Kind {
  return leaf({
    once: options.once,
    nonBlank: options.nonBlank,
    attributes: ['uri', 'version'],
    start(visit) {
      const uri = attribute(visit, 'uri');
      if (uri !== undefined) reportUri(visit.context, visit.element, uri, { absolute: false, iri: false }, 'invalid-uri', `the uri of ${named(visit)}`, 'start');
    },
    check: (visit) => checkPlainText(visit),
  });
}

/** An Atom id: an absolute IRI, without surrounding white space, in normalized form (RFC 4287 §4.2.6). */
export function checkAtomId(visit: Visit): void {
  if (!checkUriValue(visit, { absolute: true, iri: true }, 'relative-uri')) return;
  const canonical = canonicalUri(visit.value);
  if (canonical !== visit.value) {
    report(visit, 'non-canonical-uri', `${named(visit)} ${JSON.stringify(visit.value.slice(0, 80))} is not in normalized form${canonical !== undefined ? ` (${JSON.stringify(canonical.slice(0, 80))})` : ''}; readers compare ids character by character`, 'end');
  }
}

/** atom:id. */
export const ID: Kind = leaf({ once: true, noWhitespace: true, check: checkAtomId });
/** atom:updated and atom:published: RFC 3339 dates (RFC 4287 §3.3). */
export const DATE: Kind = leaf({ once: true, noWhitespace: true, check: (visit) => checkIsoDateValue(visit, 'rfc3339') });
/** atom:icon and atom:logo: IRI references (RFC 4287 §4.2.5, §4.2.8). */
export const IMAGE_IRI: Kind = leaf({ once: true, noWhitespace: true, nonBlank: true, check: (visit) => checkUriValue(visit, { absolute: false, iri: false }) });
