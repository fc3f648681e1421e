import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { afterEach, describe, expect, it } from 'vitest';
import { toHeadLines } from '../../src/emit/head.ts';
import { formatReadableDate, PAGE_STYLE } from '../../src/emit/htmlpage.ts';
import { emitIndexPage, toIndexHtml } from '../../src/emit/indexpage.ts';
import { emitJsonLd } from '../../src/emit/jsonld.ts';
import { emitPage, toPageHtml } from '../../src/emit/page.ts';
import type { Article } from '../../src/model/article.ts';
import { checkConsistency } from '../../src/validate/consistency.ts';
import { statedFacts, validateFile } from '../helpers/validate.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

/** The errors only: warnings about what the source lacks (a byline without a profile URL) are the article's, reported once by its JSON-LD. */
const errorsOf = (found: readonly { severity: string }[]) => found.filter((d) => d.severity === 'error');

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** Every element of a page as a browser's parser builds it, and its parse errors. */
function parsePage(text: string): { elements: Element[]; errors: string[] } {
  const errors: string[] = [];
  const doc = parse(text, { onParseError: (e) => void errors.push(`${e.code}@${e.startLine}:${e.startCol}`) });
  const elements: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if ('tagName' in child) {
        elements.push(child);
        visit(child);
      }
    }
  };
  visit(doc);
  return { elements, errors };
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
function textOf(node: ParentNode): string {
  return node.childNodes.map((n) => ('value' in n ? n.value : 'childNodes' in n ? textOf(n) : '')).join('');
}
const named = (elements: readonly Element[], tag: string) => elements.filter((e) => e.tagName === tag);

