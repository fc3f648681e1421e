import { describe, expect, it } from 'vitest';
import { readMarkdownWith as markdown, readWireWith as wire } from '../helpers/front-matter.ts';
import { makeSite } from '../helpers/fixtures.ts';

const site = makeSite();

describe.each([
  ['wire copy', wire, 2],
  ['Markdown', markdown, 4],
])('front matter `language` (%s)', (_name, read, line) => {
  it.each([
    ['fr', 'fr'],
    ['ja', 'ja'],
    ['zh-hans', 'zh-Hans'],
    ['ZH-hant-tw', 'zh-Hant-TW'],
    ['ar', 'ar'],
    ['iw', 'he'],
    ['en-gb', 'en-GB'],
  ])('`language: %s` becomes the canonical %j', (written, canonical) => {
    const { article, diagnostics } = read(`keywords: [a]\nlanguage: ${written}\n`);
    expect(diagnostics).toEqual([]);
    expect(article!.language).toBe(canonical);
  });

  it("defaults to the site's language when absent", () => {
    const { article, diagnostics } = read('keywords: [a]\n');
    expect(diagnostics).toEqual([]);
    expect(article!.language).toBe(site.language);
  });

  it.each([
    ['en_US', /`language: en-US` \(hyphens, not underscores\)/],
    ['english', /2- or 3-letter ISO 639 code/],
    ['e', /is not a BCP 47 language tag/],
    ['"12"', /is not a BCP 47 language tag/],
    ['en-u-ca-gregory', /extension or private-use subtags.*`language: en`/],
    ['und', /undetermined/],
  ])('`language: %s` is an invalid-language error at the key, with the fix', (written, message) => {
    const { article, diagnostics } = read(`keywords: [a]\nlanguage: ${written}\n`);
    expect(article).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'invalid-language', line: line + 1, column: 1 })]);
    expect(diagnostics[0]!.message).toMatch(message);
    expect(diagnostics[0]!.message).toContain("remove the key to use the site's language (en)");
  });

  it('a language that is not text (a list) is an invalid-front-matter error', () => {
    const { article, diagnostics } = read('keywords: [a]\nlanguage: [fr, en]\n');
    expect(article).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'invalid-front-matter' })]);
  });
});
