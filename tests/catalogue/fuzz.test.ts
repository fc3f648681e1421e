import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../src/read/index.ts';
import { readMarkdown } from '../../src/read/markdown.ts';
import { readWire } from '../../src/read/wire.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { makeSite } from '../helpers/fixtures.ts';

/*
 * No exception may escape a reader (issue 6): whatever the bytes, readWire and readMarkdown return
 * diagnostics. Random bytes mostly stop at decoding, so a second generator assembles files from the
 * pieces real articles are made of (front-matter fences and keys, dates, headers, tabs, odd Unicode,
 * Markdown and HTML) to reach the front-matter, date, header and Markdown code paths.
 */

const site = makeSite({ timeZone: 'America/New_York' });
const readers = { wire: { read: readWire, path: 'input/articles/fuzz.txt' }, md: { read: readMarkdown, path: 'input/articles/fuzz.md' } } as const;

/** What every result must be, whatever the input: diagnostics well formed, and an article exactly when there is no error. */
function expectWellFormed(result: ReadResult, path: string): void {
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const d of result.diagnostics as Diagnostic[]) {
    expect(d.file).toBe(path);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.ruleId).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(d.message.length).toBeGreaterThan(10);
    if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
    if (d.column !== undefined) expect(d.column).toBeGreaterThanOrEqual(1);
  }
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  expect(result.article === undefined, JSON.stringify(result.diagnostics)).toBe(errors);
}

function check(format: keyof typeof readers, bytes: Uint8Array): void {
  const { read, path } = readers[format];
  let result: ReadResult | undefined;
  expect(() => {
    result = read({ path, bytes }, site);
  }).not.toThrow();
  expectWellFormed(result!, path);
}

const PIECES = [
  '---', '---', '...', 'id: ', 'id: x', 'headline: ', 'date: ', 'updated: ', 'section: ', 'keywords: [', 'keywords:', '  - ', '- ', 'image:', '  url: https://example.com/a.jpg',
  '  caption: ', 'images:', 'authors: [a, {name: b}]', 'embargo: ', 'status: withdrawn', 'reason: x', 'correction: ', 'url: ', 'description: ', 'dateline: ', '&a ', '*a', '!!binary ', '"', "'", '{', '}', '[', ']', ': ', '#',
  'Published: ', 'Updated: ', 'By ', 'WORLD / CHINA', 'Photo: GT', 'Sep 04, 2024 09:03 PM', 'Feb 30, 2023 25:61', 'Mar 10, 2024 02:30 AM', 'Nov 03, 2024 01:30 AM', '2024-09-04T21:03:00+08:00', '2024-03-10 02:30', '2024-13-45 99:99', '2024-09-04',
  '<script>alert(1)</script>', '<iframe src=x>', '[l](javascript:alert(1))', '![i](data:x)', '```js', '> ', '1. ', '* ', '# ', '<!--', '-->', ']]>', '&amp;', '&nbsp;',
  '\t', '\u00a0', '\u200b', '\u202e', '\u2028', '\ufeff', '\r', '\r\n', '\u0001', '\u001f', '\ud83d\ude00', '中文', 'A'.repeat(300),
];
/** A line made of a few pieces and arbitrary text; a file is lines joined by LF or CRLF. */
const line = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 5 }).map((parts) => parts.join(''));
/** Often a front-matter block (fences on their own lines) first, so that YAML gets parsed, then the rest. */
const articleText = fc
  .tuple(fc.option(fc.array(line, { maxLength: 8 }), { freq: 2 }), fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'))
  .map(([front, lines, eol]) => [...(front === null ? [] : ['---', ...front, '---']), ...lines].join(eol));

describe('readers never throw', () => {
  it.each(['wire', 'md'] as const)('%s: 1,000 random byte strings give diagnostics, never an exception', (format) => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => check(format, bytes)), { numRuns: 1000, seed: 6 });
  });

  it.each(['wire', 'md'] as const)('%s: 1,000 random UTF-8 byte strings (valid text, any code point)', (format) => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => check(format, new TextEncoder().encode(text))), { numRuns: 1000, seed: 6 });
  });

  it.each(['wire', 'md'] as const)('%s: 1,000 files assembled from article pieces', (format) => {
    fc.assert(fc.property(articleText, (text) => check(format, new TextEncoder().encode(text))), { numRuns: 1000, seed: 6 });
  });

  it.each(['wire', 'md'] as const)('%s: the same pieces behind a valid header still never throw', (format) => {
    const header = format === 'wire' ? 'WORLD\nA headline\nPublished: Sep 04, 2024 09:03 PM\n\n' : '---\nheadline: A headline\ndate: 2024-09-04 21:03\n---\n';
    fc.assert(fc.property(articleText, (text) => check(format, new TextEncoder().encode(header + text))), { numRuns: 500, seed: 6 });
  });

  it('the generators reach past decoding: some inputs give articles, some give front-matter and date errors', () => {
    const seen = new Set<string>();
    let articles = 0;
    fc.assert(
      fc.property(articleText, (text) => {
        for (const format of ['wire', 'md'] as const) {
          const { read, path } = readers[format];
          const header = format === 'wire' ? 'WORLD\nA headline\nPublished: Sep 04, 2024 09:03 PM\n\n' : '---\nheadline: A headline\ndate: 2024-09-04 21:03\n---\n';
          const plain = read({ path, bytes: new TextEncoder().encode(text) }, site);
          const headed = read({ path, bytes: new TextEncoder().encode(header + text) }, site);
          for (const d of [...plain.diagnostics, ...headed.diagnostics]) seen.add(d.ruleId);
          if (headed.article) articles++;
        }
      }),
      { numRuns: 300, seed: 6 },
    );
    expect(articles).toBeGreaterThan(0);
    for (const rule of ['malformed-front-matter', 'invalid-front-matter', 'missing-headline', 'missing-date']) expect(seen).toContain(rule);
  });
});
