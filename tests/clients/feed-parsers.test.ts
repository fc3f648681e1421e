import { parseFeed } from '@rowanmanning/feed-parser';
import Parser from 'rss-parser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emitAtom } from '../../src/emit/atom.ts';
import { escapeHtml } from '../../src/emit/html.ts';
import { emitRss } from '../../src/emit/rss.ts';
import { lastModified, type Article, type Image } from '../../src/model/article.ts';
import { toSlug } from '../../src/model/identity.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

/**
 * What real readers make of our feeds: @rowanmanning/feed-parser and rss-parser (xml2js) parse
 * RSS and Atom back, without an error or a console warning, and must see every field we wrote:
 * headline, link, id, dates, authors, categories, summary, content, photos and the enclosure.
 * Where a parser does not read a field at all, or reads it its own documented way, the expectation
 * says so next to it.
 */

const site = makeSite();

/** A photo with everything: URL, type, pixel size, byte length, creator, copyright (so it is also the enclosure). */
const completePhoto: Image = { ...makeRichArticle().images[0]!, byteLength: 48213, creator: 'Li Hao', copyright: '© Global Times' };
const richWithPhoto = makeRichArticle({ images: [completePhoto, makeRichArticle().images[1]!] });
const nasty = makeArticle({
  id: 'brackets',
  guid: 'tag:globaltimes.cn,2024:article:brackets',
  source: 'input/articles/brackets.txt',
  url: 'https://www.globaltimes.cn/page/202409/brackets.shtml',
  headline: 'Cut ]]> here & "there" — <i>not</i> italic, AT&T; &nbsp; M&amp;A BST&#39;s',
  description: 'Ties & "tariffs" <b>now</b> &amp; &#39;',
  datePublished: '2024-09-03T10:00:00+08:00',
  authors: [{ name: 'Zhang Han' }],
  sections: ['World', 'Asia & Pacific'],
});

const fixtures: [string, Article[]][] = [
  ['the sample article', [makeArticle()]],
  ['the rich article with a complete photo', [richWithPhoto]],
  ['several articles with nasty text', [makeArticle(), richWithPhoto, nasty]],
];

/** One item as a reader sees it, reduced to what we compare. */
interface ReadItem {
  title: unknown;
  link: unknown;
  id: unknown;
  published: unknown;
  updated: unknown;
  authors: unknown[];
  categories: { term: unknown; label: unknown; scheme: unknown }[];
  description: unknown;
  content: unknown;
  media: { url: unknown; type: unknown; length: unknown; caption: unknown }[];
  enclosure: { url: unknown; type: unknown; length: unknown } | null;
}

type Format = 'rss' | 'atom';

function render(format: Format, articles: Article[]): OutputFile[] {
  return format === 'rss' ? emitRss(articles, site) : emitAtom(articles, site);
}

function siteFeed(format: Format, articles: Article[]): string {
  return render(format, articles)[0]!.text;
}

/** Decodes the HTML character references our escaping produces (and numeric ones). */
function decodeHtml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!;
    return String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16));
  });
}

function photosWithUrl(article: Article): (Image & { url: string })[] {
  return article.images.filter((image): image is Image & { url: string } => image.url !== undefined);
}

function enclosureOf(article: Article): { url: string; type: string; length: number } | null {
  const photo = photosWithUrl(article).find((image) => image.contentType !== undefined && image.byteLength !== undefined);
  return photo ? { url: photo.url, type: photo.contentType!, length: photo.byteLength! } : null;
}

