// Issue 5: updated, corrected, withdrawn and embargoed stories against the official schemas, and the
// scripted sequence (publish, no-op rebuild, edit, correct, withdraw) as the emitters see it.
import { existsSync } from 'node:fs';
import type { XsdValidator } from 'libxml2-wasm';
import { XmlDocument } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitJsonLd } from '../../src/emit/jsonld.ts';
import { toNewsMessage } from '../../src/emit/newsml.ts';
import { emitNinjs } from '../../src/emit/ninjs.ts';
import type { Article } from '../../src/model/article.ts';
import { validateFile } from '../helpers/validate.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { haveOfficialSchemas, officialSchema } from '../helpers/official.ts';
import { loadOfficialNewsmlXsd, loadOfficialNinjsSchema, officialErrors } from '../helpers/official-validators.ts';
import { checkSchemaOrg, loadVocabulary } from '../helpers/schemaorg.ts';

const NS = { n: 'http://iptc.org/std/nar/2006-10-01/' };
const TEXT = '/n:newsMessage/n:itemSet/n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:text"]';
const CORRECTION = 'An earlier version gave the port’s capacity as 4 million containers; it is 40 million.';

/**
 * The rich story at each step of issue 5's script, as the build hands it to the emitters: it sets
 * version, signal and (for a new version) dateModified; the reader sets correction, status and reason.
 */
const steps: [string, Article][] = [
  ['publish', makeRichArticle({ dateModified: undefined })],
  ['no-op rebuild', makeRichArticle({ dateModified: undefined })],
  ['edit', makeRichArticle({ version: 2, signal: 'update', dateModified: '2024-09-05T10:15:00+08:00', paragraphs: ['Edited.'] })],
  ['correct', makeRichArticle({ version: 3, signal: 'correction', dateModified: '2024-09-05T11:00:00+08:00', correction: CORRECTION })],
  ['withdraw', makeRichArticle({ version: 4, signal: 'withdrawal', dateModified: '2024-09-05T12:30:00+08:00', correction: CORRECTION, status: 'withdrawn', withdrawalReason: 'The story was published by mistake.' })],
];

/** Variants that exercise the new elements on their own. */
const variants: [string, Article][] = [
  ...steps.slice(2),
  ['embargoed first version', makeRichArticle({ embargo: '2024-09-06T00:00:00+08:00' })],
  ['embargoed correction without photos, Chinese', makeArticle({ version: 2, signal: 'correction', dateModified: '2024-09-05T09:00:00+08:00', correction: '更正：名字拼错了。', language: 'zh-CN', embargo: '2024-09-06T00:00:00Z' })],
  ['withdrawn without a reason', makeArticle({ version: 2, signal: 'withdrawal', dateModified: '2024-09-05T09:00:00+08:00', status: 'withdrawn' })],
];

/** What receivers de-duplicate on, read from the text item of one message. */
function management(text: string): { guid: string; version: string; signals: string[]; pubStatus: string; edNotes: string[] } {
  const doc = XmlDocument.fromString(text);
  try {
    const one = (xpath: string) => doc.find(xpath, NS).map((n) => n.content)[0] ?? '';
    const all = (xpath: string) => doc.find(xpath, NS).map((n) => n.content);
    return {
      guid: one(`${TEXT}/@guid`),
      version: one(`${TEXT}/@version`),
      signals: all(`${TEXT}/n:itemMeta/n:signal/@qcode`),
      pubStatus: one(`${TEXT}/n:itemMeta/n:pubStatus/@qcode`),
      edNotes: all(`${TEXT}/n:itemMeta/n:edNote`),
    };
  } finally {
    doc.dispose();
  }
}

const newsmlFile = (text: string) => ({ path: 'articles/rich-story/newsml.xml', text, format: 'newsml' as const, sources: ['input/articles/rich-story.txt'] });

