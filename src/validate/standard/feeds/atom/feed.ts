/**
 * Atom 1.0 feeds, entries and entry sources (RFC 4287 §4.1), and Atom 0.3 feeds, recognised as
 * obsolete (W3C `feed.py`, `entry.py`).
 */
import type { XmlElement } from '../../../xml/tree.ts';
import { leaf } from '../checks/common.ts';
import { checkIsoDateValue } from '../checks/values.ts';
import { ANYTHING, oneOf } from '../checks/kinds.ts';
import { ENTRY_EXTENSIONS, FEED_EXTENSIONS } from '../extensions/tables.ts';
import { checkPodcastChannel, hasItunes } from '../extensions/itunes.ts';
import type { ChildKind, Kind, Visit, Where } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, quote, report, reportAt, tag, withdraw } from '../report.ts';
import { unique } from '../checks/unique.ts';
import { ATOM_LINK, linksOf } from './link.ts';
import { CATEGORY } from './category.ts';
import { checkAtomId, DATE, generator, ID, IMAGE_IRI } from './metadata.ts';
import { person } from './person.ts';
import { textConstruct } from './text.ts';

/** RFC 4287 §4.1.1: metadata elements come before the entries (W3C MisplacedMetadata). */
function metadata(kind: Kind): ChildKind {
  return (visit: Visit, child: XmlElement) => {
    if (visit.counts.has('entry')) reportAt(visit.context, 'misplaced-metadata', child, `${tag(child)} comes after the first <entry>; move feed metadata before the entries`);
    return kind;
  };
}

/** Alternate links differ by type or hreflang (RFC 4287 §4.1.1, §4.1.2). */
function checkAlternates(visit: Visit, place: XmlElement, where: Where): void {
  const seen = new Set<string>();
  for (const link of linksOf(visit)) {
    if (link.rel !== 'alternate') continue;
    const key = `${link.type}\u0000${link.hreflang}`;
    if (seen.has(key)) {
      const type = link.type === '' ? 'no type' : `type ${quote(link.type)}`;
      const hreflang = link.hreflang === '' ? 'no hreflang' : `hreflang ${quote(link.hreflang)}`;
      reportAt(visit.context, 'duplicate-atom-link', place, `${tag(visit.element)} has two rel="alternate" links with ${type} and ${hreflang}; alternates must differ in type or hreflang, so drop one or tell them apart`, where);
    }
    seen.add(key);
  }
}

const PAGING = new Set(['first', 'last', 'next', 'next-archive', 'prev-archive', 'previous']);

/** What a feed (or source) must say about itself, checked at its first entry or its end (W3C validate_metadata). */
function checkMetadata(visit: Visit, place: XmlElement, where: Where, source: boolean): void {
  for (const name of ['title', 'id', 'updated']) {
    if (visit.counts.has(name)) continue;
    if (source) report(visit, 'missing-source-element', `${named(visit)} lacks <${name}>; copy it from the feed the entry came from (RFC 4287 §4.2.11)`, 'end');
    else report(visit, 'missing-element', `${tag(visit.element)} needs <${name}> (RFC 4287 §4.1.1)${visit.counts.has('entry') ? ', before its entries' : ''}`);
  }
  const links = linksOf(visit);
  if (visit.counts.has('fh_complete')) {
    for (const link of links) {
      if (PAGING.has(link.rel)) reportAt(visit.context, 'feed-history', place, `${tag(visit.element)} is marked fh:complete, so it has no rel="${link.rel}" pages (RFC 5005 §2); remove the link`, where);
    }
  }
  if (!source && !links.some((link) => link.rel === 'self')) {
    report(visit, 'missing-self-link', `${tag(visit.element)} has no <link rel="self" href="…"> giving its own address; add one`);
  }
  checkAlternates(visit, place, where);
}

function feedChildren(source: boolean): Record<string, ChildKind> {
  const table: Record<string, ChildKind> = {
    author: metadata(person()),
    category: metadata(CATEGORY),
    contributor: metadata(person()),
    generator: metadata(generator({ once: true, nonBlank: true })),
    id: metadata(ID),
    icon: metadata(IMAGE_IRI),
    link: metadata(ATOM_LINK),
    logo: metadata(IMAGE_IRI),
    title: metadata(textConstruct({ once: true })),
    subtitle: metadata(textConstruct({ once: true })),
    rights: metadata(textConstruct({ once: true })),
    updated: metadata(DATE),
    app_collection: ANYTHING,
  };
  if (source) {
    table.author = (visit) => {
      if (visit.parent) visit.parent.state.sourceAuthor = true;
      return person();
    };
  } else {
    table.entry = (visit, child) => {
      if (!visit.counts.has('entry')) checkMetadata(visit, child, 'start', false);
      return ENTRY;
    };
  }
  return table;
}

const INDEXING = [`{${NS.indexing}}index`];

function checkIndexing(visit: Visit): void {
  const index = visit.element.attributes.find((a) => a.name === 'index' && a.uri === NS.indexing)?.value;
  if (index !== undefined && index !== 'yes' && index !== 'no') report(visit, 'invalid-boolean', `indexing:index=${quote(index)} on ${tag(visit.element)} is neither "yes" nor "no"`);
}

/** atom:feed. */
export const FEED: Kind = {
  attributes: INDEXING,
  children: { ...FEED_EXTENSIONS, ...feedChildren(false) },
  start: checkIndexing,
  end(visit) {
    const entries = visit.counts.get('entry') ?? 0;
    const duplicates = (visit.state.duplicateEntries ?? 0) as number;
    if (entries > 9 && entries === duplicates + 1) {
      report(visit, 'duplicate-ids', `all ${entries} entries of ${tag(visit.element)} have the same id; give each entry its own`, 'end');
      withdraw(visit.context, 'duplicate-entries');
    }
    if (entries === 0) checkMetadata(visit, visit.element, 'end', false);
    if (hasItunes(visit) || visit.state.itunes === true) checkPodcastChannel(visit);
  },
};

