/** The small value elements of Atom feeds and entries: generator, id, dates, icon and logo (RFC 4287 §4.2). */
import { leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { reportUri } from '../checks/uri.ts';
import { checkIsoDateValue, checkUriValue } from '../checks/values.ts';
import type { Kind, Visit } from '../kind.ts';
import { named, report } from '../report.ts';
import { canonicalUri } from '../values/canonical.ts';

function attribute(visit: Visit, name: string): string | undefined {
  return visit.element.attributes.find((a) => a.name === name && a.uri === '')?.value;
}

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
