/**
 * Date and time syntaxes: RFC 3339 §5.6 `date-time` (JSON Schema's `format: "date-time"`, JSON Feed 1.1's
 * dates), the W3C profile of ISO 8601 (JSON Feed 1.0's dates) and the truncated dates of ninjs 3.x
 * (`truncatedDateTimeType`). Each is read by hand, one character at a time: no regular expression runs on
 * the text.
 */

/**
 * How a date-time reads: `rfc3339` as RFC 3339 §5.6 writes it; `lenient` in a form JSON Schema validators
 * (Ajv's ajv-formats, the reference for ninjs) accept but RFC 3339 does not (a space for "T", an offset
 * without its colon or minutes); `invalid` otherwise.
 */
export type DateTimeForm = 'rfc3339' | 'lenient' | 'invalid';

/** The form of an RFC 3339 date-time: full-date, "T", partial-time with seconds, and a required offset. */
export function toDateTimeForm(text: string): DateTimeForm {
  const read = new Reader(text);
  const date = readFullDate(read);
  if (date === undefined) return 'invalid';
  let lenient = false;
  const separator = read.next();
  // RFC 3339 §5.6 NOTE: "T" may be written "t"; a space is a reader's courtesy, not the profile.
  if (separator === ' ') lenient = true;
  else if (separator !== 'T' && separator !== 't') return 'invalid';
  const time = readTime(read, true);
  if (time === undefined) return 'invalid';
  const offset = readOffset(read, true);
  if (offset === undefined || !read.done()) return 'invalid';
  if (offset.lenient) lenient = true;
  if (!isValidSecond(time, offset.minutes)) return 'invalid';
  return lenient ? 'lenient' : 'rfc3339';
}

/**
 * The form of a W3C-DTF date (https://www.w3.org/TR/NOTE-datetime): YYYY, YYYY-MM, YYYY-MM-DD, or a
 * date with hh:mm[:ss[.s]] and a required TZD. `lenient` and `invalid` as for {@link toDateTimeForm}.
 */
export function toW3cDateTimeForm(text: string): DateTimeForm {
  const read = new Reader(text);
  const year = read.digits(4, 4);
  if (year === undefined) return 'invalid';
  if (read.done()) return 'rfc3339';
  if (read.next() !== '-') return 'invalid';
  const month = read.digits(2, 2);
  if (month === undefined || month < 1 || month > 12) return 'invalid';
  if (read.done()) return 'rfc3339';
  if (read.next() !== '-') return 'invalid';
  const day = read.digits(2, 2);
  if (day === undefined || day < 1 || day > daysIn(year, month)) return 'invalid';
  if (read.done()) return 'rfc3339';
  const separator = read.next();
  let lenient = separator === ' ';
  if (separator !== 'T' && separator !== 't' && !lenient) return 'invalid';
  const time = readTime(read, false);
  if (time === undefined) return 'invalid';
  const offset = readOffset(read, true);
  if (offset === undefined || !read.done()) return 'invalid';
  if (offset.lenient) lenient = true;
  if (!isValidSecond(time, offset.minutes)) return 'invalid';
  return lenient ? 'lenient' : 'rfc3339';
}

/**
 * True for a ninjs 3.x truncated date-time: a year of four or more digits (optionally negative, no leading
 * zero beyond four), then optionally -MM, -DD, and THH:MM:SS[.fraction][Z|±HH:MM], each part only after the
 * one before. Days are 01–31 whatever the month, as the schema's pattern has them.
 */
export function isTruncatedDateTime(text: string): boolean {
  const read = new Reader(text);
  if (read.peek() === '-') read.next();
  const yearStart = read.at;
  while (isDigitChar(read.peek())) read.next();
  const yearDigits = read.at - yearStart;
  // The schema's year is -?(?:[1-9][0-9]*)?[0-9]{4}: four digits, or more without a leading zero.
  if (yearDigits < 4 || (yearDigits > 4 && text.charAt(yearStart) === '0')) return false;
  if (read.done()) return true;
  if (read.next() !== '-') return false;
  const month = read.digits(2, 2);
  if (month === undefined || month < 1 || month > 12) return false;
  if (read.done()) return true;
  if (read.next() !== '-') return false;
  const day = read.digits(2, 2);
  if (day === undefined || day < 1 || day > 31) return false;
  if (read.done()) return true;
  // The pattern is case-sensitive: "T" and "Z" in capitals only.
  if (read.next() !== 'T') return false;
  const hour = read.digits(2, 2);
  if (hour === undefined || hour > 23 || read.next() !== ':') return false;
  const minute = read.digits(2, 2);
  if (minute === undefined || minute > 59 || read.next() !== ':') return false;
  const second = read.digits(2, 2);
  if (second === undefined || second > 59) return false;
  if (read.peek() === '.') {
    read.next();
    if (read.digits(1, Infinity) === undefined) return false;
  }
  if (read.done()) return true;
  const zone = read.next();
  if (zone === 'Z') return read.done();
  if (zone !== '+' && zone !== '-') return false;
  const zoneHour = read.digits(2, 2);
  if (zoneHour === undefined || zoneHour > 23 || read.next() !== ':') return false;
  const zoneMinute = read.digits(2, 2);
  return zoneMinute !== undefined && zoneMinute <= 59 && read.done();
}

