import { describe, expect, it } from 'vitest';
import { emitAtom } from '../../src/emit/atom.ts';
import { escapeHtml } from '../../src/emit/html.ts';
import { emitRss } from '../../src/emit/rss.ts';
import { lastModified, type Article, type Image } from '../../src/model/article.ts';
import { toSlug } from '../../src/model/identity.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { python, readWithFeedparser, warnIfFeedparserAbsent, type FeedparserEntry } from '../helpers/feedparser.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

/**
 * The Universal Feed Parser (Python `feedparser`, Debian `python3-feedparser`) reads our RSS and
 * Atom: no parse warning (`bozo == 0`) for any feed, and every field back as written. The helpers
 * tests/helpers/feedparser.ts and read_feed.py print what feedparser understood as JSON.
 */

warnIfFeedparserAbsent();

const site = makeSite();
const completePhoto: Image = { ...makeRichArticle().images[0]!, byteLength: 48213, creator: 'Li Hao', copyright: '© Global Times' };
const richWithPhoto = makeRichArticle({
  images: [completePhoto, makeRichArticle().images[1]!],
  paragraphs: ['He said: "It\'s <b>bold</b> & new."', 'Second paragraph — 关税.'],
});
const nasty = makeArticle({
  id: 'brackets',
  guid: 'tag:globaltimes.cn,2024:article:brackets',
  url: 'https://www.globaltimes.cn/page/202409/brackets.shtml',
  headline: 'Cut ]]> here & "there" — Zölle ☕ 1 < 2, M&amp;A BST&#39;s &nbsp;',
  description: 'Ties & "tariffs" <b>now</b> &amp; &#39;',
  datePublished: '2024-09-03T10:00:00+08:00',
  authors: [{ name: 'Zhang Han' }],
  sections: ['World', 'Asia & Pacific'],
  language: 'zh-CN',
});

const fixtures: [string, Article[]][] = [
  ['the sample article', [makeArticle()]],
  ['the rich article with a complete photo', [richWithPhoto]],
  ['several articles, one in another language, nasty text', [makeArticle(), richWithPhoto, nasty]],
];

type Format = 'rss' | 'atom';

function render(format: Format, articles: Article[]): OutputFile[] {
  return format === 'rss' ? emitRss(articles, site) : emitAtom(articles, site);
}

/** Decodes the HTML character references our escaping produces (and numeric ones). */
function decodeHtml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!;
    return String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16));
  });
}

/**
 * HTML compared as markup, not as bytes: feedparser's sanitizer writes attributes in alphabetical
 * order, void elements as `<img … />` and `'` / `"` in text literally. Both sides are brought to
 * that form; tags, attribute values and text must then be identical.
 */
