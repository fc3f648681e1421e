import { XmlAttribute, XmlDocument, XmlElement } from 'libxml2-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { emitNewsml, parseXhtmlFragment, toNewsMessage } from '../../src/emit/newsml.ts';
import { readMarkdown } from '../../src/read/markdown.ts';
import type { Article } from '../../src/model/article.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const NS = { n: 'http://iptc.org/std/nar/2006-10-01/', h: 'http://www.w3.org/1999/xhtml' };

const opened: XmlDocument[] = [];
afterEach(() => {
  for (const doc of opened.splice(0)) doc.dispose();
});

/** Emits the article and parses the result (disposed after each test). */
function parse(article: Article, site = makeSite()): XmlDocument {
  const doc = XmlDocument.fromString(toNewsMessage(article, site));
  opened.push(doc);
  return doc;
}

function elements(doc: XmlDocument, xpath: string): XmlElement[] {
  return doc.find(xpath, NS).filter((n): n is XmlElement => n instanceof XmlElement);
}

function names(doc: XmlDocument, xpath: string): string[] {
  return elements(doc, xpath).map((e) => e.name);
}

function values(doc: XmlDocument, xpath: string): string[] {
  return doc.find(xpath, NS).map((n) => (n instanceof XmlAttribute ? n.value : n.content));
}

function value(doc: XmlDocument, xpath: string): string | undefined {
  const found = values(doc, xpath);
  expect(found.length, `${xpath} should match once`).toBeLessThanOrEqual(1);
  return found[0];
}

const TEXT = '/n:newsMessage/n:itemSet/n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:text"]';
const PACKAGE = '/n:newsMessage/n:itemSet/n:packageItem';
const PICTURES = '/n:newsMessage/n:itemSet/n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:picture"]';

