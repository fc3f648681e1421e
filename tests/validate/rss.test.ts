import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitRss } from '../../src/emit/rss.ts';
import type { Article, Image } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { validateRss } from '../../src/validate/rss.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenText, distinctRuleIds, expectDamageReported, lineOf, outputFile } from '../helpers/validate.ts';

const site = makeSite();

function file(text: string, path = 'rss.xml'): OutputFile {
  return outputFile('rss', path, text);
}

function validate(text: string, path = 'rss.xml'): Diagnostic[] {
  return validateRss(file(text, path), site);
}

/** The distinct rule ids found, leaving out the generic `schema` findings our XSD may add for the same defect. */
function ruleIds(text: string): string[] {
  return distinctRuleIds(validate(text));
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

const several: Article[] = [
  richWithPhoto(),
  makeArticle(),
  makeArticle({ id: 'third', guid: 'tag:globaltimes.cn,2024:article:third', datePublished: '2024-09-03T10:00:00+08:00', sections: [] }),
  makeArticle({ id: 'world', guid: 'tag:globaltimes.cn,2024:article:world', datePublished: '2024-09-02T10:00:00+08:00', sections: ['World', 'Q&A <Asia>', '中国'], language: 'zh-CN' }),
];

describe('validateRss on our own output: clean (no error, no warning)', () => {
  it.each([
    ['sample', [makeArticle()]],
    ['rich', [makeRichArticle()]],
    ['rich with media and enclosure', [richWithPhoto()]],
    ['several', several],
    ['nasty headline with ]]> and entity-like text', [makeArticle({ headline: 'x ]]> y &nbsp; AT&T; <script> &#39; <b', description: 'a <b> & c', sections: ['A<B', 'R&D'] })]],
  ])('finds nothing wrong with any feed of the %s articles', (_name, articles) => {
    for (const output of emitRss(articles, site)) expect(validateRss(output, site), output.path).toEqual([]);
  });

  it('only warns (date-out-of-range) on the epoch date of an empty feed', () => {
    expect(validate(emitted([])).map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'date-out-of-range']]);
  });
});

