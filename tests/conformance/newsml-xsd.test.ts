import { readFileSync, readdirSync } from 'node:fs';
import type { XsdValidator } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNewsMessage } from '../../src/emit/newsml.ts';
import type { Article } from '../../src/model/article.ts';
import { readMarkdown } from '../../src/read/markdown.ts';
import { checkFile } from '../../src/validate/check.ts';
import { HOUSE_NEWSML_RULES } from '../../src/validate/rules/house-newsml.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { haveOfficialSchemas, officialSchema } from '../helpers/official.ts';
import { loadOfficialNewsmlXsd, officialErrors } from '../helpers/official-validators.ts';
import { validateFile } from '../helpers/validate.ts';

const OFFICIAL_XSD = 'NewsML-G2_2.35-spec-All-Power.xsd';

/** The newsroom fixture's Markdown article (headings, lists, links, a quote, code, an inline image), read for the sample site. */
function markdownArticle(): Article {
  const bytes = readFileSync(new URL('../fixtures/newsroom/input/articles/opinion/2024/markdown-story.md', import.meta.url));
  const { article } = readMarkdown({ path: 'tests/fixtures/newsroom/input/articles/opinion/2024/markdown-story.md', bytes }, makeSite());
  if (!article) throw new Error('the Markdown fixture no longer reads');
  return article;
}

/** Withdrawn stories: their messages are withdrawal notices, whose items end after itemMeta (contentMeta, contentSet and groupSet are minOccurs="0"). */
const notices: [string, Article][] = [
  ['withdrawal notice, version 3, two photos (correction and embargo dropped)', makeRichArticle({ version: 3, signal: 'withdrawal', dateModified: '2024-09-05T12:00:00+08:00', status: 'withdrawn', withdrawalReason: 'Legal advice.', correction: 'x', embargo: '2024-09-06T00:00:00+08:00' })],
  ['withdrawal notice at first sight, no photo with a URL, no reason', makeArticle({ status: 'withdrawn' })],
];

/** Our output for the fixtures and a few variants that exercise optional parts. */
const variants: [string, Article][] = [
  ['sample (no byline, photo without URL)', makeArticle()],
  ['rich (bylines, update, dateline, two photos)', makeRichArticle()],
  ['photo with URL but no size, type or credit', makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'Only a caption.' }] })],
  ['no mapped section, Chinese language', makeArticle({ sections: ['World'], language: 'zh-CN', authors: [{ name: '刘彩玉' }] })],
  ['control characters and a lone surrogate in text', makeRichArticle({ headline: 'Bell\u0007 and \uD800 half', paragraphs: ['Tab\there, form feed\f gone.'] })],
  ['photo with creator and its own copyright notice (no holder)', makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'C.', credit: 'Li Hao/Xinhua', creator: 'Li Hao', copyright: '© 2024 Xinhua' }] })],
  ['three bylines, non-ASCII keywords, dateline without update', makeArticle({ authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], keywords: ['R&D', '贸易'], dateline: 'SHANGHAI' })],
  ['Markdown body (headings, lists, links, quote, code, inline image)', markdownArticle()],
  ...notices,
];

describe.skipIf(!haveOfficialSchemas)('NewsML-G2 output against IPTC’s official 2.35 All-Power XSD', () => {
  let official: XsdValidator;

  beforeAll(() => {
    official = loadOfficialNewsmlXsd();
  });

  afterAll(() => official?.dispose());

  it.each(variants)('%s is valid', (_name, article) => {
    expect(officialErrors(official, toNewsMessage(article, makeSite()))).toEqual([]);
  });

  it.each(notices)('%s: items without content, valid', (_name, article) => {
    const text = toNewsMessage(article, makeSite());
    expect(text).toContain('<pubStatus qcode="stat:canceled"/>');
    expect(text).not.toMatch(/<(?:contentMeta|contentSet|groupSet|headline|description)\b/);
    expect(officialErrors(official, text)).toEqual([]);
  });

  it('rejects a document with items in the wrong order, so the check can fail', () => {
    const broken = toNewsMessage(makeArticle(), makeSite()).replace(/<firstCreated>[^<]*<\/firstCreated>/, '').replace('<pubStatus qcode="stat:usable"/>', '<pubStatus qcode="stat:usable"/><firstCreated>2024-09-04T21:03:00+08:00</firstCreated>');
    expect(officialErrors(official, broken)).not.toEqual([]);
  });

  it('IPTC’s example items validate against the official schema (the harness works)', () => {
    const dir = officialSchema('newsml-g2', 'examples');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.xml'))) {
      expect(officialErrors(official, readFileSync(`${dir}/${name}`, 'utf8')), name).toEqual([]);
    }
  });
});