function normalizeHtml(html: string): string {
  return html
    .replace(/<([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/gi, (_m, name: string, attrs: string) => {
      const sorted = [...attrs.matchAll(/([a-z-]+)="([^"]*)"/gi)].map((a) => `${a[1]}="${a[2]}"`).sort();
      return `<${name}${sorted.map((a) => ` ${a}`).join('')}>`;
    })
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"');
}

function photosWithUrl(article: Article): (Image & { url: string })[] {
  return article.images.filter((image): image is Image & { url: string } => image.url !== undefined);
}

function contentHtml(article: Article): string {
  const figures = photosWithUrl(article).map((image) => {
    const caption = image.credit === undefined ? image.caption : `${image.caption} — ${image.credit}`;
    const size = image.width !== undefined && image.height !== undefined ? ` width="${image.width}" height="${image.height}"` : '';
    return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.caption)}"${size}><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  });
  return [...figures, ...article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`)].join('\n');
}

const utc = (instant: string) => new Date(instant).toISOString().replace('.000Z', 'Z');
const newestFirst = (articles: Article[]) => [...articles].sort((a, b) => Date.parse(b.datePublished) - Date.parse(a.datePublished));

/** What feedparser must report for an article: every field we wrote, in feedparser's shape. */
function expectedEntry(article: Article, format: Format) {
  const scheme = 'https://www.globaltimes.cn/sections/';
  const photos = photosWithUrl(article);
  const enclosure = photos.find((image) => image.contentType !== undefined && image.byteLength !== undefined);
  return {
    title: format === 'rss' ? decodeHtml(article.headline) : article.headline,
    link: article.url,
    id: article.guid,
    published: utc(article.datePublished),
    updated: utc(lastModified(article)),
    // RSS: dc:creator (the publisher when there is no byline). Atom: the entry's own authors; the
    // feed-level author stands for entries without one (checked on the feed).
    authors: format === 'rss' && article.authors.length === 0 ? [site.name] : article.authors.map((a) => a.name),
    tags: article.sections.map((section) => (format === 'rss' ? { term: section, scheme, label: null } : { term: toSlug(section), scheme, label: section })),
    summary: article.description,
    content: normalizeHtml(contentHtml(article)),
    media_content: photos.map((image) => ({
      url: image.url,
      medium: 'image',
      ...(image.contentType === undefined ? {} : { type: image.contentType }),
      ...(image.byteLength === undefined ? {} : { filesize: String(image.byteLength) }),
      ...(image.width === undefined ? {} : { width: String(image.width) }),
      ...(image.height === undefined ? {} : { height: String(image.height) }),
    })),
    media_credit: photos.flatMap((image) => [
      ...(image.creator === undefined ? [] : [{ role: 'photographer', scheme: 'urn:ebu', content: image.creator }]),
      ...(image.credit === undefined || image.credit === image.creator ? [] : [{ content: image.credit }]),
    ]),
    // feedparser has no field of its own for media:description: it reads it as the entry
    // description, so summary_detail holds the last caption while `summary` keeps the summary.
    last_caption: photos.at(-1)?.caption ?? article.description,
    enclosures: enclosure ? [{ href: enclosure.url, type: enclosure.contentType!, length: String(enclosure.byteLength!) }] : [],
  };
}

function actualEntry(entry: FeedparserEntry, format: Format) {
  return {
    // Atom type="text" titles are the headline, literally. RSS 2.0 does not say whether a title is text
    // or HTML, so feedparser guesses HTML when it sees a character reference (`looks_like_html`) and
    // decodes some of them: the RSS title is compared decoded on both sides.
    title: format === 'rss' ? decodeHtml(entry.title ?? '') : entry.title,
    link: entry.link,
    id: entry.id,
    published: entry.published,
    updated: entry.updated,
    authors: entry.authors,
    tags: entry.tags,
    // RSS description is HTML (feedparser hands it over escaped); the Atom summary is type="text".
    summary: format === 'rss' ? decodeHtml(entry.summary ?? '') : entry.summary,
    content: normalizeHtml(entry.content[0]?.value ?? ''),
    media_content: entry.media_content,
    media_credit: entry.media_credit,
    last_caption: format === 'rss' ? decodeHtml(entry.summary_detail?.value ?? '') : entry.summary_detail?.value,
    enclosures: entry.enclosures,
  };
}

describe.skipIf(python === undefined).each(['rss', 'atom'] as const)('the Universal Feed Parser reads %s back', (format) => {
  it.each(fixtures)('%s: every feed without a parse warning (bozo 0)', (_name, articles) => {
    const files = render(format, articles);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const read = readWithFeedparser(file.text);
      expect([file.path, read.bozo, read.bozo_exception]).toEqual([file.path, 0, null]);
      expect(read.version).toBe(format === 'rss' ? 'rss20' : 'atom10');
    }
  });

  it.each(fixtures)('%s: every field of every entry unchanged', (_name, articles) => {
    const read = readWithFeedparser(render(format, articles)[0]!.text);
    expect(read.entries.map((e) => actualEntry(e, format))).toEqual(newestFirst(articles).map((a) => expectedEntry(a, format)));
  });

  it('the feed itself: title, link, self link, language, date, and (Atom) the author standing for entries without one', () => {
    const file = render(format, [makeArticle(), richWithPhoto, nasty]).find((f) => f.path === `sections/world/asia-pacific/${format}.xml`)!;
    const read = readWithFeedparser(file.text);
    expect(read.feed.title).toBe('Global Times — World / Asia & Pacific');
    expect(read.feed.link).toBe('https://www.globaltimes.cn/world/asia-pacific/');
    expect(read.feed.links.find((l) => l.rel === 'self')?.href).toBe(`https://www.globaltimes.cn/syndication/sections/world/asia-pacific/${format}.xml`);
    expect(read.feed.language).toBe('en');
    expect(read.feed.updated).toBe(utc(nasty.datePublished));
    expect(read.entries.map((e) => actualEntry(e, format))).toEqual([expectedEntry(nasty, format)]);
    if (format === 'atom') {
      const site = readWithFeedparser(render(format, [makeArticle()])[0]!.text);
      expect(site.feed.id).toBe('https://www.globaltimes.cn/');
      expect(read.feed.id).toBe('https://www.globaltimes.cn/world/asia-pacific/');
    }
  });

  it('an entry in another language keeps it (Atom xml:lang)', () => {
    const read = readWithFeedparser(render(format, [nasty])[0]!.text);
    expect(read.entries[0]!.title_detail?.language).toBe(format === 'atom' ? 'zh-CN' : null);
  });
});
