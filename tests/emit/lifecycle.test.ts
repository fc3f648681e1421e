// Issue 5: what each emitter writes for an updated, corrected, withdrawn or embargoed story.
import { XmlAttribute, XmlDocument } from 'libxml2-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { emitAtom } from '../../src/emit/atom.ts';
import { toCorrectionHtml, toArticleHtml } from '../../src/emit/html.ts';
import { emitJsonFeed } from '../../src/emit/jsonfeed.ts';
import { emitJsonLd, toNewsArticle } from '../../src/emit/jsonld.ts';
import { toEdNotes, toNewsMessage, toPubStatus, toSignal } from '../../src/emit/newsml.ts';
import { toNinjs } from '../../src/emit/ninjs.ts';
import { emitRss } from '../../src/emit/rss.ts';
import type { Article } from '../../src/model/article.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { query, siteFeed, xmlReaders } from '../helpers/xml.ts';

const NS = { n: 'http://iptc.org/std/nar/2006-10-01/' };
const TEXT = '/n:newsMessage/n:itemSet/n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:text"]';
const PACKAGE = '/n:newsMessage/n:itemSet/n:packageItem';
const PICTURES = '/n:newsMessage/n:itemSet/n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:picture"]';

const opened: XmlDocument[] = [];
afterEach(() => {
  for (const doc of opened.splice(0)) doc.dispose();
});

function parse(article: Article): XmlDocument {
  const doc = XmlDocument.fromString(toNewsMessage(article, makeSite()));
  opened.push(doc);
  return doc;
}

function values(doc: XmlDocument, xpath: string): string[] {
  return doc.find(xpath, NS).map((n) => (n instanceof XmlAttribute ? n.value : n.content));
}

/** Local names of the children of the text item's itemMeta, in order. */
function itemMetaOrder(doc: XmlDocument, item = TEXT): string[] {
  return doc.find(`${item}/n:itemMeta/*`, NS).map((n) => (n as unknown as { name: string }).name);
}

/** The rich story as the build hands it over at version `version` (its dateModified is that version's time). */
function atVersion(version: number, overrides: Partial<Article> = {}): Article {
  return makeRichArticle({ version, signal: 'update', dateModified: '2024-09-05T12:00:00+08:00', ...overrides });
}

const CORRECTION = 'An earlier version misspelt the name of the port as "Shanhai" & gave 3 <not 4> cranes.';