describe.skipIf(!haveOfficialSchemas)('IPTC’s example items through the check `syndicate validate` runs', () => {
  const house = new Set<string>(HOUSE_NEWSML_RULES.map((r) => r.id));
  const examples = () => {
    const dir = officialSchema('newsml-g2', 'examples');
    return readdirSync(dir)
      .filter((n) => n.endsWith('.xml'))
      .map((name) => ({ name, text: readFileSync(`${dir}/${name}`, 'utf8') }));
  };

  it('give no standard error, and no house finding under the standard profile', () => {
    const all = examples();
    expect(all.length).toBe(4);
    for (const { name, text } of all) {
      const { diagnostics } = checkFile('newsml', text, name, { profile: 'standard', publicPath: name });
      expect(diagnostics.filter((d) => d.severity === 'error' || house.has(d.ruleId)), name).toEqual([]);
    }
  });

  it('are not syndicate’s messages (items alone, IPTC’s catalog 32, aliases of customer catalogs), which the house layer says under the syndicate profile', () => {
    for (const { name, text } of examples()) {
      const { diagnostics } = checkFile('newsml', text, name, { profile: 'syndicate', site: makeSite(), publicPath: name });
      expect(diagnostics.filter((d) => house.has(d.ruleId)).map((d) => d.ruleId), name).toContain('iptc-catalog');
    }
  });
});

/*
 * What our own XSD (src/validate/schemas/newsml.ts, gone) pinned, now said by the standard layer or a house rule.
 * It also pinned what IPTC leaves open and syndicate promises nothing about: remoteContent/@rendition, located
 * before creator and keywords before subjects (IPTC's groups take any order there), the provider and description
 * an itemRef repeats, the package's slugline. Those are emitNewsml's habits, not checked promises.
 */
describe('our own NewsML-G2 validator (standard layer and house rules)', () => {
  const site = makeSite();
  const file = (text: string) => ({ path: 'articles/x/newsml.xml', text, format: 'newsml' as const, sources: ['input/articles/x.txt'] });
  const validate = (text: string) => validateFile(file(text), site);

  it.each(variants)('accepts our output: %s', (_name, article) => {
    expect(validate(toNewsMessage(article, site))).toEqual([]);
  });

  const sample = () => toNewsMessage(makeRichArticle(), site);
  const broken: [string, () => string, string][] = [
    ['descriptive metadata before administrative (language before contentCreated)', () => sample().replace(/(<contentCreated>[^<]*<\/contentCreated>)([\s\S]*?)(<language tag="en"\/>)/, '$3$2$1'), 'element-order'],
    ['itemMeta without pubStatus', () => sample().replace('<pubStatus qcode="stat:usable"/>', ''), 'pub-status'],
    ['datetime without offset', () => sample().replace('<sent>2024-09-05T10:15:00+08:00</sent>', '<sent>2024-09-05T10:15:00</sent>'), 'datetime-zone'],
    ['malformed QCode', () => sample().replace('qcode="medtop:14000000"', 'qcode="14000000"'), 'invalid-qcode'],
    ['missing xml:lang on an item', () => sample().replace(/ xml:lang="en">/, '>'), 'item-language'],
    ['wrong standardversion', () => sample().replace('standardversion="2.35"', 'standardversion="2.34"'), 'standard-version'],
    ['zero version', () => sample().replace('version="1" xml:lang', 'version="0" xml:lang'), 'invalid-number'],
    ['two elements in inlineXML', () => sample().replace('</html>', '</html><html xmlns="http://www.w3.org/1999/xhtml"/>'), 'too-many-elements'],
    ['slugline with a line break', () => sample().replace('<slugline>rich-story</slugline>', '<slugline>rich\nstory</slugline>'), 'invalid-value'],
    ['a newsItem before the packageItem', () => sample().replace(/(<packageItem[\s\S]*?<\/packageItem>)\s*(<newsItem[\s\S]*?<\/newsItem>)/, '$2$1'), 'message-shape'],
    ['rights without a notice', () => sample().replace(/<copyrightNotice>[^<]*<\/copyrightNotice>/, ''), 'rights-notice'],
  ];

  it.each(broken)('rejects %s', (_name, make, rule) => {
    const text = make();
    expect(text).not.toBe(sample()); // the edit really happened
    const found = validate(text);
    expect([...new Set(found.map((d) => d.ruleId))]).toEqual([rule]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });
});
