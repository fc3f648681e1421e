import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitRss } from '../../src/emit/rss.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { validateRss } from '../../src/validate/rss.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const site = makeSite();

function file(text: string): OutputFile {
  return { path: 'rss.xml', text, format: 'rss', sources: ['input/articles/rich-story.txt'] };
}

function validate(text: string): Diagnostic[] {
  return validateRss(file(text), site);
}

/** The distinct rule ids found, leaving out the generic `schema` findings our XSD may add for the same defect. */
function ruleIds(text: string): string[] {
  return [...new Set(validate(text).map((d) => d.ruleId))].filter((id) => id !== 'schema').sort();
}

function emitted(articles: Article[] = [makeRichArticle(), makeArticle()]): string {
  return emitRss(articles, site)[0]!.text;
}

/** Our output for the rich and sample articles, edited by `edit`; fails loudly when the edit did not apply. */
function broken(edit: (text: string) => string): string {
  const original = emitted();
  const text = edit(original);
  expect(text, 'the edit changed nothing').not.toBe(original);
  return text;
}

/** 1-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('validateRss on our own output', () => {
  it.each([
    ['sample', [makeArticle()]],
    ['rich', [makeRichArticle()]],
    ['several', [makeRichArticle(), makeArticle(), makeArticle({ id: 'third', datePublished: '2024-09-03T10:00:00+08:00', sections: [] })]],
    ['nasty headline with ]]> and entity-like text', [makeArticle({ headline: 'x ]]> y &nbsp; AT&T; <script>' })]],
  ])('finds nothing wrong with the %s feed', (_name, articles) => {
    expect(validate(emitted(articles))).toEqual([]);
  });

  it('only warns (date-out-of-range) on the epoch date of an empty feed', () => {
    expect(validate(emitted([])).map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'date-out-of-range']]);
  });
});

describe('validateRss rules', () => {
  it('not-well-formed: reports a parse error with its position instead of throwing', () => {
    const found = validate('<?xml version="1.0"?>\n<rss version="2.0"><channel></rss>\n');
    expect(found.map((d) => d.ruleId)).toEqual(['not-well-formed']);
    expect(found[0]).toMatchObject({ file: 'dist/rss.xml', severity: 'error', source: 'validate:rss', line: 2, origin: 'input/articles/rich-story.txt' });
  });

  it.each(['', 'not xml at all', '<rss version="2.0"><channel><title>\u0001</title></channel></rss>'])('not-well-formed: never throws on %j', (text) => {
    expect(validate(text).map((d) => d.ruleId)).toContain('not-well-formed');
  });

  it('schema: an element outside our subset (enclosure) or a missing guid', () => {
    const enclosure = broken((t) => t.replace('</guid>', '</guid>\n      <enclosure url="https://www.globaltimes.cn/photo/a.jpg" type="image/jpeg" length="0"/>'));
    expect(validate(enclosure).map((d) => d.ruleId)).toEqual(['schema']);
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

  it('self-link: the self link is not the public URL of rss.xml', () => {
    const text = broken((t) => t.replace('syndication/rss.xml', 'syndication/atom.xml'));
    expect(ruleIds(text)).toEqual(['self-link']);
  });

  it('self-link: no atom:link at all (the schema also requires it)', () => {
    const text = broken((t) => t.replace(/\s*<atom:link [^>]*\/>/, ''));
    expect(ruleIds(text)).toEqual(['self-link']);
  });

  it('relative-url: item link, guid, category domain, and href/src in the content', () => {
    expect(ruleIds(broken((t) => t.replace('<link>https://www.globaltimes.cn/page/202409/rich-story.shtml</link>', '<link>/page/202409/rich-story.shtml</link>')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('>tag:globaltimes.cn,2024:article:rich-story<', '>rich-story<')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('domain="https://www.globaltimes.cn/sections/"', 'domain="sections/"')))).toEqual(['relative-url']);
    const image = broken((t) => t.replace('src="https://www.globaltimes.cn/photo/a.jpg"', 'src="/photo/a.jpg"'));
    const found = validate(image);
    expect(found.map((d) => d.ruleId)).toEqual(['relative-url']);
    expect(found[0]!.message).toContain('src="/photo/a.jpg"');
    expect(found[0]!.line).toBe(lineOf(image, '<content:encoded>'));
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<p><a href="//cdn.example/x">x</a>Cyberspace')))).toEqual(['relative-url']);
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

  it('bare-author: an RSS <author> that is a name, not an email', () => {
    const text = broken((t) => t.replace('<dc:creator>Liu Caiyu</dc:creator>', '<author>Liu Caiyu</author>'));
    expect(ruleIds(text)).toEqual(['bare-author']);
    const email = broken((t) => t.replace('<dc:creator>Liu Caiyu</dc:creator>', '<author>liu@globaltimes.cn (Liu Caiyu)</author>'));
    expect(ruleIds(email)).toEqual([]);
  });

  it('unsafe-content: script, iframe, event handlers and javascript: URLs in the content', () => {
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<script>alert(1)</script><p>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<IFRAME src="https://evil.example/"></IFRAME><p>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('alt="Second photo."', 'alt="Second photo." onerror="alert(1)"')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<p><a href="javascript:alert(1)">x</a>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<p><a href="&#106;avascript:alert(1)">x</a>Cyberspace')))).toEqual(['unsafe-content']);
  });

  it('unsafe-content: escaped markup in the text is not markup', () => {
    expect(validate(emitted([makeArticle({ paragraphs: ['About <script> tags and onload="x" attributes.'] })]))).toEqual([]);
  });
});
