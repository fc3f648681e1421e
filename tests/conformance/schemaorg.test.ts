import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSiteConfig, type SiteConfig } from '../../src/config.ts';
import { emitJsonLd } from '../../src/emit/jsonld.ts';
import type { Article } from '../../src/model/article.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { haveOfficialSchemas, officialSchema } from '../helpers/official.ts';
import { checkSchemaOrg, loadVocabulary, summariseGraph, type Vocabulary } from '../helpers/schemaorg.ts';

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

const NEWSROOM_SITE = () =>
  makeSite({
    name: 'Daily Example',
    url: 'https://news.example.com/',
    language: 'en-GB',
    logo: { url: 'https://news.example.com/logo.png', width: 600, height: 60 },
    copyright: { holder: 'Example News Ltd', notice: '© 2024 Example News Ltd' },
    sectionPermalink: '/sections/{path}',
  });

/** A rich article whose photos name creators of every kind: a byline, another person, the publisher, the copyright holder. */
const withCreators = () =>
  makeRichArticle({
    url: 'https://news.example.com/business/2024/03/31/tariffs-and-ports',
    sections: ['Business', 'Société', '中国'],
    authors: [{ name: "Jane O'Hara" }, { name: '李伟', url: 'https://news.example.com/authors/li-wei' }],
    images: [
      { url: 'https://cdn.example.com/photos/port.jpg', width: 1600, height: 900, caption: 'Port.', creator: 'Wang Fang', copyright: '© 2024 Example News Ltd' },
      { url: 'https://cdn.example.com/photos/crane.webp', width: 1200, height: 1200, caption: 'Crane.', creator: "Jane O'Hara" },
      { url: 'https://cdn.example.com/photos/desk.jpg', caption: 'Desk.', creator: 'Daily Example' },
      { caption: 'No URL.', credit: 'Example Photo Desk' },
      { url: 'https://cdn.example.com/photos/holder.jpg', caption: 'Holder.', creator: 'Example News Ltd' },
    ],
  });

/** The emitted files of a case, parsed. */
const emitted = (articles: Article[], site: SiteConfig): unknown[] => emitJsonLd(articles, site).map((f) => JSON.parse(f.text) as unknown);

