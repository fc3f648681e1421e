import type { NewsArticle, WithContext } from 'schema-dts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { emitJsonLd, formatJsonLd, toNewsArticle } from '../../src/emit/jsonld.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const publisher = {
  '@type': 'Organization',
  '@id': 'https://www.globaltimes.cn/#organization',
  name: 'Global Times',
  url: 'https://www.globaltimes.cn/',
  logo: {
    '@type': 'ImageObject',
    url: 'https://www.globaltimes.cn/img/logo1.png',
    width: { '@type': 'QuantitativeValue', value: 600, unitCode: 'E37' },
    height: { '@type': 'QuantitativeValue', value: 60, unitCode: 'E37' },
  },
};

describe('toNewsArticle', () => {
  it('maps the sample-shaped article exactly: publisher as author, no image, +08:00 kept', () => {
    const article = makeArticle();
    expect(toNewsArticle(article, makeSite())).toStrictEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml#article',
      headline: 'China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars',
      datePublished: '2024-09-04T21:03:00+08:00',
      dateModified: '2024-09-04T21:03:00+08:00',
      author: [{ '@type': 'Organization', '@id': 'https://www.globaltimes.cn/#organization', name: 'Global Times', url: 'https://www.globaltimes.cn/' }],
      publisher,
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml' },
      url: 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml',
      articleSection: ['China', 'Society'],
      inLanguage: 'en',
      description: article.description,
      articleBody: `${article.paragraphs[0]}\n\n${article.paragraphs[1]}`,
      copyrightHolder: { '@id': 'https://www.globaltimes.cn/#organization' },
      copyrightNotice: 'Copyright Global Times. All rights reserved.',
      identifier: 'tag:globaltimes.cn,2024:article:cyberspace-governance',
    });
  });

  it('maps the rich article exactly: two Persons, two ImageObjects, dateline, keywords, dateModified', () => {
    const article = makeRichArticle();
    expect(toNewsArticle(article, makeSite())).toStrictEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': 'https://www.globaltimes.cn/page/202409/rich-story.shtml#article',
      headline: 'Tariffs & trade: "<b>" is not a tag — 关税 (Zölle) ☕',
      datePublished: '2024-09-05T08:30:00+08:00',
      dateModified: '2024-09-05T10:15:00+08:00',
      author: [
        { '@type': 'Person', name: 'Liu Caiyu' },
        { '@type': 'Person', name: 'Zhang Han', url: 'https://www.globaltimes.cn/author/zhang-han' },
      ],
      publisher,
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://www.globaltimes.cn/page/202409/rich-story.shtml' },
      url: 'https://www.globaltimes.cn/page/202409/rich-story.shtml',
      articleSection: ['China', 'Society'],
      inLanguage: 'en',
      description: article.description,
      articleBody: article.paragraphs.join('\n\n'),
      image: [
        {
          '@type': 'ImageObject',
          url: 'https://www.globaltimes.cn/photo/a.jpg',
          contentUrl: 'https://www.globaltimes.cn/photo/a.jpg',
          width: { '@type': 'QuantitativeValue', value: 1200, unitCode: 'E37' },
          height: { '@type': 'QuantitativeValue', value: 675, unitCode: 'E37' },
          caption: 'A port in Shanghai & ships <at> dawn.',
          creditText: 'Li Hao/GT',
          encodingFormat: 'image/jpeg',
        },
        {
          // The fixture's second photo has no credit, so no creditText.
          '@type': 'ImageObject',
          url: 'https://www.globaltimes.cn/photo/b.png',
          contentUrl: 'https://www.globaltimes.cn/photo/b.png',
          width: { '@type': 'QuantitativeValue', value: 800, unitCode: 'E37' },
          height: { '@type': 'QuantitativeValue', value: 800, unitCode: 'E37' },
          caption: 'Second photo.',
          encodingFormat: 'image/png',
        },
      ],
      copyrightHolder: { '@id': 'https://www.globaltimes.cn/#organization' },
      copyrightNotice: 'Copyright Global Times. All rights reserved.',
      keywords: ['trade', 'tariffs'],
      dateline: 'BEIJING',
      identifier: 'tag:globaltimes.cn,2024:article:rich-story',
    });
  });

  it('omits absent optional fields entirely (no nulls, no empty arrays)', () => {
    const article = makeArticle({ sections: [], images: [], keywords: [] });
    const result = toNewsArticle(article, makeSite());
    for (const key of ['articleSection', 'image', 'keywords', 'dateline']) expect(Object.keys(result)).not.toContain(key);
    expect(JSON.stringify(result)).not.toMatch(/null|\[\]/);
  });

  it('keeps only the photos that have a URL, and only the fields each photo has', () => {
    const article = makeArticle({
      images: [
        { caption: 'No URL.' },
        { url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'URL only.' },
      ],
    });
    expect(toNewsArticle(article, makeSite()).image).toStrictEqual([
      { '@type': 'ImageObject', url: 'https://www.globaltimes.cn/photo/c.jpg', contentUrl: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'URL only.' },
    ]);
  });

  it('names another copyright holder as an Organization instead of referencing the publisher', () => {
    const site = makeSite({ copyright: { holder: 'Xinhua', notice: '© Xinhua' } });
    const result = toNewsArticle(makeArticle(), site);
    expect(result.copyrightHolder).toStrictEqual({ '@type': 'Organization', name: 'Xinhua' });
    expect(result.copyrightNotice).toBe('© Xinhua');
  });

  it('keeps other offsets and Z unchanged', () => {
    const result = toNewsArticle(makeArticle({ datePublished: '2024-01-31T23:59:59-05:00', dateModified: '2024-02-01T05:00:00Z' }), makeSite());
    expect([result.datePublished, result.dateModified]).toStrictEqual(['2024-01-31T23:59:59-05:00', '2024-02-01T05:00:00Z']);
  });

  it('is typed as schema-dts WithContext<NewsArticle>', () => {
    expectTypeOf(toNewsArticle).returns.toExtend<WithContext<NewsArticle>>();
    const typed: WithContext<NewsArticle> = toNewsArticle(makeArticle(), makeSite());
    expect(typed['@context']).toBe('https://schema.org');
    // @ts-expect-error the model's headline is a string; emitters accept only the Article model
    const wrong = () => toNewsArticle({ ...makeArticle(), headline: 42 }, makeSite());
    expect(typeof wrong).toBe('function');
  });
});