describe('NewsML-G2 versions, signals and status', () => {
  it('a first version is version 1 everywhere, usable, with no signal, note or embargo (unchanged output)', () => {
    const doc = parse(makeRichArticle());
    expect(values(doc, '//n:packageItem/@version | //n:newsItem/@version | //n:itemRef/@version | //n:link/@version')).toEqual(Array(9).fill('1'));
    expect(values(doc, '//n:pubStatus/@qcode').every((q) => q === 'stat:usable')).toBe(true);
    expect(values(doc, '//n:signal | //n:edNote | //n:embargoed')).toEqual([]);
    expect(itemMetaOrder(doc)).toEqual(['itemClass', 'provider', 'versionCreated', 'firstCreated', 'pubStatus', 'link', 'link']);
  });

  it('an update: every item, itemRef and link carries the new version; sig:update; versionCreated is the version’s time', () => {
    const doc = parse(atVersion(2));
    expect(values(doc, `${PACKAGE}/@version`)).toEqual(['2']);
    expect(values(doc, `${TEXT}/@version`)).toEqual(['2']);
    expect(values(doc, `${PICTURES}/@version`)).toEqual(['2', '2']);
    expect(values(doc, '//n:itemRef/@version')).toEqual(['2', '2', '2']);
    expect(values(doc, `${TEXT}/n:itemMeta/n:link/@version`)).toEqual(['2', '2']);
    expect(values(doc, `${TEXT}/@guid`)).toEqual(['tag:globaltimes.cn,2024:article:rich-story']);
    expect(values(doc, `${TEXT}/n:itemMeta/n:signal/@qcode`)).toEqual(['sig:update']);
    expect(values(doc, `${PACKAGE}/n:itemMeta/n:signal/@qcode`)).toEqual(['sig:update']);
    expect(values(doc, `${PICTURES}/n:itemMeta/n:signal/@qcode`)).toEqual(['sig:update', 'sig:update']);
    expect(values(doc, `${TEXT}/n:itemMeta/n:versionCreated`)).toEqual(['2024-09-05T12:00:00+08:00']);
    expect(values(doc, `${TEXT}/n:itemMeta/n:firstCreated`)).toEqual(['2024-09-05T08:30:00+08:00']);
    expect(values(doc, `${TEXT}/n:contentMeta/n:contentModified`)).toEqual(['2024-09-05T12:00:00+08:00']);
    expect(values(doc, '//n:edNote')).toEqual([]);
    expect(itemMetaOrder(doc)).toEqual(['itemClass', 'provider', 'versionCreated', 'firstCreated', 'pubStatus', 'signal', 'link', 'link']);
  });

  it('a correction: sig:correction and an edNote with the text on the text item and the package, escaped', () => {
    const article = atVersion(3, { signal: 'correction', correction: CORRECTION });
    const text = toNewsMessage(article, makeSite());
    expect(text).toContain('<edNote>Correction: An earlier version misspelt the name of the port as "Shanhai" &amp; gave 3 &lt;not 4&gt; cranes.</edNote>\n        <signal qcode="sig:correction"/>');
    const doc = parse(article);
    expect(values(doc, `${TEXT}/@version`)).toEqual(['3']);
    expect(values(doc, `${TEXT}/n:itemMeta/n:signal/@qcode`)).toEqual(['sig:correction']);
    expect(values(doc, `${TEXT}/n:itemMeta/n:edNote`)).toEqual([`Correction: ${CORRECTION}`]);
    expect(values(doc, `${PACKAGE}/n:itemMeta/n:edNote`)).toEqual([`Correction: ${CORRECTION}`]);
    // The photos did not change: re-issued at the story's version as updates, without the note.
    expect(values(doc, `${PICTURES}/n:itemMeta/n:signal/@qcode`)).toEqual(['sig:update', 'sig:update']);
    expect(values(doc, `${PICTURES}/n:itemMeta/n:edNote`)).toEqual([]);
    expect(itemMetaOrder(doc)).toEqual(['itemClass', 'provider', 'versionCreated', 'firstCreated', 'pubStatus', 'edNote', 'signal', 'link', 'link']);
  });

  it('a withdrawal: stat:canceled on every item, sig:update (IPTC has no kill signal), the reason as the only edNote, no itemRefs', () => {
    const article = atVersion(4, { signal: 'withdrawal', status: 'withdrawn', withdrawalReason: 'Legal advice.', correction: CORRECTION });
    const doc = parse(article);
    expect(values(doc, '//n:itemMeta/n:pubStatus/@qcode')).toEqual(['stat:canceled', 'stat:canceled', 'stat:canceled', 'stat:canceled']);
    // A withdrawal notice has no groupSet: the itemRefs' titles would repeat the withdrawn text.
    expect(values(doc, '//n:itemRef')).toEqual([]);
    expect(values(doc, '//n:signal/@qcode')).toEqual(['sig:update', 'sig:update', 'sig:update', 'sig:update']);
    // The correction's note quotes the withdrawn text, so the notice drops it.
    expect(values(doc, `${TEXT}/n:itemMeta/n:edNote`)).toEqual(['Withdrawn: Legal advice.']);
    expect(values(doc, '//n:packageItem/@version | //n:newsItem/@version')).toEqual(Array(4).fill('4'));
  });

  it('a withdrawal never signals a correction, even when the build says so, and without a reason says "Withdrawn."', () => {
    const article = atVersion(4, { signal: 'correction', status: 'withdrawn' });
    expect(toSignal(article)).toBe('sig:update');
    expect(toPubStatus(article)).toBe('stat:canceled');
    expect(toEdNotes(article)).toEqual(['Withdrawn.']);
    expect(toEdNotes({ ...article, correction: CORRECTION, withdrawalReason: 'Legal advice.' })).toEqual(['Withdrawn: Legal advice.']);
  });

  it('signals follow the version: none for version 1 (even with a correction note), sig:update when the build gives no reason', () => {
    expect(toSignal(makeArticle({ correction: 'x' }))).toBeUndefined();
    expect(toEdNotes(makeArticle({ correction: 'x' }))).toEqual(['Correction: x']);
    expect(toSignal(makeArticle({ version: 2 }))).toBe('sig:update');
    expect(toSignal(makeArticle({ version: 2, signal: 'correction' }))).toBe('sig:correction');
  });

  it('an embargo: <embargoed> right after firstCreated, on every item, with the publisher’s offset', () => {
    const doc = parse(makeRichArticle({ embargo: '2024-09-06T00:00:00+08:00' }));
    expect(values(doc, '//n:itemMeta/n:embargoed')).toEqual(Array(4).fill('2024-09-06T00:00:00+08:00'));
    expect(itemMetaOrder(doc)).toEqual(['itemClass', 'provider', 'versionCreated', 'firstCreated', 'embargoed', 'pubStatus', 'link', 'link']);
    expect(itemMetaOrder(doc, PACKAGE)).toEqual(['itemClass', 'provider', 'versionCreated', 'firstCreated', 'embargoed', 'pubStatus']);
  });

  it('is pure: the same article gives the same bytes', () => {
    const article = atVersion(3, { signal: 'correction', correction: CORRECTION, embargo: '2024-09-06T00:00:00+08:00' });
    expect(toNewsMessage(article, makeSite())).toBe(toNewsMessage(structuredClone(article), makeSite()));
  });
});