describe.skipIf(!haveVocabulary)('schema.org conformance of the emitted JSON-LD graph', () => {
  let vocab: Vocabulary;
  beforeAll(() => {
    vocab = loadVocabulary(vocabularyFile);
  });

  const { sectionPermalink: _, ...siteWithoutSections } = makeSite();
  const cases: [string, () => unknown[]][] = [
    ['makeArticle() with makeSite()', () => emitted([makeArticle()], makeSite())],
    ['makeRichArticle() with makeSite()', () => emitted([makeRichArticle()], makeSite())],
    ['both fixtures with the real input/site.json', () => emitted([makeRichArticle(), makeArticle()], loadSampleSite())],
    ['a copyright holder other than the publisher', () => emitted([makeRichArticle()], makeSite({ copyright: { holder: 'Xinhua', notice: '© Xinhua' } }))],
    ['no sectionPermalink (no BreadcrumbList), no sections, no images', () => emitted([makeRichArticle(), makeArticle({ sections: [], images: [] })], siteWithoutSections)],
    ['image creators of every kind, non-ASCII names and sections', () => emitted([withCreators()], NEWSROOM_SITE())],
  ];

  it.each(cases)('uses only schema.org types and properties, each in its domain and range, with every reference resolved: %s', (_name, emit) => {
    const documents = emit();
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(checkSchemaOrg(document, vocab)).toStrictEqual([]);
      const summary = summariseGraph(document);
      expect(summary.references).toBeGreaterThan(5);
      expect(summary.unresolved).toStrictEqual([]);
    }
  });

  it.each([
    ['makeSite()', makeSite],
    ['the real input/site.json', loadSampleSite],
  ])('the sample graph (%s) has exactly WebSite, Organization, WebPage, NewsArticle, BreadcrumbList, + the logo ImageObject', (_name, site) => {
    const [document] = emitted([makeArticle()], site());
    const summary = summariseGraph(document);
    expect([...summary.topLevelTypes].sort()).toStrictEqual(['BreadcrumbList', 'NewsArticle', 'Organization', 'WebPage', 'WebSite']);
    expect([...summary.typesById.values()].sort()).toStrictEqual(['BreadcrumbList', 'ImageObject', 'NewsArticle', 'Organization', 'WebPage', 'WebSite']);
    expect(summary.typesById.get('https://www.globaltimes.cn/#logo')).toBe('ImageObject');
    expect(summary.unresolved).toStrictEqual([]);
    // NewsArticle → publisher, author, mainEntityOfPage, isPartOf, copyrightHolder; WebPage → isPartOf, breadcrumb; WebSite → publisher.
    expect(summary.references).toBe(8);
  });

  it('the rich graph also has 2 ImageObjects and 2 Persons, all references resolved', () => {
    const [document] = emitted([makeRichArticle()], makeSite());
    const summary = summariseGraph(document);
    const count = (type: string) => summary.topLevelTypes.filter((t) => t === type).length;
    expect([...new Set(summary.topLevelTypes)].sort()).toStrictEqual(['BreadcrumbList', 'ImageObject', 'NewsArticle', 'Organization', 'Person', 'WebPage', 'WebSite']);
    expect([count('ImageObject'), count('Person'), count('NewsArticle'), count('WebPage'), count('WebSite'), count('Organization'), count('BreadcrumbList')]).toStrictEqual([2, 2, 1, 1, 1, 1, 1]);
    expect(summary.unresolved).toStrictEqual([]);
    expect(checkSchemaOrg(document, vocab)).toStrictEqual([]);
  });

  it('walks the nodes of the emitted graph: a property outside its domain in any node is caught', () => {
    const [document] = emitted([makeRichArticle()], makeSite()) as { '@context': string; '@graph': Record<string, unknown>[] }[];
    const broken = {
      ...document!,
      '@graph': document!['@graph'].map((node) =>
        node['@type'] === 'Organization' ? { ...node, caption: 'c' } : node['@type'] === 'WebPage' ? { ...node, dateline: 'BEIJING' } : node,
      ),
    };
    const problems = checkSchemaOrg(broken, vocab);
    expect(problems).toHaveLength(2);
    expect(problems).toEqual([expect.stringMatching(/^\$\.@graph\[1\]\.dateline: "dateline" is not allowed on WebPage/), expect.stringMatching(/^\$\.@graph\[\d\]\.caption: "caption" is not allowed on Organization/)]);
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

    it('a reference in a @graph to a node that is not in it', () => {
      const doc = { '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', '@id': 'https://example.com/a#article', author: { '@id': 'https://example.com/#nobody' } }] };
      expect(checkSchemaOrg(doc, vocab)).toStrictEqual(['$.@graph[0].author: node has no @type and @id https://example.com/#nobody is not typed anywhere in the document']);
    });

    it('a reference in a @graph resolving to a node outside the range: an ImageObject node as author', () => {
      const doc = {
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'NewsArticle', '@id': 'https://example.com/a#article', author: { '@id': 'https://example.com/a#image-1' } },
          { '@type': 'ImageObject', '@id': 'https://example.com/a#image-1', contentUrl: 'https://example.com/a.jpg' },
        ],
      };
      expect(checkSchemaOrg(doc, vocab)).toStrictEqual(['$.@graph[0].author: ImageObject is not in the range of "author" (Organization | Person)']);
    });

    it('a @graph that is not an array of nodes, and other keys beside @graph', () => {
      expect(checkSchemaOrg({ '@context': 'https://schema.org', '@graph': { '@type': 'NewsArticle' } }, vocab)).toStrictEqual(['$.@graph: must be an array of nodes']);
      expect(checkSchemaOrg({ '@context': 'https://schema.org', '@graph': [null, { '@type': 'NewsArticle', headline: 'h' }] }, vocab)).toStrictEqual(['$.@graph[0]: null is not a node object']);
      expect(checkSchemaOrg({ '@context': 'https://schema.org', headline: 'h', '@graph': [] }, vocab)).toStrictEqual(['$.headline: a document with @graph has only @context and @graph at the top level']);
    });

    it('@context on a node inside the @graph', () => {
      expect(checkSchemaOrg({ '@context': 'https://schema.org', '@graph': [base()] }, vocab)).toStrictEqual(['$.@graph[0].@context: @context belongs on the top-level object only']);
    });

    it('a missing or wrong @context', () => {
      const { '@context': _, ...withoutContext } = base();
      expect(checkSchemaOrg(withoutContext, vocab)).toStrictEqual(['$.@context: expected "https://schema.org"']);
      expect(checkSchemaOrg({ ...base(), '@context': 'http://schema.org' }, vocab)).toHaveLength(2);
    });
  });
});
