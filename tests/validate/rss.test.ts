// Our RSS 2.0 as the build checks it: the standard layer (the W3C Feed Validation Service's rules, its
// warnings errors for our feeds) and the house rules (src/validate/house/feeds.ts). Our own output is
// clean; each way of breaking it gives exactly the finding that says so, at its line.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitRss } from '../../src/emit/rss.ts';
import type { Article, Image } from '../../src/model/article.ts';
import { checkFile } from '../../src/validate/check.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenText, expectDamageReported, lineOf, outputFile, validateFile } from '../helpers/validate.ts';

/** The W3C warnings about what the editor wrote, which stay warnings for our feeds (rules/house-feeds.ts); every other W3C warning is an error there. */
const EDITORIAL = new Set(['contains-html', 'implausible-date', 'duplicate-updated', 'contains-email']);

const site = makeSite();

/** Both layers, as the build applies them to `path`. */
function validate(text: string, path = 'rss.xml', publication = site): Diagnostic[] {
  return validateFile(outputFile('rss', path, text), publication);
}

/** What each finding is and where: `[severity, rule id, line]`. */
function found(text: string, path = 'rss.xml', publication = site): [string, string, number | undefined][] {
  return validate(text, path, publication).map((d) => [d.severity, d.ruleId, d.line]);
}

/** The rich article with a complete first photo (URL, type, size, byte length, creator, copyright): media and enclosure. */
function richWithPhoto(overrides: Partial<Article> = {}): Article {
  const photo: Image = { ...makeRichArticle().images[0]!, byteLength: 48213, creator: 'Li Hao', copyright: '© Global Times' };
  return makeRichArticle({ images: [photo, makeRichArticle().images[1]!], ...overrides });
}

function emitted(articles: Article[] = [richWithPhoto(), makeArticle()]): string {
  return emitRss(articles, site)[0]!.text;
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
  makeArticle({ id: 'third', guid: 'tag:globaltimes.cn,2024:article:third', datePublished: '2024-09-03T10:00:00+08:00', sections: [] }),
  makeArticle({ id: 'world', guid: 'tag:globaltimes.cn,2024:article:world', datePublished: '2024-09-02T10:00:00+08:00', sections: ['World', 'Q&A <Asia>', '中国'], language: 'zh-CN' }),
];

describe('our RSS: clean under both layers (no error, no warning)', () => {
  it.each([
    ['sample', [makeArticle()]],
    ['rich', [makeRichArticle()]],
    ['rich with media and enclosure', [richWithPhoto()]],
    ['several', several],
    ['nasty headline with ]]> and entity-like text', [makeArticle({ headline: 'x ]]> y &nbsp; AT&T; <script> &#39; <b', description: 'a <b> & c', sections: ['A<B', 'R&D'] })]],
    ['body text about markup', [makeArticle({ paragraphs: ['About <script> tags and onload="x" attributes.'] })]],
    ['text in many scripts', [makeArticle({ headline: 'Café Zölle 中国' })]],
  ])('finds nothing in any feed of the %s articles', (_name, articles) => {
    const outputs = emitRss(articles, site);
    expect(outputs.length).toBeGreaterThan(1);
    for (const output of outputs) expect(validateFile(output, site), output.path).toEqual([]);
  });
});

describe('a damaged RSS document', () => {
  it('not-well-formed: reports a parse error with its position instead of throwing', () => {
    const found = validate('<?xml version="1.0"?>\n<rss version="2.0"><channel></rss>\n');
    expect(found.map((d) => d.ruleId)).toEqual(['not-well-formed']);
    expect(found[0]).toMatchObject({ file: 'rss.xml', severity: 'error', source: 'validate:rss', line: 2, origin: 'input/articles/rich-story.txt' });
  });

  it.each(['', 'not xml at all', '<rss version="2.0"><channel><title>\u0001</title></channel></rss>', '<rss version="2.0"><channel><title>&nbsp;</title></channel></rss>'])('not-well-formed: never throws on %j', (text) => {
    expect(validate(text).map((d) => d.ruleId)).toContain('not-well-formed');
  });

  it('never throws on a truncated or mangled document, and always finds something', () => {
    expectDamageReported(emitted(several), (text) => validate(text));
  });
});

