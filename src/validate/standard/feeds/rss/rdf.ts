/**
 * RSS 1.0 (https://web.resource.org/rss/1.0/spec) and RSS 0.90 (http://my.netscape.com/rdf/simple/0.9/):
 * the rdf:RDF document, its channel, items, image and text input, each identified by rdf:about
 * (W3C `rdf.py`, `item.py` rss10Item).
 */
import type { XmlElement } from '../../../xml/tree.ts';
import { container, leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { ANYTHING, FULL_URI_ONCE, TEXT, W3CDTF_ONCE } from '../checks/kinds.ts';
import { reportUri } from '../checks/uri.ts';
import { EVERYWHERE_EXTENSIONS, RSS10_ITEM_EXTENSIONS } from '../extensions/tables.ts';
import type { Kind, Visit } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, quote, report, reportAt, tag } from '../report.ts';
import { RSS090_CHANNEL, RSS1_CHANNEL } from './channel.ts';
import { BASE_ITEM_CHILDREN } from './item.ts';
import { TEXT_INPUT } from './text-input.ts';

function aboutOf(element: XmlElement): string | undefined {
  return element.attributes.find((a) => a.uri === NS.rdf && a.name === 'about')?.value;
}

/** rdf:about identifies each resource once in the document (RSS 1.0 §5.3). */
function checkAboutIsNew(visit: Visit): void {
  const about = aboutOf(visit.element);
  if (about === undefined) return;
  const abouts = visit.context.abouts;
  if (abouts.has(about)) report(visit, 'duplicate-value', `${named(visit)} rdf:about=${quote(about)} identifies an earlier resource too; each needs its own URI`);
  else abouts.add(about);
}

/** Resources of RSS 1.0 carry rdf:about with their URI (W3C rdfAbout); RSS 0.90 has none. */
function withAbout(kind: Kind): (visit: Visit, child: XmlElement) => Kind {
  return (visit: Visit) => {
    if (visit.context.version === '0.90') return kind;
    return {
      ...kind,
      start(v: Visit) {
        kind.start?.(v);
        checkAboutIsNew(v);
      },
      end(v: Visit) {
        kind.end?.(v);
        const about = aboutOf(v.element);
        if (about === undefined) report(v, 'missing-attribute', `${named(v)} needs rdf:about with its URI (RSS 1.0 §5)`, 'end');
        else reportUri(v.context, v.element, about, { absolute: false, iri: false }, 'invalid-uri', `rdf:about on ${named(v)}`, 'end');
      },
    };
  };
}

/** An RSS 1.0 or 0.90 item: title and link required (RSS 1.0 §5.5). */
const RSS1_ITEM: Kind = container(
  { ...RSS10_ITEM_EXTENSIONS, ...BASE_ITEM_CHILDREN, rdfs_label: TEXT, rdfs_comment: TEXT },
  {
    attributes: [`{${NS.rdf}}about`],
    end(visit) {
      for (const name of ['link', 'title']) if (!visit.counts.has(name)) report(visit, 'missing-element', `${tag(visit.element)} needs <${name}> (RSS 1.0 §5.5)`, 'end');
    },
  },
);

const IMAGE_TITLE = leaf({
  once: true,
  check(visit) {
    if (visit.value === '') report(visit, 'blank-value', `${named(visit)} is empty; give the image the channel's title`, 'end');
    else checkPlainText(visit);
  },
});

/** An RSS 1.0 image: title, link and url required (RSS 1.0 §5.4). */
const RSS1_IMAGE: Kind = container(
  { ...EVERYWHERE_EXTENSIONS, title: IMAGE_TITLE, link: FULL_URI_ONCE, url: FULL_URI_ONCE, dc_creator: TEXT, dc_subject: TEXT, dc_date: W3CDTF_ONCE, cc_license: ANYTHING },
  {
    attributes: [`{${NS.rdf}}about`],
    end(visit) {
      for (const name of ['title', 'link', 'url']) if (!visit.counts.has(name)) report(visit, 'missing-element', `${tag(visit.element)} needs <${name}> (RSS 1.0 §5.4)`, 'end');
    },
  },
);

/** rdf:RDF, the root of RSS 1.0 and RSS 0.90 feeds. */
export const RDF: Kind = {
  children: {
    rss090_channel: (visit) => {
      visit.context.defaultNamespaces.add(NS.rss090);
      visit.context.version = '0.90';
      return RSS090_CHANNEL;
    },
    channel: (visit, child) => {
      if (visit.counts.has('channel')) reportAt(visit.context, 'duplicate-element', child, `${tag(child)} may appear only once in ${tag(visit.element)}`);
      return withAbout(RSS1_CHANNEL)(visit, child);
    },
    item: withAbout(RSS1_ITEM),
    textinput: withAbout(TEXT_INPUT),
    image: withAbout(RSS1_IMAGE),
    cc_License: ANYTHING,
    taxo_topic: ANYTHING,
    rdf_Description: ANYTHING,
  },
  start(visit) {
    visit.context.feedType = 'rss1';
    visit.context.version ??= '1.0';
  },
  end(visit) {
    if (!visit.counts.has('channel') && !visit.counts.has('rss090_channel')) report(visit, 'missing-element', `${tag(visit.element)} needs a <channel> (RSS 1.0 §5.3)`, 'end');
  },
};
