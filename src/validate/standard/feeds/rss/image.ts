/**
 * The channel image (RSS 2.0 §image; RSS Profile §image): title, link and url required, the url a GIF,
 * JPEG or PNG, at most 144×400 pixels, its title and link those of the channel (W3C `image.py`).
 */
import { attributeOf } from '../../../xml/tree.ts';
import { container, leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { ANYTHING, PLAIN_ONCE, TEXT, W3CDTF_ONCE } from '../checks/kinds.ts';
import { checkUriValue } from '../checks/values.ts';
import { EVERYWHERE_EXTENSIONS } from '../extensions/tables.ts';
import type { Kind, Visit } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, quote, report } from '../report.ts';
import { parseInteger } from '../values/numbers.ts';

function attribute(visit: Visit, name: string, uri = ''): string | undefined {
  return attributeOf(visit.element, name, uri);
}

/** The channel a channel-level element belongs to (its parent). */
function channelOf(visit: Visit): Visit | undefined {
  return visit.parent?.parent;
}

const IMAGE_TITLE = leaf({
  once: true,
  check(visit) {
    if (visit.value === '') report(visit, 'blank-value', `${named(visit)} is empty; give the image the channel's title`, 'end');
    else checkPlainText(visit);
    const channelTitle = channelOf(visit)?.state.title;
    if (typeof channelTitle === 'string' && channelTitle !== '' && channelTitle !== visit.value) {
      report(visit, 'image-title-mismatch', `${named(visit)} ${quote(visit.value)} differs from the channel title ${quote(channelTitle)}; the RSS Profile asks for the same text`, 'end');
    }
  },
});

const IMAGE_LINK = leaf({
  once: true,
  check(visit) {
    checkUriValue(visit, { absolute: true, iri: false });
    const channelLink = channelOf(visit)?.state.link;
    if (typeof channelLink === 'string' && channelLink !== '' && channelLink !== visit.value) {
      report(visit, 'image-link-mismatch', `${named(visit)} ${quote(visit.value)} differs from the channel link ${quote(channelLink)}; the image should link to the channel's site`, 'end');
    }
  },
});

const IMAGE_URL = leaf({
  once: true,
  check(visit) {
    checkUriValue(visit, { absolute: true, iri: false });
    const extension = (visit.value.split('.').pop() as string).toLowerCase();
    if (/^\w+$/.test(extension) && !['jpg', 'jpeg', 'gif', 'png'].includes(extension)) {
      report(visit, 'image-url-format', `${named(visit)} ${quote(visit.value)} does not look like a GIF, JPEG or PNG, the formats RSS images take`, 'end');
    }
  },
});

function dimension(max: number): Kind {
  return leaf({
    once: true,
    check(visit) {
      const n = parseInteger(visit.value);
      if (n === undefined || n <= 0 || n > max) {
        report(visit, 'invalid-image-size', `${named(visit)} ${quote(visit.value)} is not a number of pixels from 1 to ${max}, the RSS 2.0 maximum`, 'end');
      }
    },
  });
}

/** <image> in an RSS 2.0 channel; with rdf:resource it is an RSS 1.0 reference. */
export const IMAGE: Kind = container(
  {
    ...EVERYWHERE_EXTENSIONS,
    title: IMAGE_TITLE,
    link: IMAGE_LINK,
    url: IMAGE_URL,
    width: dimension(144),
    height: dimension(400),
    description: PLAIN_ONCE,
    dc_creator: TEXT,
    dc_subject: TEXT,
    dc_date: W3CDTF_ONCE,
    cc_license: ANYTHING,
  },
  {
    once: true,
    attributes: [`{${NS.rdf}}resource`, `{${NS.rdf}}about`, `{${NS.rdf}}parseType`],
    end(visit) {
      if (attribute(visit, 'resource', NS.rdf) !== undefined) return;
      const missing = ['title', 'url', ...(attribute(visit, 'parseType', NS.rdf) !== undefined ? [] : ['link'])].filter((name) => !visit.counts.has(name));
      for (const name of missing) report(visit, 'missing-element', `${named(visit)} needs <${name}>`, 'end');
    },
  },
);
