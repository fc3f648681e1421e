import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJsonLd, loadBuiltinVocabulary, toVocabulary, type Vocabulary } from '../../../src/validate/standard/jsonld/index.ts';
import { indexOf } from '../../../src/validate/standard/jsonld/vocabulary/vocabulary.ts';
import { officialSchema } from '../../helpers/official.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OFFICIAL = officialSchema('schemaorg', 'schemaorg-current-https.jsonld');
const haveOfficial = existsSync(OFFICIAL);
if (!haveOfficial) console.warn(`\n*** ${OFFICIAL} ABSENT: the comparison of the derived schema.org vocabulary with the official one is SKIPPED, not passed. ***\n`);

describe('the vocabulary derived from schema-dts', () => {
  const vocabulary = loadBuiltinVocabulary();
  const index = indexOf(vocabulary);

  it('says where it comes from, and is loaded once', () => {
    expect(vocabulary.source).toMatch(/^schema-dts \d+\.\d+\.\d+$/);
    expect(loadBuiltinVocabulary()).toBe(vocabulary);
  });

  it('has the class tree, with multiple parents and JSON-LD names', () => {
    expect([...index.ancestors('BlogPosting')].sort()).toEqual(['Article', 'BlogPosting', 'CreativeWork', 'SocialMediaPosting', 'Thing']);
    expect(index.isA('LocalBusiness', 'Place') && index.isA('LocalBusiness', 'Organization')).toBe(true);
    expect(index.hasType('3DModel')).toBe(true);
    expect(index.isDataType('URL') && index.isA('URL', 'Text') && index.isA('Integer', 'Number')).toBe(true);
    expect(index.isDataType('Person')).toBe(false);
  });

  it('has properties with their domains and ranges', () => {
    expect(vocabulary.properties.get('author')).toMatchObject({ domains: ['CreativeWork', 'Rating'], ranges: ['Organization', 'Person'] });
    expect(vocabulary.properties.get('datePublished')?.ranges).toEqual(['Date', 'DateTime']);
    expect(vocabulary.properties.get('dateline')?.domains).toEqual(['NewsArticle']);
    expect(index.isMemberOf('InStock', 'ItemAvailability')).toBe(true);
  });
});

describe.skipIf(!haveOfficial)('the derived vocabulary against schema.org’s release file', () => {
  // A skipped describe still runs its body to collect the tests: read the file only when it is there.
  const official = haveOfficial ? toVocabulary(JSON.parse(readFileSync(OFFICIAL, 'utf8'))) : loadBuiltinVocabulary();
  const derived = loadBuiltinVocabulary();

  /** Terms of `a` also in `b`, and how many of the shared ones agree by `same`. */
  function compare<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>, same: (x: T, y: T) => boolean) {
    const shared = [...a.keys()].filter((k) => b.has(k));
    const differing = shared.filter((k) => !same(a.get(k) as T, b.get(k) as T));
    return { total: a.size, shared: shared.length, agreeing: shared.length - differing.length, differing };
  }
  const sameSet = (x: readonly string[], y: readonly string[]) => x.length === y.length && [...x].sort().join() === [...y].sort().join();

  it('covers the official types, with the same supertypes', () => {
    const types = compare(official.types, derived.types, sameSet);
    console.info(`schema.org types: ${types.shared}/${types.total} of the official file's in the derived vocabulary (${derived.types.size} derived); supertypes agree on ${types.agreeing}/${types.shared}${types.differing.length > 0 ? ` (differ: ${types.differing.join(', ')})` : ''}`);
    expect(types.shared / types.total).toBeGreaterThanOrEqual(0.99);
    expect(types.agreeing / types.shared).toBeGreaterThanOrEqual(0.99);
  });

  it('covers the official properties, with the same domains and ranges', () => {
    const domains = compare(official.properties, derived.properties, (x, y) => sameSet(x.domains, y.domains));
    const ranges = compare(official.properties, derived.properties, (x, y) => sameSet(x.ranges, y.ranges));
    console.info(`schema.org properties: ${domains.shared}/${domains.total} of the official file's in the derived vocabulary (${derived.properties.size} derived); domains agree on ${domains.agreeing}, ranges on ${ranges.agreeing} (differ: ${[...domains.differing, ...ranges.differing].join(', ')})`);
    expect(domains.shared / domains.total).toBeGreaterThanOrEqual(0.99);
    expect(domains.agreeing / domains.shared).toBeGreaterThanOrEqual(0.99);
    expect(ranges.agreeing / ranges.shared).toBeGreaterThanOrEqual(0.99);
  });

  it('covers the official enumeration members', () => {
    const members = compare(official.members, derived.members, sameSet);
    console.info(`schema.org enumeration members: ${members.shared}/${members.total} of the official file's in the derived vocabulary; enumerations agree on ${members.agreeing}`);
    expect(members.shared / members.total).toBeGreaterThanOrEqual(0.95);
  });

  it('gives the same verdicts with either vocabulary on every fixture and output', () => {
    const texts: string[] = [];
    for (const folder of ['accepted', 'rejected']) {
      const dir = path.join(ROOT, 'tests/fixtures/others/jsonld', folder);
      for (const name of readdirSync(dir)) texts.push(readFileSync(path.join(dir, name), 'utf8'));
    }
    for (const article of readdirSync(path.join(ROOT, 'dist/articles'))) texts.push(readFileSync(path.join(ROOT, 'dist/articles', article, 'article.jsonld'), 'utf8'));
    const rules = (vocabulary: Vocabulary, text: string) => checkJsonLd(JSON.parse(text), vocabulary).map((f) => `${f.rule} ${JSON.stringify(f.at)}`);
    for (const text of texts) expect(rules(official, text)).toEqual(rules(derived, text));
  });
});

