import { describe, expect, it } from 'vitest';
import { emitJsonFeed, type JsonFeed } from '../../src/emit/jsonfeed.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

function emit(articles: Article[], site = makeSite()): OutputFile {
  const files = emitJsonFeed(articles, site);
  expect(files).toHaveLength(1);
  return files[0]!;
}

function parse(articles: Article[], site = makeSite()): JsonFeed {
  return JSON.parse(emit(articles, site).text) as JsonFeed;
}

const sample = makeArticle();

/** The whole document for the sample-shaped article, keys in the order they must be written. */
const SAMPLE_FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Global Times',
  home_page_url: 'https://www.globaltimes.cn/',
  feed_url: 'https://www.globaltimes.cn/syndication/feed.json',
  description: 'News and opinion from China and around the world by Global Times.',
  language: 'en',
  authors: [{ name: 'Global Times', url: 'https://www.globaltimes.cn/' }],
  items: [
    {
      id: 'tag:globaltimes.cn,2024:article:cyberspace-governance',
      url: 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml',
      title: sample.headline,
      content_html: sample.paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
      summary: sample.description,
      date_published: '2024-09-04T21:03:00+08:00',
      date_modified: '2024-09-04T21:03:00+08:00',
      authors: [{ name: 'Global Times', url: 'https://www.globaltimes.cn/' }],
      tags: ['China', 'Society'],
      language: 'en',
    },
  ],
};