describe('emitNewsml', () => {
  it('writes one newsml.xml per article with its source', () => {
    const files = emitNewsml([makeRichArticle(), makeArticle()], makeSite());
    expect(files.map(({ path, format, sources }) => ({ path, format, sources }))).toEqual([
      { path: 'articles/rich-story/newsml.xml', format: 'newsml', sources: ['input/articles/rich-story.txt'] },
      { path: 'articles/cyberspace-governance/newsml.xml', format: 'newsml', sources: ['input/articles/cyberspace-governance.txt'] },
    ]);
    expect(emitNewsml([], makeSite())).toEqual([]);
  });

  it('starts with the XML declaration and ends with exactly one newline', () => {
    const text = toNewsMessage(makeArticle(), makeSite());
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')).toBe(true);
    expect(text.endsWith('</newsMessage>\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('gives the same bytes for the same input, whatever the machine’s time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const a = toNewsMessage(makeRichArticle(), makeSite());
      process.env.TZ = 'Asia/Kolkata';
      const b = toNewsMessage(makeRichArticle(), makeSite());
      expect(b).toBe(a);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('newsMessage', () => {
  it('is sent at the article’s last change, with its offset (no clock)', () => {
    expect(value(parse(makeArticle()), '/n:newsMessage/n:header/n:sent')).toBe('2024-09-04T21:03:00+08:00');
    expect(value(parse(makeRichArticle()), '/n:newsMessage/n:header/n:sent')).toBe('2024-09-05T10:15:00+08:00');
  });

  it('holds the package, the text item, then one picture item per photo with a URL', () => {
    const sample = parse(makeArticle());
    expect(names(sample, '/n:newsMessage/n:itemSet/*')).toEqual(['packageItem', 'newsItem']);
    const rich = parse(makeRichArticle());
    expect(names(rich, '/n:newsMessage/n:itemSet/*')).toEqual(['packageItem', 'newsItem', 'newsItem', 'newsItem']);
    expect(values(rich, '/n:newsMessage/n:itemSet/*/@guid')).toEqual([
      'tag:globaltimes.cn,2024:article:rich-story:package',
      'tag:globaltimes.cn,2024:article:rich-story',
      'tag:globaltimes.cn,2024:article:rich-story:photo-1',
      'tag:globaltimes.cn,2024:article:rich-story:photo-2',
    ]);
  });

  it('numbers photos by their position in the article, so adding a URL to an earlier photo keeps guids', () => {
    const [first, second] = makeRichArticle().images;
    const doc = parse(makeRichArticle({ images: [{ caption: 'No URL yet.' }, first!, second!] }));
    expect(values(doc, `${PICTURES}/@guid`)).toEqual([
      'tag:globaltimes.cn,2024:article:rich-story:photo-2',
      'tag:globaltimes.cn,2024:article:rich-story:photo-3',
    ]);
  });

  it('marks every item NewsML-G2 2.35 power, version 1, in the article’s language', () => {
    const doc = parse(makeRichArticle({ language: 'zh-CN' }));
    for (const item of elements(doc, '/n:newsMessage/n:itemSet/*')) {
      expect(item.attr('standard')?.value).toBe('NewsML-G2');
      expect(item.attr('standardversion')?.value).toBe('2.35');
      expect(item.attr('conformance')?.value).toBe('power');
      expect(item.attr('version')?.value).toBe('1');
      expect(item.attr('lang', 'xml')?.value).toBe('zh-CN');
      expect(values(doc, `/n:newsMessage/n:itemSet/*[@guid="${item.attr('guid')?.value}"]/n:catalogRef/@href`)).toEqual([
        'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml',
      ]);
    }
  });

  it('gives every item rights info and itemMeta in schema order with offsets kept verbatim', () => {
    const doc = parse(makeRichArticle());
    for (const item of elements(doc, '/n:newsMessage/n:itemSet/*')) {
      const guid = item.attr('guid')?.value;
      const at = `/n:newsMessage/n:itemSet/*[@guid="${guid}"]`;
      expect(value(doc, `${at}/n:rightsInfo/n:copyrightHolder/n:name`)).toBe('Global Times');
      expect(value(doc, `${at}/n:rightsInfo/n:copyrightNotice`)).toBe('Copyright Global Times. All rights reserved.');
      expect(names(doc, `${at}/n:itemMeta/*`).filter((n) => n !== 'link')).toEqual(['itemClass', 'provider', 'versionCreated', 'firstCreated', 'pubStatus']);
      expect(value(doc, `${at}/n:itemMeta/n:provider/@uri`)).toBe('https://www.globaltimes.cn/');
      expect(value(doc, `${at}/n:itemMeta/n:provider/n:name`)).toBe('Global Times');
      expect(value(doc, `${at}/n:itemMeta/n:versionCreated`)).toBe('2024-09-05T10:15:00+08:00');
      expect(value(doc, `${at}/n:itemMeta/n:firstCreated`)).toBe('2024-09-05T08:30:00+08:00');
      expect(value(doc, `${at}/n:itemMeta/n:pubStatus/@qcode`)).toBe('stat:usable');
    }
  });
});

describe('packageItem', () => {
  it('is a composite whose root group lists the text and picture items', () => {
    const doc = parse(makeRichArticle());
    expect(value(doc, `${PACKAGE}/n:itemMeta/n:itemClass/@qcode`)).toBe('ninat:composite');
    expect(names(doc, `${PACKAGE}/n:contentMeta/*`)).toEqual(['slugline', 'headline']);
    expect(value(doc, `${PACKAGE}/n:contentMeta/n:slugline`)).toBe('rich-story');
    expect(value(doc, `${PACKAGE}/n:contentMeta/n:headline`)).toBe(makeRichArticle().headline);
    expect(value(doc, `${PACKAGE}/n:groupSet/@root`)).toBe('root');
    expect(value(doc, `${PACKAGE}/n:groupSet/n:group/@id`)).toBe('root');
    expect(value(doc, `${PACKAGE}/n:groupSet/n:group/@role`)).toBe('group:main');
    const refs = `${PACKAGE}/n:groupSet/n:group/n:itemRef`;
    expect(values(doc, `${refs}/@residref`)).toEqual([
      'tag:globaltimes.cn,2024:article:rich-story',
      'tag:globaltimes.cn,2024:article:rich-story:photo-1',
      'tag:globaltimes.cn,2024:article:rich-story:photo-2',
    ]);
    expect(values(doc, `${refs}/@version`)).toEqual(['1', '1', '1']);
    expect(new Set(values(doc, `${refs}/@contenttype`))).toEqual(new Set(['application/vnd.iptc.g2.newsitem+xml']));
    expect(values(doc, `${refs}/n:itemClass/@qcode`)).toEqual(['ninat:text', 'ninat:picture', 'ninat:picture']);
    expect(values(doc, `${refs}/n:pubStatus/@qcode`)).toEqual(['stat:usable', 'stat:usable', 'stat:usable']);
    expect(values(doc, `${refs}/n:title`)).toEqual([makeRichArticle().headline, 'A port in Shanghai & ships <at> dawn.', 'Second photo.']);
  });

  it('describes each itemRef as IPTC’s package example does: provider, version time, status, title, description', () => {
    const doc = parse(makeRichArticle());
    const refs = `${PACKAGE}/n:groupSet/n:group/n:itemRef`;
    expect(elements(doc, refs).map((ref) => ref.find('*').map((c) => (c as XmlElement).name))).toEqual([
      ['itemClass', 'provider', 'versionCreated', 'pubStatus', 'title', 'slugline', 'headline', 'description'],
      ['itemClass', 'provider', 'versionCreated', 'pubStatus', 'title', 'description'],
      ['itemClass', 'provider', 'versionCreated', 'pubStatus', 'title', 'description'],
    ]);
    expect(values(doc, `${refs}/n:provider/@uri`)).toEqual(['https://www.globaltimes.cn/', 'https://www.globaltimes.cn/', 'https://www.globaltimes.cn/']);
    expect(values(doc, `${refs}/n:provider/n:name`)).toEqual(['Global Times', 'Global Times', 'Global Times']);
    expect(values(doc, `${refs}/n:versionCreated`)).toEqual(['2024-09-05T10:15:00+08:00', '2024-09-05T10:15:00+08:00', '2024-09-05T10:15:00+08:00']);
    expect(values(doc, `${refs}/n:slugline`)).toEqual(['rich-story']);
    expect(values(doc, `${refs}/n:headline`)).toEqual([makeRichArticle().headline]);
    expect(values(doc, `${refs}/n:description/@role`)).toEqual(['drol:summary', 'drol:caption', 'drol:caption']);
    expect(values(doc, `${refs}/n:description`)).toEqual([makeRichArticle().description, 'A port in Shanghai & ships <at> dawn.', 'Second photo.']);
  });

  it('declares the non-IPTC group-role alias in an inline catalog', () => {
    const doc = parse(makeArticle());
    expect(names(doc, `${PACKAGE}/*`)).toEqual(['catalogRef', 'catalog', 'rightsInfo', 'itemMeta', 'contentMeta', 'groupSet']);
    expect(value(doc, `${PACKAGE}/n:catalog/n:scheme/@alias`)).toBe('group');
    expect(value(doc, `${PACKAGE}/n:catalog/n:scheme/@uri`)).toBe('https://www.globaltimes.cn/newsml/cv/grouprole/');
  });
});

describe('text newsItem', () => {
  it('links to each picture item from itemMeta', () => {
    const doc = parse(makeRichArticle());
    expect(values(doc, `${TEXT}/n:itemMeta/n:link/@rel`)).toEqual(['irel:seeAlso', 'irel:seeAlso']);
    expect(values(doc, `${TEXT}/n:itemMeta/n:link/@residref`)).toEqual([
      'tag:globaltimes.cn,2024:article:rich-story:photo-1',
      'tag:globaltimes.cn,2024:article:rich-story:photo-2',
    ]);
    expect(values(doc, `${TEXT}/n:itemMeta/n:link/@version`)).toEqual(['1', '1']);
    expect(values(doc, `${TEXT}/n:itemMeta/n:link/@contenttype`)).toEqual(['application/vnd.iptc.g2.newsitem+xml', 'application/vnd.iptc.g2.newsitem+xml']);
    expect(values(parse(makeArticle()), `${TEXT}/n:itemMeta/n:link`)).toEqual([]);
  });

  it('puts contentMeta in the strict order, administrative before descriptive (rich article)', () => {
    const doc = parse(makeRichArticle());
    expect(names(doc, `${TEXT}/n:contentMeta/*`)).toEqual([
      'contentCreated', 'contentModified', 'located', 'creator', 'creator', 'language', 'keyword', 'keyword', 'subject',
      'slugline', 'headline', 'dateline', 'by', 'creditline', 'description',
    ]);
    expect(value(doc, `${TEXT}/n:contentMeta/n:contentCreated`)).toBe('2024-09-05T08:30:00+08:00');
    expect(value(doc, `${TEXT}/n:contentMeta/n:contentModified`)).toBe('2024-09-05T10:15:00+08:00');
    expect(values(doc, `${TEXT}/n:contentMeta/n:creator/n:name`)).toEqual(['Liu Caiyu', 'Zhang Han']);
    expect(values(doc, `${TEXT}/n:contentMeta/n:creator/@uri`)).toEqual(['https://www.globaltimes.cn/author/zhang-han']);
    expect(value(doc, `${TEXT}/n:contentMeta/n:located/n:name`)).toBe('BEIJING');
    expect(elements(doc, `${TEXT}/n:contentMeta/n:located`)[0]!.attrs).toEqual([]);
    expect(value(doc, `${TEXT}/n:contentMeta/n:language/@tag`)).toBe('en');
    expect(values(doc, `${TEXT}/n:contentMeta/n:keyword`)).toEqual(['trade', 'tariffs']);
    expect(elements(doc, `${TEXT}/n:contentMeta/n:keyword`).flatMap((k) => k.attrs)).toEqual([]);
    expect(value(doc, `${TEXT}/n:contentMeta/n:slugline`)).toBe('rich-story');
    expect(value(doc, `${TEXT}/n:contentMeta/n:headline`)).toBe('Tariffs & trade: "<b>" is not a tag — 关税 (Zölle) ☕');
    expect(value(doc, `${TEXT}/n:contentMeta/n:dateline`)).toBe('BEIJING');
    expect(value(doc, `${TEXT}/n:contentMeta/n:by`)).toBe('Liu Caiyu and Zhang Han');
    expect(value(doc, `${TEXT}/n:contentMeta/n:creditline`)).toBe('Global Times');
    expect(value(doc, `${TEXT}/n:contentMeta/n:description/@role`)).toBe('drol:summary');
    expect(value(doc, `${TEXT}/n:contentMeta/n:description`)).toBe(makeRichArticle().description);
  });

  it('leaves out what the sample does not know: no update, byline or dateline', () => {
    const doc = parse(makeArticle());
    expect(names(doc, `${TEXT}/n:contentMeta/*`)).toEqual(['contentCreated', 'language', 'subject', 'slugline', 'headline', 'creditline', 'description']);
  });

  it('writes the byline as readers do: commas, then "and" before the last name (English only)', () => {
    const by = (names: string[], language = 'en') => value(parse(makeArticle({ language, authors: names.map((name) => ({ name })) })), `${TEXT}/n:contentMeta/n:by`);
    expect(by(['Liu Caiyu'])).toBe('Liu Caiyu');
    expect(by(['A', 'B', 'C'])).toBe('A, B and C');
    expect(by(['刘彩玉', '张晗'], 'zh-CN')).toBe('刘彩玉, 张晗');
  });

  it('keeps keywords and the located name as given, the name on one line', () => {
    const doc = parse(makeArticle({ dateline: 'NEW\nYORK', keywords: ['R&D', 'AT&T;'] }));
    expect(value(doc, `${TEXT}/n:contentMeta/n:located/n:name`)).toBe('NEW YORK');
    expect(values(doc, `${TEXT}/n:contentMeta/n:keyword`)).toEqual(['R&D', 'AT&T;']);
  });

  it('adds one Media Topic subject per mapped section, each topic once', () => {
    const site = makeSite({
      mediaTopics: {
        Society: { qcode: 'medtop:14000000', name: 'society' },
        Social: { qcode: 'medtop:14000000', name: 'society' },
        Science: { qcode: 'medtop:13000000', name: 'science and technology' },
      },
    });
    const doc = parse(makeArticle({ sections: ['China', 'Society', 'Social', 'Science', 'Society'] }), site);
    const subjects = `${TEXT}/n:contentMeta/n:subject`;
    expect(values(doc, `${subjects}/@qcode`)).toEqual(['medtop:14000000', 'medtop:13000000']);
    expect(values(doc, `${subjects}/@type`)).toEqual(['cpnat:abstract', 'cpnat:abstract']);
    expect(values(doc, `${subjects}/n:name`)).toEqual(['society', 'science and technology']);
    expect(values(doc, `${subjects}/n:name/@xml:lang`)).toEqual(['en', 'en']);
    expect(values(parse(makeArticle({ sections: ['World'] })), `${subjects}`)).toEqual([]);
  });

  it('carries the body as exactly one XHTML document, one <p> per paragraph, text escaped', () => {
    const paragraphs = ['First <script>alert(1)</script> & more.', 'Second "quoted" paragraph.'];
    const doc = parse(makeRichArticle({ paragraphs }));
    const inline = `${TEXT}/n:contentSet/n:inlineXML`;
    expect(value(doc, `${inline}/@contenttype`)).toBe('application/xhtml+xml');
    expect(elements(doc, `${inline}/*`).map((e) => `${e.namespaceUri} ${e.name}`)).toEqual(['http://www.w3.org/1999/xhtml html']);
    expect(value(doc, `${inline}/h:html/h:head/h:title`)).toBe(makeRichArticle().headline);
    expect(values(doc, `${inline}/h:html/h:body/*`)).toEqual(paragraphs);
    expect(names(doc, `${inline}/h:html/h:body/*`)).toEqual(['p', 'p']);
    expect(elements(doc, `${inline}//h:script`)).toEqual([]);
  });

  it('drops characters XML 1.0 forbids and keeps names on one line', () => {
    const text = toNewsMessage(
      makeRichArticle({ headline: 'Bell\u0007 and \uD800 half', paragraphs: ['Form\f feed'], authors: [{ name: 'Liu\n\tCaiyu' }] }),
      makeSite(),
    );
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800]/);
    const doc = XmlDocument.fromString(text);
    opened.push(doc);
    expect(value(doc, `${TEXT}/n:contentMeta/n:headline`)).toBe('Bell and  half');
    expect(value(doc, `${TEXT}/n:contentMeta/n:creator/n:name`)).toBe('Liu Caiyu');
  });
});

describe('picture newsItem', () => {
  it('describes the photo and points at its file (rich article, first photo)', () => {
    const doc = parse(makeRichArticle());
    const photo = `${PICTURES}[1]`;
    expect(names(doc, `${photo}/n:contentMeta/*`)).toEqual(['language', 'creditline', 'description']);
    expect(value(doc, `${photo}/n:contentMeta/n:creditline`)).toBe('Li Hao/GT');
    expect(value(doc, `${photo}/n:contentMeta/n:description/@role`)).toBe('drol:caption');
    expect(value(doc, `${photo}/n:contentMeta/n:description`)).toBe('A port in Shanghai & ships <at> dawn.');
    const remote = elements(doc, `${photo}/n:contentSet/n:remoteContent`);
    expect(remote).toHaveLength(1);
    expect(Object.fromEntries(remote[0]!.attrs.map((a) => [a.name, a.value]))).toEqual({
      href: 'https://www.globaltimes.cn/photo/a.jpg',
      contenttype: 'image/jpeg',
      width: '1200',
      height: '675',
      rendition: 'rnd:highRes',
    });
  });

  it('names the photo’s creator and carries its own copyright notice, claiming no holder', () => {
    const image = { url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'C.', credit: 'Li Hao/Xinhua', creator: 'Li Hao', copyright: '© 2024 Xinhua' };
    const doc = parse(makeArticle({ images: [image] }));
    expect(names(doc, `${PICTURES}/n:contentMeta/*`)).toEqual(['creator', 'language', 'creditline', 'description']);
    expect(value(doc, `${PICTURES}/n:contentMeta/n:creator/n:name`)).toBe('Li Hao');
    expect(names(doc, `${PICTURES}/n:rightsInfo/*`)).toEqual(['copyrightNotice']);
    expect(value(doc, `${PICTURES}/n:rightsInfo/n:copyrightNotice`)).toBe('© 2024 Xinhua');
    // The text item and the package keep the publication's statement.
    expect(values(doc, '/n:newsMessage/n:itemSet/*/n:rightsInfo/n:copyrightHolder/n:name')).toEqual(['Global Times', 'Global Times']);
  });

  it('gives a photo without its own notice the publication’s rights statement', () => {
    const doc = parse(makeRichArticle());
    expect(values(doc, `${PICTURES}/n:rightsInfo/n:copyrightHolder/n:name`)).toEqual(['Global Times', 'Global Times']);
    expect(values(doc, `${PICTURES}/n:contentMeta/n:contentCreated`)).toEqual([]);
  });

  it('leaves out credit, type and size when unknown', () => {
    const doc = parse(makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'Only a caption.' }] }));
    expect(names(doc, `${PICTURES}/n:contentMeta/*`)).toEqual(['language', 'description']);
    const remote = elements(doc, `${PICTURES}/n:contentSet/n:remoteContent`)[0]!;
    expect(remote.attrs.map((a) => a.name)).toEqual(['href', 'rendition']);
  });
});

