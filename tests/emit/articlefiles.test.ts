import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitArticleFiles, type ArticleFormat } from '../../src/emit/articlefiles.ts';
import { emitHead } from '../../src/emit/head.ts';
import { emitJsonLd } from '../../src/emit/jsonld.ts';
import { emitNewsml } from '../../src/emit/newsml.ts';
import { emitNinjs } from '../../src/emit/ninjs.ts';
import { emitPage } from '../../src/emit/page.ts';
import type { Article } from '../../src/model/article.ts';
import type { Emitter } from '../../src/model/output.ts';
import { PARAMS, hostileText } from '../helpers/arbitraries.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const FORMATS: readonly ArticleFormat[] = ['jsonld', 'newsml', 'ninjs', 'head', 'page'];
const EMITTERS: Record<ArticleFormat, Emitter> = { jsonld: emitJsonLd, newsml: emitNewsml, ninjs: emitNinjs, head: emitHead, page: emitPage };

/** What the five emitters write for the article when each is called on its own. */
const oneByOne = (formats: readonly ArticleFormat[], article: Article, site = makeSite()) => formats.flatMap((format) => EMITTERS[format]([article], site));

describe('emitArticleFiles (the JSON-LD built once, shared by the head snippet and the page)', () => {
  const articles: [string, Article][] = [
    ['the sample', makeArticle()],
    ['a rich story', makeRichArticle()],
    ['a corrected version', makeRichArticle({ version: 3, signal: 'correction', correction: 'An earlier version misspelt a name.' })],
    ['a withdrawn story', makeRichArticle({ version: 2, signal: 'withdrawal', status: 'withdrawn', withdrawalReason: 'Legal advice.' })],
    ['an embargoed story', makeRichArticle({ embargo: '2024-09-06T08:00:00+08:00' })],
    ['text no output carries', makeRichArticle({ headline: 'Bell\u0007 \uD800 \uFFFE \u0085 & </script>', description: 'a\u0001b', paragraphs: ['x\u0002y'] })],
  ];

  it.each(articles)('writes exactly what the five emitters write one by one: %s', (_name, article) => {
    expect(emitArticleFiles(FORMATS, article, makeSite())).toStrictEqual(oneByOne(FORMATS, article));
  });

  it('writes only the formats asked for, in their order', () => {
    const article = makeRichArticle();
    expect(emitArticleFiles(['page', 'newsml'], article, makeSite())).toStrictEqual(oneByOne(['page', 'newsml'], article));
    expect(emitArticleFiles(['head'], article, makeSite())).toStrictEqual(oneByOne(['head'], article));
    expect(emitArticleFiles([], article, makeSite())).toStrictEqual([]);
  });

  it('keeps nothing between calls: a changed article or site gives its own texts', () => {
    const site = makeSite();
    const article = makeRichArticle();
    const first = emitArticleFiles(FORMATS, article, site);
    const changed = { ...article, headline: 'Another headline' };
    expect(emitArticleFiles(FORMATS, changed, site)).toStrictEqual(oneByOne(FORMATS, changed, site));
    const renamed = makeSite({ name: 'Another Times' });
    expect(emitArticleFiles(FORMATS, article, renamed)).toStrictEqual(oneByOne(FORMATS, article, renamed));
    expect(emitArticleFiles(FORMATS, article, site)).toStrictEqual(first);
  });

  it('property: the same bytes as the emitters one by one, for any headline, description and paragraphs', () => {
    fc.assert(
      fc.property(hostileText(), hostileText(), fc.array(hostileText(), { minLength: 1, maxLength: 3 }), (headline, description, paragraphs) => {
        const article = makeRichArticle({ headline, description, paragraphs });
        expect(emitArticleFiles(FORMATS, article, makeSite())).toStrictEqual(oneByOne(FORMATS, article));
      }),
      { ...PARAMS, numRuns: Math.min(PARAMS.numRuns, 60) },
    );
  });
});
