import { describe, expect, it } from 'vitest';
import { emitJsonLd, formatJsonLd, toNewsArticle } from '../../src/emit/jsonld.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { NewsArticleJsonLdSchema, validateJsonLd } from '../../src/validate/jsonld.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const site = makeSite();
const rich = () => toNewsArticle(makeRichArticle(), site);

function fileOf(text: string): OutputFile {
  return { path: 'articles/rich-story/article.jsonld', text, format: 'jsonld', sources: ['input/articles/rich-story.txt'] };
}

function check(value: unknown) {
  return validateJsonLd(fileOf(formatJsonLd(value)), site);
}

/** The publisher object as emitted, read back as plain JSON so it can be spread. */
const makePublisher = (): Record<string, unknown> => (JSON.parse(formatJsonLd(rich())) as { publisher: Record<string, unknown> }).publisher;

const rules = (value: unknown) => check(value).map((d) => d.ruleId);

describe('validateJsonLd', () => {
  it('passes the emitted rich article with no diagnostics', () => {
    const [file] = emitJsonLd([makeRichArticle()], site);
    expect(file && validateJsonLd(file, site)).toStrictEqual([]);
  });

  it('gives the sample-shaped article (photo without URL) only the missing-image warning, with file and origin', () => {
    const [file] = emitJsonLd([makeArticle()], site);
    expect(file && validateJsonLd(file, site)).toStrictEqual([
      {
        file: 'dist/articles/cyberspace-governance/article.jsonld',
        severity: 'warning',
        source: 'validate:jsonld',
        ruleId: 'missing-image',
        message: expect.stringContaining('add an image URL in front matter'),
        origin: 'input/articles/cyberspace-governance.txt',
      },
    ]);
  });

  it('invalid-json: reports text that is not JSON, with its position, and does not throw', () => {
    const found = validateJsonLd(fileOf('{\n  "headline": "x",\n  oops\n}\n'), site);
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([['invalid-json', 'error']]);
    expect(found[0]?.line).toBe(3);
    expect(validateJsonLd(fileOf(''), site).map((d) => d.ruleId)).toStrictEqual(['invalid-json']);
  });

  it('schema: a missing promised field names the path and says to add it', () => {
    const { headline: _, ...withoutHeadline } = rich();
    const found = check(withoutHeadline);
    expect(found.map((d) => d.ruleId)).toStrictEqual(['schema']);
    expect(found[0]?.message).toMatch(/^headline: is required; add it/);
  });

  it('schema: a wrong nested value names its JSON path and line', () => {
    const value = { ...rich(), author: [{ '@type': 'Person', name: 42 }] };
    const found = check(value);
    expect(found.map((d) => d.ruleId)).toStrictEqual(['schema']);
    expect(found[0]?.message).toMatch(/^author\[0\]\.name: expected string but found number 42/);
    const text = formatJsonLd(value);
    expect(found[0]?.line).toBe(text.split('\n').findIndex((l) => l.includes('"name": 42')) + 1);
  });

  it('schema: unknown fields, wrong @type and empty arrays are refused', () => {
    expect(rules({ ...rich(), wordCount: 3 })).toStrictEqual(['schema']);
    expect(check({ ...rich(), wordCount: 3 })[0]?.message).toMatch(/unknown field\(s\) "wordCount"/);
    expect(rules({ ...rich(), '@type': 'Article' })).toStrictEqual(['schema']);
    expect(rules({ ...rich(), keywords: [] })).toStrictEqual(['schema']);
    expect(rules({ ...rich(), '@context': 'http://schema.org' })).toStrictEqual(['schema']);
    const { logo: _, ...publisherWithoutLogo } = makePublisher();
    expect(rules({ ...rich(), publisher: publisherWithoutLogo })).toStrictEqual(['schema']);
  });

  it('schema: a top level that is not an object is one diagnostic, not a crash', () => {
    for (const text of ['null\n', '[]\n', '"NewsArticle"\n', '42\n']) {
      expect(validateJsonLd(fileOf(text), site).map((d) => d.ruleId)).toStrictEqual(['schema']);
    }
  });

  it('never throws, whatever the text', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const deepObject = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    for (const text of [deep, deepObject, '\uFEFF{}', '{"@context": "https://schema.org", "author": [null, 1, "x"], "image": [[]]}']) {
      const found = validateJsonLd(fileOf(text), site);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((d) => d.severity === 'error' || d.severity === 'warning')).toBe(true);
    }
  });

  it('headline-length: warns above 110 characters, not at 110 (counted in characters, not UTF-16 units)', () => {
    expect(rules({ ...rich(), headline: 'a'.repeat(111) })).toStrictEqual(['headline-length']);
    expect(check({ ...rich(), headline: 'a'.repeat(111) })[0]?.severity).toBe('warning');
    expect(rules({ ...rich(), headline: 'a'.repeat(110) })).toStrictEqual([]);
    expect(rules({ ...rich(), headline: '☕'.repeat(100) + '😀'.repeat(10) })).toStrictEqual([]);
  });

  it('missing-image: warns when there is no image, saying to add one in front matter', () => {
    const { image: _, ...withoutImage } = rich();
    const found = check(withoutImage);
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([['missing-image', 'warning']]);
    expect(found[0]?.message).toContain('add an image URL in front matter');
  });

  it('unsafe-for-html: raw <, > or & is an error at its line and column', () => {
    const text = JSON.stringify({ ...rich(), headline: 'x </script> & y' }, null, 2) + '\n';
    const found = validateJsonLd(fileOf(text), site).filter((d) => d.ruleId === 'unsafe-for-html');
    const lines = text.split('\n');
    const expected = lines.flatMap((l, i) => (/[<>&]/.test(l) ? [{ line: i + 1, column: l.search(/[<>&]/) + 1 }] : []));
    expect(expected.length).toBeGreaterThan(1); // headline, and the rich fixture's caption
    expect(found.map(({ line, column, severity }) => ({ line, column, severity }))).toStrictEqual(expected.map((p) => ({ ...p, severity: 'error' })));
    expect(validateJsonLd(fileOf(text), site).map((d) => d.ruleId)).toStrictEqual(found.map(() => 'unsafe-for-html'));
  });

  it('unsafe-for-html: is reported even when the JSON does not parse', () => {
    expect(validateJsonLd(fileOf('{"headline": "</script>"'), site).map((d) => d.ruleId)).toStrictEqual(['unsafe-for-html', 'invalid-json']);
  });

  it('date-offset: a date without an explicit offset is an error (and not repeated as a schema issue)', () => {
    expect(rules({ ...rich(), datePublished: '2024-09-05T08:30:00' })).toStrictEqual(['date-offset']);
    expect(rules({ ...rich(), dateModified: '2024-09-05' })).toStrictEqual(['date-offset']);
    const found = check({ ...rich(), dateModified: '2024-09-05T10:15' });
    expect(found.map((d) => d.ruleId)).toStrictEqual(['date-offset']);
    expect(found[0]?.message).toContain('+08:00');
    expect(found[0]?.line).toBeGreaterThan(1);
    // A date that is not a date at all is a schema issue.
    expect(rules({ ...rich(), dateModified: 'yesterday' })).toStrictEqual(['schema']);
  });

  it('relative-url: any non-absolute URL value is an error naming its path', () => {
    const relativeImage = { ...rich(), image: [{ '@type': 'ImageObject', url: 'https://www.globaltimes.cn/photo/a.jpg', contentUrl: '/photo/a.jpg', caption: 'c' }] };
    const found = check(relativeImage);
    expect(found.map((d) => d.ruleId)).toStrictEqual(['relative-url']);
    expect(found[0]?.message).toMatch(/^image\[0\]\.contentUrl "\/photo\/a\.jpg"/);
    expect(rules({ ...rich(), url: 'page/202409/rich-story.shtml' })).toStrictEqual(['relative-url']);
    expect(rules({ ...rich(), mainEntityOfPage: { '@type': 'WebPage', '@id': '//www.globaltimes.cn/x' } })).toStrictEqual(['relative-url']);
    expect(rules({ ...rich(), author: [{ '@type': 'Person', name: 'A', url: 'author/a' }] })).toStrictEqual(['relative-url']);
  });

  it('reports several independent problems together', () => {
    const { image: _, ...withoutImage } = rich();
    const value = { ...withoutImage, headline: 'h'.repeat(120), url: '/x', datePublished: '2024-09-05T08:30:00' };
    expect(rules(value).sort()).toStrictEqual(['date-offset', 'headline-length', 'missing-image', 'relative-url']);
  });
});

describe('NewsArticleJsonLdSchema', () => {
  it('accepts what toNewsArticle produces for both fixtures', () => {
    expect(NewsArticleJsonLdSchema.safeParse(rich()).success).toBe(true);
    expect(NewsArticleJsonLdSchema.safeParse(toNewsArticle(makeArticle(), site)).success).toBe(true);
    expect(NewsArticleJsonLdSchema.safeParse(toNewsArticle(makeArticle({ sections: [], images: [] }), makeSite({ copyright: { holder: 'X', notice: 'Y' } }))).success).toBe(true);
  });

  it('refuses a value that is null instead of absent', () => {
    expect(NewsArticleJsonLdSchema.safeParse({ ...rich(), dateline: null }).success).toBe(false);
  });
});
