import { parseFeed } from '@rowanmanning/feed-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { emitAtom } from '../../src/emit/atom.ts';
import { toSlug } from '../../src/model/identity.ts';
import { escapeHtml } from '../../src/emit/html.ts';
import { emitRss } from '../../src/emit/rss.ts';
import type { Article } from '../../src/model/article.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

/**
 * What real readers make of our feeds: @rowanmanning/feed-parser and rss-parser (xml2js) parse
 * both documents back, and must see the same headline, link, id, dates, authors and categories.
 */

const site = makeSite();

/** One item as a reader sees it, reduced to what we compare. */
interface ReadItem {
  title: string | null | undefined;
  link: string | null | undefined;
  id: string | null | undefined;
  published: string | undefined;
  authors: (string | null | undefined)[];
  categories: (string | null | undefined)[];
}

const several: Article[] = [
  makeArticle(),
  makeRichArticle(),
  makeArticle({
    id: 'brackets',
    headline: 'Cut ]]> here & "there" — <i>not</i> italic',
    datePublished: '2024-09-03T10:00:00+08:00',
    authors: [{ name: 'Zhang Han' }],
    sections: ['World', 'Asia & Pacific'],
  }),
];

/** Expected reading: headline as written, first publication time in UTC, bylines or else the publisher. */
function expected(article: Article): ReadItem {
  return {
    title: article.headline,
    link: article.url,
    id: article.guid,
    published: new Date(article.datePublished).toISOString(),
    authors: article.authors.length > 0 ? article.authors.map((a) => a.name) : [site.name],
    categories: article.sections,
  };
}

function rss(articles: Article[]): string {
  return emitRss(articles, site)[0]!.text;
}

function atom(articles: Article[]): string {
  return emitAtom(articles, site)[0]!.text;
}

function byFeedParser(xml: string): ReadItem[] {
  return parseFeed(xml).items.map((item) => ({
    title: item.title,
    link: item.url,
    id: item.id,
    published: item.published?.toISOString(),
    authors: item.authors.map((a) => a.name),
    categories: item.categories.map((c) => c.label),
  }));
}

type Custom = { 'content:encoded'?: string; creators?: string[]; authors?: { name?: string[] }[]; atomCategories?: { $: { label?: string; term: string } }[]; id?: string };

const rssParser = new Parser<Record<string, never>, Custom>({
  customFields: { item: [['dc:creator', 'creators', { keepArray: true }], ['author', 'authors', { keepArray: true }], ['category', 'atomCategories', { keepArray: true }]] },
});

async function byRssParser(xml: string, format: 'rss' | 'atom'): Promise<ReadItem[]> {
  const feed = await rssParser.parseString(xml);
  return feed.items.map((item) => ({
    title: item.title,
    link: item.link,
    id: format === 'rss' ? item.guid : item.id,
    published: item.isoDate,
    // rss-parser does not fall back to the feed author for Atom entries without one.
    authors: format === 'rss' ? (item.creators ?? []) : (item.authors ?? []).map((a) => a.name?.[0]),
    categories:
      format === 'rss'
        ? (item.categories ?? []).map((c) => (typeof c === 'string' ? c : (c as { _: string })._))
        : (item.atomCategories ?? []).map((c) => c.$.label),
  }));
}

describe('@rowanmanning/feed-parser reads both feeds back', () => {
  it.each([
    ['RSS', rss],
    ['Atom', atom],
  ])('%s: the sample article', (_name, render) => {
    const [item, ...rest] = byFeedParser(render([makeArticle()]));
    expect(rest).toEqual([]);
    expect(item).toEqual({
      title: 'China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars',
      link: 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml',
      id: 'tag:globaltimes.cn,2024:article:cyberspace-governance',
      published: '2024-09-04T13:03:00.000Z',
      authors: ['Global Times'],
      categories: ['China', 'Society'],
    });
  });

  it.each([
    ['RSS', rss],
    ['Atom', atom],
  ])('%s: several articles, nasty headlines unchanged, newest first', (_name, render) => {
    const newestFirst = [makeRichArticle(), makeArticle(), several[2]!];
    expect(byFeedParser(render(several))).toEqual(newestFirst.map(expected));
  });

  it('Atom: the update time and the category terms', () => {
    const feed = parseFeed(atom([makeRichArticle()]));
    expect(feed.self).toBe('https://www.globaltimes.cn/syndication/atom.xml');
    expect(feed.language).toBe('en');
    expect(feed.items[0]!.updated?.toISOString()).toBe('2024-09-05T02:15:00.000Z');
    expect(feed.items[0]!.categories.map((c) => [c.term, c.url])).toEqual([
      ['china', 'https://www.globaltimes.cn/sections/'],
      ['society', 'https://www.globaltimes.cn/sections/'],
    ]);
  });

  it('RSS: the self link and the description as text', () => {
    const feed = parseFeed(rss([makeArticle({ description: 'Ties & "tariffs" <b>now</b>' })]));
    expect(feed.self).toBe('https://www.globaltimes.cn/syndication/rss.xml');
    expect(feed.items[0]!.description).toBe('Ties & "tariffs" <b>now</b>');
  });
});

describe('rss-parser reads both feeds back', () => {
  it('RSS: the sample article', async () => {
    expect(await byRssParser(rss([makeArticle()]), 'rss')).toEqual([
      {
        title: 'China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars',
        link: 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml',
        id: 'tag:globaltimes.cn,2024:article:cyberspace-governance',
        published: '2024-09-04T13:03:00.000Z',
        authors: ['Global Times'],
        categories: ['China', 'Society'],
      },
    ]);
  });

  it('RSS: several articles, nasty headlines unchanged, newest first', async () => {
    expect(await byRssParser(rss(several), 'rss')).toEqual([makeRichArticle(), makeArticle(), several[2]!].map(expected));
  });

  it('RSS: content:encoded is the article HTML and the description reads as text', async () => {
    const [item] = (await rssParser.parseString(rss([makeRichArticle()]))).items;
    expect(item!['content:encoded']).toMatch(/^<figure><img src="https:\/\/www\.globaltimes\.cn\/photo\/a\.jpg"/);
    expect(item!.contentSnippet).toBe(makeRichArticle().description);
  });

  it('Atom: several articles newest first; the html title arrives undecoded', async () => {
    // rss-parser does not interpret Atom's type="html": it hands over the escaped markup, which any
    // HTML renderer shows as the headline. Entries without a byline have no author of their own.
    const newestFirst = [makeRichArticle(), makeArticle(), several[2]!];
    expect(await byRssParser(atom(several), 'atom')).toEqual(
      newestFirst.map((a) => ({ ...expected(a), title: escapeHtml(a.headline), authors: a.authors.map((p) => p.name) })),
    );
  });

  it('Atom: category terms and the feed self link', async () => {
    const feed = await rssParser.parseString(atom([makeArticle()]));
    expect(feed.feedUrl).toBe('https://www.globaltimes.cn/syndication/atom.xml');
    expect(feed.items[0]!.atomCategories?.map((c) => c.$.term)).toEqual(makeArticle().sections.map(toSlug));
  });
});
