// The committed dist/ and the newsroom golden files, checked as consumers would check them:
// the official schemas (IPTC XSD, RFC 4287 RELAX NG, schema.org vocabulary) and real feed parsers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { RelaxNGValidator, XsdValidator } from 'libxml2-wasm';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveOfficialSchemas, officialSchema } from '../helpers/official.ts';
import { loadOfficialAtomRng, loadOfficialNewsmlXsd, loadOfficialNinjsSchema, officialErrors } from '../helpers/official-validators.ts';
import { projectRoot, readTree, SAMPLE_OUTPUTS } from '../helpers/project.ts';
import { checkSchemaOrg, loadVocabulary } from '../helpers/schemaorg.ts';

const trees = {
  'dist/': readTree(path.join(projectRoot, 'dist')),
  'tests/fixtures/newsroom/expected/': readTree(path.join(projectRoot, 'tests/fixtures/newsroom/expected')),
};
const files = Object.entries(trees).flatMap(([dir, tree]) => Object.entries(tree).map(([file, text]) => [`${dir}${file}`, text] as const));
const byExtension = (suffix: string) => files.filter(([name]) => name.endsWith(suffix));

const SAMPLE_HEADLINE = 'China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars';
const SAMPLE_URL = 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml';
const SAMPLE_GUID = 'tag:globaltimes.cn,2024:article:cyberspace-governance';
const SAMPLE_INSTANT = '2024-09-04T13:03:00.000Z';

it('finds the committed outputs to check', () => {
  expect(Object.keys(trees['dist/'])).toEqual(SAMPLE_OUTPUTS);
  expect(byExtension('newsml.xml')).toHaveLength(4);
  expect(byExtension('atom.xml')).toHaveLength(3 + 6);
  expect(byExtension('ninjs.json')).toHaveLength(4);
});

describe.skipIf(!haveOfficialSchemas)('committed outputs against the official schemas', () => {
  let newsml: XsdValidator;
  let atom: RelaxNGValidator;
  let ninjs: (value: unknown) => string[];
  beforeAll(async () => {
    newsml = loadOfficialNewsmlXsd();
    atom = loadOfficialAtomRng();
    ninjs = await loadOfficialNinjsSchema();
  });
  afterAll(() => {
    newsml?.dispose();
    atom?.dispose();
  });

  it.each(byExtension('newsml.xml'))('%s is valid NewsML-G2 2.35 (IPTC XSD)', (_name, text) => {
    expect(officialErrors(newsml, text)).toEqual([]);
  });

  it.each(byExtension('atom.xml'))('%s is valid Atom (RFC 4287 RELAX NG)', (_name, text) => {
    expect(officialErrors(atom, text)).toEqual([]);
  });

  it.each(byExtension('ninjs.json'))('%s is valid ninjs 3.1 (IPTC JSON Schema)', (_name, text) => {
    expect(ninjs(JSON.parse(text))).toEqual([]);
  });

  const vocabularyFile = officialSchema('schemaorg', 'schemaorg-current-https.jsonld');
  it.skipIf(!existsSync(vocabularyFile)).each(byExtension('.jsonld'))('%s uses only schema.org terms allowed where used', (_name, text) => {
    expect(checkSchemaOrg(JSON.parse(text), loadVocabulary(vocabularyFile))).toEqual([]);
  });
});

describe('committed feeds read back by real feed parsers', () => {
  const rss = trees['dist/']['rss.xml']!;
  const atom = trees['dist/']['atom.xml']!;

  it.each([
    ['rss.xml', rss],
    ['atom.xml', atom],
  ])('@rowanmanning/feed-parser reads %s: exact headline, link, id and date', (_name, text) => {
    const feed = parseFeed(text);
    expect(feed.items).toHaveLength(1);
    const item = feed.items[0]!;
    expect(item.title).toBe(SAMPLE_HEADLINE);
    expect(item.url).toBe(SAMPLE_URL);
    expect(item.id).toBe(SAMPLE_GUID);
    expect(item.published?.toISOString()).toBe(SAMPLE_INSTANT);
  });

  it('rss-parser reads rss.xml: exact headline, link, guid, date and creator', async () => {
    const feed = await new Parser().parseString(rss);
    const item = feed.items[0]!;
    expect([item.title, item.link, item.guid, item.isoDate, item.creator]).toEqual([SAMPLE_HEADLINE, SAMPLE_URL, SAMPLE_GUID, SAMPLE_INSTANT, 'Global Times']);
  });

  it('rss-parser reads atom.xml: exact headline, link, id and date', async () => {
    const feed = await new Parser().parseString(atom);
    const item = feed.items[0]!;
    expect([item.title, item.link, item.id, item.isoDate]).toEqual([SAMPLE_HEADLINE, SAMPLE_URL, SAMPLE_GUID, SAMPLE_INSTANT]);
  });

  it('both feeds carry the instant as 2024-09-04T13:03:00Z (Atom) and its RFC 822 form (RSS)', () => {
    expect(atom).toContain('<updated>2024-09-04T13:03:00Z</updated>');
    expect(atom).toContain('<published>2024-09-04T13:03:00Z</published>');
    expect(rss).toContain('<pubDate>Wed, 04 Sep 2024 13:03:00 GMT</pubDate>');
  });
});