describe('validateRss rules', () => {
  it('not-well-formed: reports a parse error with its position instead of throwing', () => {
    const found = validate('<?xml version="1.0"?>\n<rss version="2.0"><channel></rss>\n');
    expect(found.map((d) => d.ruleId)).toEqual(['not-well-formed']);
    expect(found[0]).toMatchObject({ file: 'rss.xml', severity: 'error', source: 'validate:rss', line: 2, origin: 'input/articles/rich-story.txt' });
  });

  it.each(['', 'not xml at all', '<rss version="2.0"><channel><title>\u0001</title></channel></rss>'])('not-well-formed: never throws on %j', (text) => {
    expect(validate(text).map((d) => d.ruleId)).toContain('not-well-formed');
  });

  it('never throws on a truncated or mangled document, and always finds something', () => {
    expectDamageReported(emitted(several), (text) => validate(text));
  });

  it('schema: an element outside our subset, a missing guid', () => {
    const unknown = broken((t) => t.replace('</guid>', '</guid>\n      <comments>https://www.globaltimes.cn/c</comments>'));
    expect(validate(unknown).map((d) => d.ruleId)).toEqual(['schema']);
    const noGuid = broken((t) => t.replace(/<guid[^>]*>[^<]*<\/guid>/, ''));
    expect(validate(noGuid).map((d) => d.ruleId)).toContain('schema');
  });

  it('self-link: the first atom:link is not rel="self"', () => {
    const text = broken((t) => t.replace('<atom:link href=', '<atom:link href="https://pubsubhubbub.appspot.com/" rel="hub"/>\n    <atom:link href='));
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['self-link']);
    expect(found[0]).toMatchObject({ severity: 'error', line: lineOf(text, 'rel="hub"') });
    expect(found[0]!.message).toContain('https://www.globaltimes.cn/syndication/rss.xml');
  });

  it('self-link: the self link is not the public URL of this file (derived from its own path)', () => {
    expect(ruleIds(broken((t) => t.replace('syndication/rss.xml', 'syndication/atom.xml')))).toEqual(['self-link']);
    // The site feed's text served as a section feed: its self link names the wrong file.
    const found = validate(emitted(), 'sections/china/rss.xml');
    expect(found.map((d) => d.ruleId)).toEqual(['self-link']);
    expect(found[0]!.message).toContain('https://www.globaltimes.cn/syndication/sections/china/rss.xml');
    // And the section feed's own text is clean at its own path.
    const section = emitRss([richWithPhoto(), makeArticle()], site).find((f) => f.path === 'sections/china/rss.xml')!;
    expect(validateRss(section, site)).toEqual([]);
  });

  it('self-link: no atom:link at all, a wrong type, or two self links', () => {
    expect(ruleIds(broken((t) => t.replace(/\s*<atom:link [^>]*\/>/, '')))).toEqual(['self-link']);
    expect(ruleIds(broken((t) => t.replace('type="application/rss+xml"', 'type="text/xml"')))).toEqual(['self-link']);
    expect(ruleIds(broken((t) => t.replace(/(<atom:link [^>]*\/>)/, '$1\n    $1')))).toEqual(['self-link']);
  });

  it('relative-url: item link, guid, category domain, media url, and href/src in the content', () => {
    expect(ruleIds(broken((t) => t.replace('<link>https://www.globaltimes.cn/page/202409/rich-story.shtml</link>', '<link>/page/202409/rich-story.shtml</link>')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', '>rich-story<')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('domain="https://www.globaltimes.cn/sections/"', 'domain="sections/"')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('<media:content url="https://www.globaltimes.cn/photo/b.png"', '<media:content url="photo/b.png"')))).toEqual(['relative-url']);
    const image = broken((t) => t.replace('src="https://www.globaltimes.cn/photo/a.jpg"', 'src="/photo/a.jpg"'));
    const found = validate(image);
    expect(found.map((d) => d.ruleId)).toEqual(['relative-url']);
    expect(found[0]!.message).toContain('src="/photo/a.jpg"');
    expect(found[0]!.line).toBe(lineOf(image, '<content:encoded>'));
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<p><a href="//cdn.example/x">x</a>Cyberspace')))).toEqual(['relative-url']);
  });

  it('invalid-uri: a malformed tag: URI, a character URIs do not allow; unregistered-scheme: a made-up scheme', () => {
    expect(ruleIds(broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', '>tag:globaltimes.cn:article:rich-story<')))).toEqual(['invalid-uri']);
    const pipe = broken((t) => t.replace('<link>https://www.globaltimes.cn/page/202409/rich-story.shtml</link>', '<link>https://www.globaltimes.cn/page/a|b.shtml</link>'));
    expect(ruleIds(pipe)).toEqual(['invalid-uri']);
    expect(validate(pipe).find((d) => d.ruleId === 'invalid-uri')!.message).toContain('%7C');
    expect(ruleIds(broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', '>urn:uuid:1234<')))).toEqual(['invalid-uri']);
    const scheme = validate(broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', '>gt:rich-story<')));
    expect(scheme.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'unregistered-scheme']]);
  });

  it('rss-date: not RFC 822, an impossible date, a wrong weekday', () => {
    const iso = broken((t) => t.replace('<pubDate>Wed, 04 Sep 2024 13:03:00 GMT</pubDate>', '<pubDate>2024-09-04T13:03:00Z</pubDate>'));
    expect(ruleIds(iso)).toEqual(['rss-date']);
    expect(validate(iso)[0]!.line).toBe(lineOf(iso, '<pubDate>2024'));
    expect(ruleIds(broken((t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', 'Wed, 04 Sep 2024 13:03:00 +08:00')))).toEqual(['rss-date']);
    expect(ruleIds(broken((t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', '31 Sep 2024 13:03:00 GMT')))).toEqual(['rss-date']);
    expect(ruleIds(broken((t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', 'Thu, 04 Sep 2024 13:03:00 GMT')))).toEqual(['rss-date']);
    expect(ruleIds(broken((t) => t.replace('<lastBuildDate>Thu, 05 Sep 2024 02:15:00 GMT', '<lastBuildDate>Thu, 05 Sep 2024 26:15:00 GMT')))).toEqual(['rss-date']);
  });

  it('rss-date: accepts RFC 822 with a numeric offset and no weekday', () => {
    expect(validate(broken((t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', '04 Sep 2024 21:03:00 +0800')))).toEqual([]);
  });

  it('atom-date: an item atom:updated that is not RFC 3339', () => {
    expect(ruleIds(broken((t) => t.replace('<atom:updated>2024-09-04T21:03:00+08:00<', '<atom:updated>2024-09-04 21:03<')))).toEqual(['atom-date']);
  });

  it('date-out-of-range: a date before 1990 is a warning', () => {
    const found = validate(broken((t) => t.replace('Wed, 04 Sep 2024 13:03:00 GMT', 'Sat, 04 Sep 1982 13:03:00 GMT')));
    expect(found.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'date-out-of-range']]);
  });

  it('duplicate-id: two items with the same guid', () => {
    const twin = makeArticle({ id: 'twin', guid: makeArticle().guid, datePublished: '2024-09-03T10:00:00+08:00' });
    const text = emitted([makeArticle(), twin]);
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['duplicate-id']);
    expect(found[0]!.message).toContain(`line ${lineOf(text, '<guid')}`);
  });

  it('guid-permalink: a tag: guid claimed as permalink, a bad boolean; guid-not-unique: a short number', () => {
    expect(ruleIds(broken((t) => t.replace('<guid isPermaLink="false">tag:globaltimes.cn,2024:article:rich-story', '<guid>tag:globaltimes.cn,2024:article:rich-story')))).toEqual(['guid-permalink']);
    expect(ruleIds(broken((t) => t.replace('isPermaLink="false">tag:globaltimes.cn,2024:article:rich-story', 'isPermaLink="no">tag:globaltimes.cn,2024:article:rich-story')))).toEqual(['guid-permalink']);
    const short = validate(broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', '>4711<')));
    expect(short.map((d) => [d.severity, d.ruleId])).toContainEqual(['warning', 'guid-not-unique']);
  });

  it('bare-author: an RSS <author> that is a name; author-format: an email without the name', () => {
    expect(ruleIds(broken((t) => t.replace(/<dc:creator>Liu Caiyu<\/dc:creator>\s*<dc:creator>Zhang Han<\/dc:creator>/, '<author>Liu Caiyu</author>')))).toEqual(['bare-author']);
    const email = validate(broken((t) => t.replace('<dc:creator>Global Times</dc:creator>', '<author>news@globaltimes.cn</author>')));
    expect(email.filter((d) => d.ruleId !== 'schema').map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'author-format']]);
    expect(ruleIds(broken((t) => t.replace('<dc:creator>Global Times</dc:creator>', '<author>news@globaltimes.cn (Global Times)</author>')))).toEqual([]);
  });

  it('duplicate-semantics: <author> next to <dc:creator>', () => {
    const text = broken((t) => t.replace('<dc:creator>Zhang Han</dc:creator>', '<dc:creator>Zhang Han</dc:creator>\n      <author>zhang@globaltimes.cn (Zhang Han)</author>'));
    expect(validate(text).filter((d) => d.ruleId !== 'schema').map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'duplicate-semantics']]);
  });

  it('content-before-description: content:encoded without a description', () => {
    const text = broken((t) => t.replace(/<description><!\[CDATA\[China is actively[^\]]*\]\]><\/description>/, ''));
    expect(ruleIds(text)).toEqual(['content-before-description']);
  });

  it('unsafe-content: script, iframe, style, unknown attributes, event handlers, javascript: URLs, <?import', () => {
    const inContent = (html: string) => ruleIds(broken((t) => t.replace('<p>Cyberspace', `${html}<p>Cyberspace`)));
    expect(inContent('<script>alert(1)</script>')).toEqual(['unsafe-content']);
    expect(inContent('<IFRAME src="https://evil.example/"></IFRAME>')).toEqual(['unsafe-content']);
    expect(inContent('<style>p{}</style>')).toEqual(['unsafe-content']);
    expect(inContent('<p style="position: fixed">x</p>')).toEqual(['unsafe-content']);
    expect(inContent('<p style="color: red; margin: 0 1em">x</p>')).toEqual([]);
    expect(inContent('<p formaction="https://x.example/">x</p>')).toEqual(['unsafe-content']);
    expect(inContent('<p data-id="7">x</p>')).toEqual([]);
    expect(inContent('<?import namespace="t" implementation="#default#time2">')).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('alt="Second photo."', 'alt="Second photo." onerror="alert(1)"')))).toEqual(['unsafe-content']);
    expect(inContent('<p><a href="javascript:alert(1)">x</a>')).toEqual(['unsafe-content']);
    expect(inContent('<p><a href="&#106;avascript:alert(1)">x</a>')).toEqual(['unsafe-content']);
  });

  it('unsafe-content: escaped markup in the text is not markup', () => {
    expect(validate(emitted([makeArticle({ paragraphs: ['About <script> tags and onload="x" attributes.'] })]))).toEqual([]);
  });

  it('not-html: a tag that is not HTML, a stray "<", a malformed character reference (warnings)', () => {
    const inContent = (html: string) => validate(broken((t) => t.replace('<p>Cyberspace', `${html}<p>Cyberspace`))).map((d) => [d.severity, d.ruleId]);
    expect(inContent('<blink>x</blink>')).toEqual([['warning', 'not-html']]);
    expect(inContent('<p>1 < 2</p>')).toEqual([['warning', 'not-html']]);
    expect(inContent('<p>caf&eacute; &amp; &#233; &#xE9;</p>')).toEqual([]);
    expect(inContent('<p>AT&T;</p>')).toEqual([['warning', 'not-html']]);
    expect(inContent('<p>&amp without semicolon</p>')).toEqual([['warning', 'not-html']]);
    expect(inContent('<p>&#0;</p>')).toEqual([['warning', 'not-html']]);
  });

  it('html-in-text: an HTML end tag, an entity or markup-like text in a plain-text element without the RSS Profile escapes', () => {
    const endTag = validate(emitted([makeArticle({ headline: 'Why <i>this</i> matters' })]));
    expect(endTag.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'html-in-text']]);
    expect(endTag[0]!.message).toContain('</i>');
    // The same text written with plain escapes (no "&#x" on the line) reads as markup to the W3C validator.
    const lt = broken((t) => t.replace('<title>Tariffs &#x26; trade: "&#x3C;b&gt;', '<title>Tariffs and trade: "&lt;b&gt;'));
    expect(validate(lt).map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'html-in-text']]);
    const entity = broken((t) => t.replace('<copyright>Copyright Global Times.', '<copyright>Copyright&amp;nbsp;Global Times.'));
    expect(ruleIds(entity)).toEqual(['html-in-text']);
    const caption = broken((t) => t.replace('A port in Shanghai &#x26; ships &#x3C;at&gt; dawn.</media:description>', 'A port in Shanghai and ships &lt;at&gt; dawn.</media:description>'));
    expect(ruleIds(caption)).toEqual(['html-in-text']);
    const category = broken((t) => t.replace('>Society</category>', '>Society &lt;b&gt;</category>'));
    expect(ruleIds(category)).toEqual(['html-in-text']);
  });

  it('bad-characters: C1 controls or UTF-8 read as Latin-1 (warnings)', () => {
    const c1 = validate(broken((t) => t.replace('<dc:creator>Zhang Han', '<dc:creator>Zhang\u0096Han')));
    expect(c1.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'bad-characters']]);
    expect(c1[0]!.message).toContain('U+0096');
    const mojibake = validate(broken((t) => t.replace('<dc:creator>Zhang Han', '<dc:creator>Zhang CafÃ©')));
    expect(mojibake.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'bad-characters']]);
    expect(validate(emitted([makeArticle({ headline: 'Café Zölle 中国' })]))).toEqual([]);
  });

  it('invalid-language: a channel language or xml:lang that is not an ISO 639 code', () => {
    expect(ruleIds(broken((t) => t.replace('<language>en</language>', '<language>xx</language>')))).toEqual(['invalid-language']);
    expect(ruleIds(broken((t) => t.replace('<language>en</language>', '<language>english</language>')))).toEqual(['invalid-language']);
    expect(ruleIds(broken((t) => t.replace('<item>', '<item xml:lang="qq-ZZ">')))).toContain('invalid-language');
  });

  it('media-namespace: Media RSS declared without its trailing slash', () => {
    const text = broken((t) => t.replace('xmlns:media="http://search.yahoo.com/mrss/"', 'xmlns:media="http://search.yahoo.com/mrss"'));
    expect(ruleIds(text)).toContain('media-namespace');
  });

  it('reserved-prefix and unknown-namespace: a well-known prefix bound elsewhere, a namespace readers do not know', () => {
    const reserved = validate(broken((t) => t.replace('<rss ', '<rss xmlns:g="https://example.com/g" ')));
    expect(reserved.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'reserved-prefix']]);
    const unknown = validate(broken((t) => t.replace('<rss ', '<rss xmlns:gt="https://www.globaltimes.cn/ns" ')));
    expect(unknown.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'unknown-namespace']]);
  });

  it('media-content: no url, an unknown medium, a non-MIME type, a non-positive size, an attribute Media RSS lacks', () => {
    const media = (from: string, to: string) => ruleIds(broken((t) => t.replace(from, to)));
    expect(media('<media:content url="https://www.globaltimes.cn/photo/b.png" ', '<media:content ')).toEqual(['media-content']);
    expect(media('medium="image" type="image/png"', 'medium="picture" type="image/png"')).toEqual(['media-content']);
    expect(media('medium="image" type="image/png"', 'medium="image" type="png"')).toEqual(['media-content']);
    expect(media('type="image/png" width="800"', 'type="image/png" width="0"')).toEqual(['media-content']);
    expect(media('fileSize="48213"', 'fileSize="48 kB"')).toEqual(['media-content']);
    expect(media('type="image/png" width="800"', 'type="image/png" caption="x" width="800"')).toEqual(['media-content']);
  });

  it('media-credit: a role that is not a lowercase EBU role, a scheme that is not a URI', () => {
    expect(ruleIds(broken((t) => t.replace('role="photographer"', 'role="Photographer"')))).toEqual(['media-credit']);
    expect(ruleIds(broken((t) => t.replace('role="photographer"', 'role="shooter"')))).toEqual(['media-credit']);
    expect(ruleIds(broken((t) => t.replace('scheme="urn:ebu"', 'scheme="ebu roles"')))).toEqual(['media-credit']);
    expect(ruleIds(broken((t) => t.replace('role="photographer" scheme="urn:ebu"', 'role="shooter" scheme="https://www.globaltimes.cn/roles"')))).toEqual([]);
  });

  it('media-description: a type other than plain or html, or two descriptions', () => {
    expect(ruleIds(broken((t) => t.replace('<media:description type="plain">Second', '<media:description type="text">Second')))).toEqual(['media-description']);
    expect(ruleIds(broken((t) => t.replace('<media:description type="plain">Second photo.</media:description>', '<media:description type="plain">Second photo.</media:description><media:description type="plain">Again</media:description>')))).toContain('media-description');
  });

  it('enclosure: no length, a negative or -1 length, a missing or non-MIME type, a URL without a host name', () => {
    const enclosure = (to: string) => ruleIds(broken((t) => t.replace(/<enclosure [^>]*\/>/, to)));
    expect(enclosure('<enclosure type="image/jpeg" url="https://www.globaltimes.cn/photo/a.jpg"/>')).toEqual(['enclosure']);
    expect(enclosure('<enclosure length="-1" type="image/jpeg" url="https://www.globaltimes.cn/photo/a.jpg"/>')).toEqual(['enclosure']);
    expect(enclosure('<enclosure length="12 kB" type="image/jpeg" url="https://www.globaltimes.cn/photo/a.jpg"/>')).toEqual(['enclosure']);
    expect(enclosure('<enclosure length="12" type="jpeg" url="https://www.globaltimes.cn/photo/a.jpg"/>')).toEqual(['enclosure']);
    expect(enclosure('<enclosure length="12" url="https://www.globaltimes.cn/photo/a.jpg"/>')).toEqual(['enclosure']);
    expect(enclosure('<enclosure length="12" type="image/jpeg" url="https://localhost/a.jpg"/>')).toEqual(['enclosure']);
  });

  it('duplicate-enclosure: two enclosures in one item (a warning besides our schema)', () => {
    const text = broken((t) => t.replace(/(<enclosure [^>]*\/>)/, '$1\n      $1'));
    expect(validate(text).filter((d) => d.ruleId !== 'schema').map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'duplicate-enclosure']]);
  });

  it('link-rel: an atom:link relation that is neither registered nor a URI (warning)', () => {
    const text = broken((t) => t.replace(/(<atom:link [^>]*\/>)/, '$1\n    <atom:link href="https://www.globaltimes.cn/" rel="homepage"/>'));
    expect(validate(text).map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'link-rel']]);
  });

  it('feed-limit: more items than feed.limit', () => {
    const found = validateRss(file(emitted()), makeSite({ feed: { ...site.feed, limit: 1 } }));
    expect(found.map((d) => d.ruleId)).toEqual(['feed-limit']);
    expect(found[0]!.message).toContain('feed.limit (1)');
  });

  it('item-order: an older item before a newer one', () => {
    const text = broken((t) => t.replace('<pubDate>Wed, 04 Sep 2024 13:03:00 GMT</pubDate>', '<pubDate>Sat, 07 Sep 2024 13:03:00 GMT</pubDate>'));
    const found = validate(text).filter((d) => d.ruleId !== 'feed-updated');
    expect(found.map((d) => d.ruleId)).toEqual(['item-order']);
    expect(found[0]!.line).toBe(lineOf(text, '<pubDate>Sat, 07 Sep'));
  });

  it('feed-updated: lastBuildDate is not the newest change among the items', () => {
    expect(ruleIds(broken((t) => t.replace('<lastBuildDate>Thu, 05 Sep 2024 02:15:00 GMT', '<lastBuildDate>Wed, 04 Sep 2024 13:03:00 GMT')))).toEqual(['feed-updated']);
  });
});
