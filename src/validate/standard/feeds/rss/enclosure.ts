/** An item's enclosure (RSS 2.0 §enclosure; RSS Profile §enclosure), as the W3C validator checks it (`item.py`). */
import { attributeOf } from '../../../xml/tree.ts';
import { checkOnce } from '../checks/common.ts';
import type { Kind, Visit } from '../kind.ts';
import { named, quote, report } from '../report.ts';
import { isMediaType } from '../values/mime.ts';
import { parseInteger } from '../values/numbers.ts';
import { isHttpUrl } from '../values/uri.ts';

function attribute(visit: Visit, name: string, uri = ''): string | undefined {
  return attributeOf(visit.element, name, uri);
}

/** <enclosure>: url (http), length (bytes) and type (media type) all required (RSS 2.0 §enclosure). */
export const ENCLOSURE: Kind = {
  attributes: ['url', 'length', 'type'],
  children: {},
  start(visit) {
    checkOnce(visit, 'duplicate-enclosure');
    const length = attribute(visit, 'length');
    if (length === undefined) report(visit, 'missing-attribute', `${named(visit)} needs length, the size in bytes (0 when unknown)`);
    else {
      const n = parseInteger(length);
      if (n === undefined) report(visit, 'invalid-integer', `${named(visit)} length=${quote(length)} is not a number of bytes`);
      else if (n === -1) report(visit, 'invalid-integer', `${named(visit)} length="-1": write 0 when the size is unknown (RSS Profile)`);
      else if (n < 0) report(visit, 'invalid-integer', `${named(visit)} length=${quote(length)} is negative; give the size in bytes`);
    }
    const type = attribute(visit, 'type');
    if (type === undefined) report(visit, 'missing-attribute', `${named(visit)} needs type, the media type such as "audio/mpeg"`);
    else if (!isMediaType(type)) report(visit, 'invalid-mime-type', `${named(visit)} type=${quote(type)} is not a media type such as "audio/mpeg"`);
    const url = attribute(visit, 'url');
    if (url === undefined) report(visit, 'missing-attribute', `${named(visit)} needs url, the http address of the file`);
    else if (!isHttpUrl(url)) report(visit, 'relative-uri', `${named(visit)} url=${quote(url)} is not an http(s) URL with a host; enclosures are fetched over HTTP`);
  },
};
