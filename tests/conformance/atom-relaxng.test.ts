import type { RelaxNGValidator } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAtom } from '../../src/emit/atom.ts';
import type { Article, Image } from '../../src/model/article.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { haveOfficialSchemas } from '../helpers/official.ts';
import { loadOfficialAtomRng, officialErrors } from '../helpers/official-validators.ts';

const completePhoto: Image = { ...makeRichArticle().images[0]!, byteLength: 48213, creator: 'Li Hao', copyright: '© Global Times' };

/** Our Atom output (site and section feeds) for the fixtures and variants that exercise optional parts. */
const variants: [string, Article[]][] = [
  ['sample (no byline, photo without URL)', [makeArticle()]],
  ['rich (bylines, update, two photos, nasty headline)', [makeRichArticle()]],
  ['rich with Media RSS and an enclosure link', [makeRichArticle({ images: [completePhoto, makeRichArticle().images[1]!] })]],
  [
    'several articles, one in another language and one without sections',
    [makeRichArticle(), makeArticle(), makeArticle({ id: 'third', datePublished: '2024-09-03T10:00:00+08:00', language: 'zh-CN', sections: [], authors: [{ name: '刘彩玉' }] })],
  ],
  ['headline with ]]> and a section with < and &', [makeArticle({ headline: 'a ]]> b ]]> c', sections: ['Q&A', 'A<B'] })]],
  ['no articles', []],
];

describe.skipIf(!haveOfficialSchemas)('Atom output against the official RFC 4287 RELAX NG schema', () => {
  let official: RelaxNGValidator;

  beforeAll(() => {
    official = loadOfficialAtomRng();
  });

  afterAll(() => official?.dispose());

  it.each(variants)('%s: every feed is valid', (_name, articles) => {
    const files = emitAtom(articles, makeSite());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(officialErrors(official, file.text), file.path).toEqual([]);
  });

  it('rejects a broken document (the official schema is really checking)', () => {
    const original = emitAtom([makeArticle()], makeSite())[0]!.text;
    const text = original.replace(/<id>tag:[^<]*<\/id>/, '');
    expect(text).not.toBe(original);
    expect(officialErrors(official, text)).not.toEqual([]);
  });
});
