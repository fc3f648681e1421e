import { describe, expect, it } from 'vitest';
import { isDateTimeValue, isDuration, lacksZone } from '../../../src/validate/standard/newsml/datetime.ts';
import { isUriReference } from '../../../src/validate/standard/newsml/uri.ts';
import { checkValue, type ValueType } from '../../../src/validate/standard/newsml/values.ts';

// The expectations are libxml2's verdicts on the same values (checked against the official XSD).
describe('XML Schema date and time values', () => {
  const dateTimes: [string, boolean][] = [
    ['2024-09-05T10:15:00+08:00', true],
    ['2024-09-05T10:15:00.250Z', true],
    ['2024-09-05T10:15:00', true],
    ['2024-01-01T24:00:00Z', true],
    ['2024-01-01T24:00:00.0Z', true],
    ['-2024-01-01T00:00:00Z', true],
    ['12024-01-01T00:00:00Z', true],
    ['2000-02-29T00:00:00Z', true],
    ['2024-01-01T24:30:00Z', false],
    ['2024-01-01T24:00:00.5Z', false],
    ['1900-02-29T00:00:00Z', false],
    ['2023-02-29T00:00:00Z', false],
    ['2024-04-31T00:00:00Z', false],
    ['0000-01-01T00:00:00Z', false],
    ['02024-01-01T00:00:00Z', false],
    ['2024-01-01T00:00:60Z', false],
    ['2024-01-01T1:00:00Z', false],
    ['2024-01-01T00:00Z', false],
    ['2024-01-01t00:00:00z', false],
    ['2024-01-01T00:00:00.Z', false],
    ['2024-01-01T00:00:00+14:01', false],
    ['2024-01-01T00:00:00+05:60', false],
    ['2024-01-01T00:00:00+5:00', false],
    ['11111111111-01-01T00:00:00Z', false],
  ];

  it.each(dateTimes)('dateTime %s → %s', (value, valid) => {
    expect(isDateTimeValue('dateTime', value)).toBe(valid);
  });

  it('reads the truncated and recurring forms', () => {
    expect(isDateTimeValue('gYear', '2024')).toBe(true);
    expect(isDateTimeValue('gYear', '2024+01:00')).toBe(true);
    expect(isDateTimeValue('gYearMonth', '2024-13')).toBe(false);
    expect(isDateTimeValue('gMonthDay', '--02-29')).toBe(true);
    expect(isDateTimeValue('gMonthDay', '--02-30')).toBe(false);
    expect(isDateTimeValue('gDay', '---31')).toBe(true);
    expect(isDateTimeValue('gMonth', '--13')).toBe(false);
    expect(isDateTimeValue('date', '2024-09-05Z')).toBe(true);
  });

  it('says when a date-time has no zone', () => {
    expect(lacksZone('2024-09-05T10:15:00')).toBe(true);
    expect(lacksZone('2024-09-05T10:15:00Z')).toBe(false);
    expect(lacksZone('2024-09-05')).toBe(false);
  });

  it('reads durations', () => {
    for (const valid of ['P1Y', 'PT1H', 'P2DT6H', '-P1D', 'PT1.S', 'PT.5S']) expect(isDuration(valid), valid).toBe(true);
    for (const invalid of ['P', 'PT', 'P1DT', 'PT1.5H', 'P1H', 'PT1M2H', '1D']) expect(isDuration(invalid), invalid).toBe(false);
  });
});

describe('anyURI as libxml2 reads it', () => {
  it.each([
    ['http://example.com/a?b#c', true],
    ['http://a b', true],
    ['http://ü.example/é', true],
    ['//example.com/a', true],
    ['/a/b', true],
    ['a/b', true],
    ['', true],
    ['urn:newsml:example.com:1', true],
    ['http://[::1]/', true],
    ['http://a:80/', true],
    ['http://a/%zz', false],
    ['http://a/%2', false],
    ['a#b#c', false],
    ['http://a:x/', false],
    ['http://a/[x]', false],
    [':a', false],
    ['1a:b', false],
    ['http://a@b@c/', false],
  ])('%s → %s', (value, valid) => {
    expect(isUriReference(value)).toBe(valid);
  });
});

describe('the white space each type keeps', () => {
  const check = (type: ValueType, value: string, inElement = false) => checkValue(type, value, inElement)?.rule;

  it('collapses numbers, lists and URIs, but not QCodes or single-line strings', () => {
    expect(check('positiveInteger', ' 2 ')).toBeUndefined();
    expect(check('qcodes', '  a:b   c:d ')).toBeUndefined();
    expect(check('qcode', ' a:b')).toBe('invalid-qcode');
    expect(check('line', 'a\tb')).toBe('invalid-value');
    expect(check('line', 'a\u00A0b')).toBeUndefined();
    expect(check('standardVersion', ' 2.35')).toBe('invalid-value');
  });

  it('keeps the leading white space of a dateTime element, as libxml2 does, but drops the trailing', () => {
    expect(check('dateTime', '2024-09-05T10:15:00Z\n', true)).toBeUndefined();
    expect(check('dateTime', '\n2024-09-05T10:15:00Z', true)).toBe('invalid-datetime');
    expect(check('duration', 'PT1H ', true)).toBe('invalid-datetime');
    expect(check('truncatedDateTime', ' 2024 ', true)).toBeUndefined();
  });

  it('takes an empty embargoed or xml:lang, but not a blank one', () => {
    expect(check('dateTimeOrEmpty', '')).toBeUndefined();
    expect(check('dateTimeOrEmpty', '  ')).toBe('invalid-datetime');
    expect(check('xmlLang', '')).toBeUndefined();
    expect(check('xmlLang', ' ')).toBe('invalid-value');
  });

  it('checks integer ranges exactly, however long the number', () => {
    expect(check('nonNegativeInteger', '-0')).toBeUndefined();
    expect(check('positiveInteger', '99999999999999999999999')).toBeUndefined();
    expect(check('int1to9', '+9')).toBeUndefined();
    expect(check('int100', '101')).toBe('invalid-number');
    expect(check('double', '1E')).toBeUndefined();
    expect(check('double', '+INF')).toBe('invalid-number');
    expect(check('decimal', '1e3')).toBe('invalid-number');
  });

  it('reads names and name tokens with the XML name characters', () => {
    expect(check('ID', '1a')).toBe('invalid-value');
    expect(check('ID', 'été')).toBeUndefined();
    expect(check('NMTOKENS', 'geo:world geo:europe')).toBeUndefined();
    expect(check('NMTOKENS', 'a,b')).toBe('invalid-value');
    expect(check('byDay', '1TU -2FR')).toBeUndefined();
    expect(check('byDay', '')).toBe('invalid-value');
    expect(check('byMonthDay', '0')).toBe('invalid-value');
  });
});
