import { describe, expect, it } from 'vitest';
import { emitAtom } from '../../src/emit/atom.ts';
import { feedUrls } from '../../src/emit/feed.ts';
import { escapeHtml } from '../../src/emit/html.ts';
import type { Article, Image } from '../../src/model/article.ts';
import { toSlug } from '../../src/model/identity.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { fileAt, query, siteFeed, xmlReaders } from '../helpers/xml.ts';

const NS = { a: 'http://www.w3.org/2005/Atom', media: 'http://search.yahoo.com/mrss/' };

const { texts, attrs } = xmlReaders(NS);

/** The site-wide feed (`atom.xml`), which always comes first. */
function emit(articles: Article[], site = makeSite()): OutputFile {
  return siteFeed(emitAtom(articles, site), 'atom.xml');
}

function fullPhoto(overrides: Partial<Image> = {}): Image {
  return { ...makeRichArticle().images[0]!, byteLength: 48213, creator: 'Li Hao', copyright: '© Global Times', ...overrides };
}

const SAMPLE_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://www.globaltimes.cn/</id>
  <title type="text">Global Times</title>
  <updated>2024-09-04T13:03:00Z</updated>
  <author>
    <name>Global Times</name>
    <uri>https://www.globaltimes.cn/</uri>
  </author>
  <link rel="alternate" href="https://www.globaltimes.cn/"/>
  <link rel="self" href="https://www.globaltimes.cn/syndication/atom.xml"/>
  <subtitle type="text">News and opinion from China and around the world by Global Times.</subtitle>
  <rights type="text">Copyright Global Times. All rights reserved.</rights>
  <entry>
    <title type="text">China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars</title>
    <id>tag:globaltimes.cn,2024:article:cyberspace-governance</id>
    <link href="https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml"/>
    <updated>2024-09-04T13:03:00Z</updated>
    <summary type="text">China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.</summary>
    <content type="html"><![CDATA[<p>China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.</p>
<p>Cyberspace surveillance, cyberattacks, and cyber terrorism have become global public nuisances, Li said.</p>]]></content>
    <category scheme="https://www.globaltimes.cn/sections/" term="china" label="China"/>
    <category scheme="https://www.globaltimes.cn/sections/" term="society" label="Society"/>
    <published>2024-09-04T13:03:00Z</published>
  </entry>