const site = makeSite();
const previousTz = process.env.TZ;
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe('toPageHtml', () => {
  it('writes the exact page for the sample-shaped article', () => {
    const article = makeArticle();
    const [p1, p2] = article.paragraphs as [string, string];
    expect(toPageHtml(article, site)).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars — Global Times</title>',
        ...toHeadLines(article, site),
        `<style>\n${PAGE_STYLE}\n</style>`,
        '</head>',
        '<body>',
        '<header class="site"><a href="https://www.globaltimes.cn/">Global Times</a></header>',
        '<nav aria-label="Breadcrumb"><ol><li><a href="https://www.globaltimes.cn/">Global Times</a></li><li><a href="https://www.globaltimes.cn/china/">China</a></li><li><a href="https://www.globaltimes.cn/china/society/">Society</a></li><li aria-current="page">China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars</li></ol></nav>',
        '<main>',
        '<article>',
        '<header>',
        '<h1>China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars</h1>',
        '<p class="meta"><time class="published" datetime="2024-09-04T21:03:00+08:00">Published 4 September 2024, 21:03 GMT+8</time></p>',
        '<p class="byline">By <a class="author" rel="author" href="https://www.globaltimes.cn/">Global Times</a></p>',
        '</header>',
        `<figure class="photo"><figcaption>${article.images[0]!.caption} <span class="credit">Photo: Liu Caiyu/GT</span></figcaption></figure>`,
        '<div class="body">',
        `<p>${p1}</p>\n<p>${p2}</p>`,
        '</div>',
        '</article>',
        '</main>',
        '<footer>',
        '<p>Copyright Global Times. All rights reserved.</p>',
        '<p>Feeds: <a href="https://www.globaltimes.cn/syndication/rss.xml" type="application/rss+xml">RSS</a> · <a href="https://www.globaltimes.cn/syndication/atom.xml" type="application/atom+xml">Atom</a> · <a href="https://www.globaltimes.cn/syndication/feed.json" type="application/feed+json">JSON Feed</a> · <a href="https://www.globaltimes.cn/syndication/sections/china/rss.xml" type="application/rss+xml">China: RSS</a> · <a href="https://www.globaltimes.cn/syndication/sections/china/atom.xml" type="application/atom+xml">China: Atom</a></p>',
        '</footer>',
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    );
  });

  it('writes the rich article: dateline, both times, linked byline, correction, figures with size, alt and credit', () => {
    const article = makeRichArticle({ correction: 'An earlier version misspelled <b> & more.' });
    const text = toPageHtml(article, site);
    const h = '<h1>Tariffs &amp; trade: "&lt;b&gt;" is not a tag — 关税 (Zölle) ☕</h1>';
    expect(text).toContain(
      [
        h,
        '<p class="meta"><span class="dateline">BEIJING</span> · <time class="published" datetime="2024-09-05T08:30:00+08:00">Published 5 September 2024, 08:30 GMT+8</time> · <time class="updated" datetime="2024-09-05T10:15:00+08:00">Updated 5 September 2024, 10:15 GMT+8</time></p>',
        '<p class="byline">By <span class="author">Liu Caiyu</span> and <a class="author" rel="author" href="https://www.globaltimes.cn/author/zhang-han">Zhang Han</a></p>',
        '</header>',
        '<p class="correction" role="note"><strong>Correction:</strong> An earlier version misspelled &lt;b&gt; &amp; more.</p>',
        '<figure class="photo"><img src="https://www.globaltimes.cn/photo/a.jpg" alt="A port in Shanghai &amp; ships &lt;at&gt; dawn." width="1200" height="675"><figcaption>A port in Shanghai &amp; ships &lt;at&gt; dawn. <span class="credit">Photo: Li Hao/GT</span></figcaption></figure>',
        '<figure class="photo"><img src="https://www.globaltimes.cn/photo/b.png" alt="Second photo." width="800" height="800"><figcaption>Second photo.</figcaption></figure>',
      ].join('\n'),
    );
    expect(text).toContain('<title>Tariffs &amp; trade: "&lt;b&gt;" is not a tag — 关税 (Zölle) ☕ — Global Times</title>');
    const { elements, errors } = parsePage(text);
    expect(errors).toEqual([]);
    expect(named(elements, 'h1').map(textOf)).toEqual([article.headline]);
    expect(named(elements, 'img').map((e) => attr(e, 'alt'))).toEqual(['A port in Shanghai & ships <at> dawn.', 'Second photo.']);
    expect(named(elements, 'time').map((e) => attr(e, 'datetime'))).toEqual(['2024-09-05T08:30:00+08:00', '2024-09-05T10:15:00+08:00']);
  });

  it('shows no update when dateModified equals datePublished; names a byline with commas outside English', () => {
    const article = makeRichArticle({ dateModified: '2024-09-05T08:30:00+08:00', language: 'de', authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    const text = toPageHtml(article, site);
    expect(text).not.toContain('class="updated"');
    expect(text).toContain('<html lang="de">');
    expect(text).toContain('<p class="byline">By <span class="author">A</span>, <span class="author">B</span>, <span class="author">C</span></p>');
    expect(toPageHtml(makeRichArticle({ authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }), site)).toContain(
      '<p class="byline">By <span class="author">A</span>, <span class="author">B</span> and <span class="author">C</span></p>',
    );
  });

  it('writes section names without links when sectionPermalink is not configured', () => {
    const { sectionPermalink: _, ...rest } = makeSite();
    const text = toPageHtml(makeArticle(), rest);
    expect(text).toContain('<nav aria-label="Breadcrumb"><ol><li><a href="https://www.globaltimes.cn/">Global Times</a></li><li>China</li><li>Society</li><li aria-current="page">');
  });

  it('moves body headings one level down so the headline is the only <h1>, and keeps the rest of the body as it is', () => {
    const bodyHtml = '<h1 id="x">One</h1>\n<p>Text with <a href="https://example.com/h1">h1</a> &lt;h1&gt;</p>\n<h2>Two</h2><h6>Six</h6><img src="https://example.com/a.png" alt="" />';
    const text = toPageHtml(makeArticle({ bodyHtml }), site);
    expect(text).toContain('<div class="body">\n<h2 id="x">One</h2>\n<p>Text with <a href="https://example.com/h1">h1</a> &lt;h1&gt;</p>\n<h3>Two</h3><h6>Six</h6><img src="https://example.com/a.png" alt="" />\n</div>');
    const { elements, errors } = parsePage(text);
    expect(errors).toEqual([]);
    expect(named(elements, 'h1')).toHaveLength(1);
  });

  it('puts each table in a box that scrolls sideways, and leaves text that only looks like a table alone', () => {
    const table = '<table>\n<thead>\n<tr>\n<th style="text-align:right">A</th>\n</tr>\n</thead>\n</table>';
    const bodyHtml = `<p>&lt;table&gt; in text</p>\n${table}\n<blockquote>\n${table}\n</blockquote>`;
    const text = toPageHtml(makeArticle({ bodyHtml }), site);
    const boxed = `<div class="table">${table}</div>`;
    expect(text).toContain(`<div class="body">\n<p>&lt;table&gt; in text</p>\n${boxed}\n<blockquote>\n${boxed}\n</blockquote>\n</div>`);
    const { elements, errors } = parsePage(text);
    expect(errors).toEqual([]);
    expect(named(elements, 'table').map((t) => (t.parentNode as Element).attrs)).toEqual([[{ name: 'class', value: 'table' }], [{ name: 'class', value: 'table' }]]);
    // Without a table the body is as sanitised.
    expect(toPageHtml(makeArticle({ bodyHtml: '<p>a</p>' }), site)).toContain('<div class="body">\n<p>a</p>\n</div>');
  });

  it('styles tables, strikethrough and footnotes in the inline style sheet', () => {
    for (const rule of ['.table{overflow-x:auto', 'th,td{border:1px solid', 'th{text-align:start', 'del{', 'sup{line-height:0}', '.body>hr+ol:last-child{']) expect(PAGE_STYLE).toContain(rule);
  });

  it('escapes a hostile headline: no script runs from it, the JSON-LD parses to the article.jsonld graph', () => {
    const HOSTILE = '</script ><!--<script>alert(1)</script>';
    const article = makeRichArticle({ headline: HOSTILE, correction: HOSTILE, dateline: HOSTILE, authors: [{ name: HOSTILE }] });
    const { elements, errors } = parsePage(toPageHtml(article, site));
    expect(errors).toEqual([]);
    const scripts = named(elements, 'script');
    expect(scripts.map((s) => attr(s, 'type'))).toEqual(['application/ld+json']);
    expect(JSON.parse(textOf(scripts[0]!))).toStrictEqual(JSON.parse(emitJsonLd([article], site)[0]!.text));
    expect(named(elements, 'h1').map(textOf)).toEqual([HOSTILE]);
    expect(textOf(named(elements, 'title')[0]!)).toBe(`${HOSTILE} — Global Times`);
  });
});

describe('formatReadableDate', () => {
  it.each([
    ['2024-09-04T21:03:00+08:00', '4 September 2024, 21:03 GMT+8'],
    ['2024-01-31T00:05:59Z', '31 January 2024, 00:05 GMT'],
    ['2024-12-01T09:30:00+05:30', '1 December 2024, 09:30 GMT+5:30'],
    ['2024-03-10T23:59:00-03:00', '10 March 2024, 23:59 GMT-3'],
    ['2024-06-15T12:00:00+00:00', '15 June 2024, 12:00 GMT'],
    ['2024-06-15T12:00:00.250-09:45', '15 June 2024, 12:00 GMT-9:45'],
  ])('%s → %s, in any time zone', (input, expected) => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      expect(formatReadableDate(input)).toBe(expected);
    }
  });
});

