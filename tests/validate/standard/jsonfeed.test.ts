import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { emitJsonFeed } from '../../../src/emit/jsonfeed.ts';
import { toDiagnostics, toRuleTable } from '../../../src/validate/report.ts';
import { JSON_FEED_RULES, type JsonFeedRuleId } from '../../../src/validate/rules/jsonfeed.ts';
import { checkJsonFeed } from '../../../src/validate/standard/jsonfeed.ts';
import { makeArticle, makeRichArticle, makeSite } from '../../helpers/fixtures.ts';

const rules = toRuleTable(JSON_FEED_RULES);
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The ids of the findings that are errors. */
function errorIds(value: unknown): string[] {
  return checkJsonFeed(value).findings.filter((f) => rules.get(f.rule)?.severity === 'error').map((f) => f.rule);
}

/** A valid JSON Feed 1.1 to mutate, after the specification's first example. */
function feed11(extra: Record<string, unknown> = {}, item: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'My Example Feed',
    home_page_url: 'https://example.org/',
    feed_url: 'https://example.org/feed.json',
    items: [{ id: '2', content_text: 'This is a second item.', url: 'https://example.org/second-item', ...item }],
    ...extra,
  };
}

describe('checkJsonFeed accepts valid feeds', () => {
  it('accepts the npm feed package’s json1() output as JSON Feed 1.0, without a finding', () => {
    const feed = new Feed({
      title: 'Example News',
      id: 'https://example.org/',
      link: 'https://example.org/',
      description: 'News from example.org',
      image: 'https://example.org/icon.png',
      feedLinks: { json: 'https://example.org/feed.json' },
      author: { name: 'Example Newsroom', link: 'https://example.org/about' },
    });
    feed.addItem({
      title: 'First story',
      id: 'https://example.org/stories/1',
      link: 'https://example.org/stories/1',
      description: 'The first story, in short.',
      content: '<p>The first story.</p>',
      date: new Date('2024-09-04T13:03:00Z'),
      published: new Date('2024-09-04T12:00:00Z'),
      image: 'https://example.org/stories/1.jpg',
      author: [{ name: 'A. Writer', link: 'https://example.org/writers/a' }],
      category: [{ name: 'World' }, { name: 'Trade' }],
    });
    feed.addItem({ title: 'Second story', id: 'https://example.org/stories/2', link: 'https://example.org/stories/2', description: 'Only a description.', date: new Date('2024-09-05T08:00:00Z') });
    feed.addExtension({ name: '_example', objects: { about: 'https://example.org/extension', note: 'x' } });
    const result = checkJsonFeed(JSON.parse(feed.json1()));
    expect(result).toEqual({ version: '1', findings: [] });
  });

  it('accepts syndicate’s own dist/feed.json as JSON Feed 1.1, without a finding', () => {
    const result = checkJsonFeed(JSON.parse(readFileSync(path.join(ROOT, 'dist/feed.json'), 'utf8')));
    expect(result).toEqual({ version: '1.1', findings: [] });
  });

  it('accepts what emitJsonFeed writes for the fixture articles', () => {
    const text = emitJsonFeed([makeArticle(), makeRichArticle(), makeArticle({ language: 'zh-CN', guid: 'urn:newsml:globaltimes.cn:20240904:zh' })], makeSite())[0]!.text;
    expect(checkJsonFeed(JSON.parse(text))).toEqual({ version: '1.1', findings: [] });
  });

  // The examples of https://www.jsonfeed.org/version/1.1/ and /version/1/, written here after the specification.
  const examples: [string, '1' | '1.1', unknown][] = [
    ['the simple 1.1 example', '1.1', feed11({}, {})],
    [
      'the 1.1 example with every top-level member',
      '1.1',
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'My Example Feed',
        home_page_url: 'https://example.org/',
        feed_url: 'https://example.org/feed.json',
        description: 'Optional to provide more detail beyond the title.',
        user_comment: 'Optional and should be ignored by feed readers.',
        next_url: 'https://example.org/pagination?feed=feed.json&p=17',
        icon: 'https://example.org/favicon-timeline-512x512.png',
        favicon: 'https://example.org/favicon-sourcelist-64x64.png',
        authors: [{ name: 'Optional Author', url: 'https://example.org/authors/optional-author', avatar: 'https://example.org/authors/optional-author/avatar-512x512.png' }],
        language: 'en-US',
        expired: false,
        hubs: [{ type: 'WebSub', url: 'https://example.org/hub' }],
        items: [
          {
            id: '2',
            content_text: 'This is a second item.',
            url: 'https://example.org/second-item',
            language: 'es-mx',
            attachments: [{ url: 'https://example.org/second-item/audio.ogg', mime_type: 'audio/ogg', title: 'Optional Title', size_in_bytes: 31415927, duration_in_seconds: 1800 }],
          },
          {
            id: '1',
            content_html: '<p>Hello, world!</p>',
            url: 'https://example.org/initial-post',
            external_url: 'https://example.com/elsewhere',
            title: 'Hello',
            summary: 'A greeting.',
            image: 'https://example.org/initial-post/image.png',
            banner_image: 'https://example.org/initial-post/banner.png',
            date_published: '2010-02-07T14:04:00-05:00',
            date_modified: '2010-02-07T16:00:00-05:00',
            tags: ['greeting', 'hello world'],
            authors: [{ name: 'Brent Simmons' }],
            _blue_shed: { about: 'https://blueshed-podcasts.com/json-feed-extension-docs', explicit: false },
          },
        ],
      },
    ],
    [
      'the podcast example',
      '1.1',
      {
        version: 'https://jsonfeed.org/version/1.1',
        user_comment: 'This is a podcast feed. You can add this feed to your podcast client using the following URL: http://therecord.co/feed.json',
        title: 'The Record',
        home_page_url: 'http://therecord.co/',
        feed_url: 'http://therecord.co/feed.json',
        items: [
          {
            id: 'http://therecord.co/chris-parrish',
            title: 'Special #1 - Chris Parrish',
            url: 'http://therecord.co/chris-parrish',
            content_text: 'Chris has worked at Adobe and as a founder of Rogue Sheep.',
            content_html: 'Chris has worked at <a href="http://adobe.com/">Adobe</a> and as a founder of Rogue Sheep.',
            summary: 'Brent interviews Chris Parrish, co-host of The Record and one-half of Aged & Distilled.',
            date_published: '2014-05-09T14:04:00-07:00',
            attachments: [{ url: 'http://therecord.co/downloads/The-Record-sp1e1-ChrisParrish.m4a', mime_type: 'audio/x-m4a', size_in_bytes: 89970236, duration_in_seconds: 6629 }],
          },
        ],
      },
    ],
    [
      'the 1.0 microblog example',
      '1',
      {
        version: 'https://jsonfeed.org/version/1',
        user_comment: 'This is a microblog feed. You can add this to your feed reader using the following URL: https://example.org/feed.json',
        title: 'Brent Simmons’s Microblog',
        home_page_url: 'https://example.org/',
        feed_url: 'https://example.org/feed.json',
        author: { name: 'Brent Simmons', url: 'http://example.org/', avatar: 'https://example.org/avatar.png' },
        items: [{ id: '2347259', url: 'https://example.org/2347259', content_text: 'Cats are neat. \n\nhttps://example.org/cats', date_published: '2016-02-09T14:22:00-07:00' }],
      },
    ],
    [
      'a 1.0 feed with W3C-DTF dates and a mailto author',
      '1',
      {
        version: 'https://jsonfeed.org/version/1',
        title: 'Dates',
        home_page_url: 'https://example.org/',
        feed_url: 'https://example.org/feed.json',
        items: [{ id: 'a', url: 'https://example.org/a', content_html: '<p>a</p>', date_published: '2016-02-09', date_modified: '2016-02-09T14:22-07:00', author: { url: 'mailto:brent@example.org' } }],
      },
    ],
    ['a 1.1 feed with "author" beside "authors" for older readers', '1.1', feed11({ authors: [{ name: 'A' }], author: { name: 'A' } })],
    ['a feed without items yet', '1.1', feed11({ items: [] })],
  ];
  it.each(examples)('accepts %s', (_name, version, value) => expect(checkJsonFeed(value)).toEqual({ version, findings: [] }));
});

