// A withdrawn story's NewsML-G2 and ninjs are withdrawal notices: identity, version, status and the reason,
// and none of the withdrawn text (it may have been withdrawn for legal reasons).
import { XmlAttribute, XmlDocument, XmlElement } from 'libxml2-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { toNewsMessage } from '../../src/emit/newsml.ts';
import { emitNinjs, toNinjs } from '../../src/emit/ninjs.ts';
import type { Article } from '../../src/model/article.ts';
import { makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const NS = { n: 'http://iptc.org/std/nar/2006-10-01/' };
const GUID = 'tag:globaltimes.cn,2024:article:rich-story';
const REASON = 'Legal advice: the court order covers the names.';
const EMBARGO = '2024-09-06T00:00:00+08:00';
const PHOTO_URL = 'https://www.globaltimes.cn/photo/withdrawn-scene.jpg';

/** One distinctive phrase in every text field of the story; a notice must contain none of them. */
const NEEDLES = {
  headline: 'Quokka headline about the sealed case',
  body: 'Quokka paragraph naming the protected witness',
  description: 'Quokka summary of the allegations',
  caption: 'Quokka caption of the courthouse',
  credit: 'Quokka Photo Agency',
  creator: 'Quokka Photographer',
  photoCopyright: '© Quokka Photo Agency',
  byline: 'Quokka Reporter',
  dateline: 'QUOKKA CITY',
  keyword: 'quokka-keyword',
  correction: 'Quokka correction quoting the withdrawn sentence',
};

/** The rich story with a needle in every field, withdrawn at `version` (the build sets dateModified for version > 1). */
function withdrawnStory(version: number, overrides: Partial<Article> = {}): Article {
  return makeRichArticle({
    ...(version > 1 ? { version, signal: 'withdrawal', dateModified: '2024-09-05T12:00:00+08:00' } : { dateModified: undefined }),
    status: 'withdrawn',
    withdrawalReason: REASON,
    headline: NEEDLES.headline,
    paragraphs: [NEEDLES.body],
    bodyHtml: `<p>${NEEDLES.body}</p>`,
    description: NEEDLES.description,
    authors: [{ name: NEEDLES.byline, url: 'https://www.globaltimes.cn/author/quokka' }],
    dateline: NEEDLES.dateline,
    keywords: [NEEDLES.keyword],
    correction: NEEDLES.correction,
    embargo: EMBARGO,
    images: [
      { url: PHOTO_URL, width: 1200, height: 675, contentType: 'image/jpeg', caption: NEEDLES.caption, credit: NEEDLES.credit, creator: NEEDLES.creator, copyright: NEEDLES.photoCopyright },
      { caption: 'Quokka caption of a photo without URL' },
      { url: 'https://www.globaltimes.cn/photo/withdrawn-map.png', caption: 'Quokka caption of the map' },
    ],
    ...overrides,
  });
}

/** What no notice may contain: every needle, the embargo time, the photo files and the Media Topic of the section. */
function expectNoContent(text: string): void {
  expect(text).not.toMatch(/quokka/i);
  expect(text).not.toContain(EMBARGO);
  expect(text).not.toContain('2024-09-06');
  expect(text).not.toContain('photo/withdrawn');
  expect(text).not.toContain('medtop:');
  expect(text).not.toContain('society');
}

const opened: XmlDocument[] = [];
afterEach(() => {
  for (const doc of opened.splice(0)) doc.dispose();
});

function parse(text: string): XmlDocument {
  const doc = XmlDocument.fromString(text);
  opened.push(doc);
  return doc;
}

function values(doc: XmlDocument, xpath: string): string[] {
  return doc.find(xpath, NS).map((n) => (n instanceof XmlAttribute ? n.value : n.content));
}

function childNames(doc: XmlDocument, xpath: string): string[][] {
  return doc
    .find(xpath, NS)
    .filter((n): n is XmlElement => n instanceof XmlElement)
    .map((item) => item.find('n:*', NS).map((child) => (child as XmlElement).name));
}

describe('the NewsML-G2 withdrawal notice', () => {
  it.each([
    [1, undefined],
    [3, 'sig:update'],
  ] as const)('version %i: no text of the story, only identity, version, stat:canceled and the reason', (version, signal) => {
    const text = toNewsMessage(withdrawnStory(version), makeSite());
    expectNoContent(text);
    const doc = parse(text);
    // Every guid a receiver may hold is canceled at the new version: package, text, each photo with a URL (by position).
    expect(values(doc, '/n:newsMessage/n:itemSet/*/@guid')).toEqual([`${GUID}:package`, GUID, `${GUID}:photo-1`, `${GUID}:photo-3`]);
    expect(values(doc, '/n:newsMessage/n:itemSet/*/@version')).toEqual(Array(4).fill(String(version)));
    expect(values(doc, '/n:newsMessage/n:itemSet/*/n:itemMeta/n:itemClass/@qcode')).toEqual(['ninat:composite', 'ninat:text', 'ninat:picture', 'ninat:picture']);
    expect(values(doc, '//n:pubStatus/@qcode')).toEqual(Array(4).fill('stat:canceled'));
    expect(values(doc, '//n:signal/@qcode')).toEqual(signal === undefined ? [] : Array(4).fill(signal));
    expect(values(doc, '//n:edNote')).toEqual([`Withdrawn: ${REASON}`, `Withdrawn: ${REASON}`]);
    expect(values(doc, '/n:newsMessage/n:header/n:sent')).toEqual([version > 1 ? '2024-09-05T12:00:00+08:00' : '2024-09-05T08:30:00+08:00']);
    // Items end after itemMeta: no contentMeta, contentSet, groupSet or catalog; pictures state no rights.
    expect(childNames(doc, '/n:newsMessage/n:itemSet/*')).toEqual([
      ['catalogRef', 'rightsInfo', 'itemMeta'],
      ['catalogRef', 'rightsInfo', 'itemMeta'],
      ['catalogRef', 'itemMeta'],
      ['catalogRef', 'itemMeta'],
    ]);
    const meta = ['itemClass', 'provider', 'versionCreated', 'firstCreated', 'pubStatus'];
    const story = [...meta, 'edNote', ...(signal === undefined ? [] : ['signal'])];
    expect(childNames(doc, '/n:newsMessage/n:itemSet/*/n:itemMeta')).toEqual([story, story, [...meta, ...(signal === undefined ? [] : ['signal'])], [...meta, ...(signal === undefined ? [] : ['signal'])]]);
    // The items keep their attributes.
    expect(values(doc, '/n:newsMessage/n:itemSet/n:newsItem[1]/@*').sort()).toEqual(['2.35', 'NewsML-G2', GUID, 'en', 'power', String(version)].sort());
  });

  it('says "Withdrawn." without a reason, and has no picture items when no photo has a URL', () => {
    const text = toNewsMessage(withdrawnStory(2, { withdrawalReason: undefined, images: [{ caption: 'Quokka caption only' }] }), makeSite());
    expectNoContent(text);
    const doc = parse(text);
    expect(values(doc, '//n:edNote')).toEqual(['Withdrawn.', 'Withdrawn.']);
    expect(values(doc, '/n:newsMessage/n:itemSet/*/@guid')).toEqual([`${GUID}:package`, GUID]);
  });

  it('a published story keeps its content and its correction note (unchanged)', () => {
    const text = toNewsMessage(withdrawnStory(3, { status: undefined, withdrawalReason: undefined, signal: 'correction' }), makeSite());
    for (const needle of Object.values(NEEDLES)) expect(text).toContain(needle);
    expect(text).toContain(`<embargoed>${EMBARGO}</embargoed>`);
  });
});

describe('the ninjs withdrawal notice', () => {
  it.each([1, 3])('version %i: identity, version, canceled and the reason; no text of the story', (version) => {
    const [file] = emitNinjs([withdrawnStory(version)], makeSite());
    expectNoContent(file!.text);
    expect(JSON.parse(file!.text)).toEqual({
      uri: GUID,
      type: 'text',
      version: String(version),
      firstCreated: '2024-09-05T08:30:00+08:00',
      versionCreated: version > 1 ? '2024-09-05T12:00:00+08:00' : '2024-09-05T08:30:00+08:00',
      pubStatus: 'canceled',
      copyrightHolder: 'Global Times',
      copyrightNotice: 'Copyright Global Times. All rights reserved.',
      edNote: `Withdrawn: ${REASON}`,
      language: 'en',
      slugline: 'rich-story',
      associations: [
        { name: 'photo-1', uri: `${GUID}:photo-1`, type: 'picture', pubStatus: 'canceled' },
        { name: 'photo-3', uri: `${GUID}:photo-3`, type: 'picture', pubStatus: 'canceled' },
      ],
      altIds: [{ role: 'canonical-url', value: 'https://www.globaltimes.cn/page/202409/rich-story.shtml' }],
      standard: { name: 'ninjs', version: '3.1', schema: 'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' },
    });
  });

  it('says "Withdrawn." without a reason, and has no associations when no photo has a URL', () => {
    const item = toNinjs(withdrawnStory(2, { withdrawalReason: undefined, images: [{ caption: 'Quokka caption only' }] }), makeSite());
    expectNoContent(JSON.stringify(item));
    expect(item).toMatchObject({ edNote: 'Withdrawn.', pubStatus: 'canceled', version: '2' });
    expect(item).not.toHaveProperty('associations');
    expect(item).not.toHaveProperty('representationType');
  });

  it('a published story keeps its content and its correction note (unchanged)', () => {
    const text = emitNinjs([withdrawnStory(3, { status: undefined, withdrawalReason: undefined, signal: 'correction' })], makeSite())[0]!.text;
    for (const needle of Object.values(NEEDLES).filter((n) => n !== NEEDLES.creator)) expect(text).toContain(needle);
    expect(JSON.parse(text)).toMatchObject({ representationType: 'full', pubStatus: 'usable', embargoedUntil: EMBARGO, edNote: `Correction: ${NEEDLES.correction}` });
  });
});
