/** An item's guid (RSS 2.0 §guid; RSS Profile §guid): a permalink unless isPermaLink="false", unique in the channel. */
import { attributeOf } from '../../../xml/tree.ts';
import { leaf } from '../checks/common.ts';
import { unique } from '../checks/unique.ts';
import { reportUri } from '../checks/uri.ts';
import type { Kind, Visit } from '../kind.ts';
import { named, quote, report } from '../report.ts';

function attribute(visit: Visit, name: string, uri = ''): string | undefined {
  return attributeOf(visit.element, name, uri);
}

/** <guid>: a permalink URL unless isPermaLink="false" (RSS 2.0 §guid). */
export const GUID: Kind = leaf({
  once: true,
  attributes: ['isPermaLink'],
  check(visit) {
    let permalink = true;
    const flag = attribute(visit, 'isPermaLink');
    if (flag !== undefined) {
      if (flag !== 'true' && flag !== 'false') report(visit, 'invalid-boolean', `${named(visit)} isPermaLink=${quote(flag)} is neither "true" nor "false"`, 'end');
      permalink = flag === 'true';
    }
    const value = visit.value;
    if (permalink) {
      if (reportUri(visit.context, visit.element, value, { absolute: true, iri: false }, 'invalid-guid', named(visit), 'end')) {
        const lower = value.toLowerCase();
        if (lower.startsWith('tag:') || lower.startsWith('urn:uuid:')) {
          report(visit, 'invalid-permalink', `${named(visit)} ${quote(value)} is not a web address, so it cannot be a permalink; add isPermaLink="false"`, 'end');
        }
      }
    } else if (value.length < 9 && /^\d+$/.test(value)) {
      report(visit, 'guid-not-unique-enough', `${named(visit)} ${quote(value)} is a short number, unlikely to be unique across feeds; use a URL or a tag: URI`, 'end');
    }
    const channel = visit.parent?.parent;
    if (channel !== undefined) unique(visit, channel, 'guids', `${named(visit)} ${quote(value)} repeats the guid of an earlier item; each item needs its own`);
  },
});