describe('ninjs versions and status', () => {
  it('a first version: "1", usable, no embargoedUntil or edNote', () => {
    const item = toNinjs(makeRichArticle(), makeSite());
    expect(item).toMatchObject({ version: '1', pubStatus: 'usable' });
    expect(item).not.toHaveProperty('embargoedUntil');
    expect(item).not.toHaveProperty('edNote');
  });

  it('a correction: the version as a string, versionCreated the version’s time, the note in edNote', () => {
    const item = toNinjs(atVersion(3, { signal: 'correction', correction: CORRECTION }), makeSite());
    expect(item).toMatchObject({ uri: 'tag:globaltimes.cn,2024:article:rich-story', version: '3', versionCreated: '2024-09-05T12:00:00+08:00', firstCreated: '2024-09-05T08:30:00+08:00', pubStatus: 'usable', edNote: `Correction: ${CORRECTION}` });
  });

  it('a withdrawal: pubStatus canceled and only the withdrawal note (no correction, no embargo); keys in the schema’s order', () => {
    const item = toNinjs(atVersion(4, { signal: 'withdrawal', status: 'withdrawn', withdrawalReason: 'Legal advice.', correction: 'x', embargo: '2024-09-06T00:00:00+08:00' }), makeSite());
    expect(item).toMatchObject({ version: '4', pubStatus: 'canceled', edNote: 'Withdrawn: Legal advice.' });
    expect(item).not.toHaveProperty('embargoedUntil');
    const keys = Object.keys(item);
    expect(keys.slice(keys.indexOf('versionCreated'), keys.indexOf('language') + 1)).toEqual(['versionCreated', 'pubStatus', 'copyrightHolder', 'copyrightNotice', 'edNote', 'language']);
  });
});

describe('JSON-LD correction notice', () => {
  it('a corrected story has a CorrectionComment dated with the corrected version', () => {
    const article = toNewsArticle(atVersion(3, { signal: 'correction', correction: CORRECTION }), makeSite());
    expect(article).toMatchObject({ dateModified: '2024-09-05T12:00:00+08:00', correction: { '@type': 'CorrectionComment', text: CORRECTION, datePublished: '2024-09-05T12:00:00+08:00' } });
  });

  it('a story never updated dates its correction with datePublished; a story without correction has none', () => {
    expect(toNewsArticle(makeArticle({ correction: 'x' }), makeSite())).toMatchObject({ correction: { '@type': 'CorrectionComment', text: 'x', datePublished: '2024-09-04T21:03:00+08:00' } });
    expect(toNewsArticle(makeRichArticle(), makeSite())).not.toHaveProperty('correction');
  });

  it('the notice survives the <script>-safe serialisation (no raw "<" or "&")', () => {
    const [file] = emitJsonLd([makeArticle({ correction: 'x </script><!--<script> & y' })], makeSite());
    expect(file!.text).not.toMatch(/[<&]/);
    const graph = JSON.parse(file!.text) as { '@graph': { correction?: { text: string } }[] };
    expect(graph['@graph'][0]!.correction?.text).toBe('x </script><!--<script> & y');
  });
});

describe('feed correction notice', () => {
  const corrected = () => makeRichArticle({ version: 3, signal: 'correction', correction: CORRECTION });
  const notice = '<p class="correction"><strong>Correction:</strong> An earlier version misspelt the name of the port as &quot;Shanhai&quot; &amp; gave 3 &lt;not 4&gt; cranes.</p>';

  it('the HTML helper escapes the text', () => {
    expect(toCorrectionHtml(CORRECTION)).toBe(notice);
  });

  it('article HTML starts with the notice, before the figures; without a correction it is unchanged', () => {
    expect(toArticleHtml(corrected()).startsWith(`${notice}\n<figure>`)).toBe(true);
    expect(toArticleHtml(corrected())).toBe(`${notice}\n${toArticleHtml(makeRichArticle())}`);
  });

  it('RSS content:encoded starts with the notice', () => {
    const { texts } = xmlReaders({ content: 'http://purl.org/rss/1.0/modules/content/' });
    const html = query(siteFeed(emitRss([corrected()], makeSite()), 'rss.xml').text, (doc) => texts(doc, '//item/content:encoded'));
    expect(html).toHaveLength(1);
    expect(html[0]!.startsWith(notice)).toBe(true);
  });

  it('Atom content starts with the notice', () => {
    const { texts } = xmlReaders({ a: 'http://www.w3.org/2005/Atom' });
    const html = query(siteFeed(emitAtom([corrected()], makeSite()), 'atom.xml').text, (doc) => texts(doc, '//a:entry/a:content'));
    expect(html).toHaveLength(1);
    expect(html[0]!.startsWith(notice)).toBe(true);
  });

  it('JSON Feed content_html starts with the notice', () => {
    const [file] = emitJsonFeed([corrected()], makeSite());
    const feed = JSON.parse(file!.text) as { items: { content_html: string }[] };
    expect(feed.items[0]!.content_html.startsWith(`${notice}\n<figure>`)).toBe(true);
  });

  it('control characters in the correction are dropped from the XML feeds', () => {
    const article = makeArticle({ correction: 'Bell\u0007 rang' });
    expect(emitRss([article], makeSite())[0]!.text).toContain('<strong>Correction:</strong> Bell rang</p>');
  });
});