</feed>
`;

describe('emitAtom: the site feed', () => {
  it('takes the body from the article HTML (a Markdown body), after the figures', () => {
    const bodyHtml = '<h2>Sub</h2>\n<p>A <em>b</em> <a href="https://example.com/x">c</a>.</p>\n<ul>\n<li>d</li>\n</ul>';
    query(emit([makeRichArticle({ bodyHtml })]).text, (doc) => {
      expect(texts(doc, '//a:entry/a:content')[0]).toMatch(/<\/figure>\n<h2>Sub<\/h2>\n<p>A <em>b<\/em> <a href="https:\/\/example\.com\/x">c<\/a>\.<\/p>\n<ul>\n<li>d<\/li>\n<\/ul>$/);
    });
  });

  it('writes the sample-shaped article exactly (golden document)', () => {
    const file = emit([makeArticle()]);
    expect(file).toMatchObject({ path: 'atom.xml', format: 'atom', sources: ['input/articles/cyberspace-governance.txt'] });
    expect(file.text).toBe(SAMPLE_ATOM);
  });

  it('gives the sample xml:lang, one self link, dates in UTC, categories with term, label and scheme', () => {
    query(emit([makeArticle()]).text, (doc) => {
      expect(attrs(doc, '/a:feed', 'lang', 'xml')).toEqual(['en']);
      expect(attrs(doc, '/a:feed/a:link[@rel="self"]', 'href')).toEqual([feedUrls(makeSite()).atom]);
      expect(texts(doc, '/a:feed/a:author/a:name')).toEqual(['Global Times']);
      expect(texts(doc, '//a:entry/a:id')).toEqual(['tag:globaltimes.cn,2024:article:cyberspace-governance']);
      expect(attrs(doc, '//a:entry/a:link', 'href')).toEqual(['https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml']);
      // RFC 4287 §3.3 allows any offset; we write UTC to whole seconds (issue 2: 2024-09-04T13:03:00Z).
      expect(texts(doc, '//a:entry/a:updated | //a:entry/a:published')).toEqual(['2024-09-04T13:03:00Z', '2024-09-04T13:03:00Z']);
      expect(attrs(doc, '//a:category', 'label')).toEqual(['China', 'Society']);
      expect(attrs(doc, '//a:category', 'term')).toEqual(['china', 'society']);
      expect(attrs(doc, '//a:category', 'scheme')).toEqual(['https://www.globaltimes.cn/sections/', 'https://www.globaltimes.cn/sections/']);
      // No byline: the feed-level author covers the entry (RFC 4287 §4.1.1).
      expect(doc.find('//a:entry/a:author', NS)).toEqual([]);
      // The photo has no URL: no media, no enclosure, no media namespace.
      expect(doc.find('//media:content | //a:link[@rel="enclosure"]', NS)).toEqual([]);
      expect(doc.root.nsDeclarations.media).toBeUndefined();
    });
  });

  it('writes the rich article: plain-text title, update and publication times, bylines with URIs', () => {
    const rich = makeRichArticle();
    const text = emit([rich]).text;
    expect(text).toContain('<title type="text">Tariffs &#x26; trade: "&#x3C;b&gt;" is not a tag — 关税 (Zölle) ☕</title>');
    query(text, (doc) => {
      expect(texts(doc, '//a:entry/a:title')).toEqual([rich.headline]);
      expect(texts(doc, '//a:entry/a:summary')).toEqual([rich.description]);
      expect(texts(doc, '//a:entry/a:updated')).toEqual(['2024-09-05T02:15:00Z']);
      expect(texts(doc, '//a:entry/a:published')).toEqual(['2024-09-05T00:30:00Z']);
      expect(texts(doc, '/a:feed/a:updated')).toEqual(['2024-09-05T02:15:00Z']);
      expect(texts(doc, '//a:entry/a:author/a:name')).toEqual(['Liu Caiyu', 'Zhang Han']);
      expect(texts(doc, '//a:entry/a:author/a:uri')).toEqual(['https://www.globaltimes.cn/author/zhang-han']);
      expect(texts(doc, '//a:entry/a:content')[0]).toMatch(/^<figure><img src="https:\/\/www\.globaltimes\.cn\/photo\/a\.jpg" alt="A port in Shanghai &amp; ships &lt;at&gt; dawn\." width="1200" height="675">/);
    });
  });

  it('writes Media RSS for each photo with a URL and one enclosure link for the first photo with type and byte length', () => {
    const article = makeRichArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/n.jpg', byteLength: 10, caption: 'No type.' }, fullPhoto(), fullPhoto({ url: 'https://www.globaltimes.cn/photo/d.jpg' })] });
    const text = emit([article]).text;
    expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en">');
    query(text, (doc) => {
      const enclosure = '//a:entry/a:link[@rel="enclosure"]';
      expect(attrs(doc, enclosure, 'href')).toEqual(['https://www.globaltimes.cn/photo/a.jpg']);
      expect(attrs(doc, enclosure, 'type')).toEqual(['image/jpeg']);
      expect(attrs(doc, enclosure, 'length')).toEqual(['48213']);
      const content = '//a:entry/media:content';
      expect(attrs(doc, content, 'url')).toEqual(['https://www.globaltimes.cn/photo/n.jpg', 'https://www.globaltimes.cn/photo/a.jpg', 'https://www.globaltimes.cn/photo/d.jpg']);
      expect(attrs(doc, content, 'medium')).toEqual(['image', 'image', 'image']);
      expect(attrs(doc, content, 'type')).toEqual(['(absent)', 'image/jpeg', 'image/jpeg']);
      expect(texts(doc, `${content}[2]/media:description`)).toEqual(['A port in Shanghai & ships <at> dawn.']);
      expect(texts(doc, `${content}[2]/media:credit`)).toEqual(['Li Hao', 'Li Hao/GT']);
      expect(attrs(doc, `${content}[2]/media:credit`, 'role')).toEqual(['photographer', '(absent)']);
      expect(texts(doc, `${content}[2]/media:copyright`)).toEqual(['© Global Times']);
    });
  });

  it('puts the newest entry first, breaks ties by id, and dates the feed by the newest change, not the first entry', () => {
    const older = makeArticle({ id: 'older', guid: 'tag:globaltimes.cn,2024:article:older', datePublished: '2024-09-01T08:00:00+08:00', dateModified: '2024-09-06T08:00:00+08:00' });
    const twinB = makeArticle({ id: 'twin-b', guid: 'tag:globaltimes.cn,2024:article:twin-b', datePublished: '2024-09-02T08:00:00+08:00' });
    const twinA = makeArticle({ id: 'twin-a', guid: 'tag:globaltimes.cn,2024:article:twin-a', datePublished: '2024-09-02T08:00:00+08:00' });
    query(emit([older, twinB, makeArticle(), twinA, makeRichArticle()]).text, (doc) => {
      expect(texts(doc, '//a:entry/a:id').map((id) => id.replace('tag:globaltimes.cn,2024:article:', ''))).toEqual(['rich-story', 'cyberspace-governance', 'twin-a', 'twin-b', 'older']);
      expect(texts(doc, '/a:feed/a:updated')).toEqual(['2024-09-06T00:00:00Z']);
    });
  });

  it('holds at most feed.limit entries and is dated by them', () => {
    const site = makeSite({ feed: { ...makeSite().feed, limit: 1 } });
    const later = makeArticle({ id: 'later-update', guid: 'tag:globaltimes.cn,2024:article:later-update', datePublished: '2024-09-01T08:00:00+08:00', dateModified: '2024-09-30T08:00:00+08:00' });
    const file = emit([later, makeRichArticle()], site);
    expect(file.sources).toEqual(['input/articles/rich-story.txt']);
    query(file.text, (doc) => expect(texts(doc, '/a:feed/a:updated')).toEqual(['2024-09-05T02:15:00Z']));
  });

  it('marks an entry whose language differs from the site with its own xml:lang', () => {
    query(emit([makeArticle({ language: 'zh-CN' })]).text, (doc) => {
      expect(attrs(doc, '//a:entry', 'lang', 'xml')).toEqual(['zh-CN']);
    });
    query(emit([makeArticle()]).text, (doc) => expect(attrs(doc, '//a:entry', 'lang', 'xml')).toEqual(['(absent)']));
  });

  it('writes section labels with "<" and "&" through the DOM, escaped', () => {
    const text = emit([makeArticle({ sections: ['Q&A', 'A<B'] })]).text;
    expect(text).toContain('label="Q&amp;A"');
    expect(text).toContain('label="A&lt;B"');
    query(text, (doc) => {
      expect(attrs(doc, '//a:category', 'label')).toEqual(['Q&A', 'A<B']);
      expect(attrs(doc, '//a:category', 'term')).toEqual(['q-a', 'a-b']);
    });
  });

  it('writes text constructs from the model (RSS Profile references for "&" and "<")', () => {
    const site = makeSite({ name: 'News & <Views>', feed: { ...makeSite().feed, title: 'N&V', description: 'A <b> &amp; C' } });
    const text = emit([makeArticle({ authors: [{ name: 'A & B <c>' }] })], site).text;
    expect(text).toContain('<title type="text">N&#x26;V</title>');
    query(text, (doc) => {
      expect(texts(doc, '/a:feed/a:subtitle')).toEqual(['A <b> &amp; C']);
      expect(texts(doc, '/a:feed/a:author/a:name')).toEqual(['News & <Views>']);
      expect(texts(doc, '//a:entry/a:author/a:name')).toEqual(['A & B <c>']);
    });
  });

  it('is deterministic: same bytes twice, and nothing depends on the machine time zone', () => {
    const articles = [makeRichArticle(), makeArticle()];
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Honolulu';
      const hawaiiHour = new Date(0).getHours();
      const hawaii = emitAtom(articles, makeSite());
      process.env.TZ = 'Asia/Tokyo';
      expect(new Date(0).getHours(), 'the TZ change took effect').not.toBe(hawaiiHour);
      const tokyo = emitAtom(articles, makeSite());
      expect(tokyo).toEqual(hawaii);
      expect(emitAtom(articles, makeSite())).toEqual(tokyo);
      expect(tokyo[0]!.text).not.toMatch(/[+-](?:10|09):00|\.\d{3}Z/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('keeps a headline with "]]>" well-formed; the text title reads back as written', () => {
    const headline = 'Brackets ]]> and again ]]> end';
    query(emit([makeArticle({ headline })]).text, (doc) => {
      expect(texts(doc, '//a:entry/a:title')).toEqual([headline]);
    });
  });

  it('writes every text construct type="text" (RFC 4287 §3.1.1.1), once, with the text of the model; content stays HTML', () => {
    const headline = 'M&A boom: BST\'s "<b>" &amp; &nbsp; ]]>';
    const description = 'Q&A <i>x</i> &#39;';
    const site = makeSite({ feed: { ...makeSite().feed, title: 'A & <B>', description: 'x &amp; y' }, copyright: { ...makeSite().copyright, notice: '© A&B' } });
    const text = emit([makeArticle({ headline, description })], site).text;
    expect(text).not.toContain('CDATA[M');
    query(text, (doc) => {
      for (const path of ['/a:feed/a:title', '/a:feed/a:subtitle', '/a:feed/a:rights', '//a:entry/a:title', '//a:entry/a:summary']) {
        expect(attrs(doc, path, 'type'), path).toEqual(['text']);
        expect(doc.find(`${path}/@type`, NS), path).toHaveLength(1);
      }
      expect(attrs(doc, '//a:entry/a:content', 'type')).toEqual(['html']);
      expect(texts(doc, '/a:feed/a:title')).toEqual(['A & <B>']);
      expect(texts(doc, '/a:feed/a:subtitle')).toEqual(['x &amp; y']);
      expect(texts(doc, '/a:feed/a:rights')).toEqual(['© A&B']);
      expect(texts(doc, '//a:entry/a:title')).toEqual([headline]);
      expect(texts(doc, '//a:entry/a:summary')).toEqual([description]);
    });
  });

  it('strips characters XML 1.0 forbids and those feed validators reject from every text', () => {
    const text = emit([makeRichArticle({ headline: 'Bell\u0007 and \uDC00 half\u0080', authors: [{ name: 'Liu\u0000 Caiyu\uFFFD' }], sections: ['Wor\u000Bld'] })]).text;
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/);
    query(text, (doc) => {
      expect(texts(doc, '//a:entry/a:title')).toEqual(['Bell and  half']);
      expect(texts(doc, '//a:entry/a:author/a:name')).toEqual(['Liu Caiyu']);
      expect(attrs(doc, '//a:category', 'label')).toEqual(['World']);
    });
  });

  it('is total for zero articles: only the site feed, epoch-dated, without entries', () => {
    const files = emitAtom([], makeSite());
    expect(files.map((f) => f.path)).toEqual(['atom.xml']);
    expect(files[0]!.sources).toEqual([]);
    expect(files[0]!.text.endsWith('</feed>\n')).toBe(true);
    query(files[0]!.text, (doc) => {
      expect(texts(doc, '/a:feed/a:updated')).toEqual(['1970-01-01T00:00:00Z']);
      expect(doc.find('//a:entry', NS)).toEqual([]);
    });
  });
});

describe('emitAtom: section feeds', () => {
  const world = makeArticle({
    id: 'asia-trade',
    guid: 'tag:globaltimes.cn,2024:article:asia-trade',
    source: 'input/articles/asia-trade.txt',
    url: 'https://www.globaltimes.cn/page/202409/asia-trade.shtml',
    sections: ['World', 'Asia & Pacific'],
    datePublished: '2024-09-03T10:00:00+08:00',
  });
  const articles = [world, makeArticle(), makeRichArticle()];

  it('writes the site feed, then one feed per section path prefix, sorted by path', () => {
    expect(emitAtom(articles, makeSite()).map((f) => f.path)).toEqual([
      'atom.xml',
      'sections/china/atom.xml',
      'sections/china/society/atom.xml',
      'sections/world/atom.xml',
      'sections/world/asia-pacific/atom.xml',
    ]);
  });

  it('gives each section feed its own id, self link, title, section page link and date', () => {
    query(fileAt(emitAtom(articles, makeSite()), 'sections/china/society/atom.xml').text, (doc) => {
      expect(texts(doc, '/a:feed/a:id')).toEqual(['https://www.globaltimes.cn/china/society/']);
      expect(attrs(doc, '/a:feed/a:link[@rel="self"]', 'href')).toEqual(['https://www.globaltimes.cn/syndication/sections/china/society/atom.xml']);
      expect(attrs(doc, '/a:feed/a:link[@rel="alternate"]', 'href')).toEqual(['https://www.globaltimes.cn/china/society/']);
      expect(texts(doc, '/a:feed/a:title')).toEqual(['Global Times — China / Society']);
      expect(texts(doc, '/a:feed/a:updated')).toEqual(['2024-09-05T02:15:00Z']);
      expect(texts(doc, '//a:entry/a:id')).toEqual([makeRichArticle().guid, makeArticle().guid]);
    });
    query(fileAt(emitAtom(articles, makeSite()), 'sections/world/atom.xml').text, (doc) => {
      expect(texts(doc, '/a:feed/a:title')).toEqual(['Global Times — World']);
      expect(texts(doc, '/a:feed/a:updated')).toEqual(['2024-09-03T02:00:00Z']);
    });
  });

  it('without section pages, links the site and takes its own Atom URL as the feed id', () => {
    const site = makeSite();
    delete site.sectionPermalink;
    query(fileAt(emitAtom(articles, site), 'sections/world/atom.xml').text, (doc) => {
      expect(attrs(doc, '/a:feed/a:link[@rel="alternate"]', 'href')).toEqual(['https://www.globaltimes.cn/']);
      expect(texts(doc, '/a:feed/a:id')).toEqual(['https://www.globaltimes.cn/syndication/sections/world/atom.xml']);
    });
  });
});

describe('toSlug (category terms)', () => {
  it.each([
    ['Society', 'society'],
    ['Arts & Culture', 'arts-culture'],
    ['  Science / Tech  ', 'science-tech'],
    ['中国 新闻', '中国-新闻'],
    ['—', 'x2014'],
  ])('%s → %s', (section, term) => expect(toSlug(section)).toBe(term));
});
