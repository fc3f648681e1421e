/**
 * The RSS 2.0 item (https://www.rssboard.org/rss-specification#hrelementsOfLtitemgt) and the RSS Profile's
 * recommendations on it (W3C `item.py` rss20Item).
 */
import type { XmlElement } from '../../../xml/tree.ts';
import { ATOM_LINK } from '../atom/link.ts';
import { checkAtomId, DATE } from '../atom/metadata.ts';
import { person } from '../atom/person.ts';
import { textConstruct } from '../atom/text.ts';
import { leaf } from '../checks/common.ts';
import { checkHtml, checkPlainText } from '../checks/html.ts';
import { ANYTHING, FULL_URI, FULL_URI_ONCE, sameAs, TEXT, W3CDTF } from '../checks/kinds.ts';
import { checkRfc822Date, checkRssEmail } from '../checks/values.ts';
import { checkEpisodeMedia, hasItunes } from '../extensions/itunes.ts';
import { RSS20_ITEM_EXTENSIONS } from '../extensions/tables.ts';
import type { ChildKind, Kind, Visit } from '../kind.ts';
import { named, quote, report, reportAt, tag } from '../report.ts';
import { unique } from '../checks/unique.ts';
import { ITEM_CATEGORY } from './category.ts';
import { ENCLOSURE } from './enclosure.ts';
import { GUID } from './guid.ts';
import { SOURCE } from './source.ts';

const TITLE = leaf({ once: true, nonBlank: true, check: (visit) => checkPlainText(visit) });
const PLAIN_DESCRIPTION = leaf({ once: true, check: (visit) => checkPlainText(visit) });
const HTML_DESCRIPTION = leaf({ once: true, check: (visit) => checkHtml(visit) });

/** RSS 0.91 descriptions are plain text; later versions carry entity-encoded HTML. */
function description(visit: Visit): Kind {
  return visit.context.version === '0.91' ? PLAIN_DESCRIPTION : HTML_DESCRIPTION;
}

function contentEncoded(visit: Visit, child: XmlElement): Kind {
  if (visit.context.feedType === 'rss' && !visit.counts.has('description')) {
    reportAt(visit.context, 'description-before-content', child, `${tag(child)} comes without a <description> before it; the RSS Profile asks for a description (a summary) first, for readers that show only that`);
  }
  return HTML_DESCRIPTION;
}

function xhtmlBody(visit: Visit, child: XmlElement): Kind {
  if (visit.context.feedType === 'rss') reportAt(visit.context, 'duplicate-semantics', child, `${tag(child)} repeats what <description> says in ${tag(visit.element)}; prefer <description> or content:encoded`);
  return ANYTHING;
}

const ATOM_ID = leaf({
  once: true,
  check(visit) {
    checkAtomId(visit);
    const channel = visit.parent?.parent;
    if (channel !== undefined) unique(visit, channel, 'atomIds', `${named(visit)} ${quote(visit.value)} repeats the id of an earlier item`);
  },
});

const PUB_DATE = leaf({ once: true, check: checkRfc822Date });

/** The elements RSS 2.0 and RSS 1.0 items share (W3C item). */
export const BASE_ITEM_CHILDREN: Readonly<Record<string, ChildKind>> = {
  link: FULL_URI_ONCE,
  title: TITLE,
  description,
  content_encoded: contentEncoded,
  content_items: leaf({ once: true, attributes: 'any' }),
  xhtml_body: xhtmlBody,
  atom_id: sameAs('guid', ATOM_ID),
  atom_link: ATOM_LINK,
  atom_title: textConstruct({ content: true, once: true }),
  atom_summary: textConstruct({ once: true }),
  atom_author: person({ once: true }),
  atom_contributor: person(),
  atom_content: textConstruct({ content: true }),
  atom_published: DATE,
  atom_updated: DATE,
  dc_creator: sameAs('author', TEXT),
  dc_subject: sameAs('category', TEXT),
  dc_date: sameAs('pubDate', W3CDTF),
  cc_license: sameAs('creativeCommons_license', ANYTHING),
  creativeCommons_license: sameAs('cc_license', FULL_URI),
};

const ITEM_CHILDREN: Readonly<Record<string, ChildKind>> = {
  ...RSS20_ITEM_EXTENSIONS,
  ...BASE_ITEM_CHILDREN,
  comments: FULL_URI_ONCE,
  enclosure: ENCLOSURE,
  pubDate: (visit, child) => {
    for (const other of ['dc_date', 'atom_published']) {
      if (visit.counts.has(other)) reportAt(visit.context, 'duplicate-semantics', child, `${tag(child)} says what <${other.replace('_', ':')}> already says in ${tag(visit.element)}; keep one of them`);
    }
    return PUB_DATE;
  },
  author: sameAs('dc_creator', leaf({ once: true, check: checkRssEmail })),
  category: sameAs('dc_subject', ITEM_CATEGORY),
  guid: sameAs('atom_id', GUID),
  source: sameAs('dc_source', SOURCE),
};

/** <item> of an RSS 0.9x/2.0 channel. */
export const ITEM: Kind = {
  children: ITEM_CHILDREN,
  end(visit) {
    if (!visit.counts.has('title') && !visit.counts.has('description')) {
      report(visit, 'missing-title-or-description', `${tag(visit.element)} needs a <title> or a <description> (RSS 2.0 §item)`, 'end');
    }
    const version = visit.context.version ?? '2.0';
    if (!visit.counts.has('guid') && version.startsWith('2.')) {
      report(visit, 'missing-guid', `${tag(visit.element)} has no <guid>; readers use it to tell new items from seen ones (RSS Profile)`, 'end');
    }
    if (visit.counts.has('slash_comments') && !visit.parent?.counts.has('lastBuildDate')) {
      report(visit, 'slash-comments-date', `${tag(visit.element)} counts comments with slash:comments, but the channel has no <lastBuildDate> (before this item) saying when the count was taken`, 'end');
    }
    if (hasItunes(visit)) {
      if (visit.parent) visit.parent.state.itunes = true;
      checkEpisodeMedia(visit, visit.element.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === 'enclosure' && c.uri === ''));
    }
  },
};
