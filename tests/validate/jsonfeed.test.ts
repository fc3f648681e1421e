import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitJsonFeed } from '../../src/emit/jsonfeed.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenJson, lineOf, outputFile, validateFile } from '../helpers/validate.ts';

const site = makeSite();

function file(text: string): OutputFile {
  return outputFile('jsonfeed', 'feed.json', text);
}

function validate(text: string): Diagnostic[] {
  return validateFile(file(text), site);
}

function ruleIds(text: string): string[] {
  return validate(text).map((d) => d.ruleId);
}

function emitted(articles: Article[] = [makeRichArticle(), makeArticle()]): string {
  return emitJsonFeed(articles, site)[0]!.text;
}

type Json = Record<string, unknown> & { items: (Record<string, unknown> & { authors: Record<string, unknown>[] })[] };

/** Our output for the rich and sample articles, changed as an object by `edit`, re-serialised. */
function broken(edit: (feed: Json) => void): string {
  return brokenJson(JSON.parse(emitted()) as Json, edit);
}

describe('validateJsonFeed on our own output', () => {
  it.each([
    ['sample', [makeArticle()]],
    ['rich', [makeRichArticle()]],
    ['several', [makeRichArticle(), makeArticle(), makeArticle({ id: 'third', guid: 'tag:globaltimes.cn,2024:article:third', datePublished: '2024-09-03T10:00:00+08:00', sections: [] })]],
    ['nasty headline', [makeArticle({ headline: 'x </script> y &nbsp; AT&T; <script>alert(1)</script> \u2028' })]],
    ['empty', []],
  ])('finds nothing wrong with the %s feed', (_name, articles) => {
    expect(validate(emitted(articles))).toEqual([]);
  });
});

