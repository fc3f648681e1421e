/** An item's source (RSS 2.0 §source): the feed it came from, by url. */
import { attributeOf } from '../../../xml/tree.ts';
import { leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { reportUri } from '../checks/uri.ts';
import type { Kind, Visit } from '../kind.ts';
import { named, report } from '../report.ts';

function attribute(visit: Visit, name: string, uri = ''): string | undefined {
  return attributeOf(visit.element, name, uri);
}

/** <source url="…">: the feed the item came from (RSS 2.0 §source). */
export const SOURCE: Kind = leaf({
  once: true,
  attributes: ['url'],
  start(visit) {
    const url = attribute(visit, 'url');
    if (url === undefined) report(visit, 'missing-attribute', `${named(visit)} needs url, the address of the feed the item came from`);
    else reportUri(visit.context, visit.element, url, { absolute: true, iri: false }, 'relative-uri', `the url of ${named(visit)}`, 'start');
  },
  check: (visit) => checkPlainText(visit),
});
