/** The value types feeds use, read as the specifications and the W3C Feed Validation Service read them. */
import { describe, expect, it } from 'vitest';
import { unsafeStyles } from '../../../src/validate/standard/feeds/checks/css.ts';
import { canonicalUri } from '../../../src/validate/standard/feeds/values/canonical.ts';
import { checkIsoDate, checkRfc822, isImplausible } from '../../../src/validate/standard/feeds/values/dates.ts';
import { addressOf, containsBracketedAddress, isAddrSpec } from '../../../src/validate/standard/feeds/values/email.ts';
import { isLanguageCode } from '../../../src/validate/standard/feeds/values/language.ts';
import { isMediaType } from '../../../src/validate/standard/feeds/values/mime.ts';
import { parseInteger } from '../../../src/validate/standard/feeds/values/numbers.ts';
import { checkUri, hasAuthority, isHttpUrl, isTagUri, isUrn } from '../../../src/validate/standard/feeds/values/uri.ts';

describe('RFC 822 dates (RSS)', () => {
  it.each([
    ['Sat, 07 Sep 2002 09:42:31 GMT', 'valid'],
    ['Sat, 07 Sep 2002 09:42 +0200', 'valid'],
    ['7 Sep 2002 09:42:31 EDT', 'valid'],
    ['Sat, 07 Sep 2002 09:42:31 -0530', 'valid'],
    ['Sat, 07 Sep 02 09:42:31 GMT', 'problematic'],
    ['sat, 07 sep 2002 09:42:31 gmt', 'problematic'],
    ['Sat,07 Sep 2002 09:42:31 GMT', 'problematic'],
    ['Sat, 07 Sep 2002 09:42:31 A', 'problematic'],
    ['Sat, 07 Sep 2002 09:42:31 GMT (Greenwich)', 'problematic'],
    ['Sun, 07 Sep 2002 09:42:31 GMT', 'wrong-weekday'],
    ['Sun, 30 Feb 2003 09:42:31 GMT', 'impossible'],
    ['2002-09-07T09:42:31Z', 'invalid'],
    ['Sat, 07 Sep 2002', 'invalid'],
    ['Sat, 07 Sep 2002 09:42:31', 'invalid'],
    ['', 'invalid'],
  ])('%s is %s', (value, kind) => {
    expect(checkRfc822(value).kind).toBe(kind);
  });

  it('gives the instant, zone applied', () => {
    const verdict = checkRfc822('Sat, 07 Sep 2002 09:42:31 +0200');
    expect(verdict.kind === 'valid' ? verdict.time : undefined).toBe(Date.UTC(2002, 8, 7, 7, 42, 31));
  });
});

describe('ISO 8601 dates: RFC 3339 (Atom), W3C-DTF (Dublin Core)', () => {
  it.each([
    ['2003-12-13T18:30:02Z', 'rfc3339', true],
    ['2003-12-13T18:30:02.25+01:00', 'rfc3339', true],
    ['2003-12-13T18:30:60Z', 'rfc3339', true],
    ['2003-12-13t18:30:02z', 'rfc3339', false],
    ['2003-12-13T18:30Z', 'rfc3339', false],
    ['2003-12-13', 'rfc3339', false],
    ['2003-02-29T18:30:02Z', 'rfc3339', false],
    ['2003-12-13T24:30:02Z', 'rfc3339', false],
    ['2003-12-13T18:30:02+0100', 'rfc3339', false],
    ['2003', 'w3cdtf', true],
    ['2003-12', 'w3cdtf', true],
    ['2003-12-13T18:30+01:00', 'w3cdtf', true],
    ['2003-12-13T18:30', 'w3cdtf', false],
    ['2003-13', 'w3cdtf', false],
    ['2003-12-13T18:30', 'iso8601', true],
  ] as const)('%s as %s: %s', (value, profile, valid) => {
    expect(checkIsoDate(value, profile).valid).toBe(valid);
  });

  it('finds dates before 1990 or in the future implausible', () => {
    const now = Date.UTC(2024, 0, 1);
    expect(isImplausible(Date.UTC(1989, 11, 31), now)).toBe(true);
    expect(isImplausible(Date.UTC(2023, 5, 1), now)).toBe(false);
    expect(isImplausible(now + 3_600_000, now)).toBe(true);
  });
});