/** The article HTML as we promise it: a figure per photo with a URL, then the paragraphs. */
function contentHtml(article: Article): string {
  const figures = photosWithUrl(article).map((image) => {
    const caption = image.credit === undefined ? image.caption : `${image.caption} — ${image.credit}`;
    const size = image.width !== undefined && image.height !== undefined ? ` width="${image.width}" height="${image.height}"` : '';
    return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.caption)}"${size}><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  });
  return [...figures, ...article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`)].join('\n');
}

/** Every field as written: the model's values, in each format's own shape. */
function expected(article: Article, format: Format): ReadItem {
  const scheme = 'https://www.globaltimes.cn/sections/';
  return {
    title: article.headline,
    link: article.url,
    id: article.guid,
    published: new Date(article.datePublished).toISOString(),
    updated: new Date(lastModified(article)).toISOString(),
    authors: article.authors.length > 0 ? article.authors.map((a) => a.name) : [site.name],
    // RSS categories are the section names with the scheme as domain; Atom has slug terms and name labels.
    categories: article.sections.map((section) => (format === 'rss' ? { term: section, label: null, scheme } : { term: toSlug(section), label: section, scheme })),
    description: article.description,
    content: contentHtml(article),
    media: photosWithUrl(article).map((image) => ({ url: image.url, type: image.contentType ?? null, length: image.byteLength ?? null, caption: image.caption })),
    enclosure: enclosureOf(article),
  };
}

// ---------------------------------------------------------------------------------------------
// @rowanmanning/feed-parser

function byFeedParser(xml: string, format: Format): ReadItem[] {
  return parseFeed(xml).items.map((item) => ({
    title: item.title,
    link: item.url,
    id: item.id,
    published: item.published?.toISOString(),
    updated: item.updated?.toISOString(),
    authors: item.authors.map((a) => a.name),
    categories: item.categories.map((c) => ({ term: c.term, label: format === 'rss' ? null : c.label, scheme: c.url })),
    description: item.description,
    content: item.content,
    media: item.media.map((m) => ({ url: m.url, type: m.mimeType, length: m.length, caption: m.title })),
    enclosure: null,
  }));
}

/** What @rowanmanning/feed-parser reports, by its documented behaviour. */
function expectedByFeedParser(article: Article, format: Format): ReadItem {
  const item = expected(article, format);
  const enclosure = enclosureOf(article);
  return {
    ...item,
    // RSS: it reads pubDate for both dates (atom:updated in RSS is not read).
    updated: format === 'rss' ? item.published : item.updated,
    // RSS category: it gives the text as both term and label; we compare the term and the domain.
    // It returns content with HTML entities decoded (its `innerHtml`).
    content: decodeHtml(item.content as string),
    // It has no enclosure field: the enclosure is its first media entry (URL, type and byte length
    // compared there), which wins over the media:content of the same URL, so that one has no caption.
    media: item.media.map((m) => (enclosure && m.url === enclosure.url ? { ...m, caption: null } : m)),
    enclosure: null,
  };
}

// ---------------------------------------------------------------------------------------------
// rss-parser (xml2js): extension elements by their literal prefixed names.

type Attrs = Record<string, string>;
type Node = string | { _?: string; $?: Attrs };
type MediaContent = { $: Attrs; 'media:description'?: Node[]; 'media:credit'?: Node[] };
type Custom = {
  creators?: string[];
  atomUpdated?: string;
  mediaContents?: MediaContent[];
  'content:encoded'?: string;
  id?: string;
  authors?: { name?: string[] }[];
  atomCategories?: { $: Attrs }[];
  links?: { $: Attrs }[];
  summary?: Node;
  updated?: string;
};

const rssParser = new Parser<Record<string, never>, Custom>({
  customFields: {
    item: [
      ['dc:creator', 'creators', { keepArray: true }],
      ['atom:updated', 'atomUpdated'],
      ['media:content', 'mediaContents', { keepArray: true }],
      ['author', 'authors', { keepArray: true }],
      ['category', 'atomCategories', { keepArray: true }],
      ['link', 'links', { keepArray: true }],
      ['summary', 'summary'],
      ['updated', 'updated'],
    ],
  },
});

const textOf = (node: Node | undefined): string | undefined => (typeof node === 'string' ? node : node?._);

async function byRssParser(xml: string, format: Format): Promise<ReadItem[]> {
  const feed = await rssParser.parseString(xml);
  return feed.items.map((item) => {
    const enclosureLink = (item.links ?? []).find((l) => l.$?.rel === 'enclosure')?.$;
    const enclosure = format === 'rss' ? item.enclosure : enclosureLink && { url: enclosureLink.href, type: enclosureLink.type, length: enclosureLink.length };
    return {
      // RSS titles and Atom type="text" titles are plain text: the headline, literally.
      title: item.title,
      link: item.link,
      id: format === 'rss' ? item.guid : item.id,
      published: item.isoDate,
      updated: new Date((format === 'rss' ? item.atomUpdated : item.updated) ?? NaN).toISOString(),
      // It does not fall back to the feed author for Atom entries without one: we compare the feed's.
      authors: format === 'rss' ? (item.creators ?? []) : (item.authors ?? []).map((a) => a.name?.[0]),
      categories:
        format === 'rss'
          ? (item.categories ?? []).map((c) => {
              const node = c as unknown as Node;
              return { term: textOf(node), label: null, scheme: typeof node === 'string' ? undefined : node.$?.domain };
            })
          : (item.atomCategories ?? []).map((c) => ({ term: c.$.term, label: c.$.label, scheme: c.$.scheme })),
      description: format === 'rss' ? item.contentSnippet : textOf(item.summary),
      content: format === 'rss' ? item['content:encoded'] : item.content,
      media: (item.mediaContents ?? []).map((m) => ({
        url: m.$.url,
        type: m.$.type ?? null,
        length: m.$.fileSize === undefined ? null : Number(m.$.fileSize),
        caption: textOf(m['media:description']?.[0]),
      })),
      enclosure: enclosure ? { url: enclosure.url, type: enclosure.type, length: Number(enclosure.length) } : null,
    };
  });
}

function expectedByRssParser(article: Article, format: Format): ReadItem {
  const item = expected(article, format);
  return { ...item, authors: format === 'atom' ? article.authors.map((a) => a.name) : item.authors };
}

// ---------------------------------------------------------------------------------------------

/** Fails the test if a parser writes to the console while reading (a warning or an error). */
let consoleCalls: unknown[][] = [];
beforeEach(() => {
  consoleCalls = [];
  for (const method of ['warn', 'error', 'log'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(consoleCalls, 'a parser wrote to the console').toEqual([]);
});

const newestFirst = (articles: Article[]) => [...articles].sort((a, b) => Date.parse(b.datePublished) - Date.parse(a.datePublished));

describe.each(['rss', 'atom'] as const)('@rowanmanning/feed-parser reads %s back unchanged', (format) => {
  it.each(fixtures)('%s: every field of every item', (_name, articles) => {
    expect(byFeedParser(siteFeed(format, articles), format)).toEqual(newestFirst(articles).map((a) => expectedByFeedParser(a, format)));
  });

  it('a section feed: its own items, self link, title and language', () => {
    const file = render(format, [makeArticle(), richWithPhoto, nasty]).find((f) => f.path === `sections/world/asia-pacific/${format}.xml`)!;
    const feed = parseFeed(file.text);
    expect(feed.self).toBe(`https://www.globaltimes.cn/syndication/sections/world/asia-pacific/${format}.xml`);
    expect(feed.title).toBe('Global Times — World / Asia & Pacific');
    expect(feed.url).toBe('https://www.globaltimes.cn/world/asia-pacific/');
    expect(feed.language).toBe('en');
    expect(byFeedParser(file.text, format)).toEqual([expectedByFeedParser(nasty, format)]);
  });
});

