import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSiteConfig, type SiteConfig } from '../../src/config.ts';
import { emitJsonLd } from '../../src/emit/jsonld.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { haveOfficialSchemas, officialSchema } from '../helpers/official.ts';
import { checkSchemaOrg, loadVocabulary, type Vocabulary } from '../helpers/schemaorg.ts';

const vocabularyFile = officialSchema('schemaorg', 'schemaorg-current-https.jsonld');
const haveVocabulary = haveOfficialSchemas && existsSync(vocabularyFile);

// helpers/official.ts already announces a missing schemas folder; this covers a folder without the vocabulary.
if (haveOfficialSchemas && !haveVocabulary) {
  console.warn(`\n*** schema.org VOCABULARY ABSENT: ${vocabularyFile} not found. The JSON-LD conformance tests are SKIPPED, not passed. ***\n`);
}

/** The real sample configuration, `input/site.json`. */
function loadSampleSite(): SiteConfig {
  const file = path.resolve(import.meta.dirname, '../../input/site.json');
  const { config, diagnostics } = readSiteConfig(readFileSync(file, 'utf8'), 'input/site.json');
  if (!config) throw new Error(`input/site.json is invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  return config;
}

describe.skipIf(!haveVocabulary)('schema.org conformance of the emitted NewsArticle JSON-LD', () => {
  let vocab: Vocabulary;
  beforeAll(() => {
    vocab = loadVocabulary(vocabularyFile);
  });

  const cases: [string, () => string[]][] = [
    ['makeArticle() with makeSite()', () => emitJsonLd([makeArticle()], makeSite()).map((f) => f.text)],
    ['makeRichArticle() with makeSite()', () => emitJsonLd([makeRichArticle()], makeSite()).map((f) => f.text)],
    ['both fixtures with the real input/site.json', () => emitJsonLd([makeRichArticle(), makeArticle()], loadSampleSite()).map((f) => f.text)],
    [
      'a copyright holder other than the publisher',
      () => emitJsonLd([makeRichArticle()], makeSite({ copyright: { holder: 'Xinhua', notice: '© Xinhua' } })).map((f) => f.text),
    ],
  ];

  it.each(cases)('uses only schema.org types and properties, each in its domain and range: %s', (_name, emit) => {
    const texts = emit();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(checkSchemaOrg(JSON.parse(text), vocab)).toStrictEqual([]);
  });

  it('loads a plausible vocabulary (guards the checker against an empty or misread file)', () => {
    expect(vocab.classes.size).toBeGreaterThan(800);
    expect(vocab.properties.size).toBeGreaterThan(1400);
    expect([...vocab.ancestors('schema:NewsArticle')]).toEqual(expect.arrayContaining(['schema:Article', 'schema:CreativeWork', 'schema:Thing']));
    expect(vocab.dataTypes.has('schema:URL')).toBe(true);
    expect(vocab.dataTypes.has('schema:Integer')).toBe(true);
    expect(vocab.dataTypes.has('schema:ImageObject')).toBe(false);
  });

  describe('the checker rejects', () => {
    const base = () => ({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'h' });

    it('accepts the minimal base document (so the rejections below are caused by the change alone)', () => {
      expect(checkSchemaOrg(base(), vocab)).toStrictEqual([]);
    });

    it('an unknown property', () => {
      expect(checkSchemaOrg({ ...base(), headLine: 'h' }, vocab)).toStrictEqual(['$.headLine: "headLine" is not a schema.org property']);
    });

    it('a property on a type outside its domain: caption on Organization', () => {
      const problems = checkSchemaOrg({ ...base(), publisher: { '@type': 'Organization', name: 'GT', caption: 'c' } }, vocab);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^\$\.publisher\.caption: "caption" is not allowed on Organization/);
    });

    it('dateline on a plain Article (its domain is NewsArticle only)', () => {
      const problems = checkSchemaOrg({ ...base(), '@type': 'Article', dateline: 'BEIJING' }, vocab);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^\$\.dateline: "dateline" is not allowed on Article/);
    });

    it('an unknown type such as jekyll-seo-tag\'s imageObject', () => {
      const problems = checkSchemaOrg({ ...base(), image: [{ '@type': 'imageObject', url: 'https://example.com/a.jpg' }] }, vocab);
      expect(problems).toContain('$.image[0].@type: "imageObject" is not a schema.org type');
    });

    it('a nested type outside the property\'s range: an ImageObject as author', () => {
      const problems = checkSchemaOrg({ ...base(), author: [{ '@type': 'ImageObject', url: 'https://example.com/a.jpg' }] }, vocab);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^\$\.author\[0\]: ImageObject is not in the range of "author"/);
    });

    it('a bare number where schema.org expects Distance or QuantitativeValue (image width)', () => {
      const problems = checkSchemaOrg({ ...base(), image: { '@type': 'ImageObject', url: 'https://example.com/a.jpg', width: 600 } }, vocab);
      expect(problems).toStrictEqual(['$.image.width: number 600 is not in the range QuantitativeValue | Distance']);
    });

    it('a relative URL where only URL is allowed, a date without time where only DateTime… is allowed, and null', () => {
      expect(checkSchemaOrg({ ...base(), url: '/page/a.shtml' }, vocab)).toHaveLength(1);
      expect(checkSchemaOrg({ ...base(), datePublished: 'yesterday' }, vocab)).toHaveLength(1);
      expect(checkSchemaOrg({ ...base(), dateline: null }, vocab)).toHaveLength(1);
    });

    it('an @id reference to a node whose type is outside the range', () => {
      const doc = { ...base(), '@id': 'https://example.com/a#article', author: { '@id': 'https://example.com/a#article' } };
      expect(checkSchemaOrg(doc, vocab)).toStrictEqual(['$.author: NewsArticle is not in the range of "author" (Organization | Person)']);
    });

    it('a missing or wrong @context', () => {
      const { '@context': _, ...withoutContext } = base();
      expect(checkSchemaOrg(withoutContext, vocab)).toStrictEqual(['$.@context: expected "https://schema.org"']);
      expect(checkSchemaOrg({ ...base(), '@context': 'http://schema.org' }, vocab)).toHaveLength(2);
    });
  });
});
