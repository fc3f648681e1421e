import { describe, expect, it } from 'vitest';
import { isTruncatedDateTime, toDateTimeForm, toW3cDateTimeForm } from '../../../src/validate/standard/ninjs/syntax/date-time.ts';
import { isLanguageTag } from '../../../src/validate/standard/ninjs/syntax/language-tag.ts';
import { isIpv6, isUri, isUriReference } from '../../../src/validate/standard/ninjs/syntax/uri.ts';

describe('isUri (RFC 3986 §3)', () => {
  it.each([
    'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
    'http://example.com',
    'urn:newsml:example.com:20240904:a1',
    'tag:globaltimes.cn,2024:article:cyberspace-governance',
    'http://u:p@example.com:8080/a/b;c?d=e&f=g#h/i?j',
    'http://[::1]:80/',
    'http://[2001:db8::7]/c=GB?objectClass?one',
    'http://[v7.fe80::abcd]/',
    'file:///etc/hosts',
    'svn+ssh://example.com/repo',
    'mailto:editor@example.com',
    'srt://128.0.0.1:9000',
    'http://example.com/%7Euser',
    'x:',
    'http:/example.com',
  ])('accepts %s', (uri) => expect(isUri(uri)).toBe(true));

  it.each([
    '',
    'abc',
    '003-schema-only',
    '//example.com/path',
    '/relative/path',
    '1http://example.com',
    'http://exa mple.com/',
    'http://example.com/a b',
    'http://exämple.com/',
    'http://example.com/%zz',
    'http://example.com/%4',
    'http://example.com/?q=a|b',
    'http://example.com/#a#b',
    'http://example.com/[x]',
    'http://[zz]/',
    'http://[::1/',
    'http://example.com:80a/',
    'http://a@b@example.com/',
    'urn:a"b',
    'http://example.com/\\',
  ])('refuses %j', (uri) => expect(isUri(uri)).toBe(false));

  it('reads references relative to nothing as references, not URIs', () => {
    expect(isUriReference('/a/b?c#d')).toBe(true);
    expect(isUriReference('a/b')).toBe(true);
    expect(isUriReference('//example.com/x')).toBe(true);
    expect(isUriReference('https://example.com/')).toBe(true);
    expect(isUriReference('1a:b')).toBe(false);
    expect(isUriReference('a b')).toBe(false);
  });

  it.each([
    ['::', true],
    ['::1', true],
    ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7::', true],
    ['::ffff:192.0.2.128', true],
    ['1:2:3:4:5:6:192.0.2.128', true],
    ['1:2:3:4:5:6:7:8:9', false],
    ['1::2::3', false],
    ['12345::', false],
    ['1:2:3:4:5:6:7', false],
    ['::256.0.0.1', false],
    ['::01.0.0.1', false],
  ])('IPv6 %s → %s', (text, ok) => expect(isIpv6(text)).toBe(ok));
});

describe('toDateTimeForm (RFC 3339 §5.6, as JSON Schema validators read it)', () => {
  it.each([
    '2024-09-04T21:03:00+08:00',
    '2024-09-04T21:03:00Z',
    '2024-09-04t21:03:00z',
    '2024-09-04T21:03:00.123456-04:30',
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2016-12-31T23:59:60Z',
    '2016-12-31T18:59:60-05:00',
  ])('%s is RFC 3339', (text) => expect(toDateTimeForm(text)).toBe('rfc3339'));

  it.each(['2024-09-04 21:03:00+08:00', '2024-09-04T21:03:00+0800', '2024-09-04T21:03:00+08'])('%s is accepted but not RFC 3339 form', (text) =>
    expect(toDateTimeForm(text)).toBe('lenient'),
  );

  it.each([
    '',
    '2024-09-04',
    '2024-09-04T21:03:00',
    '2024-09-04T21:03Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-09-04T24:00:00Z',
    '2024-09-04T21:60:00Z',
    '2024-09-04T22:59:60Z',
    '2024-09-04T21:03:00+24:00',
    '2024-09-04T21:03:00+08:60',
    '24-09-04T21:03:00Z',
    '2024-9-4T21:03:00Z',
    'Wed, 04 Sep 2024 21:03:00 +0800',
    '2024-09-04T21:03:00.Z',
    '2024-09-04T21:03:00Z ',
    '2024-09-04TT21:03:00Z',
  ])('%j is not a date-time', (text) => expect(toDateTimeForm(text)).toBe('invalid'));
});

describe('toW3cDateTimeForm (W3C-DTF, JSON Feed 1.0)', () => {
  it.each(['2024', '2024-09', '2024-09-04', '2024-09-04T21:03+08:00', '2024-09-04T21:03:00Z', '2024-09-04T21:03:00.5-05:00'])('%s is W3C-DTF', (text) =>
    expect(toW3cDateTimeForm(text)).toBe('rfc3339'),
  );
  it.each(['2024-9', '2024-09-31', '2024-09-04T21:03', '2024-09-04T21', '20240904', 'yesterday'])('%j is not', (text) => expect(toW3cDateTimeForm(text)).toBe('invalid'));
  it('accepts a space and an offset without colon as lenient', () => expect(toW3cDateTimeForm('2024-09-04 21:03+0800')).toBe('lenient'));
});

describe('isTruncatedDateTime (ninjs 3.x truncatedDateTimeType)', () => {
  it.each(['2024', '2024-10', '2024-10-31', '2024-02-31', '2024-10-31T10:00:00', '2024-10-31T10:00:00.5Z', '2024-10-31T10:00:00-04:00', '-0044', '12024', '-12024-03'])(
    '%s is one',
    (text) => expect(isTruncatedDateTime(text)).toBe(true),
  );
  it.each(['', '24', '02024', '2024-13', '2024-00', '2024-10-32', '2024-10-00', '2024-10-31T10:00', '2024-10-31T24:00:00', '2024-10-31Z', '2024-10-31t10:00:00', '2024-10-31T10:00:00z', '2024-10-31T10:00:00+0400', 'February 29th 2024', '2024-'])(
    '%j is not',
    (text) => expect(isTruncatedDateTime(text)).toBe(false),
  );
});

describe('isLanguageTag (RFC 5646 §2.1)', () => {
  it.each(['en', 'en-US', 'zh-CN', 'zh-Hans-CN', 'es-419', 'de-CH-1901', 'sl-rozaj-biske', 'en-a-bbb-x-a-ccc', 'x-whatever', 'i-klingon', 'zh-min-nan', 'EN-gb', 'yue-HK', 'zh-yue-HK', 'tlh'])(
    '%s is well-formed',
    (tag) => expect(isLanguageTag(tag)).toBe(true),
  );
  it.each(['', 'e', 'en_US', 'en-', '-en', 'en-usa1', 'en-US-', 'en--US', 'en-a', 'en-x', 'en-a-b', 'toolongtag', 'en-US-x-abcdefghi', 'de-1901-a'])('%j is not', (tag) =>
    expect(isLanguageTag(tag)).toBe(false),
  );
});
