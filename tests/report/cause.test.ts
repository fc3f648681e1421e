import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { toOncePerCause } from '../../src/report/cause.ts';

const finding = (file: string, source: string, line: number, message = 'NewsArticle has no "image"'): Diagnostic => ({ file, line, column: 5, severity: 'warning', source, ruleId: 'article-image', message });

describe('toOncePerCause', () => {
  it('reports the JSON-LD of a file, its head snippet and its page once, naming the other places', () => {
    const merged = toOncePerCause([
      finding('dist/articles/a/article.jsonld', 'validate:jsonld', 4),
      finding('dist/articles/a/head.html', 'validate:html', 7),
      finding('dist/articles/a/index.html', 'validate:html', 13),
      finding('dist/articles/b/article.jsonld', 'validate:jsonld', 4),
    ]);
    expect(merged.map((d) => [d.file, d.message])).toEqual([
      ['dist/articles/a/article.jsonld', 'NewsArticle has no "image" (the same JSON-LD also in head.html:7:5 and index.html:13:5)'],
      ['dist/articles/b/article.jsonld', 'NewsArticle has no "image"'],
    ]);
  });

  it('keeps findings that differ in message, that repeat within one file, and every other stage\'s', () => {
    const input = [
      finding('dist/articles/a/article.jsonld', 'validate:jsonld', 4),
      finding('dist/articles/a/head.html', 'validate:html', 7, 'another message'),
      finding('dist/articles/a/article.jsonld', 'validate:jsonld', 9),
      { ...finding('dist/rss.xml', 'validate:rss', 3), ruleId: 'x' },
      { ...finding('dist/atom.xml', 'validate:atom', 3), ruleId: 'x' },
    ];
    expect(toOncePerCause(input)).toEqual(input);
  });
});