describe('validateJsonFeed rules', () => {
  it('invalid-json: reports the parse error with its position instead of throwing', () => {
    // V8 gives a position for this kind of error ("Expected ':' … at position N"), not for every kind.
    const found = validate('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title" "Global Times"\n}\n');
    expect(found.map((d) => d.ruleId)).toEqual(['invalid-json']);
    expect(found[0]).toMatchObject({ file: 'feed.json', severity: 'error', source: 'validate:jsonfeed', line: 3, origin: 'input/articles/rich-story.txt' });
  });

  it.each(['', 'not json', '{"a":'])('invalid-json: never throws on %j', (text) => {
    expect(ruleIds(text)).toEqual(['invalid-json']);
  });

  it.each(['null', '[]', '42', '"text"', '[[[[[[[[[[]]]]]]]]]]'])('not-object: a JSON value that is not a feed object (%s) is one error (the schema does not repeat it), never thrown', (text) => {
    expect(validate(text).map((d) => [d.ruleId, d.severity, d.line])).toEqual([['not-object', 'error', 1]]);
  });

  it('schema: the version of JSON Feed 1 is refused', () => {
    const text = broken((f) => (f['version'] = 'https://jsonfeed.org/version/1'));
    const found = validate(text);
    const schema = found.filter((d) => d.ruleId === 'schema');
    expect(schema).toHaveLength(1);
    expect(schema[0]!.message).toContain('https://jsonfeed.org/version/1.1');
    expect(schema[0]!.line).toBe(lineOf(text, '"version"'));
    // Read as the JSON Feed 1 it says it is, its 1.1 members (authors, language; feed and items) are unknown to the standard.
    expect(found.filter((d) => d.ruleId !== 'schema').map((d) => [d.ruleId, d.severity, d.message.slice(0, d.message.indexOf(' is not'))])).toEqual(
      [['"language"'], ['"authors"'], ['"authors"'], ['"language"'], ['"authors"'], ['"language"']].map(([key]) => ['unknown-key', 'warning', key]),
    );
  });

  it('schema: a missing title, an unknown field and an empty authors array', () => {
    // JSON Feed requires a title too: the standard says so at the feed, the schema at the missing field.
    const untitled = validate(broken((f) => delete f['title']));
    expect(untitled.map((d) => [d.ruleId, d.severity])).toEqual([
      ['missing-required', 'error'],
      ['schema', 'error'],
    ]);
    expect(untitled[1]!.message).toMatch(/^title: is required/);
    // An unknown member is only a warning for JSON Feed (readers ignore it), an error for what syndicate promises.
    const text = broken((f) => (f.items[0]!['banner'] = 'x'));
    const unknown = validate(text);
    expect(unknown.map((d) => [d.ruleId, d.severity])).toEqual([
      ['unknown-key', 'warning'],
      ['schema', 'error'],
    ]);
    expect(unknown[0]!.line).toBe(lineOf(text, '"banner"'));
    expect(unknown[1]!.message).toContain('"banner"');
    expect(ruleIds(broken((f) => (f.items[1]!.authors = [])))).toEqual(['schema']);
  });

  it('relative-url: a relative item url, author url and feed-level home_page_url (no extra schema finding)', () => {
    const text = broken((f) => {
      f.items[0]!['url'] = '/page/202409/rich-story.shtml';
      f.items[0]!.authors[1]!['url'] = 'author/zhang-han';
      f['home_page_url'] = '//www.globaltimes.cn/';
    });
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['relative-url', 'relative-url', 'relative-url']);
    expect(found.map((d) => d.message).join('\n')).toMatch(/items\[0\]\.url "\/page\/202409\/rich-story\.shtml"/);
    expect(found.find((d) => d.message.includes('items[0].url'))!.line).toBe(lineOf(text, '"/page/202409/rich-story.shtml"'));
  });

  it('content-url: a relative src inside content_html', () => {
    const text = broken((f) => (f.items[0]!['content_html'] = String(f.items[0]!['content_html']).replace('https://www.globaltimes.cn/photo/a.jpg', '/photo/a.jpg')));
    const found = validate(text);
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['content-url', 'error']]);
    expect(found[0]!.message).toMatch(/^items\[0\]\.content_html <img src="\/photo\/a\.jpg">/);
  });

  it('invalid-date: a date_published without offset is no RFC 3339 date-time, an error (no extra schema finding)', () => {
    const text = broken((f) => (f.items[1]!['date_published'] = '2024-09-04T21:03:00'));
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['invalid-date']);
    expect(found[0]).toMatchObject({ severity: 'error', line: lineOf(text, '"2024-09-04T21:03:00"') });
    expect(found[0]!.message).toContain('items[1].date_published');
  });

  it('duplicate-id: two items with the same id', () => {
    const text = broken((f) => (f.items[1]!['id'] = f.items[0]!['id']));
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(['duplicate-id']);
    expect(found[0]!.message).toContain('items[1].id');
  });

  it.each([
    ['a script element', '<p>x</p><script>alert(1)</script>'],
    ['an iframe', '<iframe src="https://example.com/"></iframe>'],
    ['an object', '<object data="https://example.com/x.swf"></object>'],
    ['an embed', '<embed src="https://example.com/x.swf">'],
    ['an event-handler attribute', '<img src="https://example.com/a.jpg" onerror="alert(1)">'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>'],
  ])('unsafe-content: %s in content_html', (_name, html) => {
    const found = validate(broken((f) => (f.items[0]!['content_html'] = html)));
    expect(found.map((d) => d.ruleId)).toEqual(['unsafe-content']);
    expect(found[0]!.message).toContain('items[0].content_html');
  });

  it('deprecated-author: a singular author instead of authors, on the feed or an item, is a warning, not also a schema error', () => {
    const text = broken((f) => {
      f['author'] = { name: 'Global Times' };
      delete f['authors'];
      f.items[0]!['author'] = { name: 'Liu Caiyu' };
      delete (f.items[0] as Record<string, unknown>)['authors'];
    });
    const found = validate(text);
    expect(found.filter((d) => d.ruleId !== 'schema').map((d) => [d.severity, d.ruleId])).toEqual([
      ['warning', 'deprecated-author'],
      ['warning', 'deprecated-author'],
    ]);
    // The feed-level key, added last, comes last in the text, after the item's.
    const lastAuthorLine = text.slice(0, text.lastIndexOf('"author"')).split('\n').length;
    expect(found.filter((d) => d.ruleId === 'deprecated-author').map((d) => [d.line, d.message.slice(0, 9)])).toEqual([
      [lastAuthorLine, 'the feed '],
      [lineOf(text, '"author"'), 'items[0] '],
    ]);
    // The schema wants the authors syndicate writes, and says nothing of "author".
    expect(found.filter((d) => d.ruleId === 'schema').map((d) => d.message)).toEqual([expect.stringMatching(/^authors: is required/), expect.stringMatching(/^items\[0\]\.authors: is required/)]);
  });

  it('schema: a singular author beside authors, which JSON Feed allows for older readers but syndicate never writes', () => {
    const text = broken((f) => {
      f['author'] = { name: 'Global Times' };
      f.items[0]!['author'] = { name: 'Liu Caiyu' };
    });
    expect(validate(text).map((d) => [d.severity, d.ruleId, d.message])).toEqual([
      ['error', 'schema', expect.stringMatching(/^items\[0\]: unknown field\(s\) "author"/)],
      ['error', 'schema', expect.stringMatching(/^the top level: unknown field\(s\) "author"/)],
    ]);
  });

  it('feed-url: feed_url is not where feed.json is served', () => {
    const found = validate(broken((f) => (f['feed_url'] = 'https://www.globaltimes.cn/feed.json')));
    expect(found.map((d) => d.ruleId)).toEqual(['feed-url']);
    expect(found[0]!.message).toContain('https://www.globaltimes.cn/syndication/feed.json');
  });

  it("feed-language: the site feed states the site's language; a language's feed (languages/<tag>/) its own, at its own URL", () => {
    const found = validate(broken((f) => (f['language'] = 'fr')));
    expect(found.map((d) => [d.ruleId, d.line])).toEqual([['feed-language', expect.any(Number)]]);
    expect(found[0]!.message).toContain('site.json "language" gives "en"');
    const french = emitJsonFeed([makeArticle({ language: 'fr' }), makeRichArticle()], site).find((f) => f.path === 'languages/fr/feed.json')!;
    expect(validateFile(french, site)).toEqual([]);
    // The same document at another language's path: wrong language and wrong feed_url.
    const moved = validateFile({ ...french, path: 'languages/ja/feed.json' }, site);
    expect(moved.map((d) => d.ruleId).sort()).toEqual(['feed-language', 'feed-url']);
    expect(moved.find((d) => d.ruleId === 'feed-language')!.message).toContain('its folder says "ja"');
  });
});
