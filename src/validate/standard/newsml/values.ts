/**
 * The simple types of NewsML-G2 2.35 (its own and the XML Schema built-ins it uses), each checked after
 * the white-space handling its base type prescribes (XML Schema Part 2 §4.3.6): `preserve` for strings
 * (so a QCode with a leading space is wrong), `collapse` for everything else.
 */
import { isDateTimeValue, isDuration, type DateTimeKind } from './datetime.ts';
import { isUriReference } from './uri.ts';

/** Every simple type the schema tables name. */
export type ValueType =
  | 'string'
  /** g2normalizedString: a string without tab, line feed or carriage return. */
  | 'line'
  | 'qcode'
  | 'qcodes'
  | 'iri'
  | 'iris'
  /** xs:dateTime. */
  | 'dateTime'
  /** DateOptTimeType: a date, with an optional time. */
  | 'dateOptTime'
  /** TruncatedDateTimeType: a date-time, a date, a year and month, or a year. */
  | 'truncatedDateTime'
  /** UnionDateTimeType: the truncated forms and the recurring month, month-day and day. */
  | 'approximateDateTime'
  /** UnionDateTimeEmptyStringType: a date-time or nothing (embargoed). */
  | 'dateTimeOrEmpty'
  | 'duration'
  | 'integer'
  | 'nonNegativeInteger'
  | 'positiveInteger'
  | 'int1to9'
  | 'int100'
  | 'decimal'
  | 'double'
  | 'boolean'
  | 'language'
  /** xml:lang: a language tag or the empty string. */
  | 'xmlLang'
  | 'xmlSpace'
  | 'ID'
  | 'IDREF'
  | 'IDREFS'
  | 'NCName'
  | 'NMTOKENS'
  | 'QName'
  /** AnyItemType/@standardversion: digits, a dot, digits. */
  | 'standardVersion'
  /** i18nAttributes/@dir. */
  | 'direction'
  | 'videoScan'
  | 'frequency'
  | 'weekday'
  | 'bySecond'
  | 'byMinute'
  | 'byHour'
  | 'byDay'
  | 'byMonthDay'
  | 'byMonth'
  | 'byYearDay'
  | 'byWeekNo'
  | 'bySetPos';

/** The rule a bad value of a type breaks. */
export type ValueRule = 'invalid-qcode' | 'invalid-datetime' | 'invalid-uri' | 'invalid-number' | 'invalid-value';

/** What is wrong with a value: the rule, and what the type expects, in words. */
export interface ValueProblem {
  readonly rule: ValueRule;
  readonly expected: string;
}

// XML Schema's \s is exactly these four characters (Part 2 §F.1.1), not JavaScript's wider class.
const XML_SPACE = /[ \t\n\r]/;
const QCODE = /^[^ \t\n\r:]+:[^ \t\n\r]+$/;
const LANGUAGE = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
// libxml2 takes an exponent marker without digits ("1E"); INF, -INF and NaN are the special values.
const DOUBLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[Ee][+-]?\d*)?|-?INF|NaN)$/;
// XML 1.0 (5th edition) §2.3 NameStartChar and NameChar, without the colon (Namespaces §3 NCName).
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NCNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
// A name token may hold colons (XML 1.0 §2.3 NameChar includes ":").
const NMTOKEN = new RegExp(`^[:${NAME_CHAR}]+$`, 'u');
const BY_DAY = /^[+-]?\d{0,2}(?:MO|TU|WE|TH|FR|SA|SU)$/;

/** `value` without trailing XML white space (a loop: a regular expression anchored at the end is quadratic on long runs of spaces). */
function trimEnd(value: string): string {
  let end = value.length;
  while (end > 0 && ' \t\n\r'.includes(value.charAt(end - 1))) end--;
  return value.slice(0, end);
}

/** XML Schema Part 2 §4.3.6 collapse: runs of white space become one space, none at either end. */
export function collapse(value: string): string {
  return value.replace(/[ \t\n\r]+/g, ' ').trim();
}

/** True when `value` holds white space as XML Schema's `\s` means it. */
export function hasXmlSpace(value: string): boolean {
  return XML_SPACE.test(value);
}

/** The scheme alias of a well-formed QCode. */
export function aliasOf(qcode: string): string {
  return qcode.slice(0, qcode.indexOf(':'));
}

