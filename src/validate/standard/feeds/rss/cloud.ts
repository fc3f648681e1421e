/** The channel's cloud (RSS 2.0 §cloud): the five attributes of the rssCloud interface (W3C `channel.py` cloud). */
import { attributeOf } from '../../../xml/tree.ts';
import { checkOnce } from '../checks/common.ts';
import type { Kind, Visit } from '../kind.ts';
import { named, quote, report } from '../report.ts';
import { parseInteger } from '../values/numbers.ts';

function attribute(visit: Visit, name: string, uri = ''): string | undefined {
  return attributeOf(visit.element, name, uri);
}

/** <cloud>: all five attributes, port a positive number (RSS 2.0 §cloud). */
export const CLOUD: Kind = {
  attributes: ['domain', 'path', 'registerProcedure', 'protocol', 'port'],
  children: {},
  start(visit) {
    checkOnce(visit);
    if (attribute(visit, 'domain') === undefined) report(visit, 'missing-attribute', `${named(visit)} needs domain, the host of the cloud service`);
    const port = attribute(visit, 'port');
    if (port === undefined) report(visit, 'missing-attribute', `${named(visit)} needs port, the TCP port of the cloud service`);
    else if ((parseInteger(port) ?? 0) <= 0) report(visit, 'invalid-integer', `${named(visit)} port=${quote(port)} is not a positive port number`);
    for (const name of ['path', 'registerProcedure', 'protocol']) {
      if (attribute(visit, name) === undefined) report(visit, 'missing-attribute', `${named(visit)} needs ${name}`);
    }
  },
};
