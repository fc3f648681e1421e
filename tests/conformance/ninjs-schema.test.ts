import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitNinjs } from '../../src/emit/ninjs.ts';
import type { Article } from '../../src/model/article.ts';
import { validateFile } from '../helpers/validate.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { officialSchema } from '../helpers/official.ts';

// ajv-formats is CommonJS; under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

const NINJS_SCHEMA = officialSchema('ninjs', 'ninjs-schema_3.1.json');
const GEOJSON_SCHEMA = officialSchema('ninjs', 'GeoJSON-schema.json');
const EXAMPLES = officialSchema('ninjs', 'examples');
const haveNinjsSchemas = existsSync(NINJS_SCHEMA) && existsSync(GEOJSON_SCHEMA);

if (!haveNinjsSchemas) {
  console.warn(`\n*** OFFICIAL NINJS SCHEMA ABSENT: ${NINJS_SCHEMA} not found. ninjs 3.1 conformance tests are SKIPPED, not passed. Set SYNDICATE_SCHEMAS to the folder to run them. ***\n`);
}

/** Withdrawn stories: their ninjs is a withdrawal notice (no representationType, no text, minimal canceled pictures). */
const notices: [string, Article][] = [
  ['withdrawal notice, version 3, two photos', makeRichArticle({ version: 3, signal: 'withdrawal', dateModified: '2024-09-05T12:00:00+08:00', status: 'withdrawn', withdrawalReason: 'Legal advice.', correction: 'x', embargo: '2024-09-06T00:00:00+08:00' })],
  ['withdrawal notice at first sight, no photo with a URL, no reason', makeArticle({ status: 'withdrawn' })],
];

/** Our output for the fixtures and variants that exercise every optional property. */
const variants: [string, Article][] = [
  ['sample (no byline, photo without URL)', makeArticle()],
  ['rich (bylines, update, dateline, keywords, two photos)', makeRichArticle()],
  ['photo with notice, creator and size, no credit or type', makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'C.', creator: 'Xinhua', copyright: '© 2024 Xinhua', byteLength: 5120 }] })],
  ['no mapped section, Chinese, non-ASCII keywords and byline', makeArticle({ sections: ['World'], language: 'zh-CN', keywords: ['贸易', 'Zölle'], authors: [{ name: '刘彩玉' }, { name: '张晗' }] })],
  ['UTC times, control characters and a lone surrogate', makeRichArticle({ datePublished: '2024-09-05T00:30:00Z', dateModified: '2024-09-05T02:15:00Z', headline: 'Bell\u0007 and \uD800 half', paragraphs: ['Tab\there.'] })],
  ['urn: guid', makeArticle({ guid: 'urn:newsml:globaltimes.cn:20240904:cyberspace-governance' })],
  ...notices,
];

/** The text of `ninjs.json` for one article, as the build writes it. */
function emitted(article: Article): string {
  return emitNinjs([article], makeSite())[0]!.text;
}

describe.skipIf(!haveNinjsSchemas)('ninjs output against IPTC’s official ninjs 3.1 JSON Schema (Ajv 2020-12)', () => {
  let validate: ValidateFunction;

  beforeAll(() => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // The ninjs schema's one external $ref (places[].geoJSON) resolves offline through this registration.
    ajv.addSchema(JSON.parse(readFileSync(GEOJSON_SCHEMA, 'utf8')) as object);
    validate = ajv.compile(JSON.parse(readFileSync(NINJS_SCHEMA, 'utf8')) as object);
  });

  /** Ajv's findings as "path: message" strings (empty when valid). */
  function errors(text: string): string[] {
    return validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
  }

  it.each(variants)('%s is valid', (_name, article) => {
    expect(errors(emitted(article))).toEqual([]);
  });

  it.each(notices)('%s: a notice without text, valid', (_name, article) => {
    const item = JSON.parse(emitted(article)) as Record<string, unknown>;
    expect(item).toMatchObject({ pubStatus: 'canceled' });
    for (const key of ['representationType', 'headlines', 'descriptions', 'bodies', 'subjects', 'by', 'located', 'contentCreated', 'embargoedUntil']) expect(item, key).not.toHaveProperty(key);
    expect(errors(JSON.stringify(item))).toEqual([]);
  });

  it('IPTC’s three 3.1 examples validate (the harness works)', () => {
    const names = readdirSync(EXAMPLES).filter((n) => n.endsWith('.json'));
    expect(names).toHaveLength(3);
    for (const name of names) expect(errors(readFileSync(`${EXAMPLES}/${name}`, 'utf8')), name).toEqual([]);
  });

  it('rejects a broken document, so the check can fail', () => {
    const item = JSON.parse(emitted(makeRichArticle())) as Record<string, unknown> & { associations: Record<string, unknown>[] };
    item['versioncreated'] = item['versionCreated']; // a ninjs 1.x/2.x name
    delete item.associations[0]!['name']; // required on associations
    item['uri'] = 'not a uri';
    const found = errors(JSON.stringify(item));
    expect(found).toEqual(
      expect.arrayContaining(['/uri: must match format "uri"', "/associations/0: must have required property 'name'", '/: must NOT have unevaluated properties']),
    );
  });

  it('accepts everything our own validator accepts among the variants (our schema is a subset)', () => {
    for (const [name, article] of variants) {
      const text = emitted(article);
      expect(validateFile({ path: 'x/ninjs.json', text, format: 'ninjs', sources: [] }, makeSite()), name).toEqual([]);
      expect(errors(text), name).toEqual([]);
    }
  });
});