describe('the scripted sequence: publish, no-op rebuild, edit, correct, withdraw', () => {
  const messages = steps.map(([, article]) => toNewsMessage(article, makeSite()));

  it('gives versions 1, 1, 2, 3, 4 with the right signals and pubStatus, and one guid throughout', () => {
    expect(messages.map(management)).toEqual([
      { guid: 'tag:globaltimes.cn,2024:article:rich-story', version: '1', signals: [], pubStatus: 'stat:usable', edNotes: [] },
      { guid: 'tag:globaltimes.cn,2024:article:rich-story', version: '1', signals: [], pubStatus: 'stat:usable', edNotes: [] },
      { guid: 'tag:globaltimes.cn,2024:article:rich-story', version: '2', signals: ['sig:update'], pubStatus: 'stat:usable', edNotes: [] },
      { guid: 'tag:globaltimes.cn,2024:article:rich-story', version: '3', signals: ['sig:correction'], pubStatus: 'stat:usable', edNotes: [`Correction: ${CORRECTION}`] },
      // The withdrawal notice drops the correction's note: it quotes the withdrawn text.
      { guid: 'tag:globaltimes.cn,2024:article:rich-story', version: '4', signals: ['sig:update'], pubStatus: 'stat:canceled', edNotes: ['Withdrawn: The story was published by mistake.'] },
    ]);
  });

  it('the no-op rebuild gives the same bytes', () => {
    expect(messages[1]).toBe(messages[0]);
  });

  it('passes our own validator (the standard layer and the house rules) at every step', () => {
    for (const [i, text] of messages.entries()) expect(validateFile(newsmlFile(text), makeSite()), steps[i]![0]).toEqual([]);
  });
});

describe.skipIf(!haveOfficialSchemas)('updated, corrected, withdrawn and embargoed items against IPTC’s official NewsML-G2 2.35 XSD', () => {
  let official: XsdValidator;
  beforeAll(() => {
    official = loadOfficialNewsmlXsd();
  });
  afterAll(() => official?.dispose());

  it.each(steps)('step "%s" is valid', (_name, article) => {
    expect(officialErrors(official, toNewsMessage(article, makeSite()))).toEqual([]);
  });

  it.each(variants)('%s is valid', (_name, article) => {
    expect(officialErrors(official, toNewsMessage(article, makeSite()))).toEqual([]);
  });

  it('rejects edNote after signal, so the order check can fail', () => {
    const text = toNewsMessage(steps[3]![1], makeSite());
    const broken = text.replace(/(<edNote>[^<]*<\/edNote>)(\s*)(<signal qcode="sig:correction"\/>)/, '$3$2$1');
    expect(broken).not.toBe(text);
    expect(officialErrors(official, broken)).not.toEqual([]);
  });

  it('rejects embargoed after pubStatus', () => {
    const text = toNewsMessage(variants[3]![1], makeSite());
    const broken = text.replace(/(<embargoed>[^<]*<\/embargoed>)(\s*)(<pubStatus qcode="stat:usable"\/>)/, '$3$2$1');
    expect(broken).not.toBe(text);
    expect(officialErrors(official, broken)).not.toEqual([]);
  });
});

describe('our own validators accept the variants', () => {
  it.each(variants)('NewsML-G2: %s', (_name, article) => {
    expect(validateFile(newsmlFile(toNewsMessage(article, makeSite())), makeSite())).toEqual([]);
  });

  it.each(variants)('ninjs: %s', (_name, article) => {
    const [file] = emitNinjs([article], makeSite());
    expect(validateFile(file!, makeSite())).toEqual([]);
  });

  it.each(variants)('JSON-LD: %s', (_name, article) => {
    const [file] = emitJsonLd([article], makeSite());
    // Warnings (no author URL, no image) are about the fixtures, not about this issue.
    expect(validateFile(file!, makeSite()).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe.skipIf(!existsSync(officialSchema('ninjs', 'ninjs-schema_3.1.json')))('versions, embargo, notes and canceled status against IPTC’s official ninjs 3.1 schema', () => {
  let errors: (value: unknown) => string[];
  beforeAll(async () => {
    errors = await loadOfficialNinjsSchema();
  });

  it.each(variants)('%s is valid', (_name, article) => {
    const [file] = emitNinjs([article], makeSite());
    expect(errors(JSON.parse(file!.text))).toEqual([]);
  });

  it('rejects a pubStatus outside its enum, so the check can fail', () => {
    const [file] = emitNinjs([steps[4]![1]], makeSite());
    expect(errors({ ...(JSON.parse(file!.text) as object), pubStatus: 'withdrawn' })).not.toEqual([]);
  });
});

const vocabularyFile = officialSchema('schemaorg', 'schemaorg-current-https.jsonld');

describe.skipIf(!existsSync(vocabularyFile))('the correction notice against the schema.org vocabulary', () => {
  it('CorrectionComment under NewsArticle.correction uses only schema.org terms in their domains and ranges', () => {
    const vocab = loadVocabulary(vocabularyFile);
    const [file] = emitJsonLd([steps[3]![1]], makeSite());
    const document = JSON.parse(file!.text) as unknown;
    expect(JSON.stringify(document)).toContain('"CorrectionComment"');
    expect(checkSchemaOrg(document, vocab)).toStrictEqual([]);
  });
});
