import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitAtom } from '../../src/emit/atom.ts';
import type { Article, Image } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { validateAtom } from '../../src/validate/atom.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenText, distinctRuleIds, expectDamageReported, lineOf, outputFile } from '../helpers/validate.ts';

const site = makeSite();

function file(text: string, path = 'atom.xml'): OutputFile {
  return outputFile('atom', path, text);
}

function validate(text: string, path = 'atom.xml'): Diagnostic[] {
  return validateAtom(file(text, path), site);
}

/** The distinct rule ids found, leaving out the generic `schema` findings our RELAX NG schema may add for the same defect. */
function ruleIds(text: string): string[] {
  return distinctRuleIds(validate(text));
}

function severities(text: string): [string, string][] {
  return validate(text).filter((d) => d.ruleId !== 'schema').map((d) => [d.severity, d.ruleId]);
}

/** The rich article with a complete first photo (URL, type, size, byte length, creator, copyright): media and enclosure. */
function richWithPhoto(overrides: Partial<Article> = {}): Article {
  const photo: Image = { ...makeRichArticle().images[0]!, byteLength: 48213, creator: 'Li Hao', copyright: '© Global Times' };
  return makeRichArticle({ images: [photo, makeRichArticle().images[1]!], ...overrides });
}

function emitted(articles: Article[] = [richWithPhoto(), makeArticle()]): string {
  return emitAtom(articles, site)[0]!.text;
}

/** Our output for the rich and sample articles, edited by `edit`; fails loudly when the edit did not apply. */
function broken(edit: (text: string) => string): string {
  return brokenText(emitted(), edit);
}

const several: Article[] = [
  richWithPhoto(),
  makeArticle(),
  makeArticle({ id: 'third', guid: 'tag:globaltimes.cn,2024:article:third', datePublished: '2024-09-03T10:00:00+08:00', sections: [], language: 'zh-CN' }),
  makeArticle({ id: 'world', guid: 'tag:globaltimes.cn,2024:article:world', datePublished: '2024-09-02T10:00:00+08:00', sections: ['World', 'Q&A <Asia>', '中国'], authors: [{ name: 'A & B <c>' }] }),
];

describe('validateAtom on our own output: clean (no error, no warning)', () => {
  it.each([
    ['sample', [makeArticle()]],
    ['rich', [makeRichArticle()]],
    ['rich with media and enclosure', [richWithPhoto()]],
    ['several', several],
    ['nasty headline with ]]> and entity-like text', [makeArticle({ headline: 'x ]]> y &nbsp; AT&T; <script> </i> &#39;', sections: ['A<B'] })]],
  ])('finds nothing wrong with any feed of the %s articles', (_name, articles) => {
    for (const output of emitAtom(articles, site)) expect(validateAtom(output, site), output.path).toEqual([]);
  });

  it('is clean for section feeds without section pages (id and alternate fall back)', () => {
    const noPages = makeSite();
    delete noPages.sectionPermalink;
    for (const output of emitAtom(several, noPages)) expect(validateAtom(output, noPages), output.path).toEqual([]);
  });

  it('only warns (date-out-of-range) on the epoch date of an empty feed', () => {
    expect(validate(emitted([])).map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'date-out-of-range']]);
  });
});