/** True when `value` is an integer between `min` and `max` (either may be absent); BigInt keeps huge values exact. */
function integerIn(value: string, min?: bigint, max?: bigint): boolean {
  if (!INTEGER.test(value)) return false;
  const n = BigInt(value);
  return (min === undefined || n >= min) && (max === undefined || n <= max);
}

/** A space-separated list whose every item passes `item`; `minLength` items at least. */
function listOf(value: string, item: (v: string) => boolean, minLength = 0): boolean {
  const items = value === '' ? [] : value.split(' ');
  return items.length >= minLength && items.every(item);
}

function dateTimeUnion(kinds: readonly DateTimeKind[]): (v: string) => boolean {
  return (v) => kinds.some((kind) => isDateTimeValue(kind, v));
}

/** How a type reads its value: the white space it keeps, its check, and the rule and words for a failure. */
interface TypeInfo {
  readonly space: 'preserve' | 'collapse';
  readonly test: (value: string) => boolean;
  readonly rule: ValueRule;
  readonly expected: string;
}

const number = (test: (v: string) => boolean, expected: string): TypeInfo => ({ space: 'collapse', test, rule: 'invalid-number', expected });
const other = (test: (v: string) => boolean, expected: string, space: 'preserve' | 'collapse' = 'collapse'): TypeInfo => ({ space, test, rule: 'invalid-value', expected });
const when = (test: (v: string) => boolean, expected: string): TypeInfo => ({ space: 'collapse', test, rule: 'invalid-datetime', expected });
const enumeration = (values: readonly string[], space: 'preserve' | 'collapse'): TypeInfo => other((v) => values.includes(v), `one of ${values.map((v) => `"${v}"`).join(', ')}`, space);
const rangeList = (lo: bigint, hi: bigint, negative: boolean, what: string): TypeInfo =>
  other((v) => listOf(v, (i) => integerIn(i, lo, hi) || (negative && integerIn(i, -hi, -lo)), 1), `a space-separated list of ${what}`);

