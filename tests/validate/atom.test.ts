import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitAtom } from '../../src/emit/atom.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { validateAtom } from '../../src/validate/atom.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const site = makeSite();

function file(text: string): OutputFile {
  return { path: 'atom.xml', text, format: 'atom', sources: ['input/articles/rich-story.txt'] };
}

function validate(text: string): Diagnostic[] {
  return validateAtom(file(text), site);
}

/** The distinct rule ids found, leaving out the generic `schema` findings our RELAX NG schema may add for the same defect. */
function ruleIds(text: string): string[] {
  return [...new Set(validate(text).map((d) => d.ruleId))].filter((id) => id !== 'schema').sort();
}

function emitted(articles: Article[] = [makeRichArticle(), makeArticle()]): string {
  return emitAtom(articles, site)[0]!.text;
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

describe('validateAtom on our own output', () => {
  it.each([
    ['sample', [makeArticle()]],
    ['rich', [makeRichArticle()]],
    ['several', [makeRichArticle(), makeArticle(), makeArticle({ id: 'third', datePublished: '2024-09-03T10:00:00+08:00', sections: [], language: 'zh-CN' })]],
    ['nasty headline with ]]> and entity-like text', [makeArticle({ headline: 'x ]]> y &nbsp; AT&T; <script>', sections: ['A<B'] })]],
  ])('finds nothing wrong with the %s feed', (_name, articles) => {
    expect(validate(emitted(articles))).toEqual([]);
  });

  it('only warns (date-out-of-range) on the epoch date of an empty feed', () => {
    expect(validate(emitted([])).map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'date-out-of-range']]);
  });
});

describe('validateAtom rules', () => {
  it('not-well-formed: reports a parse error with its position instead of throwing', () => {
    const found = validate('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>\n');
    expect(found.map((d) => d.ruleId)).toEqual(['not-well-formed']);
    expect(found[0]).toMatchObject({ file: 'dist/atom.xml', severity: 'error', source: 'validate:atom', line: 2, origin: 'input/articles/rich-story.txt' });
  });

  it.each(['', '<feed', '<feed xmlns="http://www.w3.org/2005/Atom"><title>&nbsp;</title></feed>'])('not-well-formed: never throws on %j', (text) => {
    expect(validate(text).map((d) => d.ruleId)).toContain('not-well-formed');
  });

  it('schema: missing xml:lang, a text title, a category without term', () => {
    // libxml2 reports a RELAX NG interleave mismatch as several errors; they are all `schema`.
    const only = (text: string) => [...new Set(validate(text).map((d) => d.ruleId))];
    expect(only(broken((t) => t.replace(' xml:lang="en"', '')))).toEqual(['schema']);
    expect(only(broken((t) => t.replace('<title type="html">', '<title type="text">')))).toEqual(['schema']);
    expect(only(broken((t) => t.replace(' term="china"', '')))).toEqual(['schema']);
  });

  it('self-link: none, or two', () => {
    const none = broken((t) => t.replace(/\s*<link rel="self"[^>]*\/>/, ''));
    expect(ruleIds(none)).toEqual(['self-link']);
    const two = broken((t) => t.replace('<link rel="self"', '<link rel="self" href="https://www.globaltimes.cn/syndication/atom.xml"/>\n  <link rel="self"'));
    const found = validate(two);
    expect(found.map((d) => d.ruleId)).toEqual(['self-link']);
    expect(found[0]!.message).toContain('2 <link rel="self">');
  });

  it('self-link: the self link is not the public URL of atom.xml', () => {
    const text = broken((t) => t.replace('syndication/atom.xml', 'syndication/rss.xml'));
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['self-link']);
    expect(found[0]).toMatchObject({ line: lineOf(text, 'rel="self"') });
  });

  it('relative-url: entry id, entry link, author uri, category scheme, and href/src in the content', () => {
    expect(ruleIds(broken((t) => t.replace('<id>tag:globaltimes.cn,2024:article:rich-story</id>', '<id>rich-story</id>')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('href="https://www.globaltimes.cn/page/202409/rich-story.shtml"', 'href="page/202409/rich-story.shtml"')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('<uri>https://www.globaltimes.cn/author/zhang-han</uri>', '<uri>/author/zhang-han</uri>')))).toEqual(['relative-url']);
    expect(ruleIds(broken((t) => t.replace('scheme="https://www.globaltimes.cn/sections/"', 'scheme="sections"')))).toEqual(['relative-url']);
    const image = broken((t) => t.replace('src="https://www.globaltimes.cn/photo/b.png"', 'src="photo/b.png"'));
    const found = validate(image);
    expect(found.map((d) => d.ruleId)).toEqual(['relative-url']);
    expect(found[0]!.line).toBe(lineOf(image, '<content type="html">'));
  });

  it('atom-date: no offset, fractional-free but not RFC 3339, impossible, lowercase z', () => {
    const noOffset = broken((t) => t.replace('<published>2024-09-04T13:03:00Z</published>', '<published>2024-09-04T13:03:00</published>'));
    expect(ruleIds(noOffset)).toEqual(['atom-date']);
    expect(validate(noOffset)[0]!.line).toBe(lineOf(noOffset, '<published>2024-09-04T13:03:00<'));
    expect(ruleIds(broken((t) => t.replace('<updated>2024-09-05T02:15:00Z</updated>', '<updated>Thu, 05 Sep 2024 02:15:00 GMT</updated>')))).toEqual(['atom-date']);
    expect(ruleIds(broken((t) => t.replace('2024-09-04T13:03:00Z', '2024-02-30T13:03:00Z')))).toEqual(['atom-date']);
    expect(ruleIds(broken((t) => t.replace('2024-09-04T13:03:00Z', '2024-09-04T13:03:00z')))).toEqual(['atom-date']);
  });

  it('atom-date: accepts an offset and fractional seconds', () => {
    expect(validate(broken((t) => t.replace('2024-09-04T13:03:00Z', '2024-09-04T21:03:00.250+08:00')))).toEqual([]);
  });

  it('date-out-of-range: a date before 1990 is a warning', () => {
    const found = validate(broken((t) => t.replace('<published>2024-09-04T13:03:00Z', '<published>1985-09-04T13:03:00Z')));
    expect(found.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'date-out-of-range']]);
  });

  it('duplicate-id: two entries with the same id', () => {
    const twin = makeArticle({ id: 'twin', guid: makeArticle().guid, datePublished: '2024-09-03T10:00:00+08:00' });
    const text = emitted([makeArticle(), twin]);
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['duplicate-id']);
    expect(found[0]!.message).toContain(`line ${lineOf(text, '<id>tag:')}`);
  });

  it('unsafe-content: script, embed, object and event handlers in html content or summary', () => {
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<script src="https://x.example/a.js"></script><p>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<embed src="https://x.example/a.swf"><p>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<p>Cyberspace', '<object data="https://x.example/a"></object><p>Cyberspace')))).toEqual(['unsafe-content']);
    expect(ruleIds(broken((t) => t.replace('<summary type="html"><![CDATA[', '<summary type="html"><![CDATA[<b onclick="x()">!</b> ')))).toEqual(['unsafe-content']);
  });
});