describe.each(['rss', 'atom'] as const)('rss-parser reads %s back unchanged', (format) => {
  it.each(fixtures)('%s: every field of every item', async (_name, articles) => {
    expect(await byRssParser(siteFeed(format, articles), format)).toEqual(newestFirst(articles).map((a) => expectedByRssParser(a, format)));
  });

  it('the photo credits: the EBU photographer and the credit line', async () => {
    const [item] = (await rssParser.parseString(siteFeed(format, [richWithPhoto]))).items;
    const credits = item!.mediaContents![0]!['media:credit']!;
    expect(credits.map((c) => [textOf(c), typeof c === 'string' ? undefined : c.$?.role])).toEqual([
      ['Li Hao', 'photographer'],
      ['Li Hao/GT', undefined],
    ]);
  });

  it('a section feed: its own items and self link', async () => {
    const file = render(format, [makeArticle(), richWithPhoto, nasty]).find((f) => f.path === `sections/china/society/${format}.xml`)!;
    const feed = await rssParser.parseString(file.text);
    expect(feed.feedUrl).toBe(`https://www.globaltimes.cn/syndication/sections/china/society/${format}.xml`);
    expect(await byRssParser(file.text, format)).toEqual([richWithPhoto, makeArticle()].map((a) => expectedByRssParser(a, format)));
  });
});
