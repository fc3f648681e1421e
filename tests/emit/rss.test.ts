import { describe, expect, it } from 'vitest';
import { feedPaths, feedUrls, toFeedUrl } from '../../src/emit/feed.ts';
import { emitRss } from '../../src/emit/rss.ts';
import type { Article, Image } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { fileAt, query, siteFeed, xmlReaders } from '../helpers/xml.ts';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

const { texts, attrs } = xmlReaders(NS);

/** The site-wide feed (`rss.xml`), which always comes first. */
function emit(articles: Article[], site = makeSite()): OutputFile {
  return siteFeed(emitRss(articles, site), 'rss.xml');
}

/** The rich article's first photo with everything a photo can have: byte size, creator and copyright. */
function fullPhoto(overrides: Partial<Image> = {}): Image {
  return { ...makeRichArticle().images[0]!, byteLength: 48213, creator: 'Li Hao', copyright: '© Global Times', ...overrides };
}

const SAMPLE_RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
  <channel>
    <title>Global Times</title>
    <link>https://www.globaltimes.cn/</link>
    <description>News and opinion from China and around the world by Global Times.</description>
    <lastBuildDate>Wed, 04 Sep 2024 13:03:00 GMT</lastBuildDate>
    <docs>https://validator.w3.org/feed/docs/rss2.html</docs>
    <language>en</language>
    <copyright>Copyright Global Times. All rights reserved.</copyright>
    <atom:link href="https://www.globaltimes.cn/syndication/rss.xml" rel="self" type="application/rss+xml"/>
    <item>
      <title>China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars</title>
      <link>https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml</link>
      <guid isPermaLink="false">tag:globaltimes.cn,2024:article:cyberspace-governance</guid>
      <pubDate>Wed, 04 Sep 2024 13:03:00 GMT</pubDate>
      <atom:updated>2024-09-04T21:03:00+08:00</atom:updated>
      <description><![CDATA[China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.]]></description>
      <content:encoded><![CDATA[<p>China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.</p>
<p>Cyberspace surveillance, cyberattacks, and cyber terrorism have become global public nuisances, Li said.</p>]]></content:encoded>
      <dc:creator>Global Times</dc:creator>
      <category domain="https://www.globaltimes.cn/sections/">China</category>
      <category domain="https://www.globaltimes.cn/sections/">Society</category>
    </item>
  </channel>
