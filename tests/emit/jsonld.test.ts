import type { Graph, NewsArticle } from 'schema-dts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { emitJsonLd, formatJsonLd, toJsonLdGraph, toNewsArticle } from '../../src/emit/jsonld.ts';
import type { Article } from '../../src/model/article.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const SITE = 'https://www.globaltimes.cn/';
const SAMPLE_URL = 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml';
const RICH_URL = 'https://www.globaltimes.cn/page/202409/rich-story.shtml';
const pixels = (value: number) => ({ '@type': 'QuantitativeValue', value, unitCode: 'E37' });

/** The graph as a consumer reads it: parsed back from the emitted file. */
type Node = Record<string, unknown>;
function graphOf(article: Article, site = makeSite()): Node[] {
  const [file] = emitJsonLd([article], site);
  return (JSON.parse(file!.text) as { '@graph': Node[] })['@graph'];
}
/** The nodes of a graph as plain records. */
const nodesIn = (graph: Graph): Node[] => graph['@graph'] as unknown as Node[];
const nodesOf = (graph: Node[], type: string) => graph.filter((n) => n['@type'] === type);
const nodeOf = (graph: Node[], type: string): Node => {
  const found = nodesOf(graph, type);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('toJsonLdGraph', () => {
  it('maps the sample-shaped article exactly: publisher as author, photo without URL left out, breadcrumbs, +08:00 kept', () => {
    const article = makeArticle();
    expect(toJsonLdGraph(article, makeSite())).toStrictEqual({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsArticle',
          '@id': `${SAMPLE_URL}#article`,
          headline: 'China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars',
          datePublished: '2024-09-04T21:03:00+08:00',
          dateModified: '2024-09-04T21:03:00+08:00',
          author: [{ '@id': `${SITE}#organization` }],
          publisher: { '@id': `${SITE}#organization` },
          mainEntityOfPage: { '@id': SAMPLE_URL },
          isPartOf: { '@id': SAMPLE_URL },
          url: SAMPLE_URL,
          articleSection: ['China', 'Society'],
          inLanguage: 'en',
          description: article.description,
          articleBody: `${article.paragraphs[0]}\n\n${article.paragraphs[1]}`,
          copyrightHolder: { '@id': `${SITE}#organization` },
          copyrightNotice: 'Copyright Global Times. All rights reserved.',
          copyrightYear: 2024,
          identifier: 'tag:globaltimes.cn,2024:article:cyberspace-governance',
          wordCount: 45,
        },
        {
          '@type': 'WebPage',
          '@id': SAMPLE_URL,
          url: SAMPLE_URL,
          name: article.headline,
          isPartOf: { '@id': `${SITE}#website` },
          inLanguage: 'en',
          datePublished: '2024-09-04T21:03:00+08:00',
          dateModified: '2024-09-04T21:03:00+08:00',
          breadcrumb: { '@id': `${SAMPLE_URL}#breadcrumb` },
          description: article.description,
        },
        {
          '@type': 'BreadcrumbList',
          '@id': `${SAMPLE_URL}#breadcrumb`,
          itemListElement: [
            { '@type': 'ListItem', position: 1, name: 'Global Times', item: SITE },
            { '@type': 'ListItem', position: 2, name: 'China', item: `${SITE}china/` },
            { '@type': 'ListItem', position: 3, name: 'Society', item: `${SITE}china/society/` },
            { '@type': 'ListItem', position: 4, name: article.headline, item: SAMPLE_URL },
          ],
        },
        {
          '@type': 'WebSite',
          '@id': `${SITE}#website`,
          url: SITE,
          name: 'Global Times',
          inLanguage: 'en',
          publisher: { '@id': `${SITE}#organization` },
        },
        {
          '@type': 'Organization',
          '@id': `${SITE}#organization`,
          name: 'Global Times',
          url: SITE,
          logo: {
            '@type': 'ImageObject',
            '@id': `${SITE}#logo`,
            url: 'https://www.globaltimes.cn/img/logo1.png',
            contentUrl: 'https://www.globaltimes.cn/img/logo1.png',
            width: pixels(600),
            height: pixels(60),
            caption: 'Global Times',
          },
        },
      ],
    });
  });

  it('maps the rich article: two Person nodes referenced as authors, two ImageObjects, dateline, keywords, dateModified', () => {
    const article = makeRichArticle();
    const graph = nodesIn(toJsonLdGraph(article, makeSite()));
    expect(graph.map((n) => n['@type'])).toStrictEqual(['NewsArticle', 'WebPage', 'ImageObject', 'ImageObject', 'BreadcrumbList', 'WebSite', 'Organization', 'Person', 'Person']);
    expect(nodeOf(graph, 'NewsArticle')).toMatchObject({
      '@id': `${RICH_URL}#article`,
      headline: 'Tariffs & trade: "<b>" is not a tag — 关税 (Zölle) ☕',
      datePublished: '2024-09-05T08:30:00+08:00',
      dateModified: '2024-09-05T10:15:00+08:00',
      author: [{ '@id': `${SITE}#/schema/person/liu-caiyu` }, { '@id': `${SITE}#/schema/person/zhang-han` }],
      image: [{ '@id': `${RICH_URL}#image-1` }, { '@id': `${RICH_URL}#image-2` }],
      keywords: ['trade', 'tariffs'],
      dateline: 'BEIJING',
      identifier: 'tag:globaltimes.cn,2024:article:rich-story',
    });
    expect(nodesOf(graph, 'Person')).toStrictEqual([
      // No url for Liu Caiyu, and no sameAs for anyone: neither is ever invented.
      { '@type': 'Person', '@id': `${SITE}#/schema/person/liu-caiyu`, name: 'Liu Caiyu' },
      { '@type': 'Person', '@id': `${SITE}#/schema/person/zhang-han`, name: 'Zhang Han', url: 'https://www.globaltimes.cn/author/zhang-han' },
    ]);
    expect(nodesOf(graph, 'ImageObject')).toStrictEqual([
      {
        '@type': 'ImageObject',
        '@id': `${RICH_URL}#image-1`,
        url: 'https://www.globaltimes.cn/photo/a.jpg',
        contentUrl: 'https://www.globaltimes.cn/photo/a.jpg',
        width: pixels(1200),
        height: pixels(675),
        caption: 'A port in Shanghai & ships <at> dawn.',
        creditText: 'Li Hao/GT',
        encodingFormat: 'image/jpeg',
      },
      {
        // The fixture's second photo has no credit, so no creditText.
        '@type': 'ImageObject',
        '@id': `${RICH_URL}#image-2`,
        url: 'https://www.globaltimes.cn/photo/b.png',
        contentUrl: 'https://www.globaltimes.cn/photo/b.png',
        width: pixels(800),
        height: pixels(800),
        caption: 'Second photo.',
        encodingFormat: 'image/png',
      },
    ]);
    expect(nodeOf(graph, 'WebPage')['primaryImageOfPage']).toStrictEqual({ '@id': `${RICH_URL}#image-1` });
  });

  it('numbers images among ALL photos, so a photo without URL keeps its number free', () => {
    const graph = graphOf(makeArticle({ images: [{ caption: 'No URL.' }, { url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'URL only.' }] }));
    expect(nodesOf(graph, 'ImageObject')).toStrictEqual([
      { '@type': 'ImageObject', '@id': `${SAMPLE_URL}#image-2`, url: 'https://www.globaltimes.cn/photo/c.jpg', contentUrl: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'URL only.' },
    ]);
    expect(nodeOf(graph, 'NewsArticle')['image']).toStrictEqual([{ '@id': `${SAMPLE_URL}#image-2` }]);
    expect(nodeOf(graph, 'WebPage')['primaryImageOfPage']).toStrictEqual({ '@id': `${SAMPLE_URL}#image-2` });
  });

  it('derives every @id from URLs, never from the headline: a corrected headline changes no id', () => {
    const ids = (article: Article) => JSON.stringify(graphOf(article)).match(/"@id":"[^"]*"/g);
    expect(ids(makeRichArticle({ headline: 'A corrected headline' }))).toStrictEqual(ids(makeRichArticle()));
    expect(ids(makeRichArticle())?.every((id) => !id.includes('tariffs'))).toBe(true);
  });

  it('puts exactly one NewsArticle in the graph, with @type a single string, so readers find it by type', () => {
    const graph = nodesIn(toJsonLdGraph(makeRichArticle(), makeSite()));
    expect(graph.filter((n) => n['@type'] === 'NewsArticle')).toStrictEqual([toNewsArticle(makeRichArticle(), makeSite())]);
  });

  it('emits no BreadcrumbList without sectionPermalink (section URLs are never guessed) or without sections', () => {
    const { sectionPermalink: _, ...siteWithoutSections } = makeSite();
    for (const graph of [graphOf(makeArticle(), siteWithoutSections), graphOf(makeArticle({ sections: [] }))]) {
      expect(nodesOf(graph, 'BreadcrumbList')).toStrictEqual([]);
      expect(Object.keys(nodeOf(graph, 'WebPage'))).not.toContain('breadcrumb');
    }
    expect(Object.keys(nodeOf(graphOf(makeArticle({ sections: [] })), 'NewsArticle'))).not.toContain('articleSection');
  });

  it('builds breadcrumbs from the section path prefixes with the configured pattern, non-ASCII percent-encoded', () => {
    const site = makeSite({ url: 'https://news.example.com/', name: 'Daily Example', sectionPermalink: '/sections/{path}' });
    const article = makeArticle({ url: 'https://news.example.com/a', sections: ['Welt', 'Öko Politik', '中国'] });
    expect(nodeOf(graphOf(article, site), 'BreadcrumbList')['itemListElement']).toStrictEqual([
      { '@type': 'ListItem', position: 1, name: 'Daily Example', item: 'https://news.example.com/' },
      { '@type': 'ListItem', position: 2, name: 'Welt', item: 'https://news.example.com/sections/welt' },
      { '@type': 'ListItem', position: 3, name: 'Öko Politik', item: 'https://news.example.com/sections/welt/%C3%B6ko-politik' },
      { '@type': 'ListItem', position: 4, name: '中国', item: 'https://news.example.com/sections/welt/%C3%B6ko-politik/%E4%B8%AD%E5%9B%BD' },
      { '@type': 'ListItem', position: 5, name: article.headline, item: 'https://news.example.com/a' },
    ]);
  });

  it('gives Person nodes site-wide ids from the name slug, percent-encoded like every other URL, one node per distinct name', () => {
    const graph = graphOf(makeRichArticle({ authors: [{ name: '王芳' }, { name: "Jane O'Hara" }, { name: "Jane O'Hara", url: 'https://www.globaltimes.cn/author/jane' }] }));
    expect(nodesOf(graph, 'Person')).toStrictEqual([
      { '@type': 'Person', '@id': `${SITE}#/schema/person/%E7%8E%8B%E8%8A%B3`, name: '王芳' },
      { '@type': 'Person', '@id': `${SITE}#/schema/person/jane-o-hara`, name: "Jane O'Hara", url: 'https://www.globaltimes.cn/author/jane' },
    ]);
    expect(nodeOf(graph, 'NewsArticle')['author']).toStrictEqual([{ '@id': `${SITE}#/schema/person/%E7%8E%8B%E8%8A%B3` }, { '@id': `${SITE}#/schema/person/jane-o-hara` }]);
  });

  it('names the image creator from front matter only: a Person node (shared with a byline of the same name), the publisher, or the copyright holder', () => {
    const site = makeSite({ copyright: { holder: 'Global Times Media Ltd', notice: '© Global Times Media Ltd' } });
    const photo = (n: number, extra: Partial<Article['images'][number]>) => ({ url: `https://www.globaltimes.cn/photo/${n}.jpg`, caption: `Photo ${n}.`, ...extra });
    const graph = graphOf(
      makeRichArticle({
        images: [
          photo(1, { creator: 'Zhang Han', copyright: '© 2024 Zhang Han' }),
          photo(2, { creator: 'Wang Fang' }),
          photo(3, { creator: 'Global Times' }),
          photo(4, { creator: 'Global Times Media Ltd' }),
          // A credit line is never parsed into a creator.
          photo(5, { credit: 'Li Hao/GT' }),
        ],
      }),
      site,
    );
    const images = nodesOf(graph, 'ImageObject');
    expect(images.map((i) => i['creator'])).toStrictEqual([
      { '@id': `${SITE}#/schema/person/zhang-han` },
      { '@id': `${SITE}#/schema/person/wang-fang` },
      { '@id': `${SITE}#organization` },
      { '@type': 'Organization', name: 'Global Times Media Ltd' },
      undefined,
    ]);
    expect(images[0]?.['copyrightNotice']).toBe('© 2024 Zhang Han');
    expect(images[4]).toMatchObject({ creditText: 'Li Hao/GT' });
    expect(nodesOf(graph, 'Person').map((p) => p['name'])).toStrictEqual(['Liu Caiyu', 'Zhang Han', 'Wang Fang']);
    // The photographer is not an author.
    expect(nodeOf(graph, 'NewsArticle')['author']).toHaveLength(2);
  });

  it('names another copyright holder as an Organization instead of referencing the publisher', () => {
    const result = toNewsArticle(makeArticle(), makeSite({ copyright: { holder: 'Xinhua', notice: '© Xinhua' } }));
    expect(result).toMatchObject({ copyrightHolder: { '@type': 'Organization', name: 'Xinhua' }, copyrightNotice: '© Xinhua' });
  });

  it('keeps other offsets and Z unchanged, and takes copyrightYear from the date in its own offset', () => {
    const node = toNewsArticle(makeArticle({ datePublished: '2024-12-31T23:59:59-05:00', dateModified: '2025-01-01T05:00:00Z' }), makeSite());
    expect(node).toMatchObject({ datePublished: '2024-12-31T23:59:59-05:00', dateModified: '2025-01-01T05:00:00Z', copyrightYear: 2024 });
    expect(toNewsArticle(makeArticle({ datePublished: '2025-01-01T00:30:00+08:00' }), makeSite())).toMatchObject({ copyrightYear: 2025 });
  });

  it('takes articleBody and wordCount from the plain-text blocks, never from the HTML', () => {
    const node = toNewsArticle(makeArticle({ paragraphs: ['Sub', 'A b c.'], bodyHtml: '<h2>Sub</h2>\n<p>A <em>b</em> <a href="https://example.com/x">c</a>.</p>' }), makeSite());
    expect(node).toMatchObject({ articleBody: 'Sub\n\nA b c.', wordCount: 4 });
  });

  it('counts words like a word processor: letter runs with inner apostrophes/hyphens, each Han/kana character', () => {
    const count = (...paragraphs: string[]) => toNewsArticle(makeArticle({ paragraphs }), makeSite()).wordCount;
    expect(count('One two three.')).toBe(3);
    expect(count("O'Hara's well-known 5.3 billion — “quoted” 25% & more", 'Second paragraph.')).toBe(9);
    expect(count('中国很好')).toBe(4);
    expect(count('Zölle in 中国 und ひらがな')).toBe(3 + 2 + 4);
    expect(count('— … !')).toBe(0);
  });

  it('omits absent optional fields entirely (no nulls, no empty arrays)', () => {
    const graph = graphOf(makeArticle({ sections: [], images: [], keywords: [] }));
    for (const key of ['articleSection', 'image', 'keywords', 'dateline']) expect(Object.keys(nodeOf(graph, 'NewsArticle'))).not.toContain(key);
    expect(Object.keys(nodeOf(graph, 'WebPage'))).not.toContain('primaryImageOfPage');
    expect(JSON.stringify(graph)).not.toMatch(/null|\[\]/);
  });

  it('is typed with schema-dts: Graph for the document, NewsArticle for the node', () => {
    expectTypeOf(toJsonLdGraph).returns.toEqualTypeOf<Graph>();
    expectTypeOf(toNewsArticle).returns.toEqualTypeOf<NewsArticle>();
    const typed: Graph = toJsonLdGraph(makeArticle(), makeSite());
    expect(typed['@context']).toBe('https://schema.org');
    // @ts-expect-error the model's headline is a string; emitters accept only the Article model
    const wrong = () => toJsonLdGraph({ ...makeArticle(), headline: 42 }, makeSite());
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
  it('writes one graph file per article at articles/<id>/article.jsonld with its source', () => {
    const files = emitJsonLd([makeRichArticle(), makeArticle()], makeSite());
    expect(files.map(({ path, format, sources }) => ({ path, format, sources }))).toStrictEqual([
      { path: 'articles/rich-story/article.jsonld', format: 'jsonld', sources: ['input/articles/rich-story.txt'] },
      { path: 'articles/cyberspace-governance/article.jsonld', format: 'jsonld', sources: ['input/articles/cyberspace-governance.txt'] },
    ]);
    for (const file of files) {
      expect(file.text.startsWith('{\n  "@context": "https://schema.org",\n  "@graph": [\n')).toBe(true);
      expect(file.text.endsWith('}\n')).toBe(true);
      expect(file.text.endsWith('\n\n')).toBe(false);
    }
  });

  it('emits nothing for no articles', () => {
    expect(emitJsonLd([], makeSite())).toStrictEqual([]);
  });

  it('round-trips a hostile headline (headline, page name, last breadcrumb) while the text has no <, > or &', () => {
    const headline = 'x </script ><!--<script> & "q" \u2028';
    const [file] = emitJsonLd([makeArticle({ headline })], makeSite());
    expect(file?.text).not.toMatch(/[<>&\u2028\u2029]/);
    const graph = (JSON.parse(file?.text ?? '') as { '@graph': Node[] })['@graph'];
    expect(nodeOf(graph, 'NewsArticle')['headline']).toBe(headline);
    expect(nodeOf(graph, 'WebPage')['name']).toBe(headline);
    expect((nodeOf(graph, 'BreadcrumbList')['itemListElement'] as Node[]).at(-1)?.['name']).toBe(headline);
    // The rich fixture's captions and headline carry & and < too.
    const [rich] = emitJsonLd([makeRichArticle()], makeSite());
    expect(rich?.text).not.toMatch(/[<>&]/);
    expect(JSON.parse(rich?.text ?? '')).toStrictEqual(toJsonLdGraph(makeRichArticle(), makeSite()));
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