describe('URIs and IRIs', () => {
  const absolute = { absolute: true, iri: false };
  const reference = { absolute: false, iri: false };
  const iri = { absolute: false, iri: true };
  it.each([
    ['https://example.com/a?b=c#d', absolute, undefined],
    ['/relative/path', reference, undefined],
    ['/relative/path', absolute, 'syntax'],
    ['http:/example.com', absolute, 'syntax'],
    ['http://exa mple.com/', reference, 'char'],
    ['https://example.com/{id}', reference, 'char'],
    ['https://example.com/café', reference, 'not-ascii'],
    ['https://example.com/café', iri, undefined],
    ['//[::1]/x', reference, undefined],
    ['tag:example.com,2005:post-1', absolute, undefined],
    ['tag:jane@example.com,2005-06:a#b', absolute, undefined],
    ['tag:Example.com,2005:a', absolute, 'tag'],
    ['tag:example.com:a', absolute, 'tag'],
    ['urn:isbn:0451450523', absolute, undefined],
    ['urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6', absolute, undefined],
    ['urn:uuid:60a76c80', absolute, 'uuid'],
    ['urn:a:b', absolute, 'urn'],
    ['example:thing', absolute, 'unregistered-scheme'],
  ] as const)('%s %o: %s', (value, options, problem) => {
    expect(checkUri(value, options).problem).toBe(problem);
  });

  it('names the offending character', () => {
    expect(checkUri('a b', { absolute: false, iri: false })).toEqual({ problem: 'char', char: ' ' });
  });

  it('reads tag:, urn: and http URLs by their own grammars', () => {
    expect(isTagUri('tag:example.com,2024-09-03:x')).toBe(true);
    expect(isTagUri('tag:example.com,24:x')).toBe(false);
    expect(isUrn('URN:ISBN:0451450523')).toBe(true);
    expect(isHttpUrl('https://media.example.com:8080/a.mp3')).toBe(true);
    expect(isHttpUrl('https://localhost/a.mp3')).toBe(false);
    expect(isHttpUrl('ftp://example.com/a.mp3')).toBe(false);
    expect(hasAuthority('//example.com/feed')).toBe(true);
    expect(hasAuthority('/feed')).toBe(false);
  });

  it('normalizes URIs as RFC 3986 §6.2.2 says', () => {
    expect(canonicalUri('HTTP://Example.COM:80/a/./b/../c?%7e#x')).toBe('http://example.com/a/c?~#x');
    expect(canonicalUri('https://example.com')).toBe('https://example.com/');
    expect(canonicalUri('https://example.com/%3a%2F')).toBe('https://example.com/%3A%2F');
    expect(canonicalUri('tag:example.com,2005:a')).toBe('tag:example.com,2005:a');
    expect(canonicalUri('https://example.com/%zz')).toBeUndefined();
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['jane@example.com', true],
    ["o'brien+feeds@mail.example.co.uk", true],
    ['jane@192.168.1.10', true],
    ['jane at example.com', false],
    ['@example.com', false],
    ['jane@', false],
    ['Jane Doe', false],
  ])('%s: %s', (value, valid) => {
    expect(isAddrSpec(value)).toBe(valid);
  });

  it('takes the address of "address (Real Name)" and "Name <address>"', () => {
    expect(addressOf('jane@example.com (Jane Doe)')).toBe('jane@example.com');
    expect(addressOf('Jane Doe <jane@example.com>')).toBe('jane@example.com');
    expect(addressOf('Jane Doe (jane@example.com)')).toBe('Jane Doe');
    expect(containsBracketedAddress('Jane <jane@example.com>')).toBe(true);
    expect(containsBracketedAddress('Jane (at example)')).toBe(false);
  });
});

describe('media types, languages, integers', () => {
  it.each([
    ['text/html', true],
    ['text/html; charset="utf-8"', true],
    ['application/atom+xml;type=entry', true],
    ['audio', false],
    ['text/', false],
    ['text/html; charset', false],
    ['text/html; charset="utf-8', false],
  ])('media type %s: %s', (value, valid) => {
    expect(isMediaType(value)).toBe(valid);
  });

  it.each([
    ['en', true],
    ['en-US', true],
    ['EN-us', true],
    ['epo', true],
    ['UND', true],
    ['x-klingon', true],
    ['fre', true],
    ['qaa', true],
    ['English', false],
    ['en_us', false],
    ['zz', false],
    ['', false],
  ])('language %s: %s', (value, valid) => {
    expect(isLanguageCode(value)).toBe(valid);
  });

  it('reads integers with their sign, not decimals or words', () => {
    expect(parseInteger(' 60 ')).toBe(60);
    expect(parseInteger('-1')).toBe(-1);
    expect(parseInteger('+3')).toBe(3);
    expect(parseInteger('1.5')).toBeUndefined();
    expect(parseInteger('0x10')).toBeUndefined();
    expect(parseInteger('')).toBeUndefined();
  });
});

describe('inline styles readers keep', () => {
  it('keeps simple presentational declarations', () => {
    expect(unsafeStyles('color: red; font-weight: bold;')).toEqual([]);
    expect(unsafeStyles('float:left; padding-right:10px')).toEqual([]);
  });

  it('reports properties, values and syntax readers strip', () => {
    expect(unsafeStyles('position: absolute; top: 0')).toEqual(['position', 'top']);
    expect(unsafeStyles('background: url(javascript:alert(1))')).toEqual(['background: url(javascript:alert(1))']);
    expect(unsafeStyles('margin: 0 auto calc(1px)')).toEqual(['margin: 0 auto calc(1px)']);
  });
});