describe('the profiles', () => {
  // One document breaking eight house promises and no standard rule.
  const houseBroken = broken((t) =>
    t
      .replace('syndication/rss.xml', 'syndication/elsewhere.xml')
      .replace('<language>en</language>', '<language>fr</language>')
      .replace('>tag:globaltimes.cn,2024:article:rich-story<', '>rich-story<')
      .replace('<pubDate>Wed, 04 Sep 2024 13:03:00 GMT</pubDate>', '<pubDate>Sat, 07 Sep 2024 13:03:00 GMT</pubDate>')
      .replace('domain="https://www.globaltimes.cn/sections/"', 'domain="sections/"')
      .replace('<p>Cyberspace', '<p><a href="javascript:alert(1)">x</a>Cyberspace')
      .replace('<description><![CDATA[China is actively', '<description><![CDATA[<b>China</b> is actively')
      .replace('<lastBuildDate>Thu, 05 Sep 2024 02:15:00 GMT', '<lastBuildDate>Wed, 04 Sep 2024 21:15:00 EST'),
  );

  it('the house rules speak only under the syndicate profile', () => {
    const standard = checkFile('rss', houseBroken, 'rss.xml', { profile: 'standard', site, publicPath: 'rss.xml' }).diagnostics;
    expect(standard).toEqual([]);
    expect([...new Set(validate(houseBroken).map((d) => d.ruleId))].sort()).toEqual(['date-zone', 'feed-language', 'item-id', 'item-order', 'plain-text', 'relative-url', 'self-link', 'unsafe-content']);
  });

  it('a W3C warning about the editor’s dates stays a warning for our feeds: the epoch date of an empty feed', () => {
    const empty = emitted([]);
    const line = lineOf(empty, '<lastBuildDate>');
    const standard = checkFile('rss', empty, 'rss.xml', { profile: 'standard', site, publicPath: 'rss.xml' }).diagnostics;
    expect(standard.map((d) => [d.severity, d.ruleId, d.line])).toEqual([['warning', 'implausible-date', line]]);
    expect(found(empty)).toEqual([['warning', 'implausible-date', line]]);
  });
});