const TYPES: Readonly<Record<ValueType, TypeInfo>> = {
  string: other(() => true, 'a string', 'preserve'),
  line: other((v) => !/[\t\n\r]/.test(v), 'a single line of text (no tab, line feed or carriage return)', 'preserve'),
  qcode: { space: 'preserve', test: (v) => QCODE.test(v), rule: 'invalid-qcode', expected: 'a QCode: a scheme alias, a colon and a code, without spaces (e.g. medtop:04000000)' },
  qcodes: { space: 'collapse', test: (v) => listOf(v, (i) => QCODE.test(i)), rule: 'invalid-qcode', expected: 'a space-separated list of QCodes (alias:code)' },
  iri: { space: 'collapse', test: isUriReference, rule: 'invalid-uri', expected: 'a URI reference' },
  iris: { space: 'collapse', test: (v) => listOf(v, isUriReference), rule: 'invalid-uri', expected: 'a space-separated list of URI references' },
  dateTime: when(dateTimeUnion(['dateTime']), 'a date-time such as 2024-09-05T10:15:00+08:00'),
  dateOptTime: when(dateTimeUnion(['date', 'dateTime']), 'a date, with an optional time (2024-09-05 or 2024-09-05T10:15:00+08:00)'),
  truncatedDateTime: when(dateTimeUnion(['date', 'dateTime', 'gYearMonth', 'gYear']), 'a date-time, a date, a year and month or a year (2024-09-05T10:15:00Z, 2024-09-05, 2024-09, 2024)'),
  approximateDateTime: when(dateTimeUnion(['dateTime', 'date', 'gYearMonth', 'gYear', 'gMonth', 'gMonthDay', 'gDay']), 'a date-time, a date, or a truncated or recurring date (2024-09, --09-05, …)'),
  dateTimeOrEmpty: { space: 'preserve', test: (v) => v === '' || isDateTimeValue('dateTime', collapse(v)), rule: 'invalid-datetime', expected: 'a date-time such as 2024-09-05T10:15:00+08:00, or nothing' },
  duration: when(isDuration, 'an XML Schema duration such as PT1H30M'),
  integer: number((v) => integerIn(v), 'an integer'),
  nonNegativeInteger: number((v) => integerIn(v, 0n), 'a whole number, 0 or more'),
  positiveInteger: number((v) => integerIn(v, 1n), 'a whole number, 1 or more'),
  int1to9: number((v) => integerIn(v, 1n, 9n), 'a whole number from 1 to 9'),
  int100: number((v) => integerIn(v, 0n, 100n), 'a whole number from 0 to 100'),
  decimal: number((v) => DECIMAL.test(v), 'a decimal number (no exponent)'),
  double: number((v) => DOUBLE.test(v), 'a floating-point number'),
  boolean: enumeration(['true', 'false', '1', '0'], 'collapse'),
  language: other((v) => LANGUAGE.test(v), 'a language tag such as en or en-GB'),
  // xml.xsd: a union of xs:language (collapsed) and the empty string (as written), so " " is neither.
  xmlLang: other((v) => v === '' || LANGUAGE.test(collapse(v)), 'a language tag such as en or en-GB, or nothing', 'preserve'),
  xmlSpace: enumeration(['default', 'preserve'], 'collapse'),
  ID: other((v) => NCNAME.test(v), 'an XML name without a colon, not starting with a digit'),
  IDREF: other((v) => NCNAME.test(v), 'the ID of an element (an XML name without a colon)'),
  // libxml2 lets an empty IDREFS or NMTOKENS through although both have minLength 1.
  IDREFS: other((v) => listOf(v, (i) => NCNAME.test(i)), 'a space-separated list of IDs'),
  NCName: other((v) => NCNAME.test(v), 'an XML name without a colon'),
  NMTOKENS: other((v) => listOf(v, (i) => NMTOKEN.test(i)), 'a space-separated list of name tokens'),
  // The prefix is resolved by the caller, which knows the namespaces in scope.
  QName: other((v) => /^[^:]+(?::[^:]+)?$/.test(v) && v.split(':').every((p) => NCNAME.test(p)), 'a qualified name (prefix:name)'),
  standardVersion: other((v) => /^\d+\.\d+$/.test(v), 'a version number: digits, a dot, digits (2.35)', 'preserve'),
  direction: enumeration(['ltr', 'rtl'], 'collapse'),
  videoScan: enumeration(['progressive', 'interlaced'], 'preserve'),
  frequency: enumeration(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'], 'preserve'),
  weekday: enumeration(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], 'preserve'),
  bySecond: rangeList(0n, 59n, false, 'seconds (0 to 59)'),
  byMinute: rangeList(0n, 59n, false, 'minutes (0 to 59)'),
  byHour: rangeList(0n, 23n, false, 'hours (0 to 23)'),
  byDay: other((v) => listOf(v, (i) => BY_DAY.test(i), 1), 'a space-separated list of weekdays, optionally numbered (MO, 1TU, -2FR)'),
  byMonthDay: rangeList(1n, 31n, true, 'days of the month (1 to 31 or -31 to -1)'),
  byMonth: rangeList(1n, 12n, false, 'months (1 to 12)'),
  byYearDay: rangeList(1n, 366n, true, 'days of the year (1 to 366 or -366 to -1)'),
  byWeekNo: rangeList(1n, 53n, true, 'week numbers (1 to 53 or -53 to -1)'),
  bySetPos: rangeList(1n, 366n, true, 'positions (1 to 366 or -366 to -1)'),
};

/** The types whose element content libxml2 checks without stripping leading white space (it does strip trailing white space of a dateTime, but not of a duration). */
const RAW_IN_ELEMENTS: ReadonlySet<ValueType> = new Set(['dateTime', 'duration']);

/** The value of type `type` as the validator reads it: white space handled as the type says. */
export function normalise(type: ValueType, raw: string, inElement: boolean): string {
  if (inElement && RAW_IN_ELEMENTS.has(type)) return type === 'dateTime' ? trimEnd(raw) : raw;
  return TYPES[type].space === 'collapse' ? collapse(raw) : raw;
}

/** What is wrong with `raw` as a value of `type` (an element's text when `inElement`), or undefined when it is valid. */
export function checkValue(type: ValueType, raw: string, inElement = false): ValueProblem | undefined {
  const info = TYPES[type];
  return info.test(normalise(type, raw, inElement)) ? undefined : { rule: info.rule, expected: info.expected };
}

/** The date and time types, for the time-zone advice. */
export const DATE_TIME_TYPES: ReadonlySet<ValueType> = new Set(['dateTime', 'dateOptTime', 'truncatedDateTime', 'approximateDateTime', 'dateTimeOrEmpty']);
