/**
 * The XML Schema date and time types NewsML-G2 uses (XML Schema Part 2 §3.2.7–3.2.14), checked as
 * libxml2 checks them: the lexical form, then a real calendar date (29 February only in leap years),
 * hours up to 24:00:00, zones within ±14:00.
 */

/** The date and time types (names of XML Schema Part 2 built-ins). */
export type DateTimeKind = 'dateTime' | 'date' | 'gYearMonth' | 'gYear' | 'gMonth' | 'gMonthDay' | 'gDay';

// One anchored pattern per type: fixed-width fields, no nested quantifiers, so matching is linear.
const ZONE = '(Z|[+-]\\d{2}:\\d{2})?';
const YEAR = '(-?)(\\d{4,})';
const PATTERNS: Readonly<Record<DateTimeKind, RegExp>> = {
  dateTime: new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?${ZONE}$`),
  date: new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})${ZONE}$`),
  gYearMonth: new RegExp(`^${YEAR}-(\\d{2})${ZONE}$`),
  gYear: new RegExp(`^${YEAR}${ZONE}$`),
  gMonth: new RegExp(`^--(\\d{2})${ZONE}$`),
  gMonthDay: new RegExp(`^--(\\d{2})-(\\d{2})${ZONE}$`),
  gDay: new RegExp(`^---(\\d{2})${ZONE}$`),
};

/** True when `year` (astronomical, as written) is a leap year in the proleptic Gregorian calendar. */
function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12); February has 29 when `year` is unknown (gMonthDay, gDay). */
function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** XML Schema Part 2 §3.2.7: a year of more than four digits has no leading zero, and year 0000 does not exist (1.0); libxml2 stores years in 32 bits. */
function validYear(digits: string): boolean {
  if (digits.length > 4 && digits.startsWith('0')) return false;
  return !/^0+$/.test(digits) && (digits.length < 10 || Number(digits) <= 2 ** 31 - 1);
}

/** §3.2.7.3: a zone is Z or ±hh:mm between -14:00 and +14:00. */
function validZone(zone: string | undefined): boolean {
  if (zone === undefined || zone === 'Z') return true;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return minutes <= 59 && hours * 60 + minutes <= 14 * 60;
}

/** True when `value` (already whitespace-normalised) is a valid lexical value of `kind`. */
export function isDateTimeValue(kind: DateTimeKind, value: string): boolean {
  const m = PATTERNS[kind].exec(value);
  if (m === null) return false;
  const groups = m.slice(1);
  const zone = groups.at(-1);
  if (!validZone(zone)) return false;
  switch (kind) {
    case 'gMonth':
      return inMonths(groups[0]);
    case 'gMonthDay':
      return inMonths(groups[0]) && inDays(groups[1], Number(groups[0]), undefined);
    case 'gDay':
      return inDays(groups[0], 1, undefined);
    default:
      break;
  }
  const [sign, yearDigits = '', month, day, hour, minute, second, fraction] = groups;
  if (!validYear(yearDigits)) return false;
  const year = Number(`${sign ?? ''}${yearDigits}`);
  if (kind === 'gYear') return true;
  if (!inMonths(month)) return false;
  if (kind === 'gYearMonth') return true;
  if (!inDays(day, Number(month), year)) return false;
  if (kind === 'date') return true;
  return validTime(Number(hour), Number(minute), Number(second), fraction);
}

function inMonths(month: string | undefined): boolean {
  const n = Number(month);
  return n >= 1 && n <= 12;
}

function inDays(day: string | undefined, month: number, year: number | undefined): boolean {
  const n = Number(day);
  return n >= 1 && n <= daysIn(month, year);
}

/** §3.2.7.1: hh:mm:ss with hh 00–23, or 24:00:00 exactly (the end of the day). */
function validTime(hour: number, minute: number, second: number, fraction: string | undefined): boolean {
  if (hour === 24) return minute === 0 && second === 0 && (fraction === undefined || /^\.0+$/.test(fraction));
  return hour <= 23 && minute <= 59 && second <= 59;
}

/** True when `value` is a valid date-time (of any kind above) that has a time of day but no zone. */
export function lacksZone(value: string): boolean {
  const m = PATTERNS.dateTime.exec(value);
  return m !== null && m.at(-1) === undefined;
}

/** XML Schema Part 2 §3.2.6: PnYnMnDTnHnMnS, at least one part, and a T only before a time part. */
export function isDuration(value: string): boolean {
  const m = /^-?P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(T(?:\d+H)?(?:\d+M)?(?:(?:\d+(?:\.\d*)?|\.\d+)S)?)?$/.exec(value);
  if (m === null) return false;
  const time = m[1];
  if (time === 'T') return false;
  return value.replace(/^-?P/, '') !== '';
}