/** RFC 3339 §5.6 full-date = date-fullyear "-" date-month "-" date-mday, the day valid for its month (§5.7). */
function readFullDate(read: Reader): { year: number; month: number; day: number } | undefined {
  const year = read.digits(4, 4);
  if (year === undefined || read.next() !== '-') return undefined;
  const month = read.digits(2, 2);
  if (month === undefined || month < 1 || month > 12 || read.next() !== '-') return undefined;
  const day = read.digits(2, 2);
  if (day === undefined || day < 1 || day > daysIn(year, month)) return undefined;
  return { year, month, day };
}

interface Time {
  hour: number;
  minute: number;
  second: number;
}

/** partial-time = time-hour ":" time-minute [":" time-second [time-secfrac]], seconds required by RFC 3339. */
function readTime(read: Reader, secondsRequired: boolean): Time | undefined {
  const hour = read.digits(2, 2);
  if (hour === undefined || hour > 23 || read.next() !== ':') return undefined;
  const minute = read.digits(2, 2);
  if (minute === undefined || minute > 59) return undefined;
  let second = 0;
  if (read.peek() === ':') {
    read.next();
    const whole = read.digits(2, 2);
    if (whole === undefined || whole > 60) return undefined;
    second = whole;
    if (read.peek() === '.') {
      read.next();
      if (read.digits(1, Infinity) === undefined) return undefined;
    }
  } else if (secondsRequired) return undefined;
  return { hour, minute, second };
}

/**
 * time-offset = "Z" / time-numoffset (RFC 3339 §5.6; "z" allowed by its NOTE); `lenient` for "+hhmm" and
 * "+hh", which ajv-formats accepts. `minutes` is the offset east of UTC.
 */
function readOffset(read: Reader, required: boolean): { minutes: number; lenient: boolean } | undefined {
  const sign = read.peek();
  if (sign === 'Z' || sign === 'z') {
    read.next();
    return { minutes: 0, lenient: false };
  }
  if (sign !== '+' && sign !== '-') return required ? undefined : { minutes: 0, lenient: false };
  read.next();
  const hours = read.digits(2, 2);
  if (hours === undefined || hours > 23) return undefined;
  let minutes = 0;
  let lenient = false;
  if (read.peek() === ':') {
    read.next();
    const m = read.digits(2, 2);
    if (m === undefined) return undefined;
    minutes = m;
  } else if (isDigitChar(read.peek())) {
    const m = read.digits(2, 2);
    if (m === undefined) return undefined;
    minutes = m;
    lenient = true;
  } else lenient = true;
  if (minutes > 59) return undefined;
  const east = hours * 60 + minutes;
  return { minutes: sign === '-' ? -east : east, lenient };
}

/** RFC 3339 §5.7: second 60 only for a leap second, which happens at 23:59 UTC. */
function isValidSecond(time: Time, offsetMinutes: number): boolean {
  if (time.second < 60) return true;
  const utc = (((time.hour * 60 + time.minute - offsetMinutes) % 1440) + 1440) % 1440;
  return utc === 23 * 60 + 59;
}

/** Days in a month of the proleptic Gregorian calendar (RFC 3339 §5.7). */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isDigitChar(c: string): boolean {
  return c >= '0' && c <= '9' && c.length === 1;
}

/** A cursor over the text. */
class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  /** The next character without moving, '' at the end. */
  peek(): string {
    return this.text.charAt(this.at);
  }

  /** The next character, moving past it ('' at the end). */
  next(): string {
    return this.text.charAt(this.at++);
  }

  done(): boolean {
    return this.at >= this.text.length;
  }

  /** Between `min` and `max` ASCII digits as a number, or undefined when fewer than `min`. */
  digits(min: number, max: number): number | undefined {
    const start = this.at;
    while (this.at - start < max && isDigitChar(this.peek())) this.at++;
    if (this.at - start < min) return undefined;
    return Number(this.text.slice(start, this.at));
  }
}
