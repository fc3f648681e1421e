/** atom:category (RFC 4287 §4.2.2): a term, optionally a scheme IRI and a label (W3C `category.py`). */
import { checkPlainText } from '../checks/html.ts';
import { reportUri } from '../checks/uri.ts';
import type { Kind, Visit } from '../kind.ts';
import { named, report } from '../report.ts';

function attribute(visit: Visit, name: string): string | undefined {
  return visit.element.attributes.find((a) => a.name === name && a.uri === '')?.value;
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
