import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../src/config.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitNewsSitemap } from '../../src/emit/sitemap.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenText, lineOf, outputFile, validateFile } from '../helpers/validate.ts';

const NOW = '2024-09-05T12:00:00+08:00';

function file(text: string): OutputFile {
  return outputFile('sitemap', 'news-sitemap.xml', text);
}

function validate(text: string, site: SiteConfig = makeSite()): Diagnostic[] {
  return validateFile(file(text), site);
}

/** The rule ids found, in order (the sitemap has no generic `schema` rule to leave out any more). */
function ruleIds(text: string, site?: SiteConfig): string[] {
  return validate(text, site).map((d) => d.ruleId);
}

function emitted(articles: Article[] = [makeRichArticle(), makeArticle()], now = NOW): string {
  return emitNewsSitemap(articles, makeSite(), { now })[0]!.text;
}

/** Our output for the rich and sample articles, edited by `edit`; fails loudly when the edit did not apply. */
function broken(edit: (text: string) => string): string {
  return brokenText(emitted(), edit);
}

/** A sitemap with `count` well-formed entries of distinct URLs, written by hand (the emitter caps at 1,000). */
function sitemapWith(count: number): string {
  const urls = Array.from(
    { length: count },
    (_, i) =>
      `  <url><loc>https://www.globaltimes.cn/page/a${i}.shtml</loc><news:news><news:publication><news:name>Global Times</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-09-05T08:30:00+08:00</news:publication_date><news:title>Story ${i}</news:title></news:news></url>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('')}</urlset>\n`;
}

describe('validateNewsSitemap on our own output', () => {
  it.each([
    ['sample and rich', [makeRichArticle(), makeArticle()], NOW],
    ['empty (old sample)', [makeArticle()], '2026-11-27T12:00:00Z'],
    ['entity-like title', [makeArticle({ headline: 'x ]]> y &nbsp; AT&T; <script>' })], NOW],
  ])('finds nothing wrong with the %s sitemap', (_name, articles, now) => {
    expect(validate(emitted(articles, now))).toEqual([]);
  });

  it('accepts exactly 1,000 entries', () => {
    expect(validate(sitemapWith(1000))).toEqual([]);
  });
});

describe('validateNewsSitemap rules', () => {
  it('not-well-formed: reports a parse error with its position instead of throwing', () => {
    const found = validate('<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url></urlset>\n');
    expect(found.map((d) => d.ruleId)).toEqual(['not-well-formed']);
    expect(found[0]).toMatchObject({ file: 'news-sitemap.xml', severity: 'error', source: 'validate:sitemap', line: 2, origin: 'input/articles/rich-story.txt' });
  });

  it.each(['', 'not xml', '<urlset>\u0001</urlset>', '<urlset>&nbsp;</urlset>'])('not-well-formed: never throws on %j', (text) => {
    expect(validate(text).map((d) => d.ruleId)).toContain('not-well-formed');
  });

  it('news-missing-element, unexpected-element, root: a missing <news:title>, an element outside the protocol, the wrong namespace', () => {
    const untitled = broken((t) => t.replace(/<news:title>[^<]*<\/news:title>/, ''));
    expect(validate(untitled).map((d) => [d.ruleId, d.severity, d.line])).toEqual([['news-missing-element', 'error', lineOf(untitled, '<news:news>')]]);
    const image = broken((t) => t.replace('</loc>', '</loc>\n    <image>x</image>'));
    expect(validate(image).map((d) => [d.ruleId, d.severity, d.line])).toEqual([['unexpected-element', 'error', lineOf(image, '<image>')]]);
    expect(validate(broken((t) => t.replace('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"', 'xmlns="http://www.google.com/schemas/sitemap/0.84"'))).map((d) => d.ruleId)).toEqual(['root']);
  });

  it('too-many-news: 1,001 entries, reported at the 1,001st', () => {
    const text = sitemapWith(1001);
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['too-many-news']);
    expect(found[0]).toMatchObject({ severity: 'error', line: lineOf(text, '/a1000.shtml') });
    expect(found[0]!.message).toContain('more than 1,000 <news:news> entries');
  });

  it('loc-url: a <loc> that is not an absolute http(s) URL', () => {
    const text = broken((t) => t.replace('<loc>https://www.globaltimes.cn/page/202409/rich-story.shtml', '<loc>/page/202409/rich-story.shtml'));
    const found = validate(text);
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['loc-url', 'error']]);
    expect(found[0]!.line).toBe(lineOf(text, '<loc>/page'));
    expect(found[0]!.message).toMatch(/^<loc> "\/page\/202409\/rich-story\.shtml" is a relative URL/);
  });

  // What is no W3C Datetime is Google's error (news-publication-date), which the house does not repeat; a bare
  // date is one, but not the publisher's time with its offset (date-offset, the house's alone).
  it.each([
    ['no offset', '2024-09-05T08:30:00', 'news-publication-date'],
    ['a bare date', '2024-09-05', 'date-offset'],
    ['RFC 822', 'Thu, 05 Sep 2024 00:30:00 GMT', 'news-publication-date'],
    ['an impossible month', '2024-13-05T08:30:00+08:00', 'news-publication-date'],
  ])('date-offset: <news:publication_date> with %s', (_name, value, rule) => {
    const text = broken((t) => t.replace('2024-09-05T08:30:00+08:00', value));
    const found = validate(text);
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([[rule, 'error']]);
    expect(found[0]!.line).toBe(lineOf(text, '<news:publication_date>'));
  });

  it('date-offset: W3C datetime forms with Z, fractions or without seconds are accepted', () => {
    for (const value of ['2024-09-05T00:30:00Z', '2024-09-05T00:30:00.5Z', '2024-09-05T08:30+08:00']) {
      expect(validate(broken((t) => t.replace('2024-09-05T08:30:00+08:00', value)))).toEqual([]);
    }
  });

  // Not in Google's form either, each is one finding: the house does not repeat Google's.
  it.each([
    ['bare Chinese', 'zh'],
    ['a region subtag', 'en-GB'],
    ['an underscore', 'zh_cn'],
    ['not a code', 'English'],
  ])('news-language: %s (%s) is not a Google News code', (_name, value) => {
    const text = broken((t) => t.replace('<news:language>en</news:language>', `<news:language>${value}</news:language>`));
    const found = validate(text);
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['news-language', 'error']]);
    expect(found[0]!.line).toBe(lineOf(text, `<news:language>${value}`));
  });

  it("publication-language: any story's language in Google's form is accepted; a code not in that form is refused", () => {
    // Each story states its own language: "fr" on an English site is a French story (whether it is
    // the story's language is the consistency check's, with the JSON-LD), so the house accepts it.
    expect(validate(broken((t) => t.replace('<news:language>en</news:language>', '<news:language>fr</news:language>')))).toEqual([]);
    const site = makeSite();
    const zh = emitNewsSitemap([makeRichArticle({ language: 'zh-Hans' })], site, { now: NOW })[0]!.text;
    expect(zh).toContain('<news:language>zh-cn</news:language>');
    expect(ruleIds(zh, site)).toEqual([]);
    expect(ruleIds(zh.replace('>zh-cn<', '>zh-tw<'), site)).toEqual([]);
    // Google reads the code case-insensitively, so "zh-CN" is no news-language error; syndicate writes "zh-cn".
    const upper = zh.replace('>zh-cn<', '>zh-CN<');
    const found = validate(upper, site);
    expect(found.map((d) => [d.ruleId, d.severity, d.line])).toEqual([['publication-language', 'error', lineOf(upper, '<news:language>')]]);
    expect(found[0]!.message).toContain('write "zh-cn"');
  });

  it('duplicate-loc: the same URL twice', () => {
    const text = broken((t) => t.replace('https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml', 'https://www.globaltimes.cn/page/202409/rich-story.shtml'));
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['duplicate-loc']);
    expect(found[0]!.line).toBe(text.slice(0, text.lastIndexOf('rich-story.shtml')).split('\n').length);
    expect(found[0]!.message).toContain(`line ${lineOf(text, 'rich-story.shtml')}`);
  });
});