/** atom:source: the metadata of the feed an entry was copied from (RFC 4287 §4.2.11). */
const SOURCE: Kind = {
  attributes: INDEXING,
  children: { ...FEED_EXTENSIONS, ...feedChildren(true) },
  start(visit) {
    checkIndexing(visit);
    if (visit.parent?.counts.has('source')) report(visit, 'duplicate-element', `${named(visit)} may appear only once`);
  },
  end: (visit) => checkMetadata(visit, visit.element, 'end', true),
};

/** The entry's content element, kept for the summary rules. */
function content(visit: Visit): Kind {
  visit.state.hasContent = true;
  return CONTENT;
}

const CONTENT = textConstruct({ content: true, once: true });

const ENTRY_ID = leaf({
  once: true,
  noWhitespace: true,
  check(visit) {
    checkAtomId(visit);
    const feed = visit.parent?.parent;
    if (feed === undefined) return;
    const verdict = unique(visit, feed, 'entryIds', `${named(visit)} ${quote(visit.value)} is the id of an earlier entry; ids identify entries, so each needs its own (or drop the older copy)`, 'duplicate-entries');
    if (verdict === 'duplicate') feed.state.duplicateEntries = ((feed.state.duplicateEntries ?? 0) as number) + 1;
  },
});

const ENTRY_UPDATED = leaf({
  once: true,
  noWhitespace: true,
  check(visit) {
    checkIsoDateValue(visit, 'rfc3339');
    const feed = visit.parent?.parent;
    if (feed !== undefined) unique(visit, feed, 'entryUpdated', `${named(visit)} ${quote(visit.value)} is the same as another entry's (said once for every entry updated at that instant: a batch of changes published together); readers use it to tell updates apart`, 'duplicate-updated', true);
  },
});

/** atom:entry. */
export const ENTRY: Kind = {
  attributes: [`{${NS.rdf}}parseType`],
  children: {
    ...ENTRY_EXTENSIONS,
    author: person(),
    category: CATEGORY,
    content,
    contributor: person(),
    id: ENTRY_ID,
    link: ATOM_LINK,
    published: DATE,
    source: SOURCE,
    rights: textConstruct({ once: true }),
    summary: textConstruct({ once: true }),
    title: textConstruct({ once: true }),
    updated: ENTRY_UPDATED,
    app_edited: DATE,
    app_control: { children: { app_draft: oneOf(['yes', 'no'], 'invalid-boolean') } },
  },
  end(visit) {
    const missing = ['title', 'author', 'id', 'updated'].filter((name) => {
      if (visit.counts.has(name)) return false;
      return !(name === 'author' && (visit.state.sourceAuthor === true || visit.parent?.counts.has('author') === true));
    });
    for (const name of missing) report(visit, 'missing-element', `${tag(visit.element)} needs <${name}>${name === 'author' ? ' (or the feed an <author>)' : ''} (RFC 4287 §4.1.2)`, 'end');
    if (visit.state.hasContent === true) {
      if (!visit.counts.has('summary')) {
        const info = visit.state.contentInfo as { src: boolean; type: string } | undefined;
        const type = info?.type ?? 'text';
        const opaque = type.includes('/') && !(type.endsWith('+xml') || type.endsWith('/xml') || type.startsWith('text/'));
        if (info?.src === true || opaque) report(visit, 'missing-summary', `${tag(visit.element)} has ${info?.src ? 'remote content (src)' : `content of type ${quote(type)}`} but no <summary>; add a textual summary (RFC 4287 §4.1.2)`, 'end');
      }
    } else {
      if (!visit.counts.has('summary')) report(visit, 'missing-textual-content', `${tag(visit.element)} has neither <content> nor <summary>; readers have nothing to show`, 'end');
      if (!linksOf(visit).some((link) => link.rel === 'alternate')) {
        report(visit, 'missing-content-or-alternate', `${tag(visit.element)} has no <content>, so it needs a <link rel="alternate"> to the full text (RFC 4287 §4.1.2)`, 'end');
      }
    }
    checkAlternates(visit, visit.element, 'end');
    if (hasItunes(visit) && visit.parent) visit.parent.state.itunes = true;
  },
};

/** An Atom 0.3 feed (http://purl.org/atom/ns#): obsolete, checked only for the elements 0.3 required. */
export const ATOM03_FEED: Kind = {
  attributes: 'any',
  children: (_visit, child) => {
    const kind: Kind = child.name === 'entry' && child.uri === NS.atom03 ? ATOM03_ENTRY : ANYTHING;
    return { key: child.uri === NS.atom03 ? child.name : `unknown_${child.name}`, kind };
  },
  end(visit) {
    for (const name of ['title', 'link', 'modified']) {
      if (!visit.counts.has(name)) report(visit, 'missing-element', `${tag(visit.element)} needs <${name}> (Atom 0.3 §4)`, 'end');
    }
  },
};

const ATOM03_ENTRY: Kind = {
  attributes: 'any',
  children: (_visit, child) => ({ key: child.uri === NS.atom03 ? child.name : `unknown_${child.name}`, kind: ANYTHING }),
  end(visit) {
    for (const name of ['title', 'link', 'id', 'issued', 'modified']) {
      if (!visit.counts.has(name)) report(visit, 'missing-element', `${tag(visit.element)} needs <${name}> (Atom 0.3 §5)`, 'end');
    }
  },
};