describe('house rules, each broken one way', () => {
  it('self-link: the first atom:link is not rel="self"', () => {
    const text = broken((t) => t.replace('<atom:link href=', '<atom:link href="https://pubsubhubbub.appspot.com/" rel="hub"/>\n    <atom:link href='));
    expectOnly(text, 'self-link', 'rel="hub"');
  });

  it('self-link: the self link is not the public URL of this file (derived from its own path)', () => {
    const text = broken((t) => t.replace('syndication/rss.xml', 'syndication/atom.xml'));
    expect(expectOnly(text, 'self-link', 'rel="self"').message).toContain('"https://www.globaltimes.cn/syndication/rss.xml"');
    // The site feed's text served as a section feed: its self link names the wrong file.
    const elsewhere = validate(emitted(), 'sections/china/rss.xml');
    expect(elsewhere.map((d) => [d.ruleId, d.line])).toEqual([['self-link', lineOf(emitted(), 'rel="self"')]]);
    expect(elsewhere[0]!.message).toContain('https://www.globaltimes.cn/syndication/sections/china/rss.xml');
  });

  it('self-link: two self links, or one of the Atom type', () => {
    const two = broken((t) => t.replace(/(<atom:link [^>]*\/>)/, '$1\n    $1'));
    expect(found(two)).toEqual([['error', 'self-link', lineOf(two, 'rel="self"') + 1]]);
    expectOnly(broken((t) => t.replace('type="application/rss+xml"', 'type="application/atom+xml"')), 'self-link', 'rel="self"');
  });

  it('feed-updated: lastBuildDate missing, not the newest change among the items, or not a real time', () => {
    const missing = broken((t) => t.replace(/\n\s*<lastBuildDate>[^<]*<\/lastBuildDate>/, ''));
    expect(expectOnly(missing, 'feed-updated', '<channel>').message).toContain('Thu, 05 Sep 2024 02:15:00 GMT');
    expectOnly(broken((t) => t.replace('<lastBuildDate>Thu, 05 Sep 2024 02:15:00 GMT', '<lastBuildDate>Wed, 04 Sep 2024 13:03:00 GMT')), 'feed-updated', '<lastBuildDate>');
    // The W3C validator reads any two digits as the hour; no reader can.
    expectOnly(broken((t) => t.replace('<lastBuildDate>Thu, 05 Sep 2024 02:15:00 GMT', '<lastBuildDate>Thu, 05 Sep 2024 26:15:00 GMT')), 'feed-updated', '<lastBuildDate>');
  });

  it("feed-language: no <language>, or not the publication's", () => {
    expectOnly(broken((t) => t.replace(/\n\s*<language>en<\/language>/, '')), 'feed-language', '<channel>');
    const other = broken((t) => t.replace('<language>en</language>', '<language>fr</language>'));
    expect(expectOnly(other, 'feed-language', '<language>').message).toContain('"en"');
    expect(found(emitRss([makeArticle()], makeSite({ language: 'zh-CN' }))[0]!.text, 'rss.xml', makeSite({ language: 'zh-CN' }))).toEqual([]);
  });

  it('feed-limit: more items than feed.limit', () => {
    const text = emitted();
    const limited = validate(text, 'rss.xml', makeSite({ feed: { ...site.feed, limit: 1 } }));
    expect(limited.map((d) => [d.ruleId, d.line])).toEqual([['feed-limit', lineOf(text, '<channel>')]]);
    expect(limited[0]!.message).toContain('feed.limit (1)');
  });

  it('item-order: an older item before a newer one', () => {
    // Its atom:updated is unchanged, so the feed's date still is the newest change.
    const text = broken((t) => t.replace('<pubDate>Wed, 04 Sep 2024 13:03:00 GMT</pubDate>', '<pubDate>Sat, 07 Sep 2024 13:03:00 GMT</pubDate>'));
    expectOnly(text, 'item-order', '<pubDate>Sat, 07 Sep');
  });

  it.each([
    ['the headline', 'Tariffs and trade'],
    ['a bare slug', 'rich-story'],
    ['a tag: URI without its date (RFC 4151)', 'tag:globaltimes.cn:article:rich-story'],
    ['a urn:uuid: that is no UUID', 'urn:uuid:1234'],
    ['a mailto: URI', 'mailto:news@globaltimes.cn'],
    ['an id with a space', 'tag:globaltimes.cn,2024:article:rich story'],
  ])('item-id: a non-permalink guid that is %s', (_name, guid) => {
    const text = broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', `>${guid}<`));
    expectOnly(text, 'item-id', '<guid');
  });

  it('item-id: a urn:uuid: and an https URL are stable ids too', () => {
    expect(found(broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', '>urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6<')))).toEqual([]);
    expect(found(broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', '>https://www.globaltimes.cn/id/rich-story<')))).toEqual([]);
  });

  it('item-link: an item without a link to its page', () => {
    expectOnly(broken((t) => t.replace(/\n\s*<link>https:\/\/www\.globaltimes\.cn\/page\/202409\/rich-story\.shtml<\/link>/, '')), 'item-link', '<item>');
  });

  it('item-date: an item without pubDate, or with an hour no clock shows', () => {
    const missing = broken((t) => t.replace(/\n\s*<pubDate>Wed, 04 Sep 2024 13:03:00 GMT<\/pubDate>/, ''));
    expect(found(missing)).toEqual([['error', 'item-date', lineOf(missing, '<title>China plays') - 1]]);
    expectOnly(broken((t) => t.replace('<pubDate>Wed, 04 Sep 2024 13:03:00 GMT', '<pubDate>Wed, 04 Sep 2024 26:03:00 GMT')), 'item-date', '<pubDate>Wed');
  });

  it('item-text: an item with neither description nor content', () => {
    const text = broken((t) => t.replace(/<description><!\[CDATA\[China is actively[^\]]*\]\]><\/description>/, '').replace(/<content:encoded>[\s\S]*?<\/content:encoded>/, ''));
    expectOnly(text, 'item-text', '<item>');
  });

  it.each(['EST', 'UT', 'Z'])('date-zone: a pubDate in %s rather than GMT or +hhmm', (zone) => {
    expectOnly(broken((t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', `Wed, 04 Sep 2024 13:03:00 ${zone}`)), 'date-zone', '<pubDate>Wed');
  });

  it('date-zone: GMT and numeric offsets, with or without the weekday, are what we promise', () => {
    expect(found(broken((t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', '04 Sep 2024 21:03:00 +0800')))).toEqual([]);
  });

  it('plain-text: markup in an item description, which is the plain summary escaped', () => {
    expectOnly(broken((t) => t.replace('<description><![CDATA[China is actively', '<description><![CDATA[<b>China</b> is actively')), 'plain-text', '<description><![CDATA[<b>');
    expectOnly(broken((t) => t.replace('<description><![CDATA[China is actively', '<description><![CDATA[<!-- x --> China is actively')), 'plain-text', '<description><![CDATA[<!--');
  });

  it.each([
    ['a javascript: URL', '<a href="javascript:alert(1)">x</a>'],
    ['a javascript: URL behind a character reference', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['a data: URL', '<a href="data:text/html,x">x</a>'],
  ])('unsafe-content: %s in the article HTML', (_name, html) => {
    const text = broken((t) => t.replace('<p>Cyberspace', `<p>${html}</p><p>Cyberspace`));
    expectOnly(text, 'unsafe-content', '</content:encoded>');
  });

  it('relative-url: a category domain or an item link that is not an absolute http(s) URL', () => {
    expectOnly(broken((t) => t.replace('domain="https://www.globaltimes.cn/sections/"', 'domain="sections/"')), 'relative-url', 'domain="sections/"');
    expectOnly(broken((t) => t.replace('<link>https://www.globaltimes.cn/page/202409/rich-story.shtml</link>', '<link>ftp://www.globaltimes.cn/rich-story</link>')), 'relative-url', '<link>ftp:');
  });
});

describe('standard rules on our output (what the old schema and rules reported)', () => {
  it.each<[string, string, (t: string) => string, string]>([
    ['a missing guid', 'missing-guid', (t) => t.replace(/<guid[^>]*>[^<]*<\/guid>/, ''), '</item>'],
    ['no atom:link at all', 'missing-self-link', (t) => t.replace(/\n\s*<atom:link [^>]*\/>/, ''), '</channel>'],
    ['a self link typed text/xml', 'self-link-type', (t) => t.replace('type="application/rss+xml"', 'type="text/xml"'), 'rel="self"'],
    ['a relative self link', 'relative-self-link', (t) => t.replace('href="https://www.globaltimes.cn/syndication/rss.xml"', 'href="/syndication/rss.xml"'), 'rel="self"'],
    ['a relative item link', 'relative-uri', (t) => t.replace('<link>https://www.globaltimes.cn/page/202409/rich-story.shtml</link>', '<link>/page/202409/rich-story.shtml</link>'), '<link>/page'],
    ['a relative media:content url', 'relative-uri', (t) => t.replace('<media:content url="https://www.globaltimes.cn/photo/b.png"', '<media:content url="photo/b.png"'), '</media:content>'],
    ['a relative src in the content', 'relative-reference', (t) => t.replace('src="https://www.globaltimes.cn/photo/a.jpg"', 'src="/photo/a.jpg"'), '</content:encoded>'],
    ['a character URIs do not allow', 'invalid-uri', (t) => t.replace('<link>https://www.globaltimes.cn/page/202409/rich-story.shtml</link>', '<link>https://www.globaltimes.cn/page/a|b.shtml</link>'), '<link>https://www.globaltimes.cn/page/a|b'],
    ['an ISO 8601 pubDate', 'invalid-rfc822-date', (t) => t.replace('<pubDate>Wed, 04 Sep 2024 13:03:00 GMT</pubDate>', '<pubDate>2024-09-04T13:03:00Z</pubDate>'), '<pubDate>2024'],
    ['an offset with a colon', 'invalid-rfc822-date', (t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', 'Wed, 04 Sep 2024 13:03:00 +08:00'), '<pubDate>Wed'],
    ['31 September', 'invalid-rfc822-date', (t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', '31 Sep 2024 13:03:00 GMT'), '<pubDate>31'],
    ['the wrong weekday', 'invalid-rfc822-date', (t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', 'Thu, 04 Sep 2024 13:03:00 GMT'), '<pubDate>Thu, 04'],
    ['a two-digit year', 'problematic-rfc822-date', (t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', 'Wed, 04 Sep 24 13:03:00 GMT'), '<pubDate>Wed'],
    ['an item atom:updated without offset', 'invalid-rfc3339-date', (t) => t.replace('<atom:updated>2024-09-04T21:03:00+08:00<', '<atom:updated>2024-09-04T21:03:00<'), '<atom:updated>2024-09-04T21'],
    ['a date before 1990', 'implausible-date', (t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', 'Sat, 04 Sep 1982 13:03:00 GMT'), '<pubDate>Sat'],
    ['a tag: guid claimed as permalink', 'invalid-permalink', (t) => t.replace('<guid isPermaLink="false">tag:globaltimes.cn,2024:article:rich-story', '<guid>tag:globaltimes.cn,2024:article:rich-story'), '<guid>tag'],
    ['isPermaLink="no"', 'invalid-boolean', (t) => t.replace('isPermaLink="false">tag:globaltimes.cn,2024:article:rich-story', 'isPermaLink="no">tag:globaltimes.cn,2024:article:rich-story'), 'isPermaLink="no"'],
    ['an <author> that is a name', 'invalid-email', (t) => t.replace(/<dc:creator>Liu Caiyu<\/dc:creator>\s*<dc:creator>Zhang Han<\/dc:creator>/, '<author>Liu Caiyu</author>'), '<author>'],
    ['an <author> address without the name', 'email-format', (t) => t.replace('<dc:creator>Global Times</dc:creator>', '<author>news@globaltimes.cn</author>'), '<author>'],
    ['<author> next to <dc:creator>', 'duplicate-semantics', (t) => t.replace('<dc:creator>Zhang Han</dc:creator>', '<dc:creator>Zhang Han</dc:creator>\n      <author>zhang@globaltimes.cn (Zhang Han)</author>'), '<author>'],
    ['content:encoded without a description', 'description-before-content', (t) => t.replace(/<description><!\[CDATA\[China is actively[^\]]*\]\]><\/description>/, ''), '<content:encoded>'],
    ['a script in the content', 'unsafe-html', (t) => t.replace('<p>Cyberspace', '<script>alert(1)</script><p>Cyberspace'), '</content:encoded>'],
    ['an event handler in the content', 'unsafe-html', (t) => t.replace('alt="Second photo."', 'alt="Second photo." onerror="alert(1)"'), '</content:encoded>'],
    ['a stray "<" in the content', 'not-html', (t) => t.replace('<p>Cyberspace', '<p>1 < 2</p><p>Cyberspace'), '<content:encoded>'],
    ['an HTML end tag in an item title', 'contains-html', (t) => t.replace('<title>Tariffs', '<title>&lt;/i&gt;Tariffs'), '<title>&lt;/i'],
    ['"<" without the RSS Profile escapes in a title', 'character-data', (t) => t.replace('<title>Tariffs &#x26; trade: "&#x3C;b&gt;', '<title>Tariffs and trade: "&lt;b&gt;'), '<title>Tariffs and'],
    ['a C1 control character', 'bad-characters', (t) => t.replace('<dc:creator>Zhang Han', '<dc:creator>Zhang\u0096Han'), '<dc:creator>Zhang'],
    ['a language that is not ISO 639', 'invalid-language', (t) => t.replace('<language>en</language>', '<language>en_GB</language>'), '<language>'],
    ['Media RSS without its trailing slash', 'media-rss-namespace', (t) => t.replace('xmlns:media="http://search.yahoo.com/mrss/"', 'xmlns:media="http://search.yahoo.com/mrss"'), '<rss '],
    ['a well-known prefix bound elsewhere', 'reserved-prefix', (t) => t.replace('<rss ', '<rss xmlns:g="https://example.com/g" '), '<rss '],
    ['a namespace readers do not know', 'unknown-namespace', (t) => t.replace('<rss ', '<rss xmlns:gt="https://www.globaltimes.cn/ns" '), '<rss '],
    ['an unknown medium', 'invalid-media-value', (t) => t.replace('medium="image" type="image/png"', 'medium="picture" type="image/png"'), '</media:content>'],
    ['a type that is not MIME', 'invalid-mime-type', (t) => t.replace('medium="image" type="image/png"', 'medium="image" type="png"'), '</media:content>'],
    ['a zero width', 'invalid-integer', (t) => t.replace('type="image/png" width="800"', 'type="image/png" width="0"'), '</media:content>'],
    ['an attribute Media RSS lacks', 'unexpected-attribute', (t) => t.replace('type="image/png" width="800"', 'type="image/png" caption="x" width="800"'), 'caption="x"'],
    ['a credit role that is not an EBU role', 'invalid-media-value', (t) => t.replace('role="photographer"', 'role="shooter"'), 'role="shooter"'],
    ['a credit scheme that is not a URI', 'invalid-uri', (t) => t.replace('scheme="urn:ebu"', 'scheme="ebu roles"'), 'scheme="ebu roles"'],
    ['a media:description type="text"', 'invalid-media-value', (t) => t.replace('<media:description type="plain">Second', '<media:description type="text">Second'), '<media:description type="text">'],
    ['two media:descriptions', 'duplicate-element', (t) => t.replace('<media:description type="plain">Second photo.</media:description>', '<media:description type="plain">Second photo.</media:description><media:description type="plain">Again</media:description>'), '<media:description type="plain">Second'],
    ['an enclosure without length', 'missing-attribute', (t) => t.replace(/<enclosure length="48213" /, '<enclosure '), '<enclosure'],
    ['an enclosure length of -1', 'invalid-integer', (t) => t.replace('<enclosure length="48213"', '<enclosure length="-1"'), '<enclosure'],
    ['an enclosure on a host without a dot', 'relative-uri', (t) => t.replace('url="https://www.globaltimes.cn/photo/a.jpg"/>', 'url="https://localhost/a.jpg"/>'), '<enclosure'],
    ['two enclosures', 'duplicate-enclosure', (t) => t.replace(/(<enclosure [^>]*\/>)/, '$1\n      $1'), '<enclosure'],
    ['an unregistered link relation', 'unregistered-link-relation', (t) => t.replace(/(<atom:link [^>]*\/>)/, '$1\n    <atom:link href="https://www.globaltimes.cn/" rel="homepage"/>'), 'rel="homepage"'],
  ])('%s: %s', (_name, rule, edit, needle) => {
    const text = broken(edit);
    // Media RSS values are read at the end tag of the second photo's media:content; the second enclosure is the duplicate.
    const line = needle === '</media:content>' || needle === '<enclosure' ? lastLineOf(text, needle) : lineOf(text, needle);
    expect(found(text)).toEqual([[EDITORIAL.has(rule) ? 'warning' : 'error', rule, line]]);
  });

  it('contains-html: a headline naming an HTML end tag, escaped as the RSS Profile asks, still reads as markup to the W3C validator', () => {
    const text = emitted([makeArticle({ headline: 'Why <i>this</i> matters' })]);
    expect(text).toContain('<title>Why &#x3C;i&gt;this&#x3C;/i&gt; matters</title>');
    expect(found(text)).toEqual([['warning', 'contains-html', lineOf(text, '<title>Why')]]);
  });

  it('duplicate-value: two items with the same guid', () => {
    const twin = makeArticle({ id: 'twin', guid: makeArticle().guid, datePublished: '2024-09-03T10:00:00+08:00' });
    const text = emitted([makeArticle(), twin]);
    expect(found(text)).toEqual([['error', 'duplicate-value', lastLineOf(text, '<guid')]]);
  });

  it('elements RSS 2.0 defines that we do not write are not ours to refuse (the old schema pinned our subset)', () => {
    expect(found(broken((t) => t.replace('</guid>', '</guid>\n      <comments>https://www.globaltimes.cn/c</comments>')))).toEqual([]);
    expect(found(broken((t) => t.replace('<dc:creator>Global Times</dc:creator>', '<author>news@globaltimes.cn (Global Times)</author>')))).toEqual([]);
  });
});
