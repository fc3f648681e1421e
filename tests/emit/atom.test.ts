import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { emitAtom } from '../../src/emit/atom.ts';
import { feedUrls } from '../../src/emit/feed.ts';
import { toSlug } from '../../src/model/identity.ts';
import { escapeHtml } from '../../src/emit/html.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const NS = { a: 'http://www.w3.org/2005/Atom' };

function emit(articles: Article[], site = makeSite()): OutputFile {
  const files = emitAtom(articles, site);
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

function attrs(doc: XmlDocument, xpath: string, name: string, prefix?: string): string[] {
  return (doc.find(xpath, NS) as XmlElement[]).map((e) => e.attr(name, prefix)?.value ?? '(absent)');
}

const SAMPLE_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://www.globaltimes.cn/</id>
  <title>Global Times</title>
  <updated>2024-09-04T13:03:00Z</updated>
  <author>
    <name>Global Times</name>
    <uri>https://www.globaltimes.cn/</uri>
  </author>
  <link rel="alternate" href="https://www.globaltimes.cn/"/>
  <link rel="self" href="https://www.globaltimes.cn/syndication/atom.xml"/>
  <subtitle>News and opinion from China and around the world by Global Times.</subtitle>
  <rights>Copyright Global Times. All rights reserved.</rights>
  <entry>
    <title type="html"><![CDATA[China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars]]></title>
    <id>tag:globaltimes.cn,2024:article:cyberspace-governance</id>
    <link href="https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml"/>
    <updated>2024-09-04T13:03:00Z</updated>
    <summary type="html"><![CDATA[China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.]]></summary>
    <content type="html"><![CDATA[<p>China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.</p>
<p>Cyberspace surveillance, cyberattacks, and cyber terrorism have become global public nuisances, Li said.</p>]]></content>
    <category scheme="https://www.globaltimes.cn/sections/" term="china" label="China"/>
    <category scheme="https://www.globaltimes.cn/sections/" term="society" label="Society"/>
    <published>2024-09-04T13:03:00Z</published>
  </entry>
</feed>
`;

describe('emitAtom', () => {
  it('writes the sample-shaped article exactly (golden document)', () => {
    const file = emit([makeArticle()]);
    expect(file).toMatchObject({ path: 'atom.xml', format: 'atom', sources: ['input/articles/cyberspace-governance.txt'] });
    expect(file.text).toBe(SAMPLE_ATOM);
  });

  it('gives the sample xml:lang, one self link, whole-second UTC dates, categories with term, label and scheme', () => {
    query(emit([makeArticle()]).text, (doc) => {
      expect(attrs(doc, '/a:feed', 'lang', 'xml')).toEqual(['en']);
      expect(attrs(doc, '/a:feed/a:link[@rel="self"]', 'href')).toEqual([feedUrls(makeSite()).atom]);
      expect(texts(doc, '/a:feed/a:author/a:name')).toEqual(['Global Times']);
      expect(texts(doc, '//a:entry/a:id')).toEqual(['tag:globaltimes.cn,2024:article:cyberspace-governance']);
      expect(attrs(doc, '//a:entry/a:link', 'href')).toEqual(['https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml']);
      expect(texts(doc, '//a:entry/a:updated | //a:entry/a:published')).toEqual(['2024-09-04T13:03:00Z', '2024-09-04T13:03:00Z']);
      expect(attrs(doc, '//a:category', 'label')).toEqual(['China', 'Society']);
      expect(attrs(doc, '//a:category', 'term')).toEqual(['china', 'society']);
      expect(attrs(doc, '//a:category', 'scheme')).toEqual(['https://www.globaltimes.cn/sections/', 'https://www.globaltimes.cn/sections/']);
      // No byline: the feed-level author covers the entry (RFC 4287 §4.1.1).
      expect(doc.find('//a:entry/a:author', NS)).toEqual([]);
    });
  });

  it('writes the rich article: escaped HTML title, update and publication times, bylines with URIs', () => {
    const rich = makeRichArticle();
    const text = emit([rich]).text;
    expect(text).toContain('<title type="html"><![CDATA[Tariffs &amp; trade: &quot;&lt;b&gt;&quot; is not a tag — 关税 (Zölle) ☕]]></title>');
    query(text, (doc) => {
      expect(texts(doc, '//a:entry/a:title')).toEqual([escapeHtml(rich.headline)]);
      expect(texts(doc, '//a:entry/a:updated')).toEqual(['2024-09-05T02:15:00Z']);
      expect(texts(doc, '//a:entry/a:published')).toEqual(['2024-09-05T00:30:00Z']);
      expect(texts(doc, '/a:feed/a:updated')).toEqual(['2024-09-05T02:15:00Z']);
      expect(texts(doc, '//a:entry/a:author/a:name')).toEqual(['Liu Caiyu', 'Zhang Han']);
      expect(texts(doc, '//a:entry/a:author/a:uri')).toEqual(['https://www.globaltimes.cn/author/zhang-han']);
      expect(texts(doc, '//a:entry/a:content')[0]).toMatch(/^<figure><img src="https:\/\/www\.globaltimes\.cn\/photo\/a\.jpg" alt="A port in Shanghai &amp; ships &lt;at&gt; dawn\.">/);
    });
  });

  it('puts the newest entry first and dates the feed by the newest change, not the first entry', () => {
    const older = makeArticle({ id: 'older', datePublished: '2024-09-01T08:00:00+08:00', dateModified: '2024-09-06T08:00:00+08:00' });
    query(emit([older, makeArticle(), makeRichArticle()]).text, (doc) => {
      expect(texts(doc, '//a:entry/a:id')).toEqual([
        'tag:globaltimes.cn,2024:article:rich-story',
        'tag:globaltimes.cn,2024:article:cyberspace-governance',
        'tag:globaltimes.cn,2024:article:older',
      ]);
      expect(texts(doc, '/a:feed/a:updated')).toEqual(['2024-09-06T00:00:00Z']);
    });
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

  it('is deterministic: same bytes twice, and nothing depends on the machine time zone', () => {
    const articles = [makeRichArticle(), makeArticle()];
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Honolulu';
      const hawaiiHour = new Date(0).getHours();
      const hawaii = emit(articles).text;
      process.env.TZ = 'Asia/Tokyo';
      expect(new Date(0).getHours(), 'the TZ change took effect').not.toBe(hawaiiHour);
      const tokyo = emit(articles).text;
      expect(tokyo).toBe(hawaii);
      expect(emit(articles).text).toBe(tokyo);
      expect(tokyo).not.toMatch(/[+-](?:10|09):00|\.\d{3}Z/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('keeps a headline with "]]>" well-formed; the html title decodes back to it', () => {
    const headline = 'Brackets ]]> and again ]]> end';
    query(emit([makeArticle({ headline })]).text, (doc) => {
      expect(texts(doc, '//a:entry/a:title')).toEqual(['Brackets ]]&gt; and again ]]&gt; end']);
    });
  });

  it('strips characters XML 1.0 forbids from every text', () => {
    const text = emit([makeRichArticle({ headline: 'Bell\u0007 and \uDC00 half', authors: [{ name: 'Liu\u0000 Caiyu' }], sections: ['Wor\u000Bld'] })]).text;
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    query(text, (doc) => {
      expect(texts(doc, '//a:entry/a:title')).toEqual(['Bell and  half']);
      expect(texts(doc, '//a:entry/a:author/a:name')).toEqual(['Liu Caiyu']);
      expect(attrs(doc, '//a:category', 'label')).toEqual(['World']);
    });
  });

  it('is total for zero articles: an epoch-dated feed without entries', () => {
    const file = emit([]);
    expect(file.sources).toEqual([]);
    expect(file.text.endsWith('</feed>\n')).toBe(true);
    query(file.text, (doc) => {
      expect(texts(doc, '/a:feed/a:updated')).toEqual(['1970-01-01T00:00:00Z']);
      expect(doc.find('//a:entry', NS)).toEqual([]);
    });
  });
});

describe('toSlug (category terms)', () => {
  it.each([
    ['Society', 'society'],
    ['Arts & Culture', 'arts-culture'],
    ['  Science / Tech  ', 'science-tech'],
    ['中国 新闻', '中国-新闻'],
    ['—', '%E2%80%94'],
  ])('%s → %s', (section, term) => expect(toSlug(section)).toBe(term));
});
