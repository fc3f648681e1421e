import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { emitNewsSitemap, toNewsLanguage } from '../../src/emit/sitemap.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { validateFile } from '../helpers/validate.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const NS = { s: 'http://www.sitemaps.org/schemas/sitemap/0.9', news: 'http://www.google.com/schemas/sitemap-news/0.9' };

/** A build time 3.5 h after the rich article and 15 h after the sample article (both within two days). */
const NOW = '2024-09-05T12:00:00+08:00';

function emit(articles: readonly Article[], now = NOW, site = makeSite()): OutputFile {
  const files = emitNewsSitemap(articles, site, { now });
  expect(files).toHaveLength(1);
  return files[0]!;
}

/** Runs `read` on the parsed document (libxml2 refuses anything not well-formed), then frees it. */
function query<T>(text: string, read: (doc: XmlDocument) => T): T {
  const doc = XmlDocument.fromString(text);
  try {
    return read(doc);
  } finally {
    doc.dispose();
  }
}

function texts(text: string, xpath: string): string[] {
  return query(text, (doc) => doc.find(xpath, NS).map((n) => n.content));
}

function locs(text: string): string[] {
  return texts(text, '/s:urlset/s:url/s:loc');
}

/** An article published `secondsBefore` seconds before `now` (in UTC+8, to show instants are compared). */
function publishedBefore(id: string, now: string, secondsBefore: number): Article {
  const instant = new Date(Date.parse(now) - secondsBefore * 1000);
  const local = new Date(instant.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
  return makeArticle({ id, guid: `tag:globaltimes.cn,2024:article:${id}`, source: `input/articles/${id}.txt`, url: `https://www.globaltimes.cn/page/${id}.shtml`, datePublished: local });
}

const EMPTY_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"/>
`;

const TWO_ARTICLES = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://www.globaltimes.cn/page/202409/rich-story.shtml</loc>
    <news:news>
      <news:publication>
        <news:name>Global Times</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>2024-09-05T08:30:00+08:00</news:publication_date>
      <news:title>Tariffs &amp; trade: "&lt;b&gt;" is not a tag — 关税 (Zölle) ☕</news:title>
    </news:news>
  </url>
  <url>
    <loc>https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml</loc>
    <news:news>
      <news:publication>
        <news:name>Global Times</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>2024-09-04T21:03:00+08:00</news:publication_date>
      <news:title>China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars</news:title>
    </news:news>
  </url>
</urlset>
`;

describe('emitNewsSitemap', () => {
  it('writes recent articles exactly (golden document), newest first, with the publisher offset kept', () => {
    const file = emit([makeArticle(), makeRichArticle()]);
    expect(file).toMatchObject({ path: 'news-sitemap.xml', format: 'sitemap', sources: ['input/articles/rich-story.txt', 'input/articles/cyberspace-governance.txt'] });
    expect(file.text).toBe(TWO_ARTICLES);
    expect(validateFile(file, makeSite())).toEqual([]);
  });

  it('writes an empty <urlset> with both namespaces for the sample at 2026-11-27T12:00:00Z (its article is old)', () => {
    const file = emit([makeArticle()], '2026-11-27T12:00:00Z');
    expect(file.text).toBe(EMPTY_SITEMAP);
    expect(file.sources).toEqual([]);
    expect(validateFile(file, makeSite())).toEqual([]);
  });

  it('keeps exactly 48 h before now (closed window) and leaves out 48 h + 1 s before', () => {
    const now = '2024-09-10T00:00:00Z';
    const edge = publishedBefore('edge', now, 48 * 3600);
    const outside = publishedBefore('outside', now, 48 * 3600 + 1);
    expect(edge.datePublished).toBe('2024-09-08T08:00:00+08:00');
    expect(locs(emit([edge, outside], now).text)).toEqual([edge.url]);
    expect(locs(emit([outside], now).text)).toEqual([]);
  });

  it('keeps an article published exactly at now and leaves out one a second after now', () => {
    const now = '2024-09-10T00:00:00Z';
    const atNow = publishedBefore('at-now', now, 0);
    const future = publishedBefore('future', now, -1);
    expect(locs(emit([future, atNow], now).text)).toEqual([atNow.url]);
    expect(locs(emit([future], now).text)).toEqual([]);
  });

  it('compares instants, not wall-clock strings: now given with another offset', () => {
    // 2024-09-05T12:00:00+08:00 is 04:00Z; the rich article (08:30+08:00 = 00:30Z) is before it.
    expect(locs(emit([makeRichArticle()], '2024-09-05T04:00:00Z').text)).toEqual([makeRichArticle().url]);
    // 00:29:59Z is before the rich article was published.
    expect(locs(emit([makeRichArticle()], '2024-09-05T00:29:59Z').text)).toEqual([]);
  });

  it('caps the sitemap at the 1,000 newest of 1,001 recent articles, ties broken by id', () => {
    const now = '2024-09-10T00:00:00Z';
    // Two articles per minute: pairs share a publication time, so ties are broken by id.
    const articles = Array.from({ length: 1001 }, (_, i) => publishedBefore(`a${String(1000 - i).padStart(4, '0')}`, now, Math.floor(i / 2) * 60));
    const file = emit([...articles].reverse(), now);
    const listed = locs(file.text);
    expect(listed).toHaveLength(1000);
    expect(listed[0]).toBe('https://www.globaltimes.cn/page/a0999.shtml'); // a0999 < a1000 at the same time
    expect(listed[1]).toBe('https://www.globaltimes.cn/page/a1000.shtml');
    expect(listed).not.toContain('https://www.globaltimes.cn/page/a0000.shtml'); // the oldest, the 1,001st
    expect(file.sources).toHaveLength(1000);
    expect(validateFile(file, makeSite())).toEqual([]);
  });

  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['fil', 'fil'],
    ['zh', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-Hans-HK', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-TW', 'zh-tw'],
    ['zh-Hant', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-MO', 'zh-tw'],
    ['zh-Hant-CN', 'zh-tw'],
  ])('toNewsLanguage(%j) is %j', (tag, code) => {
    expect(toNewsLanguage(tag)).toBe(code);
  });

  it.each([
    ['zh-CN', 'zh-cn'],
    ['zh-Hant', 'zh-tw'],
  ])('writes <news:language> for a %s publication as %s, and the validator accepts it', (language, code) => {
    const site = makeSite({ language });
    const file = emit([makeRichArticle({ language })], NOW, site);
    expect(texts(file.text, '//news:language')).toEqual([code]);
    expect(validateFile(file, site)).toEqual([]);
  });

  it('reads entity-like text back exactly: "&nbsp;", "AT&T;", "&amp;", "<b>" in the title and the name', () => {
    const headline = 'AT&T; says &nbsp; and &amp; are text, <b>not</b> markup';
    const site = makeSite({ name: 'News &amp; Views &nbsp;' });
    const file = emit([makeRichArticle({ headline })], NOW, site);
    expect(file.text).not.toContain('&nbsp;');
    expect(texts(file.text, '//news:title')).toEqual([headline]);
    expect(texts(file.text, '//news:name')).toEqual(['News &amp; Views &nbsp;']);
  });

  it('drops characters XML 1.0 forbids, so the document stays well-formed', () => {
    const file = emit([makeRichArticle({ headline: 'Bell\u0007 and \uFFFF gone' })]);
    expect(texts(file.text, '//news:title')).toEqual(['Bell and  gone']);
  });

  it('is deterministic: same bytes twice, and nothing depends on the machine time zone', () => {
    const articles = [makeRichArticle(), makeArticle()];
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const westHour = new Date(0).getHours();
      const west = emit(articles).text;
      process.env.TZ = 'Asia/Kolkata';
      expect(new Date(0).getHours(), 'the TZ change took effect').not.toBe(westHour);
      const east = emit(articles).text;
      expect(east).toBe(west);
      expect(emit(articles).text).toBe(east);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('throws a TypeError (programmer error) without a build time or with an unreadable one', () => {
    expect(() => emitNewsSitemap([makeArticle()], makeSite())).toThrow(TypeError);
    expect(() => emitNewsSitemap([makeArticle()], makeSite(), { now: 'yesterday' })).toThrow(TypeError);
    expect(() => emitNewsSitemap([makeArticle()], makeSite(), { now: '2024-09-05T12:00:00' })).toThrow(TypeError);
  });

  it('does not change the articles it is given', () => {
    const articles = [makeArticle(), makeRichArticle()];
    const before = structuredClone(articles);
    emit(articles);
    expect(articles).toEqual(before);
  });
});
