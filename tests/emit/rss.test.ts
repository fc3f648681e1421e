import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { emitRss } from '../../src/emit/rss.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const NS = { atom: 'http://www.w3.org/2005/Atom', content: 'http://purl.org/rss/1.0/modules/content/', dc: 'http://purl.org/dc/elements/1.1/' };

function emit(articles: Article[], site = makeSite()): OutputFile {
  const files = emitRss(articles, site);
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

function texts(doc: XmlDocument, xpath: string): string[] {
  return doc.find(xpath, NS).map((n) => n.content);
}

function attrs(doc: XmlDocument, xpath: string, name: string): string[] {
  return (doc.find(xpath, NS) as XmlElement[]).map((e) => e.attr(name)?.value ?? '(absent)');
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

describe('emitRss', () => {
  it('writes the sample-shaped article exactly (golden document)', () => {
    const file = emit([makeArticle()]);
    expect(file).toMatchObject({ path: 'rss.xml', format: 'rss', sources: ['input/articles/cyberspace-governance.txt'] });
    expect(file.text).toBe(SAMPLE_RSS);
  });

  it('gives the sample the expected headline, link, guid, date, creator, categories and self link', () => {
    query(emit([makeArticle()]).text, (doc) => {
      expect(texts(doc, '/rss/channel/item/title')).toEqual([makeArticle().headline]);
      expect(texts(doc, '/rss/channel/item/link')).toEqual(['https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml']);
      expect(texts(doc, '/rss/channel/item/guid')).toEqual(['tag:globaltimes.cn,2024:article:cyberspace-governance']);
      expect(texts(doc, '/rss/channel/item/pubDate')).toEqual(['Wed, 04 Sep 2024 13:03:00 GMT']);
      expect(texts(doc, '/rss/channel/item/dc:creator')).toEqual(['Global Times']);
      expect(texts(doc, '/rss/channel/item/category')).toEqual(['China', 'Society']);
      expect(attrs(doc, '/rss/channel/item/category', 'domain')).toEqual(['https://www.globaltimes.cn/sections/', 'https://www.globaltimes.cn/sections/']);
      expect(attrs(doc, '/rss/channel/atom:link', 'rel')).toEqual(['self']);
      expect(attrs(doc, '/rss/channel/atom:link', 'href')).toEqual(['https://www.globaltimes.cn/syndication/rss.xml']);
      // Never a bare-name <author>, no enclosure (no byte length known), no generator.
      expect(doc.find('//author | //enclosure | //generator')).toEqual([]);
      // The photo has no URL: no figure, only the body paragraphs.
      expect(texts(doc, '//content:encoded')[0]).not.toContain('<figure>');
    });
  });

  it('writes the rich article: plain-text headline, one dc:creator per byline, figures with escaped captions', () => {
    const rich = makeRichArticle();
    const text = emit([rich]).text;
    expect(text).toContain('<title>Tariffs &amp; trade: "&lt;b&gt;" is not a tag — 关税 (Zölle) ☕</title>');
    query(text, (doc) => {
      expect(texts(doc, '/rss/channel/item/title')).toEqual([rich.headline]);
      // pubDate is the first publication; the channel's lastBuildDate is the update time.
      expect(texts(doc, '/rss/channel/item/pubDate')).toEqual(['Thu, 05 Sep 2024 00:30:00 GMT']);
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Thu, 05 Sep 2024 02:15:00 GMT']);
      expect(texts(doc, '/rss/channel/item/dc:creator')).toEqual(['Liu Caiyu', 'Zhang Han']);
      expect(doc.find('//author')).toEqual([]);
      const content = texts(doc, '//content:encoded')[0]!;
      expect(content).toBe(
        '<figure><img src="https://www.globaltimes.cn/photo/a.jpg" alt="A port in Shanghai &amp; ships &lt;at&gt; dawn."><figcaption>A port in Shanghai &amp; ships &lt;at&gt; dawn. — Li Hao/GT</figcaption></figure>\n' +
          '<figure><img src="https://www.globaltimes.cn/photo/b.png" alt="Second photo."><figcaption>Second photo.</figcaption></figure>\n' +
          rich.paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
      );
    });
  });

  it('puts the newest article first whatever order it is given, and dates the channel by the newest change', () => {
    const older = makeArticle({ id: 'older', datePublished: '2024-09-01T08:00:00+08:00', dateModified: '2024-09-06T08:00:00+08:00' });
    const text = emit([older, makeArticle(), makeRichArticle()]).text;
    query(text, (doc) => {
      expect(texts(doc, '/rss/channel/item/guid')).toEqual([
        'tag:globaltimes.cn,2024:article:rich-story',
        'tag:globaltimes.cn,2024:article:cyberspace-governance',
        'tag:globaltimes.cn,2024:article:older',
      ]);
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Fri, 06 Sep 2024 00:00:00 GMT']);
    });
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
      expect(west).not.toMatch(/[+-]0[78]00|[+-]0530|PDT|PST|IST/);
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
    query(text, (doc) => expect(texts(doc, '/rss/channel/item/title')).toEqual([headline]));
  });

  it('strips characters XML 1.0 forbids from every text', () => {
    const text = emit([
      makeRichArticle({
        headline: 'Bell\u0007 and \uD800 half \uFFFE\uFFFF',
        description: 'Null\u0000 byte',
        paragraphs: ['Tab\tkept, form feed\f gone, emoji 😀 kept.'],
        sections: ['Soc\u0001iety'],
        authors: [{ name: 'Liu\u001B Caiyu' }],
      }),
    ]).text;
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    query(text, (doc) => {
      expect(texts(doc, '/rss/channel/item/title')).toEqual(['Bell and  half ']);
      expect(texts(doc, '/rss/channel/item/description')).toEqual(['Null byte']);
      expect(texts(doc, '/rss/channel/item/dc:creator')).toEqual(['Liu Caiyu']);
      expect(texts(doc, '/rss/channel/item/category')).toEqual(['Society']);
      expect(texts(doc, '//content:encoded')[0]).toContain('<p>Tab\tkept, form feed gone, emoji 😀 kept.</p>');
    });
  });

  it('keeps a site URL with "&" well-formed in the category domain (feed does not escape that attribute)', () => {
    const site = makeSite({ url: 'https://news.example/a&b/' });
    query(emit([makeArticle()], site).text, (doc) => {
      expect(attrs(doc, '/rss/channel/item/category', 'domain')).toEqual(['https://news.example/a%26b/sections/', 'https://news.example/a%26b/sections/']);
      expect(texts(doc, '/rss/channel/link')).toEqual(['https://news.example/a&b/']);
    });
  });

  it('is total for zero articles: an epoch-dated channel without items', () => {
    const file = emit([]);
    expect(file.sources).toEqual([]);
    query(file.text, (doc) => {
      expect(texts(doc, '/rss/channel/lastBuildDate')).toEqual(['Thu, 01 Jan 1970 00:00:00 GMT']);
      expect(doc.find('//item')).toEqual([]);
    });
  });

  it('writes one document that starts with the XML declaration and ends with a single newline', () => {
    const text = emit([makeRichArticle(), makeArticle()]).text;
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    expect(text.endsWith('</rss>\n')).toBe(true);
  });
});