describe('toVocabulary', () => {
  const file = {
    '@context': { schema: 'https://schema.org/', rdfs: 'http://www.w3.org/2000/01/rdf-schema#', rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#' },
    '@graph': [
      { '@id': 'schema:Thing', '@type': 'rdfs:Class' },
      { '@id': 'schema:Text', '@type': ['schema:DataType', 'rdfs:Class'] },
      { '@id': 'schema:DataType', '@type': 'rdfs:Class', 'rdfs:subClassOf': { '@id': 'rdfs:Class' } },
      { '@id': 'schema:Intangible', '@type': 'rdfs:Class', 'rdfs:subClassOf': { '@id': 'schema:Thing' } },
      { '@id': 'schema:Enumeration', '@type': 'rdfs:Class', 'rdfs:subClassOf': { '@id': 'schema:Intangible' } },
      { '@id': 'schema:Colour', '@type': 'rdfs:Class', 'rdfs:subClassOf': { '@id': 'schema:Enumeration' } },
      { '@id': 'schema:Red', '@type': 'schema:Colour' },
      { '@id': 'schema:name', '@type': 'rdf:Property', 'schema:domainIncludes': { '@id': 'schema:Thing' }, 'schema:rangeIncludes': { '@id': 'schema:Text' } },
      { '@id': 'schema:colour', '@type': 'rdf:Property', 'schema:domainIncludes': [{ '@id': 'schema:Thing' }], 'schema:rangeIncludes': [{ '@id': 'schema:Colour' }], 'schema:supersededBy': { '@id': 'schema:color' } },
    ],
  };

  it('reads classes, data types, properties and members', () => {
    const vocabulary = toVocabulary(file);
    expect(vocabulary.types.get('Colour')).toEqual(['Enumeration']);
    expect(vocabulary.types.get('Text')).toEqual(['DataType']);
    expect(vocabulary.properties.get('colour')).toEqual({ domains: ['Thing'], ranges: ['Colour'], superseded: true });
    expect(vocabulary.members.get('Red')).toEqual(['Colour']);
    expect(checkJsonLd({ '@context': 'https://schema.org', '@type': 'Thing', name: 'x', colour: 'Red' }, vocabulary)).toEqual([]);
    expect(checkJsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle' }, vocabulary).map((f) => f.rule)).toEqual(['unknown-type']);
  });

  it('refuses what is not a vocabulary file, saying why', () => {
    for (const value of [null, 42, [], {}, { '@graph': 'x' }, { '@graph': [] }, { '@graph': [{ '@id': 'schema:name', '@type': 'rdf:Property' }] }]) {
      expect(() => toVocabulary(value)).toThrow(TypeError);
    }
  });
});