describe('entity-like text (xmlbuilder2 leaves `&name;` unescaped unless we escape it first)', () => {
  it('keeps "&nbsp;", "AT&T;" and "&amp;" literally and stays well-formed', async () => {
    const { XmlDocument } = await import('libxml2-wasm');
    const headline = 'R&D: AT&T; says &nbsp; and &amp; and &#38; are text';
    const text = toNewsMessage(makeArticle({ headline, paragraphs: [headline] }), makeSite());
    const doc = XmlDocument.fromString(text);
    try {
      const ns = { n: 'http://iptc.org/std/nar/2006-10-01/', h: 'http://www.w3.org/1999/xhtml' };
      expect(doc.get('//n:newsItem/n:contentMeta/n:headline', ns)?.content).toBe(headline);
      expect(doc.get('//h:body/h:p', ns)?.content).toBe(headline);
    } finally {
      doc.dispose();
    }
  });
});

describe('XHTML body from the article HTML (Markdown bodies)', () => {
  const BODY = `${TEXT}/n:contentSet/n:inlineXML/h:html/h:body`;
  const html = [
    '<h2>Sub <em>head</em></h2>',
    '<p>Text with <em>em</em>, <strong>strong</strong> and <a href="https://example.com/?a=1&amp;b=2" title="t &lt;x&gt;">a link</a>.<br /> Next &amp;nbsp; &#38;amp; &#x1F600; &quot;q&quot; &#39;s&#39;</p>',
    '<ul>\n<li>one</li>\n<li>two <code>x &lt; y</code>\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>',
    '<ol start="3">\n<li>\n<p>loose</p>\n</li>\n</ol>',
    '<blockquote>\n<p>quoted</p>\n</blockquote>',
    '<pre><code class="language-ts">if (a &lt; b) {\n  return;\n}\n</code></pre>',
    '<p><img src="https://example.com/a.png" alt="A &amp; B" /></p>',
    '<hr />',
  ].join('\n');
  const article = () => makeArticle({ bodyHtml: html, paragraphs: ['Sub head', 'Text.'] });

  it('carries every element, attribute and text exactly, in the XHTML namespace', () => {
    const doc = parse(article());
    expect(names(doc, `${BODY}/*`)).toEqual(['h2', 'p', 'ul', 'ol', 'blockquote', 'pre', 'p', 'hr']);
    expect(elements(doc, `${BODY}//*`).every((e) => e.namespaceUri === NS.h)).toBe(true);
    expect(value(doc, `${BODY}/h:p[1]`)).toBe('Text with em, strong and a link. Next &nbsp; &amp; 😀 "q" \'s\'');
    expect(value(doc, `${BODY}/h:p[1]/h:a/@href`)).toBe('https://example.com/?a=1&b=2');
    expect(value(doc, `${BODY}/h:p[1]/h:a/@title`)).toBe('t <x>');
    expect(names(doc, `${BODY}/h:p[1]/*`)).toEqual(['em', 'strong', 'a', 'br']);
    expect(value(doc, `${BODY}/h:ol/@start`)).toBe('3');
    expect(value(doc, `${BODY}/h:pre/h:code`)).toBe('if (a < b) {\n  return;\n}\n');
    expect(value(doc, `${BODY}/h:pre/h:code/@class`)).toBe('language-ts');
    expect(value(doc, `${BODY}/h:p[2]/h:img/@alt`)).toBe('A & B');
    expect(values(doc, `${BODY}/h:ul/h:li[2]/h:ul/h:li`)).toEqual(['nested']);
  });

  it('writes phrasing content on one line, as built, and lays out blocks as before', () => {
    const text = toNewsMessage(article(), makeSite());
    // No indentation or line breaks were added inside a paragraph, around inline elements or in <pre>.
    expect(text).toContain('\n              <p>Text with <em>em</em>, <strong>strong</strong> and <a href="https://example.com/?a=1&amp;b=2" title="t &lt;x&gt;">a link</a>.<br /> Next &amp;nbsp; &amp;amp; 😀 "q" \'s\'</p>\n');
    expect(text).toContain('\n              <h2>Sub <em>head</em></h2>\n');
    expect(text).toContain('\n              <pre><code class="language-ts">if (a &lt; b) {\n  return;\n}\n</code></pre>\n');
    // Blocks that hold only blocks are laid out like the rest of the document.
    expect(text).toContain('\n              <blockquote>\n                <p>quoted</p>\n              </blockquote>\n');
    expect(text).toContain('\n              <ol start="3">\n                <li>\n                  <p>loose</p>\n                </li>\n              </ol>\n');
    expect(text).toContain('\n              <hr />\n            </body>\n');
  });

  it('gives wire copy\'s one-<p>-per-paragraph body exactly the layout it had', () => {
    const text = toNewsMessage(makeArticle({ paragraphs: ['One & two.', 'Three.'] }), makeSite());
    expect(text).toContain('            <body>\n              <p>One &amp; two.</p>\n              <p>Three.</p>\n            </body>\n');
  });

  it('falls back to the plain paragraphs when the HTML is not the promised XHTML', () => {
    for (const bodyHtml of ['<p>unclosed', '<p>a</b>', '<p>&nbsp;</p>', '<P>upper</P>', '<p><!-- c --></p>', 'a < b', '<p a=b>x</p>', '<p a="1" a="2">x</p>']) {
      const doc = parse(makeArticle({ bodyHtml, paragraphs: ['Plain one.', 'Plain two.'] }));
      expect(values(doc, `${BODY}/*`), bodyHtml).toEqual(['Plain one.', 'Plain two.']);
    }
  });

  it('parses the promised subset exactly (parseXhtmlFragment)', () => {
    expect(parseXhtmlFragment('<p class="x" title=\'a &amp; b\'>1 &lt; 2 &#x41;&#66;&apos;</p>\n<br/><hr />')).toEqual([
      { name: 'p', attributes: [['class', 'x'], ['title', 'a & b']], children: ['1 < 2 AB\''] },
      '\n',
      { name: 'br', attributes: [], children: [] },
      { name: 'hr', attributes: [], children: [] },
    ]);
    expect(parseXhtmlFragment('')).toEqual([]);
    expect(parseXhtmlFragment('<p>&#x110000;</p>')).toBeUndefined();
    expect(parseXhtmlFragment('<p title="&">x</p>')).toBeUndefined();
    expect(parseXhtmlFragment('</p>')).toBeUndefined();
  });

  it('a Markdown article gives a body every XML parser reads back, XML-forbidden characters dropped', () => {
    const markdown = '---\nheadline: H\ndate: 2024-09-04 21:03\n---\nBell\u0007 *ring* ]]> & <x>\n\n```\ncode\u0001 <y>\n```\n';
    const { article: read } = readMarkdown({ path: 'input/articles/bell.md', bytes: new TextEncoder().encode(markdown) }, makeSite());
    const text = toNewsMessage(read!, makeSite());
    expect(text).not.toMatch(/[\u0001\u0007]/);
    const doc = parse(read!);
    expect(values(doc, `${BODY}/*`)).toEqual(['Bell ring ]]> &', 'code <y>\n']);
    expect(text).toContain('<p>Bell <em>ring</em> ]]&gt; &amp;</p>');
  });
});