</rss>
`;

describe('emitRss: the site feed', () => {
  it('writes the sample-shaped article exactly (golden document)', () => {
    const file = emit([makeArticle()]);
    expect(file).toMatchObject({ path: 'rss.xml', format: 'rss', sources: ['input/articles/cyberspace-governance.txt'] });
    expect(file.text).toBe(SAMPLE_RSS);
  });

  it('gives the sample the expected headline, link, guid, dates, creator, categories and self link', () => {
    query(emit([makeArticle()]).text, (doc) => {
      expect(texts(doc, '/rss/channel/item/title')).toEqual([makeArticle().headline]);
      expect(texts(doc, '/rss/channel/item/link')).toEqual(['https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml']);
      expect(texts(doc, '/rss/channel/item/guid')).toEqual(['tag:globaltimes.cn,2024:article:cyberspace-governance']);
      expect(texts(doc, '/rss/channel/item/pubDate')).toEqual(['Wed, 04 Sep 2024 13:03:00 GMT']);
      expect(texts(doc, '/rss/channel/item/atom:updated')).toEqual(['2024-09-04T21:03:00+08:00']);
      expect(texts(doc, '/rss/channel/item/dc:creator')).toEqual(['Global Times']);
      expect(texts(doc, '/rss/channel/item/category')).toEqual(['China', 'Society']);
      expect(attrs(doc, '/rss/channel/item/category', 'domain')).toEqual(['https://www.globaltimes.cn/sections/', 'https://www.globaltimes.cn/sections/']);
      expect(attrs(doc, '/rss/channel/atom:link', 'rel')).toEqual(['self']);
      expect(attrs(doc, '/rss/channel/atom:link', 'href')).toEqual(['https://www.globaltimes.cn/syndication/rss.xml']);
      // Never a bare-name <author>, no enclosure (no URL, no byte length), no generator.
      expect(doc.find('//author | //enclosure | //generator')).toEqual([]);
      // The photo has no URL: no figure, no media:content, no media namespace.
      expect(texts(doc, '//content:encoded')[0]).not.toContain('<figure>');
      expect(doc.find('//media:content', NS)).toEqual([]);
      expect(doc.root.nsDeclarations.media).toBeUndefined();
    });
  });

  it('writes the rich article: RSS-Profile plain-text headline, one dc:creator per byline, figures with escaped captions and sizes', () => {
    const rich = makeRichArticle();
    const text = emit([rich]).text;
    // "&" and "<" as hexadecimal character references (RSS Profile), so the W3C validator sees text, not markup.
    expect(text).toContain('<title>Tariffs &#x26; trade: "&#x3C;b&gt;" is not a tag — 关税 (Zölle) ☕</title>');
    query(text, (doc) => {
      expect(texts(doc, '/rss/channel/item/title')).toEqual([rich.headline]);
      // pubDate is the first publication; atom:updated and the channel's lastBuildDate are the update time.
      expect(texts(doc, '/rss/channel/item/pubDate')).toEqual(['Thu, 05 Sep 2024 00:30:00 GMT']);
      expect(texts(doc, '/rss/channel/item/atom:updated')).toEqual(['2024-09-05T10:15:00+08:00']);
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Thu, 05 Sep 2024 02:15:00 GMT']);
      expect(texts(doc, '/rss/channel/item/dc:creator')).toEqual(['Liu Caiyu', 'Zhang Han']);
      expect(doc.find('//author')).toEqual([]);
      expect(texts(doc, '//content:encoded')[0]).toBe(
        '<figure><img src="https://www.globaltimes.cn/photo/a.jpg" alt="A port in Shanghai &amp; ships &lt;at&gt; dawn." width="1200" height="675"><figcaption>A port in Shanghai &amp; ships &lt;at&gt; dawn. — Li Hao/GT</figcaption></figure>\n' +
          '<figure><img src="https://www.globaltimes.cn/photo/b.png" alt="Second photo." width="800" height="800"><figcaption>Second photo.</figcaption></figure>\n' +
          rich.paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
      );
    });
  });

  it('takes the body from the article HTML (a Markdown body), after the figures', () => {
    const bodyHtml = '<h2>Sub</h2>\n<p>A <em>b</em> <a href="https://example.com/x">c</a>.</p>\n<ul>\n<li>d</li>\n</ul>';
    query(emit([makeRichArticle({ bodyHtml })]).text, (doc) => {
      expect(texts(doc, '//content:encoded')[0]).toMatch(/<\/figure>\n<h2>Sub<\/h2>\n<p>A <em>b<\/em> <a href="https:\/\/example\.com\/x">c<\/a>\.<\/p>\n<ul>\n<li>d<\/li>\n<\/ul>$/);
    });
  });

  it('writes a media:content per photo with a URL: medium, type, size, a plain-text caption and the credit', () => {
    const text = emit([makeRichArticle()]).text;
    expect(text).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(text).toContain('<media:description type="plain">A port in Shanghai &#x26; ships &#x3C;at&gt; dawn.</media:description>');
    query(text, (doc) => {
      const content = '/rss/channel/item/media:content';
      expect(attrs(doc, content, 'url')).toEqual(['https://www.globaltimes.cn/photo/a.jpg', 'https://www.globaltimes.cn/photo/b.png']);
      expect(attrs(doc, content, 'medium')).toEqual(['image', 'image']);
      expect(attrs(doc, content, 'type')).toEqual(['image/jpeg', 'image/png']);
      expect(attrs(doc, content, 'width')).toEqual(['1200', '800']);
      expect(attrs(doc, content, 'height')).toEqual(['675', '800']);
      expect(attrs(doc, content, 'fileSize')).toEqual(['(absent)', '(absent)']);
      expect(texts(doc, `${content}/media:description`)).toEqual(['A port in Shanghai & ships <at> dawn.', 'Second photo.']);
      expect(attrs(doc, `${content}/media:description`, 'type')).toEqual(['plain', 'plain']);
      // A credit line is not a photographer's name: no EBU role for it.
      expect(texts(doc, `${content}[1]/media:credit`)).toEqual(['Li Hao/GT']);
      expect(attrs(doc, `${content}[1]/media:credit`, 'role')).toEqual(['(absent)']);
      expect(doc.find(`${content}[2]/media:credit`, NS)).toEqual([]);
      // The rich photos have no byte length: no enclosure.
      expect(doc.find('//enclosure')).toEqual([]);
    });
  });

  it('credits a named creator as the EBU "photographer", keeps a different credit line, and writes the copyright', () => {
    const article = makeRichArticle({ images: [fullPhoto(), fullPhoto({ url: 'https://www.globaltimes.cn/photo/c.jpg', credit: 'Li Hao', copyright: undefined } as Partial<Image>)] });
    query(emit([article]).text, (doc) => {
      const first = '/rss/channel/item/media:content[1]';
      expect(texts(doc, `${first}/media:credit`)).toEqual(['Li Hao', 'Li Hao/GT']);
      expect(attrs(doc, `${first}/media:credit`, 'role')).toEqual(['photographer', '(absent)']);
      expect(attrs(doc, `${first}/media:credit`, 'scheme')).toEqual(['urn:ebu', '(absent)']);
      expect(texts(doc, `${first}/media:copyright`)).toEqual(['© Global Times']);
      expect(attrs(doc, first, 'fileSize')).toEqual(['48213']);
      // Credit line equal to the creator: one credit, with the role.
      expect(texts(doc, '/rss/channel/item/media:content[2]/media:credit')).toEqual(['Li Hao']);
    });
  });

  it('writes at most one enclosure: the first photo with a URL, a MIME type and a byte length, with type and length', () => {
    const noType: Image = { url: 'https://www.globaltimes.cn/photo/n.jpg', byteLength: 10, caption: 'No type.' };
    const article = makeRichArticle({ images: [noType, fullPhoto(), fullPhoto({ url: 'https://www.globaltimes.cn/photo/d.jpg', byteLength: 999 })] });
    query(emit([article]).text, (doc) => {
      expect(attrs(doc, '//enclosure', 'url')).toEqual(['https://www.globaltimes.cn/photo/a.jpg']);
      expect(attrs(doc, '//enclosure', 'type')).toEqual(['image/jpeg']);
      expect(attrs(doc, '//enclosure', 'length')).toEqual(['48213']);
      // Every photo with a URL is still a media:content.
      expect(doc.find('//media:content', NS)).toHaveLength(3);
    });
    const bytesWithoutUrl = makeArticle({ images: [{ caption: 'No URL.', contentType: 'image/jpeg', byteLength: 12 }] });
    query(emit([bytesWithoutUrl]).text, (doc) => expect(doc.find('//enclosure')).toEqual([]));
  });

  it('puts the newest article first whatever order it is given, breaks ties by id, and dates the channel by the newest change', () => {
    const older = makeArticle({ id: 'older', guid: 'tag:globaltimes.cn,2024:article:older', datePublished: '2024-09-01T08:00:00+08:00', dateModified: '2024-09-06T08:00:00+08:00' });
    const twinB = makeArticle({ id: 'twin-b', guid: 'tag:globaltimes.cn,2024:article:twin-b', datePublished: '2024-09-02T08:00:00+08:00' });
    const twinA = makeArticle({ id: 'twin-a', guid: 'tag:globaltimes.cn,2024:article:twin-a', datePublished: '2024-09-02T08:00:00+08:00' });
    const text = emit([older, twinB, makeArticle(), twinA, makeRichArticle()]).text;
    query(text, (doc) => {
      expect(texts(doc, '/rss/channel/item/guid').map((g) => g.replace('tag:globaltimes.cn,2024:article:', ''))).toEqual([
        'rich-story',
        'cyberspace-governance',
        'twin-a',
        'twin-b',
        'older',
      ]);
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Fri, 06 Sep 2024 00:00:00 GMT']);
    });
  });

  it('holds at most feed.limit items, the newest ones', () => {
    const site = makeSite({ feed: { ...makeSite().feed, limit: 2 } });
    const third = makeArticle({ id: 'third', guid: 'tag:globaltimes.cn,2024:article:third', datePublished: '2024-09-03T10:00:00+08:00', dateModified: '2024-09-09T10:00:00+08:00' });
    const file = emit([third, makeArticle(), makeRichArticle()], site);
    expect(file.sources).toEqual(['input/articles/rich-story.txt', 'input/articles/cyberspace-governance.txt']);
    query(file.text, (doc) => {
      expect(texts(doc, '/rss/channel/item/link')).toEqual([makeRichArticle().url, makeArticle().url]);
      // The channel is dated by its own items: the dropped article's later update does not count.
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Thu, 05 Sep 2024 02:15:00 GMT']);
    });
  });

  it('is deterministic: same bytes twice, and nothing depends on the machine time zone', () => {
    const articles = [makeRichArticle(), makeArticle()];
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const westHour = new Date(0).getHours();
      const west = emitRss(articles, makeSite());
      process.env.TZ = 'Asia/Kolkata';
      expect(new Date(0).getHours(), 'the TZ change took effect').not.toBe(westHour);
      const east = emitRss(articles, makeSite());
      expect(east).toEqual(west);
      expect(emitRss(articles, makeSite())).toEqual(east);
      expect(west[0]!.text).not.toMatch(/[+-]0[78]00|[+-]0530|PDT|PST|IST/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('keeps a headline with "]]>" (twice) well-formed and reads it back unchanged', () => {
    const headline = 'Brackets ]]> and again ]]> end';
    const text = emit([makeArticle({ headline, description: 'Summary with ]]> inside.' })]).text;
    query(text, (doc) => {
      expect(texts(doc, '/rss/channel/item/title')).toEqual([headline]);
      expect(texts(doc, '/rss/channel/item/description')).toEqual(['Summary with ]]&gt; inside.']);
    });
  });

  it('keeps entity-like text literal (no "&nbsp;" or "&amp;" leaks into the XML)', () => {
    const headline = 'AT&T; says &nbsp; and &amp; are text';
    const text = emit([makeArticle({ headline })]).text;
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/);
    expect(text).toContain('<title>AT&#x26;T; says &#x26;nbsp; and &#x26;amp; are text</title>');
    query(text, (doc) => expect(texts(doc, '/rss/channel/item/title')).toEqual([headline]));
  });

  it('strips characters XML 1.0 forbids and those feed validators reject (C1 controls, U+FFFD, noncharacters) from every text', () => {
    const text = emit([
      makeRichArticle({
        headline: 'Bell\u0007 and \uD800 half \uFFFE\uFFFF',
        description: 'Null\u0000 byte\u0085 and \uFFFD',
        paragraphs: ['Tab\tkept, form feed\f gone, DEL\u007F gone, \uFDD0 gone, \uDBFF\uDFFF gone, emoji 😀 kept.'],
        sections: ['Soc\u0001iety'],
        authors: [{ name: 'Liu\u001B Caiyu\u009C' }],
      }),
    ]).text;
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF\uFDD0]/);
    query(text, (doc) => {
      expect(texts(doc, '/rss/channel/item/title')).toEqual(['Bell and  half ']);
      expect(texts(doc, '/rss/channel/item/description')).toEqual(['Null byte and ']);
      expect(texts(doc, '/rss/channel/item/dc:creator')).toEqual(['Liu Caiyu']);
      expect(texts(doc, '/rss/channel/item/category')).toEqual(['Society']);
      expect(texts(doc, '//content:encoded')[0]).toContain('<p>Tab\tkept, form feed gone, DEL gone,  gone,  gone, emoji 😀 kept.</p>');
    });
  });

  it('keeps a site URL with "&" well-formed in the category domain (feed does not escape that attribute)', () => {
    const site = makeSite({ url: 'https://news.example/a&b/' });
    query(emit([makeArticle()], site).text, (doc) => {
      expect(attrs(doc, '/rss/channel/item/category', 'domain')).toEqual(['https://news.example/a%26b/sections/', 'https://news.example/a%26b/sections/']);
      expect(texts(doc, '/rss/channel/link')).toEqual(['https://news.example/a&b/']);
    });
  });

  it('is total for zero articles: only the site feed, epoch-dated, without items', () => {
    const files = emitRss([], makeSite());
    expect(files.map((f) => f.path)).toEqual(['rss.xml']);
    expect(files[0]!.sources).toEqual([]);
    query(files[0]!.text, (doc) => {
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Thu, 01 Jan 1970 00:00:00 GMT']);
      expect(doc.find('//item')).toEqual([]);
    });
  });

  it('writes documents that start with the XML declaration and end with a single newline', () => {
    for (const file of emitRss([makeRichArticle(), makeArticle()], makeSite())) {
      expect(file.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
      expect(file.text.endsWith('</rss>\n')).toBe(true);
    }
  });
});

describe('emitRss: section feeds', () => {
  const world = makeArticle({
    id: 'asia-trade',
    guid: 'tag:globaltimes.cn,2024:article:asia-trade',
    source: 'input/articles/asia-trade.txt',
    url: 'https://www.globaltimes.cn/page/202409/asia-trade.shtml',
    sections: ['World', 'Asia & Pacific'],
    datePublished: '2024-09-03T10:00:00+08:00',
  });
  const unfiled = makeArticle({ id: 'unfiled', guid: 'tag:globaltimes.cn,2024:article:unfiled', source: 'input/articles/unfiled.txt', sections: [], datePublished: '2024-09-02T10:00:00+08:00' });
  const articles = [world, unfiled, makeArticle(), makeRichArticle()];

  it('writes the site feed, then one feed per section path prefix, sorted by path', () => {
    expect(emitRss(articles, makeSite()).map((f) => f.path)).toEqual([
      'rss.xml',
      'sections/china/rss.xml',
      'sections/china/society/rss.xml',
      'sections/world/rss.xml',
      'sections/world/asia-pacific/rss.xml',
    ]);
  });

  it('puts in each section feed the articles under that path, newest first, with their sources', () => {
    const files = emitRss(articles, makeSite());
    expect(fileAt(files, 'rss.xml').sources).toEqual(['input/articles/rich-story.txt', 'input/articles/cyberspace-governance.txt', 'input/articles/asia-trade.txt', 'input/articles/unfiled.txt']);
    expect(fileAt(files, 'sections/china/rss.xml').sources).toEqual(['input/articles/rich-story.txt', 'input/articles/cyberspace-governance.txt']);
    expect(fileAt(files, 'sections/world/asia-pacific/rss.xml').sources).toEqual(['input/articles/asia-trade.txt']);
    query(fileAt(files, 'sections/world/rss.xml').text, (doc) => expect(texts(doc, '/rss/channel/item/link')).toEqual([world.url]));
  });

  it('gives each section feed its own self link, title, section page link and date', () => {
    query(fileAt(emitRss(articles, makeSite()), 'sections/world/asia-pacific/rss.xml').text, (doc) => {
      expect(attrs(doc, '/rss/channel/atom:link', 'href')).toEqual(['https://www.globaltimes.cn/syndication/sections/world/asia-pacific/rss.xml']);
      expect(texts(doc, '/rss/channel/title')).toEqual(['Global Times — World / Asia & Pacific']);
      expect(texts(doc, '/rss/channel/link')).toEqual(['https://www.globaltimes.cn/world/asia-pacific/']);
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Tue, 03 Sep 2024 02:00:00 GMT']);
    });
    query(fileAt(emitRss(articles, makeSite()), 'sections/china/society/rss.xml').text, (doc) => {
      expect(texts(doc, '/rss/channel/title')).toEqual(['Global Times — China / Society']);
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Thu, 05 Sep 2024 02:15:00 GMT']);
    });
  });

  it('links the site when section pages are not configured', () => {
    const site = makeSite();
    delete site.sectionPermalink;
    query(fileAt(emitRss(articles, site), 'sections/world/rss.xml').text, (doc) => expect(texts(doc, '/rss/channel/link')).toEqual(['https://www.globaltimes.cn/']));
  });

  it('applies feed.limit to every section feed, newest first', () => {
    const site = makeSite({ feed: { ...makeSite().feed, limit: 1 } });
    const files = emitRss(articles, site);
    for (const file of files) expect(file.sources.length, file.path).toBe(1);
    expect(fileAt(files, 'sections/china/rss.xml').sources).toEqual(['input/articles/rich-story.txt']);
  });

  it('percent-encodes non-ASCII section paths in the self link, and keeps section names as written in the title', () => {
    const files = emitRss([makeArticle({ sections: ['中国', 'Société'] })], makeSite());
    expect(files.map((f) => f.path)).toEqual(['rss.xml', 'sections/中国/rss.xml', 'sections/中国/société/rss.xml']);
    query(fileAt(files, 'sections/中国/société/rss.xml').text, (doc) => {
      expect(attrs(doc, '/rss/channel/atom:link', 'href')).toEqual(['https://www.globaltimes.cn/syndication/sections/%E4%B8%AD%E5%9B%BD/soci%C3%A9t%C3%A9/rss.xml']);
      expect(texts(doc, '/rss/channel/title')).toEqual(['Global Times — 中国 / Société']);
    });
  });
});

describe('feedPaths and feedUrls (for section feeds and HTML heads)', () => {
  it('gives the site feeds and a section path its dist/ paths and public URLs', () => {
    expect(feedPaths()).toEqual({ rss: 'rss.xml', atom: 'atom.xml' });
    expect(feedPaths('china/society')).toEqual({ rss: 'sections/china/society/rss.xml', atom: 'sections/china/society/atom.xml' });
    expect(feedUrls(makeSite())).toEqual({ rss: 'https://www.globaltimes.cn/syndication/rss.xml', atom: 'https://www.globaltimes.cn/syndication/atom.xml' });
    expect(feedUrls(makeSite(), 'china/society')).toEqual({
      rss: 'https://www.globaltimes.cn/syndication/sections/china/society/rss.xml',
      atom: 'https://www.globaltimes.cn/syndication/sections/china/society/atom.xml',
    });
    expect(toFeedUrl(makeSite(), 'sections/china/rss.xml')).toBe('https://www.globaltimes.cn/syndication/sections/china/rss.xml');
  });

  it('never lets a section named with dots escape its folder', () => {
    expect(feedPaths('..')).toEqual({ rss: 'sections/_../rss.xml', atom: 'sections/_../atom.xml' });
    expect(feedPaths('a/./b')).toEqual({ rss: 'sections/a/_./b/rss.xml', atom: 'sections/a/_./b/atom.xml' });
    expect(feedUrls(makeSite(), '..').rss).toBe('https://www.globaltimes.cn/syndication/sections/_../rss.xml');
    expect(emitRss([makeArticle({ sections: ['..'] })], makeSite()).map((f) => f.path)).toEqual(['rss.xml', 'sections/x2e-2e/rss.xml']);
  });
});