describe('emitJsonFeed', () => {
  it('writes the sample-shaped article exactly: JSON Feed 1.1, fixed key order, two-space indent, one final newline', () => {
    const file = emit([sample]);
    expect(file).toMatchObject({ path: 'feed.json', format: 'jsonfeed', sources: ['input/articles/cyberspace-governance.txt'] });
    expect(file.text).toBe(`${JSON.stringify(SAMPLE_FEED, null, 2)}\n`);
    expect(file.text.endsWith('}\n')).toBe(true);
    expect(file.text.endsWith('\n\n')).toBe(false);
  });

  it('upgrades feed 6 output to 1.1: no version 1, no singular author, no UTC-converted dates', () => {
    const text = emit([makeRichArticle(), sample]).text;
    expect(text).not.toContain('"https://jsonfeed.org/version/1"');
    expect(text).not.toMatch(/"author":/);
    // feed 6 writes toISOString(): milliseconds and Z.
    expect(text).not.toMatch(/\.\d{3}Z"/);
  });

  it('writes the rich article: every byline (with its url when known), first photo with a URL, figures, offsets kept', () => {
    const rich = makeRichArticle();
    const item = parse([rich]).items[0]!;
    expect(item.authors).toEqual([{ name: 'Liu Caiyu' }, { name: 'Zhang Han', url: 'https://www.globaltimes.cn/author/zhang-han' }]);
    expect(item.title).toBe(rich.headline); // plain text, not HTML-escaped
    expect(item.summary).toBe(rich.description);
    expect(item.image).toBe('https://www.globaltimes.cn/photo/a.jpg');
    expect(item.date_published).toBe('2024-09-05T08:30:00+08:00');
    expect(item.date_modified).toBe('2024-09-05T10:15:00+08:00');
    expect(item.tags).toEqual(['China', 'Society']);
    expect(item.language).toBe('en');
    expect(item.content_html).toBe(
      '<figure><img src="https://www.globaltimes.cn/photo/a.jpg" alt="A port in Shanghai &amp; ships &lt;at&gt; dawn."><figcaption>A port in Shanghai &amp; ships &lt;at&gt; dawn. — Li Hao/GT</figcaption></figure>\n' +
        '<figure><img src="https://www.globaltimes.cn/photo/b.png" alt="Second photo."><figcaption>Second photo.</figcaption></figure>\n' +
        rich.paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
    );
    expect(Object.keys(item)).toEqual(['id', 'url', 'title', 'content_html', 'summary', 'image', 'date_published', 'date_modified', 'authors', 'tags', 'language']);
  });

  it('takes content_html from the article HTML (a Markdown body), after the figures', () => {
    const bodyHtml = '<h2>Sub</h2>\n<p>A <em>b</em> <a href="https://example.com/x">c</a>.</p>\n<ul>\n<li>d</li>\n</ul>';
    expect(parse([makeRichArticle({ bodyHtml })]).items[0]!.content_html).toMatch(/<\/figcaption><\/figure>\n<h2>Sub<\/h2>\n<p>A <em>b<\/em> <a href="https:\/\/example\.com\/x">c<\/a>\.<\/p>\n<ul>\n<li>d<\/li>\n<\/ul>$/);
  });

  it('leaves out image when no photo has a URL, tags when there are no sections, and takes the first photo that has a URL', () => {
    const item = parse([makeArticle({ sections: [] })]).items[0]!;
    expect(item).not.toHaveProperty('image');
    expect(item).not.toHaveProperty('tags');
    expect(item.content_html).not.toContain('<figure>');
    const rich = makeRichArticle();
    const second = parse([makeRichArticle({ images: [{ caption: 'No URL.' }, rich.images[1]!] })]).items[0]!;
    expect(second.image).toBe('https://www.globaltimes.cn/photo/b.png');
  });

  it('takes language from the site (feed) and from the article (item), feed_url from feed.baseUrl', () => {
    const site = makeSite({ language: 'zh-CN', feed: { ...makeSite().feed, baseUrl: 'https://cdn.example.com/feeds/' } });
    const files = emitJsonFeed([makeArticle({ language: 'en-GB' })], site);
    // A story in another language than the site's makes the site multilingual: its language gets a feed too.
    expect(files.map((f) => f.path)).toEqual(['feed.json', 'languages/en-GB/feed.json']);
    const feed = JSON.parse(files[0]!.text) as JsonFeed;
    expect(feed.language).toBe('zh-CN');
    expect(feed.items[0]!.language).toBe('en-GB');
    expect(feed.feed_url).toBe('https://cdn.example.com/feeds/feed.json');
  });

  it('puts the newest first whatever the input order, breaks ties by id, and keeps at most feed.limit items', () => {
    const at = '2024-09-03T10:00:00+08:00';
    const articles = [
      makeArticle({ id: 'old', guid: 'tag:x,2024:old', datePublished: '2024-09-01T10:00:00+08:00' }),
      makeArticle({ id: 'tie-b', guid: 'tag:x,2024:tie-b', datePublished: at }),
      makeRichArticle(),
      makeArticle({ id: 'tie-a', guid: 'tag:x,2024:tie-a', datePublished: at }),
    ];
    expect(parse(articles).items.map((i) => i.id)).toEqual(['tag:globaltimes.cn,2024:article:rich-story', 'tag:x,2024:tie-a', 'tag:x,2024:tie-b', 'tag:x,2024:old']);
    const site = makeSite({ feed: { ...makeSite().feed, limit: 2 } });
    const file = emit(articles, site);
    expect((JSON.parse(file.text) as JsonFeed).items.map((i) => i.id)).toEqual(['tag:globaltimes.cn,2024:article:rich-story', 'tag:x,2024:tie-a']);
    expect(file.sources).toEqual(['input/articles/rich-story.txt', 'input/articles/tie-a.txt']);
  });

  it('writes a valid empty feed when there are no articles', () => {
    const feed = parse([]);
    expect(feed.items).toEqual([]);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  });

  it('is plain JSON: "<", "&", "</script>" and U+2028 stay raw and read back exactly', () => {
    const headline = 'x </script><!--<script> & AT&T; &nbsp; \u2028 end';
    const text = emit([makeArticle({ headline })]).text;
    expect(text).toContain('</script>');
    expect(text).not.toContain('\\u003c');
    expect((JSON.parse(text) as JsonFeed).items[0]!.title).toBe(headline);
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
      expect(west).not.toMatch(/-0[78]:00|\+05:30/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('does not change the articles it is given', () => {
    const articles = [makeArticle(), makeRichArticle()];
    const before = structuredClone(articles);
    emit(articles);
    expect(articles).toEqual(before);
  });
});