describe('formatJsonLd', () => {
  const hostile = 'x </script ><!--<script> & "q" \u2028 \u2029 </SCRIPT/>';

  it('escapes <, >, &, U+2028 and U+2029 so the text is safe in <script>, and parses back unchanged', () => {
    const text = formatJsonLd({ headline: hostile });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script \\u003e\\u003c!--\\u003cscript\\u003e \\u0026 \\"q\\" \\u2028 \\u2029');
    expect(JSON.parse(text)).toStrictEqual({ headline: hostile });
  });

  it('never HTML-escapes values', () => {
    const text = formatJsonLd({ a: 'Tom & Jerry' });
    expect(text).not.toContain('&amp;');
    expect(JSON.parse(text)).toStrictEqual({ a: 'Tom & Jerry' });
  });

  it('pretty-prints with two spaces and ends with exactly one newline', () => {
    expect(formatJsonLd({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });

  it('refuses a value JSON cannot represent (programmer error)', () => {
    expect(() => formatJsonLd(undefined)).toThrow(TypeError);
  });
});

describe('emitJsonLd', () => {
  it('writes one file per article at articles/<id>/article.jsonld with its source', () => {
    const files = emitJsonLd([makeRichArticle(), makeArticle()], makeSite());
    expect(files.map(({ path, format, sources }) => ({ path, format, sources }))).toStrictEqual([
      { path: 'articles/rich-story/article.jsonld', format: 'jsonld', sources: ['input/articles/rich-story.txt'] },
      { path: 'articles/cyberspace-governance/article.jsonld', format: 'jsonld', sources: ['input/articles/cyberspace-governance.txt'] },
    ]);
    for (const file of files) {
      expect(file.text.endsWith('}\n')).toBe(true);
      expect(file.text.endsWith('\n\n')).toBe(false);
    }
  });

  it('emits nothing for no articles', () => {
    expect(emitJsonLd([], makeSite())).toStrictEqual([]);
  });

  it('round-trips a hostile headline through the file text while the text has no <, > or &', () => {
    const headline = 'x </script ><!--<script> & "q" \u2028';
    const [file] = emitJsonLd([makeArticle({ headline })], makeSite());
    expect(file?.text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(file?.text ?? '').headline).toBe(headline);
    // The rich fixture's captions and headline carry & and < too.
    const [rich] = emitJsonLd([makeRichArticle()], makeSite());
    expect(rich?.text).not.toMatch(/[<>&]/);
    expect(JSON.parse(rich?.text ?? '')).toStrictEqual(toNewsArticle(makeRichArticle(), makeSite()));
  });

  it('is deterministic: same input, same bytes, whatever the machine time zone', () => {
    const run = () => emitJsonLd([makeRichArticle(), makeArticle()], makeSite()).map((f) => f.text);
    const first = run();
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(run()).toStrictEqual(first);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