describe('emitPage', () => {
  it('writes articles/<id>/index.html per article that its validator passes and that states what article.jsonld states', () => {
    const articles = [makeRichArticle({ correction: 'Fixed.' }), makeArticle()];
    const pages = emitPage(articles, site);
    expect(pages.map((f) => [f.path, f.format])).toEqual([
      ['articles/rich-story/index.html', 'page'],
      ['articles/cyberspace-governance/index.html', 'page'],
    ]);
    for (const page of pages) expect(errorsOf(validateFile(page, site))).toEqual([]);
    expect(checkConsistency(statedFacts([...emitJsonLd(articles, site), ...pages], site))).toEqual([]);
  });

  it('gives the same bytes in any time zone', () => {
    const texts = ['UTC', 'America/New_York', 'Australia/Eucla'].map((tz) => {
      process.env.TZ = tz;
      return [...emitPage([makeRichArticle(), makeArticle()], site), ...emitIndexPage([makeRichArticle(), makeArticle()], site)].map((f) => f.text).join('');
    });
    expect(new Set(texts).size).toBe(1);
  });
});

describe('toIndexHtml', () => {
  const older = makeArticle({ id: 'older', datePublished: '2024-09-01T08:00:00+08:00', headline: 'Older <one>' });

  it('lists the site feed\'s articles newest first with relative links, dates and descriptions; canonical is the site URL', () => {
    const text = toIndexHtml([older, makeArticle(), makeRichArticle()], site);
    const { elements, errors } = parsePage(text);
    expect(errors).toEqual([]);
    expect(named(elements, 'h2').map(textOf)).toEqual([makeRichArticle().headline, makeArticle().headline, 'Older <one>']);
    expect(named(elements, 'a').filter((a) => attr(a, 'href')?.startsWith('articles/')).map((a) => attr(a, 'href'))).toEqual([
      'articles/rich-story/',
      'articles/cyberspace-governance/',
      'articles/older/',
    ]);
    expect(text).toContain('<p class="meta"><time datetime="2024-09-01T08:00:00+08:00">1 September 2024, 08:00 GMT+8</time></p>');
    expect(text).toContain('<link rel="canonical" href="https://www.globaltimes.cn/">');
    expect(text).toContain('<meta property="og:type" content="website">');
    expect(text).not.toContain('ld+json');
    expect(text.match(/rel="alternate"/g)).toHaveLength(3);
    expect(named(elements, 'h1').map(textOf)).toEqual(['Global Times']);
  });

  it('takes at most site.feed.limit articles, as the site feed does', () => {
    const limited = makeSite({ feed: { ...makeSite().feed, limit: 2 } });
    const [file] = emitIndexPage([older, makeArticle(), makeRichArticle()], limited);
    expect(file!.text).not.toContain('articles/older/');
    expect(file!.sources).toEqual(['input/articles/rich-story.txt', 'input/articles/cyberspace-governance.txt']);
    expect(file!.path).toBe('index.html');
    expect(file!.format).toBe('index');
    expect(errorsOf(validateFile(file!, limited))).toEqual([]);
  });

  it('says there are no articles when there are none, and is still a valid page', () => {
    const [file] = emitIndexPage([] as Article[], site);
    expect(file!.text).toContain('<p>No articles yet.</p>');
    expect(errorsOf(validateFile(file!, site))).toEqual([]);
  });
});