describe('validateAtom rules', () => {
  it('not-well-formed: reports a parse error with its position instead of throwing', () => {
    const found = validate('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>\n');
    expect(found.map((d) => d.ruleId)).toEqual(['not-well-formed']);
    expect(found[0]).toMatchObject({ file: 'atom.xml', severity: 'error', source: 'validate:atom', line: 2, origin: 'input/articles/rich-story.txt' });
  });

  it.each(['', '<feed', '<feed xmlns="http://www.w3.org/2005/Atom"><title>&nbsp;</title></feed>'])('not-well-formed: never throws on %j', (text) => {
    expect(validate(text).map((d) => d.ruleId)).toContain('not-well-formed');
  });

  it('never throws on a truncated or mangled document, and always finds something', () => {
    expectDamageReported(emitted(several), (text) => validate(text));
  });

  it('schema: missing xml:lang, a text title, a category without term, an unknown extension element', () => {
    // libxml2 reports a RELAX NG interleave mismatch as several errors; they are all `schema`.
    const only = (text: string) => [...new Set(validate(text).map((d) => d.ruleId))];
    expect(only(broken((t) => t.replace(' xml:lang="en"', '')))).toEqual(['schema']);
    // Escaped markup in a title declared as text also reads as HTML to the W3C validator.
    expect(only(broken((t) => t.replace('<title type="html">', '<title type="text">')))).toEqual(['schema', 'html-in-text']);
    expect(only(broken((t) => t.replace(' term="china"', '')))).toEqual(['schema']);
    expect(only(broken((t) => t.replace('<media:copyright>', '<media:rating>adult</media:rating><media:copyright>')))).toEqual(['schema']);
  });

  it('self-link: none, or two', () => {
    const none = broken((t) => t.replace(/\s*<link rel="self"[^>]*\/>/, ''));
    expect(ruleIds(none)).toEqual(['self-link']);
    const two = broken((t) => t.replace('<link rel="self"', '<link rel="self" href="https://www.globaltimes.cn/syndication/atom.xml"/>\n  <link rel="self"'));
    const found = validate(two);
    expect(found.map((d) => d.ruleId)).toEqual(['self-link']);
    expect(found[0]!.message).toContain('2 <link rel="self">');
  });

  it('self-link: not the public URL of this file (derived from its own path), or not an Atom type', () => {
    const text = broken((t) => t.replace('syndication/atom.xml', 'syndication/rss.xml'));
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['self-link']);
    expect(found[0]).toMatchObject({ line: lineOf(text, 'rel="self"') });
    expect(validate(emitted(), 'sections/china/society/atom.xml').map((d) => d.ruleId)).toEqual(['self-link']);
    const section = emitAtom([richWithPhoto(), makeArticle()], site).find((f) => f.path === 'sections/china/society/atom.xml')!;
    expect(validateAtom(section, site)).toEqual([]);
    expect(ruleIds(broken((t) => t.replace('<link rel="self"', '<link rel="self" type="application/rss+xml"')))).toEqual(['self-link']);
  });

  it('relative-url: entry id, entry link, author uri, category scheme, media url, and href/src in the content', () => {
    expect(ruleIds(broken((t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>rich-story</id>')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('href="https://www.globaltimes.cn/page/202409/rich-story.shtml"', 'href="page/202409/rich-story.shtml"')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('<uri>https://www.globaltimes.cn/author/zhang-han</uri>', '<uri>/author/zhang-han</uri>')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('scheme="https://www.globaltimes.cn/sections/"', 'scheme="sections"')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('<media:content url="https://www.globaltimes.cn/photo/b.png"', '<media:content url="b.png"')))).toEqual(['relative-url']);
    const image = broken((t) => t.replace('src="https://www.globaltimes.cn/photo/b.png"', 'src="photo/b.png"'));
    const found = validate(image);
    expect(found.map((d) => d.ruleId)).toEqual(['relative-url']);
    expect(found[0]!.line).toBe(lineOf(image, '<content type="html">'));
  });

  it('invalid-uri: a malformed tag: URI as entry id', () => {
    expect(ruleIds(broken((t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>tag:globaltimes.cn,24:rich-story</id>')))).toEqual(['invalid-uri']);
  });

  it('non-canonical-id: an id that is not in RFC 3986 normal form (warning)', () => {
    const upper = validate(broken((t) => t.replace('<id>https://www.globaltimes.cn/</id>', '<id>HTTPS://WWW.GlobalTimes.cn:443/a/../%7euser/</id>')));
    expect(upper.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'non-canonical-id']]);
    expect(upper[0]!.message).toContain('"https://www.globaltimes.cn/~user/"');
    expect(ruleIds(broken((t) => t.replace('<id>https://www.globaltimes.cn/</id>', '<id>https://www.globaltimes.cn/%e4%b8%ad/</id>')))).toEqual(['non-canonical-id']);
    expect(ruleIds(broken((t) => t.replace('<id>https://www.globaltimes.cn/</id>', '<id>https://www.globaltimes.cn/%E4%B8%AD/</id>')))).toEqual([]);
  });

  it('atom-date: no offset, not RFC 3339, impossible, lowercase z', () => {
    const noOffset = broken((t) => t.replace('<published>2024-09-04T13:03:00Z</published>', '<published>2024-09-04T21:03:00</published>'));
    expect(ruleIds(noOffset)).toEqual(['atom-date']);
    expect(validate(noOffset)[0]!.line).toBe(lineOf(noOffset, '<published>2024-09-04T21:03:00<'));
    expect(ruleIds(broken((t) => t.replace('<updated>2024-09-05T02:15:00Z</updated>', '<updated>Thu, 05 Sep 2024 02:15:00 GMT</updated>')))).toEqual(['atom-date']);
    expect(ruleIds(broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>2024-02-30T13:03:00Z')))).toEqual(['atom-date']);
    expect(ruleIds(broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>2024-09-04T13:03:00z')))).toEqual(['atom-date']);
  });

  it('atom-date: accepts UTC and fractional seconds', () => {
    expect(validate(broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>2024-09-04T13:03:00.250Z')))).toEqual([]);
  });

  it('date-out-of-range: a date before 1990 is a warning', () => {
    expect(severities(broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>1985-09-04T13:03:00Z')))).toEqual([['warning', 'date-out-of-range']]);
  });

  it('duplicate-id: two entries with the same id', () => {
    const twin = makeArticle({ id: 'twin', guid: makeArticle().guid, datePublished: '2024-09-03T10:00:00+08:00' });
    const text = emitted([makeArticle(), twin]);
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['duplicate-id']);
    expect(found[0]!.message).toContain(`line ${lineOf(text, '<id>tag:')}`);
  });

  it('duplicate-updated: two entries updated at the same instant (warning)', () => {
    const twin = makeArticle({ id: 'twin', guid: 'tag:globaltimes.cn,2024:article:twin' });
    expect(severities(emitted([makeArticle(), twin]))).toEqual([['warning', 'duplicate-updated']]);
  });

  it('email-in-name: an address inside an author name (warning)', () => {
    expect(severities(broken((t) => t.replace('<name>Liu Caiyu</name>', '<name>Liu Caiyu &lt;liu@globaltimes.cn&gt;</name>')))).toEqual([['warning', 'email-in-name']]);
  });

  it('html-in-text: an HTML end tag or an entity in a plain-text construct, label or caption (warnings)', () => {
    expect(severities(broken((t) => t.replace('<subtitle>News and opinion', '<subtitle>&lt;b&gt;News&lt;/b&gt; and opinion')))).toEqual([['warning', 'html-in-text']]);
    expect(severities(broken((t) => t.replace('<rights>Copyright Global Times.', '<rights>Copyright&amp;nbsp;Global Times.')))).toEqual([['warning', 'html-in-text']]);
    expect(severities(broken((t) => t.replace('label="Society"', 'label="&lt;i&gt;Society&lt;/i&gt;"')))).toEqual([['warning', 'html-in-text']]);
    expect(severities(broken((t) => t.replace('>Second photo.</media:description>', '>Second &lt;b&gt;photo&lt;/b&gt;.</media:description>')))).toEqual([['warning', 'html-in-text']]);
  });

  it('unsafe-content: script, embed, object and event handlers in html content, summary or title', () => {
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<script src="https://x.example/a.js"></script><p>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<embed src="https://x.example/a.swf"><p>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<object data="https://x.example/a"></object><p>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<summary type="html"><![CDATA[', '<summary type="html"><![CDATA[<b onclick="x()">!</b> ')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<title type="html"><![CDATA[', '<title type="html"><![CDATA[<iframe src="https://x.example/"></iframe>')))).toEqual(['unsafe-content']);
  });

  it('not-html: a non-HTML tag or a malformed reference in html content (warning)', () => {
    expect(severities(broken((t) => t.replace('<p>Cyberspace', '<marquee>x</marquee><p>Cyberspace')))).toEqual([['warning', 'not-html']]);
    expect(severities(broken((t) => t.replace('<p>Cyberspace', '<p>&bogus; x</p><p>Cyberspace')))).toEqual([['warning', 'not-html']]);
  });

  it('bad-characters: a C1 control character (warning)', () => {
    expect(severities(broken((t) => t.replace('<name>Zhang Han</name>', '<name>Zhang\u0085Han</name>')))).toEqual([['warning', 'bad-characters']]);
  });

  it('invalid-language: xml:lang that is not an ISO 639 code', () => {
    expect(ruleIds(broken((t) => t.replace(' xml:lang="en"', ' xml:lang="xx-YY"')))).toEqual(['invalid-language']);
  });

  it('media-namespace, avoid-namespace-prefix, unknown-namespace', () => {
    expect(ruleIds(broken((t) => t.replace('xmlns:media="http://search.yahoo.com/mrss/"', 'xmlns:media="http://search.yahoo.com/mrss"')))).toContain('media-namespace');
    expect(severities(broken((t) => t.replace('<feed ', '<feed xmlns:atom="http://www.w3.org/2005/Atom" ')))).toEqual([['warning', 'avoid-namespace-prefix']]);
    expect(severities(broken((t) => t.replace('<feed ', '<feed xmlns:gt="https://www.globaltimes.cn/ns" ')))).toEqual([['warning', 'unknown-namespace']]);
  });

  it('media-content, media-credit, media-description: the Media RSS value rules', () => {
    expect(ruleIds(broken((t) => t.replace('medium="image" type="image/png"', 'medium="photo" type="image/png"')))).toEqual(['media-content']);
    expect(ruleIds(broken((t) => t.replace('type="image/png" width="800"', 'type="image/png" width="-800"')))).toEqual(['media-content']);
    expect(ruleIds(broken((t) => t.replace('role="photographer"', 'role="camera"')))).toEqual(['media-credit']);
    expect(ruleIds(broken((t) => t.replace('<media:description type="plain">Second', '<media:description type="markdown">Second')))).toEqual(['media-description']);
  });

  it('enclosure: an enclosure link without a byte length or with a non-MIME type', () => {
    expect(ruleIds(broken((t) => t.replace(' length="48213"', '')))).toEqual(['enclosure']);
    expect(ruleIds(broken((t) => t.replace('<link rel="enclosure" href="https://www.globaltimes.cn/photo/a.jpg" type="image/jpeg"', '<link rel="enclosure" href="https://www.globaltimes.cn/photo/a.jpg" type="jpeg"')))).toEqual(['enclosure']);
  });

  it('duplicate-enclosure: two enclosure links in one entry (warning)', () => {
    expect(severities(broken((t) => t.replace(/(<link rel="enclosure"[^>]*\/>)/, '$1\n    $1')))).toEqual([['warning', 'duplicate-enclosure']]);
  });

  it('unexpected-whitespace: whitespace around an id or a date', () => {
    expect(ruleIds(broken((t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>\n      tag:globaltimes.cn,2024:article:rich-story\n    </id>')))).toEqual(['unexpected-whitespace']);
    expect(ruleIds(broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published> 2024-09-04T13:03:00Z')))).toEqual(['unexpected-whitespace']);
  });

  it('blank-term: a category with an empty term (W3C NotBlank; our schema also refuses it)', () => {
    expect(ruleIds(broken((t) => t.replace('term="society"', 'term=" "')))).toEqual(['blank-term']);
  });

  it('duplicate-link: two alternate links of the same type in an entry', () => {
    const text = broken((t) => t.replace('<link href="https://www.globaltimes.cn/page/202409/rich-story.shtml"/>', '<link href="https://www.globaltimes.cn/page/202409/rich-story.shtml"/>\n    <link href="https://www.globaltimes.cn/page/202409/rich-story-2.shtml"/>'));
    expect(ruleIds(text)).toEqual(['duplicate-link']);
  });

  it('link-rel: an unregistered link relation (warning besides our schema)', () => {
    expect(severities(broken((t) => t.replace('<link rel="enclosure"', '<link rel="photo"')))).toContainEqual(['warning', 'link-rel']);
  });

  it('feed-limit, item-order, feed-updated: the scope rules', () => {
    expect(validateAtom(file(emitted()), makeSite({ feed: { ...site.feed, limit: 1 } })).map((d) => d.ruleId)).toEqual(['feed-limit']);
    const order = broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>2024-09-06T13:03:00Z'));
    expect(ruleIds(order)).toEqual(['item-order']);
    expect(ruleIds(broken((t) => t.replace('<updated>2024-09-05T02:15:00Z</updated>\n  <author>', '<updated>2024-09-04T13:03:00Z</updated>\n  <author>')))).toEqual(['feed-updated']);
  });
});
