// Our Atom 1.0 as the build checks it: the standard layer (the W3C Feed Validation Service's rules, its
// warnings errors for our feeds) and the house rules (src/validate/house/feeds.ts). Our own output is
// clean; each way of breaking it gives exactly the finding that says so, at its line.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitAtom } from '../../src/emit/atom.ts';
import type { Article, Image } from '../../src/model/article.ts';
import { checkFile } from '../../src/validate/check.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenText, expectDamageReported, lineOf, outputFile, validateFile } from '../helpers/validate.ts';

/** The W3C warnings about what the editor wrote, which stay warnings for our feeds (rules/house-feeds.ts); every other W3C warning is an error there. */
const EDITORIAL = new Set(['contains-html', 'implausible-date', 'duplicate-updated', 'contains-email']);

const site = makeSite();

/** Both layers, as the build applies them to `path`. */
function validate(text: string, path = 'atom.xml', publication = site): Diagnostic[] {
  return validateFile(outputFile('atom', path, text), publication);
}

/** What each finding is and where: `[severity, rule id, line]`. */
function found(text: string, path = 'atom.xml', publication = site): [string, string, number | undefined][] {
  return validate(text, path, publication).map((d) => [d.severity, d.ruleId, d.line]);
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

/** 1-based line of the last occurrence of `needle`. */
function lastLineOf(text: string, needle: string): number {
  return text.slice(0, text.lastIndexOf(needle)).split('\n').length;
}

/** Expects exactly one finding, an error of `rule` on the line of `needle`. */
function expectOnly(text: string, rule: string, needle: string): Diagnostic {
  expect(found(text)).toEqual([['error', rule, lineOf(text, needle)]]);
  return validate(text)[0]!;
}

const several: Article[] = [
  richWithPhoto(),
  makeArticle(),
  makeArticle({ id: 'third', guid: 'tag:globaltimes.cn,2024:article:third', datePublished: '2024-09-03T10:00:00+08:00', sections: [], language: 'zh-CN' }),
  makeArticle({ id: 'world', guid: 'tag:globaltimes.cn,2024:article:world', datePublished: '2024-09-02T10:00:00+08:00', sections: ['World', 'Q&A <Asia>', '中国'], authors: [{ name: 'A & B <c>' }] }),
];

describe('our Atom: clean under both layers (no error, no warning)', () => {
  it.each([
    ['sample', [makeArticle()]],
    ['rich', [makeRichArticle()]],
    ['rich with media and enclosure', [richWithPhoto()]],
    ['several', several],
    ['nasty headline with ]]> and entity-like text', [makeArticle({ headline: 'x ]]> y &nbsp; AT&T; <script> &#39; <b', description: 'a <b> & c &amp;', sections: ['A<B'] })]],
  ])('finds nothing in any feed of the %s articles', (_name, articles) => {
    const outputs = emitAtom(articles, site);
    expect(outputs.length).toBeGreaterThan(1);
    for (const output of outputs) expect(validateFile(output, site), output.path).toEqual([]);
  });

  it('is clean for section feeds without section pages (id and alternate fall back)', () => {
    const noPages = makeSite();
    delete noPages.sectionPermalink;
    const outputs = emitAtom(several, noPages);
    expect(outputs.length).toBeGreaterThan(1);
    for (const output of outputs) expect(validateFile(output, noPages), output.path).toEqual([]);
  });
});

describe('a damaged Atom document', () => {
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
});

describe('the profiles', () => {
  // One document breaking nine house promises and no standard rule.
  const houseBroken = broken((t) =>
    t
      .replace('syndication/atom.xml', 'syndication/elsewhere.xml')
      .replace(' xml:lang="en"', ' xml:lang="fr"')
      .replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>mailto:news@globaltimes.cn</id>')
      .replace(/\n\s*<link href="https:\/\/www\.globaltimes\.cn\/page\/202409\/rich-story\.shtml"\/>/, '')
      .replace('<published>2024-09-04T13:03:00Z</published>', '<published>2024-09-06T13:03:00Z</published>')
      .replace('<uri>https://www.globaltimes.cn/author/zhang-han</uri>', '<uri>/author/zhang-han</uri>')
      .replace('<p>Cyberspace', '<p><a href="javascript:alert(1)">x</a>Cyberspace')
      .replace('<summary type="text">China', '<summary type="html">China')
      .replace('<updated>2024-09-05T02:15:00Z</updated>\n  <author>', '<updated>2024-09-04T13:03:00Z</updated>\n  <author>'),
  );

  it('the house rules speak only under the syndicate profile', () => {
    const standard = checkFile('atom', houseBroken, 'atom.xml', { profile: 'standard', site, publicPath: 'atom.xml' }).diagnostics;
    expect(standard).toEqual([]);
    expect([...new Set(validate(houseBroken).map((d) => d.ruleId))].sort()).toEqual(['feed-language', 'feed-updated', 'item-id', 'item-link', 'item-order', 'plain-text', 'relative-url', 'self-link', 'unsafe-content']);
  });

  it('a W3C warning about what the editor did stays a warning for our feeds: two entries updated at the same instant', () => {
    const twin = makeArticle({ id: 'twin', guid: 'tag:globaltimes.cn,2024:article:twin' });
    const text = emitted([makeArticle(), twin]);
    const line = lastLineOf(text, '<updated>');
    const standard = checkFile('atom', text, 'atom.xml', { profile: 'standard', site, publicPath: 'atom.xml' }).diagnostics;
    expect(standard.map((d) => [d.severity, d.ruleId, d.line])).toEqual([['warning', 'duplicate-updated', line]]);
    expect(found(text)).toEqual([['warning', 'duplicate-updated', line]]);
  });

  it('an empty feed is dated 1970, which the W3C validator calls implausible: a warning, also for our feeds', () => {
    const empty = emitted([]);
    expect(found(empty)).toEqual([['warning', 'implausible-date', lineOf(empty, '<updated>')]]);
  });
});

describe('house rules, each broken one way', () => {
  it('self-link: two, or not the public URL of this file (derived from its own path), or not an Atom type', () => {
    const two = broken((t) => t.replace('<link rel="self"', '<link rel="self" href="https://www.globaltimes.cn/syndication/atom.xml"/>\n  <link rel="self"'));
    expect(found(two)).toEqual([['error', 'self-link', lineOf(two, 'rel="self"') + 1]]);
    const wrong = broken((t) => t.replace('syndication/atom.xml', 'syndication/rss.xml'));
    expect(expectOnly(wrong, 'self-link', 'rel="self"').message).toContain('"https://www.globaltimes.cn/syndication/atom.xml"');
    const elsewhere = validate(emitted(), 'sections/china/society/atom.xml');
    expect(elsewhere.map((d) => [d.ruleId, d.line])).toEqual([['self-link', lineOf(emitted(), 'rel="self"')]]);
    expect(elsewhere[0]!.message).toContain('https://www.globaltimes.cn/syndication/sections/china/society/atom.xml');
    expectOnly(broken((t) => t.replace('<link rel="self"', '<link rel="self" type="application/rss+xml"')), 'self-link', 'rel="self"');
  });

  it("feed-updated: the feed's updated is not its newest entry's", () => {
    expectOnly(broken((t) => t.replace('<updated>2024-09-05T02:15:00Z</updated>\n  <author>', '<updated>2024-09-04T13:03:00Z</updated>\n  <author>')), 'feed-updated', '<updated>');
  });

  it("feed-language: no xml:lang on <feed>, or not the publication's", () => {
    expectOnly(broken((t) => t.replace(' xml:lang="en"', '')), 'feed-language', '<feed ');
    const other = broken((t) => t.replace(' xml:lang="en"', ' xml:lang="fr"'));
    expect(expectOnly(other, 'feed-language', '<feed ').message).toContain('"en"');
    const chinese = makeSite({ language: 'zh-CN' });
    expect(found(emitAtom([makeArticle({ language: 'zh-CN' })], chinese)[0]!.text, 'atom.xml', chinese)).toEqual([]);
  });

  it('feed-limit: more entries than feed.limit', () => {
    const text = emitted();
    const limited = validate(text, 'atom.xml', makeSite({ feed: { ...site.feed, limit: 1 } }));
    expect(limited.map((d) => [d.ruleId, d.line])).toEqual([['feed-limit', lineOf(text, '<feed ')]]);
    expect(limited[0]!.message).toContain('feed.limit (1)');
  });

  it('item-order: an older entry before a newer one', () => {
    // Its updated is unchanged, so the feed's date still is the newest change.
    expectOnly(broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>2024-09-06T13:03:00Z')), 'item-order', '<published>2024-09-06');
  });

  it.each([
    ['a mailto: URI', 'mailto:news@globaltimes.cn'],
    ['a data: URI', 'data:,rich-story'],
  ])('item-id: an entry id that is %s', (_name, id) => {
    expectOnly(broken((t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', `<id>${id}</id>`)), 'item-id', `<id>${id}`);
  });

  it('item-link: an entry without a link to its page', () => {
    const text = broken((t) => t.replace(/\n\s*<link href="https:\/\/www\.globaltimes\.cn\/page\/202409\/rich-story\.shtml"\/>/, ''));
    expectOnly(text, 'item-link', '<entry>');
  });

  it('item-date: an entry without published', () => {
    const text = broken((t) => t.replace(/\n\s*<published>2024-09-04T13:03:00Z<\/published>/, ''));
    expect(found(text)).toEqual([['error', 'item-date', lastLineOf(text, '<entry>')]]);
  });

  it.each([
    ['title', (t: string) => t.replace('<title type="text">Tariffs', '<title type="html">Tariffs'), '<title type="html">'],
    ['summary', (t: string) => t.replace('<summary type="text">China', '<summary type="html">China'), '<summary type="html">'],
    ['summary', (t: string) => t.replace('<summary type="text">China', '<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">China').replace(/Tuesday\.<\/summary>/, 'Tuesday.</div></summary>'), '<summary type="xhtml">'],
  ])('plain-text: an entry %s that is not type="text" (readers would get escaped markup, not the text)', (_name, edit, needle) => {
    expect(expectOnly(broken(edit), 'plain-text', needle).message).toContain('type="text"');
  });

  it('plain-text: a title and summary without type are text (RFC 4287 §3.1.1), and so is escaped-looking text in them', () => {
    expect(found(broken((t) => t.replace('<title type="text">Tariffs', '<title>Tariffs').replace('<summary type="text">China', '<summary>China')))).toEqual([]);
    expect(emitted()).toContain('<title type="text">Tariffs &#x26; trade: "&#x3C;b&gt;" is not a tag');
  });

  it('unsafe-content: a javascript: URL in the article HTML', () => {
    expectOnly(broken((t) => t.replace('<p>Cyberspace', '<p><a href="javascript:alert(1)">x</a>Cyberspace')), 'unsafe-content', '</content>');
  });

  it('relative-url: an entry link or an author uri that is not an absolute http(s) URL', () => {
    expectOnly(broken((t) => t.replace('href="https://www.globaltimes.cn/page/202409/rich-story.shtml"', 'href="page/202409/rich-story.shtml"')), 'relative-url', 'href="page/');
    expectOnly(broken((t) => t.replace('<uri>https://www.globaltimes.cn/author/zhang-han</uri>', '<uri>/author/zhang-han</uri>')), 'relative-url', '<uri>/author');
    expectOnly(broken((t) => t.replace('<link rel="alternate" href="https://www.globaltimes.cn/"/>', '<link rel="alternate" href="/"/>')), 'relative-url', '<link rel="alternate" href="/"/>');
  });
});

describe('standard rules on our output (what the old schema and rules reported)', () => {
  it.each<[string, string, (t: string) => string, string]>([
    ['no self link', 'missing-self-link', (t) => t.replace(/\n\s*<link rel="self"[^>]*\/>/, ''), '<feed '],
    ['a category without term', 'missing-attribute', (t) => t.replace(' term="china"', ''), 'label="China"'],
    ['escaped markup in a title declared as text', 'contains-html', (t) => t.replace('<title type="text">Tariffs', '<title type="text">&lt;b&gt;Tariffs&lt;/b&gt;'), '<title type="text">&lt;b'],
    ['a relative entry id', 'relative-uri', (t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>rich-story</id>'), '<id>rich-story'],
    ['a relative category scheme', 'relative-uri', (t) => t.replace('scheme="https://www.globaltimes.cn/sections/" term="china"', 'scheme="sections" term="china"'), 'scheme="sections"'],
    ['a relative media:content url', 'relative-uri', (t) => t.replace('<media:content url="https://www.globaltimes.cn/photo/b.png"', '<media:content url="b.png"'), '</media:content>'],
    ['a relative src in the content', 'relative-reference', (t) => t.replace('src="https://www.globaltimes.cn/photo/b.png"', 'src="photo/b.png"'), '</content>'],
    ['a malformed tag: URI as entry id', 'invalid-tag-uri', (t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>tag:globaltimes.cn,24:rich-story</id>'), '<id>tag:globaltimes.cn,24'],
    ['an id with an unregistered scheme', 'unregistered-uri-scheme', (t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>gt:rich-story</id>'), '<id>gt:'],
    ['a feed id not in normal form', 'non-canonical-uri', (t) => t.replace('<id>https://www.globaltimes.cn/</id>', '<id>HTTPS://WWW.GlobalTimes.cn:443/a/../%7euser/</id>'), '<id>HTTPS'],
    ['lowercase percent-encoding in a feed id', 'non-canonical-uri', (t) => t.replace('<id>https://www.globaltimes.cn/</id>', '<id>https://www.globaltimes.cn/%e4%b8%ad/</id>'), '<id>https'],
    ['a published without offset', 'invalid-rfc3339-date', (t) => t.replace('<published>2024-09-04T13:03:00Z</published>', '<published>2024-09-04T21:03:00</published>'), '<published>2024-09-04T21:03:00<'],
    ['an RFC 822 feed updated', 'invalid-rfc3339-date', (t) => t.replace('<updated>2024-09-05T02:15:00Z</updated>\n  <author>', '<updated>Thu, 05 Sep 2024 02:15:00 GMT</updated>\n  <author>'), '<updated>Thu'],
    ['30 February', 'invalid-rfc3339-date', (t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>2024-02-30T13:03:00Z'), '<published>2024-02-30'],
    ['a lowercase z', 'invalid-rfc3339-date', (t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>2024-09-04T13:03:00z'), '<published>2024-09-04T13:03:00z'],
    ['a date before 1990', 'implausible-date', (t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>1985-09-04T13:03:00Z'), '<published>1985'],
    ['an address inside an author name', 'contains-email', (t) => t.replace('<name>Liu Caiyu</name>', '<name>Liu Caiyu &lt;liu@globaltimes.cn&gt;</name>'), '<name>Liu Caiyu &lt;'],
    ['an HTML end tag in the subtitle', 'contains-html', (t) => t.replace('<subtitle type="text">News and opinion', '<subtitle type="text">&lt;b&gt;News&lt;/b&gt; and opinion'), '<subtitle'],
    ['an entity in the rights', 'contains-html', (t) => t.replace('<rights type="text">Copyright Global Times.', '<rights type="text">Copyright&amp;nbsp;Global Times.'), '<rights'],
    ['an HTML end tag in a category label', 'contains-html', (t) => t.replace('label="Society"', 'label="&lt;i&gt;Society&lt;/i&gt;"'), 'label="&lt;i&gt;'],
    ['an HTML end tag in a caption', 'contains-html', (t) => t.replace('>Second photo.</media:description>', '>Second &lt;b&gt;photo&lt;/b&gt;.</media:description>'), '>Second &lt;b&gt;'],
    ['a script in the content', 'unsafe-html', (t) => t.replace('<p>Cyberspace', '<script src="https://x.example/a.js"></script><p>Cyberspace'), '</content>'],
    ['an embed in the content', 'unsafe-html', (t) => t.replace('<p>Cyberspace', '<embed src="https://x.example/a.swf"><p>Cyberspace'), '</content>'],
    ['an event handler in the summary', 'unsafe-html', (t) => t.replace('<summary type="text">', '<summary type="html"><![CDATA[<b onclick="x()">!</b>]]> '), '<summary type="html"><![CDATA[<b onclick'],
    ['an iframe in the title', 'unsafe-html', (t) => t.replace('<title type="text">Tariffs', '<title type="html"><![CDATA[<iframe src="https://x.example/"></iframe>]]>Tariffs'), '<title type="html"><![CDATA[<iframe'],
    ['a malformed character reference in the content', 'not-html', (t) => t.replace('<p>Cyberspace', '<p>&bogus; x</p><p>Cyberspace'), '<content type="html">'],
    ['a C1 control character', 'bad-characters', (t) => t.replace('<name>Zhang Han</name>', '<name>Zhang\u0085Han</name>'), '<name>Zhang'],
    ['an xml:lang that is not ISO 639', 'invalid-language', (t) => t.replace(' xml:lang="en"', ' xml:lang="xx-YY"'), '<feed '],
    ['Media RSS without its trailing slash', 'media-rss-namespace', (t) => t.replace('xmlns:media="http://search.yahoo.com/mrss/"', 'xmlns:media="http://search.yahoo.com/mrss"'), '<feed '],
    ['an atom: prefix', 'avoid-namespace-prefix', (t) => t.replace('<feed ', '<feed xmlns:atom="http://www.w3.org/2005/Atom" '), '<feed '],
    ['a namespace readers do not know', 'unknown-namespace', (t) => t.replace('<feed ', '<feed xmlns:gt="https://www.globaltimes.cn/ns" '), '<feed '],
    ['an unknown medium', 'invalid-media-value', (t) => t.replace('medium="image" type="image/png"', 'medium="photo" type="image/png"'), '</media:content>'],
    ['a negative width', 'invalid-integer', (t) => t.replace('type="image/png" width="800"', 'type="image/png" width="-800"'), '</media:content>'],
    ['a credit role that is not an EBU role', 'invalid-media-value', (t) => t.replace('role="photographer"', 'role="camera"'), 'role="camera"'],
    ['a media:description type="markdown"', 'invalid-media-value', (t) => t.replace('<media:description type="plain">Second', '<media:description type="markdown">Second'), 'type="markdown"'],
    ['an enclosure link type that is not MIME', 'invalid-mime-type', (t) => t.replace('<link rel="enclosure" href="https://www.globaltimes.cn/photo/a.jpg" type="image/jpeg"', '<link rel="enclosure" href="https://www.globaltimes.cn/photo/a.jpg" type="jpeg"'), 'type="jpeg"'],
    ['white space around an entry id', 'unexpected-whitespace', (t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>\n      tag:globaltimes.cn,2024:article:rich-story\n    </id>'), '<id>\n'],
    ['white space before a date', 'unexpected-whitespace', (t) => t.replace('<published>2024-09-04T13:03:00Z', '<published> 2024-09-04T13:03:00Z'), '<published> 2024'],
    ['two alternate links of the same type in an entry', 'duplicate-atom-link', (t) => t.replace('<link href="https://www.globaltimes.cn/page/202409/rich-story.shtml"/>', '<link href="https://www.globaltimes.cn/page/202409/rich-story.shtml"/>\n    <link href="https://www.globaltimes.cn/page/202409/rich-story-2.shtml"/>'), '</entry>'],
    ['an unregistered link relation', 'unregistered-link-relation', (t) => t.replace('<link rel="enclosure"', '<link rel="photo"'), 'rel="photo"'],
    ['an entry without content or summary', 'missing-textual-content', (t) => t.replace(/<summary type="text">China[^<]*<\/summary>/, '').replace(/<content type="html">[\s\S]*?<\/content>/, ''), '</entry>'],
    ['a feed without updated', 'missing-element', (t) => t.replace('<updated>2024-09-05T02:15:00Z</updated>\n  <author>', '<author>'), '<feed '],
  ])('%s: %s', (_name, rule, edit, needle) => {
    const text = broken(edit);
    // Media RSS values are read at the end tag of the second photo's media:content.
    const line = needle === '</media:content>' ? lastLineOf(text, needle) : lineOf(text, needle);
    expect(found(text)).toEqual([[EDITORIAL.has(rule) ? 'warning' : 'error', rule, line]]);
  });

  it('contains-html: a headline naming an HTML end tag is still text (type="text"), but reads as markup to the W3C validator: an editorial warning, as in RSS', () => {
    const text = emitted([makeArticle({ headline: 'Why <i>this</i> matters' })]);
    expect(text).toContain('<title type="text">Why &#x3C;i&gt;this&#x3C;/i&gt; matters</title>');
    expect(found(text)).toEqual([['warning', 'contains-html', lineOf(text, '<title type="text">Why')]]);
  });

  it('duplicate-entries: two entries with the same id', () => {
    const twin = makeArticle({ id: 'twin', guid: makeArticle().guid, datePublished: '2024-09-03T10:00:00+08:00' });
    const text = emitted([makeArticle(), twin]);
    expect(found(text)).toEqual([['error', 'duplicate-entries', lastLineOf(text, '<id>tag:')]]);
  });

  it('what RFC 4287 allows and the old schema pinned is not ours to refuse: another extension, no category scheme, an enclosure without length', () => {
    expect(found(broken((t) => t.replace('<media:copyright>', '<media:rating>adult</media:rating><media:copyright>')))).toEqual([]);
    expect(found(broken((t) => t.replace(' scheme="https://www.globaltimes.cn/sections/" term="china"', ' term="china"')))).toEqual([]);
    expect(found(broken((t) => t.replace(' length="48213"', '')))).toEqual([]);
    expect(found(broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>2024-09-04T21:03:00.250+08:00')))).toEqual([]);
  });
});
