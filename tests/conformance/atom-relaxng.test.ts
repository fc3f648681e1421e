import { readFileSync } from 'node:fs';
import { RelaxNGValidator, XmlDocument, XmlValidateError } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAtom } from '../../src/emit/atom.ts';
import type { Article } from '../../src/model/article.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { haveOfficialSchemas, officialSchema } from '../helpers/official.ts';

/** Our Atom output for the fixtures and variants that exercise optional parts. */
const variants: [string, Article[]][] = [
  ['sample (no byline, photo without URL)', [makeArticle()]],
  ['rich (bylines, update, two photos, nasty headline)', [makeRichArticle()]],
  [
    'several articles, one in another language and one without sections',
    [makeRichArticle(), makeArticle(), makeArticle({ id: 'third', datePublished: '2024-09-03T10:00:00+08:00', language: 'zh-CN', sections: [], authors: [{ name: '刘彩玉' }] })],
  ],
  ['headline with ]]> and a section with < and &', [makeArticle({ headline: 'a ]]> b ]]> c', sections: ['Q&A', 'A<B'] })]],
  ['no articles', []],
];

/** Errors from validating `text` with `validator`, as "line: message" strings (empty when valid). */
function errorsOf(validator: RelaxNGValidator, text: string): string[] {
  const doc = XmlDocument.fromString(text);
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.map((d) => `${d.line}: ${d.message.trim()}`);
  } finally {
    doc.dispose();
  }
}

describe.skipIf(!haveOfficialSchemas)('Atom output against the official RFC 4287 RELAX NG schema', () => {
  let official: RelaxNGValidator;

  beforeAll(() => {
    const path = officialSchema('atom', 'atom.rng');
    const doc = XmlDocument.fromString(readFileSync(path, 'utf8'), { url: path });
    try {
      official = RelaxNGValidator.fromDoc(doc);
    } finally {
      doc.dispose();
    }
  });

  afterAll(() => official?.dispose());

  it.each(variants)('%s is valid', (_name, articles) => {
    expect(errorsOf(official, emitAtom(articles, makeSite())[0]!.text)).toEqual([]);
  });

  it('rejects a broken document (the official schema is really checking)', () => {
    const original = emitAtom([makeArticle()], makeSite())[0]!.text;
    const text = original.replace(/<id>tag:[^<]*<\/id>/, '');
    expect(text).not.toBe(original);
    expect(errorsOf(official, text)).not.toEqual([]);
  });
});
