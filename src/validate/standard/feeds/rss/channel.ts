/**
 * The RSS channel (https://www.rssboard.org/rss-specification#requiredChannelElements), its metadata
 * and the RSS Profile's recommendations (W3C `channel.py` channel and rss20Channel), and the RSS 1.0
 * channel's reading of the same elements.
 */
import type { XmlElement } from '../../../xml/tree.ts';
import { ATOM_LINK } from '../atom/link.ts';
import { CATEGORY as ATOM_CATEGORY } from '../atom/category.ts';
import { DATE, generator, IMAGE_IRI } from '../atom/metadata.ts';
import { person } from '../atom/person.ts';
import { textConstruct } from '../atom/text.ts';
import { leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { ANYTHING, FULL_URI, PLAIN_ONCE, POSITIVE_ONCE, RFC822_ONCE, sameAs, TEXT, TEXT_ONCE, W3CDTF_ONCE } from '../checks/kinds.ts';
import { checkLanguageValue, checkRssEmail, checkUriValue } from '../checks/values.ts';
import { checkPodcastChannel, hasItunes } from '../extensions/itunes.ts';
import { CHANNEL_EXTENSIONS } from '../extensions/tables.ts';
import type { ChildKind, Kind, Visit } from '../kind.ts';
import { linksOf } from '../atom/link.ts';
import { NS } from '../namespaces.ts';
import { named, report, reportAt, tag, withdraw } from '../report.ts';
import { ITEM } from './item.ts';
import { CATEGORY } from './category.ts';
import { CLOUD } from './cloud.ts';
import { IMAGE } from './image.ts';
import { SKIP_DAYS, SKIP_HOURS } from './skip.ts';
import { TEXT_INPUT } from './text-input.ts';

const RSS_BOARD_SPECIFICATION = 'http://www.rssboard.org/rss-specification';

/** The channel's title, link and docs, kept for the image checks and the extension-attribute rule. */
function remember(name: 'title' | 'link' | 'docs', check: (visit: Visit) => void): Kind {
  return leaf({
    once: true,
    nonBlank: name === 'title',
    check(visit) {
      if (visit.parent) visit.parent.state[name] = visit.value;
      check(visit);
    },
  });
}

const TITLE = remember('title', (visit) => checkPlainText(visit));
const LINK = remember('link', (visit) => checkUriValue(visit, { absolute: true, iri: false }));
const DOCS = remember('docs', (visit) => checkUriValue(visit, { absolute: true, iri: false }));

/** Channel elements shared by RSS 2.0 and RSS 1.0 channels (W3C channel). */
function commonChildren(metadata: (kind: ChildKind) => ChildKind): Record<string, ChildKind> {
  return {
    ...CHANNEL_EXTENSIONS,
    image: metadata(IMAGE),
    textinput: metadata((visit, child) => {
      if (!visit.element.attributes.some((a) => a.uri === NS.rdf && a.name === 'about')) {
        reportAt(visit.context, 'undefined-element', child, `${tag(child)} is misspelled; the RSS 2.0 element is <textInput>`);
      }
      return leaf({ once: true, attributes: 'any' });
    }),
    link: metadata(LINK),
    title: metadata(TITLE),
    description: metadata(PLAIN_ONCE),
    blink: (visit, child) => {
      reportAt(visit.context, 'undefined-element', child, `${tag(child)} is not an RSS element (it was an April fool); remove it`);
      return TEXT_ONCE;
    },
    atom_author: person(),
    atom_category: ATOM_CATEGORY,
    atom_contributor: person(),
    atom_generator: generator({ once: true, nonBlank: true }),
    atom_id: leaf({ once: true, check: (visit) => checkUriValue(visit, { absolute: true, iri: false }) }),
    atom_icon: IMAGE_IRI,
    atom_link: metadata(ATOM_LINK),
    atom_logo: IMAGE_IRI,
    atom_title: textConstruct({ once: true }),
    atom_subtitle: textConstruct({ once: true }),
    atom_rights: textConstruct({ once: true }),
    atom_updated: DATE,
    dc_creator: sameAs('managingEditor', TEXT),
    dc_subject: sameAs('category', TEXT),
    dc_date: sameAs('pubDate', W3CDTF_ONCE),
    cc_license: sameAs('creativeCommons_license', ANYTHING),
    creativeCommons_license: sameAs('cc_license', FULL_URI),
  };
}

/** Reports items that came before this metadata element (RSS Profile: items last), then reads it as `kind`. */
function rssMetadata(kind: ChildKind): (visit: Visit, child: XmlElement) => Kind | undefined {
  return (visit: Visit, child: XmlElement) => {
    const items = visit.state.itemsBefore as XmlElement[] | undefined;
    if (items !== undefined && items.length > 0) {
      for (const item of items) reportAt(visit.context, 'misplaced-item', item, `${tag(item)} comes before channel metadata such as ${tag(child)}; the RSS Profile puts items after all channel elements`);
      items.length = 0;
    }
    return typeof kind === 'function' ? kind(visit, child) : kind;
  };
}

function email(): Kind {
  return leaf({ once: true, check: checkRssEmail });
}

/** The checks at the end of any channel (W3C channel.validate). */
function endChannel(visit: Visit): void {
  for (const name of ['description', 'link', 'title']) {
    if (!visit.counts.has(name)) report(visit, 'missing-element', `${tag(visit.element)} needs <${name}> (RSS 2.0 §required channel elements)`, 'end');
  }
  for (const name of ['image', 'textInput', 'skipHours', 'skipDays']) {
    if ((visit.counts.get(name) ?? 0) > 1) report(visit, 'duplicate-element', `${tag(visit.element)} has more than one <${name}>; keep one`, 'end');
  }
  if (hasItunes(visit) || visit.state.itunes === true) checkPodcastChannel(visit);
}

/** An RSS 0.9x/2.0 <channel>. */
export const RSS_CHANNEL: Kind = {
  attributes: [`{${NS.indexing}}index`],
  children: {
    ...commonChildren(rssMetadata),
    textInput: (visit, child) => {
      reportAt(visit.context, 'avoid-text-input', child, `${tag(child)} is supported by few readers; the RSS Profile advises leaving it out`);
      return rssMetadata(TEXT_INPUT)(visit, child);
    },
    item: (visit, child) => {
      ((visit.state.itemsBefore ??= []) as XmlElement[]).push(child);
      return ITEM;
    },
    category: rssMetadata(CATEGORY),
    cloud: rssMetadata(CLOUD),
    rating: TEXT,
    ttl: rssMetadata(POSITIVE_ONCE),
    docs: rssMetadata(DOCS),
    generator: rssMetadata(sameAs('admin_generatorAgent', TEXT_ONCE)),
    pubDate: rssMetadata(sameAs('dc_date', RFC822_ONCE)),
    managingEditor: rssMetadata(sameAs('dc_creator', email())),
    webMaster: rssMetadata(sameAs('dc_publisher', email())),
    language: rssMetadata(sameAs('dc_language', leaf({ once: true, check: (v) => checkLanguageValue(v) }))),
    copyright: rssMetadata(sameAs('dc_rights', PLAIN_ONCE)),
    lastBuildDate: rssMetadata(sameAs('dcterms_modified', RFC822_ONCE)),
    skipHours: rssMetadata(SKIP_HOURS),
    skipDays: rssMetadata(SKIP_DAYS),
  },
  start(visit) {
    const index = visit.element.attributes.find((a) => a.uri === NS.indexing && a.name === 'index')?.value;
    if (index !== undefined && index !== 'yes' && index !== 'no') report(visit, 'invalid-boolean', `indexing:index=${JSON.stringify(index)} on ${named(visit)} is neither "yes" nor "no"`);
  },
  end(visit) {
    endChannel(visit);
    if (visit.context.version === '2.0' && !linksOf(visit).some((link) => link.rel === 'self')) {
      report(visit, 'missing-self-link', `${tag(visit.element)} has no <atom:link rel="self" href="…" type="application/rss+xml"> giving the feed's own address (RSS Profile)`, 'end');
    }
    // Feeds following the RSS Advisory Board's specification may carry namespaced attributes.
    if (visit.state.docs === RSS_BOARD_SPECIFICATION) {
      withdraw(visit.context, 'extension-attribute');
    }
  },
};

/** An RSS 1.0 <channel>: the common elements, rdf:about and <items> (RSS 1.0 §5.3). */
export const RSS1_CHANNEL: Kind = {
  attributes: [`{${NS.rdf}}about`],
  children: {
    ...commonChildren((kind) => kind),
    items: (visit, child) => {
      if (!visit.element.attributes.some((a) => a.uri === NS.rdf && a.name === 'about')) {
        reportAt(visit.context, 'missing-attribute', child, `${tag(visit.element)} needs rdf:about with the channel's URI`);
      }
      return ITEMS;
    },
    rdfs_label: TEXT,
    rdfs_comment: TEXT,
  },
  end(visit) {
    endChannel(visit);
    // rdf:about itself is checked where the channel is read (rdf.ts).
    if (visit.element.attributes.some((a) => a.uri === NS.rdf && a.name === 'about') && !visit.counts.has('items')) {
      report(visit, 'missing-element', `${tag(visit.element)} needs <items> listing the items (RSS 1.0 §5.3.5)`, 'end');
    }
  },
};

/** RSS 1.0 <items>: an rdf:Seq of rdf:li resources. */
const ITEMS: Kind = {
  attributes: [`{${NS.rdf}}parseType`],
  children: {
    rdf_Seq: {
      children: {
        rdf_li: { attributes: ['resource', `{${NS.rdf}}resource`], children: {} },
      },
    },
  },
  start(visit) {
    if (visit.parent?.counts.has('items')) report(visit, 'duplicate-element', `${named(visit)} may appear only once`);
  },
};

/** The 0.90 channel: the common elements, no rdf:about. */
export const RSS090_CHANNEL: Kind = {
  children: commonChildren((kind) => kind),
  start(visit) {
    if (visit.parent?.counts.has('rss090_channel') || visit.parent?.counts.has('channel')) report(visit, 'duplicate-element', `${named(visit)} may appear only once`);
  },
  end: endChannel,
};