/** One failing input per rule: the rule, a feed, and where the finding must point. */
const FAILING: [JsonFeedRuleId, unknown, (string | number)[]][] = [
  ['not-object', [feed11()], []],
  ['missing-required', { title: 'x', home_page_url: 'https://example.org/', feed_url: 'https://example.org/f.json', items: [] }, []],
  ['missing-required', feed11({ title: undefined }), []],
  ['missing-required', feed11({ items: undefined }), []],
  ['missing-required', feed11({}, { id: undefined }), ['items', 0]],
  ['missing-required', feed11({}, { attachments: [{ url: 'https://example.org/a.mp3' }] }), ['items', 0, 'attachments', 0]],
  ['missing-required', feed11({ hubs: [{ type: 'WebSub' }] }), ['hubs', 0]],
  ['unknown-version', feed11({ version: 'https://jsonfeed.org/version/2' }), ['version']],
  ['unknown-version', feed11({ version: '1.1' }), ['version']],
  ['version-url-form', feed11({ version: 'http://jsonfeed.org/version/1.1' }), ['version']],
  ['property-type', feed11({ title: 42 }), ['title']],
  ['property-type', feed11({ items: { id: '1' } }), ['items']],
  ['property-type', feed11({ items: ['not an item'] }), ['items', 0]],
  ['property-type', feed11({ expired: 'yes' }), ['expired']],
  ['property-type', feed11({}, { tags: 'news' }), ['items', 0, 'tags']],
  ['property-type', feed11({}, { id: { value: 1 } }), ['items', 0, 'id']],
  ['property-type', feed11({}, { attachments: [{ url: 'https://example.org/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: '12' }] }), ['items', 0, 'attachments', 0, 'size_in_bytes']],
  ['blank-id', feed11({}, { id: '  ' }), ['items', 0, 'id']],
  ['id-not-string', feed11({}, { id: 2 }), ['items', 0, 'id']],
  ['duplicate-id', feed11({ items: [{ id: '1', content_text: 'a', url: 'https://example.org/a' }, { id: 1, content_text: 'b', url: 'https://example.org/b' }] }), ['items', 1, 'id']],
  ['missing-content', feed11({}, { content_text: undefined, title: 'Only a title' }), ['items', 0]],
  ['invalid-url', feed11({ home_page_url: 'https://exa mple.org/' }), ['home_page_url']],
  ['invalid-url', feed11({ icon: '' }), ['icon']],
  ['relative-url', feed11({}, { url: '/second-item' }), ['items', 0, 'url']],
  ['invalid-date', feed11({}, { date_published: '2010-02-07' }), ['items', 0, 'date_published']],
  ['invalid-date', feed11({}, { date_modified: 'Sun, 07 Feb 2010 14:04:00 -0500' }), ['items', 0, 'date_modified']],
  ['date-form', feed11({}, { date_published: '2010-02-07 14:04:00-05:00' }), ['items', 0, 'date_published']],
  ['missing-recommended', feed11({ feed_url: undefined }), []],
  ['missing-recommended', feed11({}, { url: undefined }), ['items', 0]],
  ['next-url-loop', feed11({ next_url: 'https://example.org/feed.json' }), ['next_url']],
  ['empty-author', feed11({ authors: [{}] }), ['authors', 0]],
  ['deprecated-author', feed11({ author: { name: 'A' } }), ['author']],
  ['mime-type-form', feed11({}, { attachments: [{ url: 'https://example.org/a.mp3', mime_type: 'mp3' }] }), ['items', 0, 'attachments', 0, 'mime_type']],
  ['negative-number', feed11({}, { attachments: [{ url: 'https://example.org/a.mp3', mime_type: 'audio/mpeg', duration_in_seconds: -1 }] }), ['items', 0, 'attachments', 0, 'duration_in_seconds']],
  ['language-tag', feed11({ language: 'en_US' }), ['language']],
  ['unknown-key', feed11({ generator: 'x' }), ['generator']],
  ['unknown-key', { ...feed11(), version: 'https://jsonfeed.org/version/1', language: 'en' }, ['language']],
  ['unknown-key', feed11({}, { enclosure: 'https://example.org/a.mp3' }), ['items', 0, 'enclosure']],
  ['extension-name', feed11({ _1st: { a: 1 } }), ['_1st']],
  ['extension-name', feed11({}, { '_blue.shed': {} }), ['items', 0, '_blue.shed']],
  ['extension-member-key', feed11({ _blue_shed: { 'a.b': 1 } }), ['_blue_shed', 'a.b']],
  ['extension-member-key', feed11({ authors: [{ name: 'A', _x: { _y: 1 } }] }), ['authors', 0, '_x', '_y']],
];

describe('checkJsonFeed reports each rule', () => {
  it.each(FAILING)('%s', (rule, input, at) => {
    const value: unknown = JSON.parse(JSON.stringify(input));
    const findings = checkJsonFeed(value).findings;
    const found = findings.find((f) => f.rule === rule);
    expect(found, JSON.stringify(findings)).toBeDefined();
    expect(found?.at).toEqual({ path: at });
    expect(found?.message.length).toBeGreaterThan(20);
  });

  it('has a failing input for every rule', () => {
    const covered = new Set<string>(FAILING.map(([rule]) => rule));
    expect(JSON_FEED_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('reads the version from the version URL and checks 1.1 when there is none', () => {
    expect(checkJsonFeed(feed11()).version).toBe('1.1');
    expect(checkJsonFeed({ ...feed11(), version: 'https://jsonfeed.org/version/1' }).version).toBe('1');
    expect(checkJsonFeed({ ...feed11(), version: 'http://jsonfeed.org/version/1' }).version).toBe('1');
    const missing = checkJsonFeed(JSON.parse(JSON.stringify({ ...feed11(), version: undefined, language: 'en' })));
    expect(missing.version).toBeUndefined();
    expect(missing.findings.map((f) => f.rule)).toEqual(['missing-required']);
  });

  it('takes dates by each version’s standard: RFC 3339 in 1.1, W3C-DTF in 1.0', () => {
    expect(errorIds(feed11({}, { date_published: '2016-02-09' }))).toEqual(['invalid-date']);
    expect(errorIds({ ...feed11({}, { date_published: '2016-02-09' }), version: 'https://jsonfeed.org/version/1' })).toEqual([]);
    expect(errorIds({ ...feed11({}, { date_published: '2016-02-30' }), version: 'https://jsonfeed.org/version/1' })).toEqual(['invalid-date']);
  });

  it('deprecates a lone "author" in 1.1 only', () => {
    expect(checkJsonFeed({ ...feed11({ author: { name: 'A' } }), version: 'https://jsonfeed.org/version/1' }).findings).toEqual([]);
    expect(checkJsonFeed(feed11({}, { author: { name: 'A' } })).findings.map((f) => f.rule)).toEqual(['deprecated-author']);
  });

  it('names the version that defines a member the feed’s version does not', () => {
    const message = checkJsonFeed({ ...feed11({ authors: [{ name: 'A' }] }), version: 'https://jsonfeed.org/version/1' }).findings[0]?.message;
    expect(message).toContain('JSON Feed 1.1 member');
  });
});

describe('checkJsonFeed on any input', () => {
  it.each([
    ['null', null],
    ['a string', 'https://jsonfeed.org/version/1.1'],
    ['an array', []],
    ['a number', 1.1],
  ])('reports %s as not an object', (_name, value) => expect(checkJsonFeed(value)).toEqual({ version: undefined, findings: [expect.objectContaining({ rule: 'not-object' })] }));

  it('never throws on hostile shapes, and stays linear', () => {
    const hostile: unknown[] = [
      {},
      { version: null, items: null, authors: null, hubs: 'x', author: [] },
      JSON.parse('{"version":"https://jsonfeed.org/version/1.1","__proto__":{"x":1},"constructor":1,"items":[{"__proto__":null,"toString":1}]}'),
      feed11({ items: [null, 1, 'x', [], { id: [] }, { attachments: [null, {}] }, { authors: [null, 1] }] }),
      feed11({ _x: null, _y: [1, 2], '_': {}, '_\u0000': { '\u0000.': 1 } }),
      feed11({ title: 'x'.repeat(300_000), home_page_url: `https://example.org/${'a'.repeat(300_000)}`, language: 'a-'.repeat(100_000) }),
      feed11({ items: Array.from({ length: 20_000 }, (_, i) => ({ id: String(i % 100), content_text: 'x', url: `https://example.org/${i}` })) }),
    ];
    const started = performance.now();
    for (const value of hostile) expect(() => checkJsonFeed(value)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('findings as users see them (toDiagnostics)', () => {
  it('puts each finding on the line of its member, with the rule’s severity', () => {
    const text = JSON.stringify(feed11({ feed_url: 'feed.json' }, { id: '', date_published: 'yesterday' }), null, 2);
    const { findings } = checkJsonFeed(JSON.parse(text));
    const diagnostics = toDiagnostics(findings, { rules, file: 'in/feed.json', text, format: 'jsonfeed', profile: 'standard' });
    const line = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(diagnostics.map((d) => [d.severity, d.ruleId, d.line])).toEqual([
      ['warning', 'relative-url', line('"feed_url"')],
      ['error', 'blank-id', line('"id"')],
      ['error', 'invalid-date', line('"date_published"')],
    ]);
    expect(diagnostics[2]?.message).toBe('items[0].date_published "yesterday" is not an RFC 3339 date-time; write e.g. "2024-09-04T21:03:00+08:00"');
  });

  it('declares every rule in the standard layer with a reference', () => {
    for (const rule of JSON_FEED_RULES) {
      expect(rule.layer).toBe('standard');
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(rule.reference).toBeTruthy();
    }
  });
});
