/**
 * Dates in feeds: RFC 822 (RSS, as amended by RFC 1123 and read by the W3C Feed Validation Service:
 * `validators.py` rfc822), RFC 3339 (Atom), and W3C-DTF / ISO 8601 (Dublin Core and other extensions).
 */

/** The verdict on an RFC 822 date. */
export type Rfc822Verdict =
  /** RFC 2822 §3.3 as readers expect it: 4-digit year, numeric or named zone. */
  | { readonly kind: 'valid'; readonly time: number | undefined }
  /** Legal RFC 822 but a form readers mishandle (2-digit year, military zone, comments, no comma space). */
  | { readonly kind: 'problematic' }
  /** Not a date-time at all. */
  | { readonly kind: 'invalid' }
  /** The named day does not exist (31 February). */
  | { readonly kind: 'impossible'; readonly reason: string }
  /** The day of the week does not match the date. */
  | { readonly kind: 'wrong-weekday'; readonly expected: string };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONES: Readonly<Record<string, number>> = { UT: 0, GMT: 0, Z: 0, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };

// RFC 2822 §3.3 with RFC 822's named zones, single spaces and an optional seconds field (W3C rfc2822_re).
const STRICT_822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d\d?) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d)(?::(\d\d))? ([+-]?\d\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$/;
// RFC 822 §5.1 itself, case-insensitive, any white space, 2-digit years and military zones (W3C rfc822_re).
const LOOSE_822 = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)\s*,\s*)?\d\d?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+\d\d(?:\d\d)?\s+\d\d:\d\d(?::\d\d)?\s+(?:[+-]\d{4}|ut|gmt|est|edt|cst|cdt|mst|mdt|pst|pdt|[a-ik-z])?$/;

/** Reads an RSS date (RFC 822 §5, RSS 2.0 "Elements of <item>"). */
export function checkRfc822(value: string): Rfc822Verdict {
  const m = STRICT_822.exec(value);
  if (m) {
    const [, weekday, dayText, monthText, yearText, hourText, minuteText, secondText, zone] = m as unknown as string[];
    const year = Number(yearText);
    const month = MONTHS.indexOf(monthText as string);
    const day = Number(dayText);
    if (!isRealDate(year, month + 1, day)) return { kind: 'impossible', reason: `${monthText} ${year} has no day ${day}` };
    const expected = DAYS[new Date(Date.UTC(year, month, day)).getUTCDay()] as string;
    if (weekday !== undefined && weekday !== expected) return { kind: 'wrong-weekday', expected };
    const offset = zoneOffsetMinutes(zone as string);
    const time = Date.UTC(year, month, day, Number(hourText), Number(minuteText), Number(secondText ?? 0)) - offset * 60_000;
    return { kind: 'valid', time: Number.isFinite(time) ? time : undefined };
  }
  return LOOSE_822.test(withoutComments(value).trim().toLowerCase()) ? { kind: 'problematic' } : { kind: 'invalid' };
}

/** RFC 822 §3.4.3: comments in parentheses (nested, with quoted pairs) read as white space. */
function withoutComments(value: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0) out += ' ';
    } else if (depth === 0) out += c;
  }
  return out;
}

function zoneOffsetMinutes(zone: string): number {
  const named = ZONES[zone];
  if (named !== undefined) return named * 60;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/^[+-]/, '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** How much of ISO 8601 a date may use. */
export type IsoProfile =
  /** RFC 3339 §5.6 date-time: full date, time with seconds, and a zone (Atom). */
  | 'rfc3339'
  /** W3C-DTF: a year, month or day, or a date-time with minutes and a zone (Dublin Core). */
  | 'w3cdtf'
  /** ISO 8601 as W3C-DTF but the zone optional. */
  | 'iso8601';

/** The verdict on an ISO 8601 date: undefined when valid, else why not. */
export type IsoVerdict = { readonly valid: true; readonly time: number | undefined } | { readonly valid: false; readonly reason?: string | undefined };

const PATTERNS: Readonly<Record<IsoProfile, RegExp>> = {
  rfc3339: /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d(?:\.\d*)?)(Z|[+-]\d\d:\d\d)$/,
  w3cdtf: /^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d*)?))?(Z|[+-]\d\d:\d\d))?)?)?$/,
  iso8601: /^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d*)?))?(Z|[+-]\d\d:\d\d)?)?)?)?$/,
};

/** Reads `value` as an ISO 8601 date of `profile`: its syntax, then the date and time fields' ranges. */
export function checkIsoDate(value: string, profile: IsoProfile): IsoVerdict {
  const m = PATTERNS[profile].exec(value);
  if (!m) return { valid: false };
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, zone] = m;
  const year = Number(yearText);
  if (monthText !== undefined && dayText !== undefined && !isRealDate(year, Number(monthText), Number(dayText))) {
    return { valid: false, reason: `there is no day ${dayText} in month ${monthText} of ${yearText}` };
  }
  if (monthText !== undefined && (Number(monthText) < 1 || Number(monthText) > 12)) return { valid: false, reason: `there is no month ${monthText}` };
  // Leap seconds make 60 a legal second (RFC 3339 §5.7); the W3C validator also lets minute 60 pass.
  if (hourText !== undefined && Number(hourText) > 23) return { valid: false, reason: `there is no hour ${hourText}` };
  if (minuteText !== undefined && Number(minuteText) > 60) return { valid: false, reason: `there is no minute ${minuteText}` };
  if (secondText !== undefined && Number(secondText) > 60) return { valid: false, reason: `there is no second ${secondText}` };
  let offset = 0;
  if (zone !== undefined && zone !== 'Z') offset = (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const time = Date.UTC(year, Number(monthText ?? 1) - 1, Number(dayText ?? 1), Number(hourText ?? 0), Number(minuteText ?? 0), Math.floor(Number(secondText ?? 0))) - offset * 60_000;
  return { valid: true, time: Number.isFinite(time) ? time : undefined };
}

const EARLIEST = Date.UTC(1990, 0, 1);

/** True for a time before 1990 or more than ten minutes ahead of `now` (W3C ImplausibleDate). */
export function isImplausible(time: number | undefined, now: number): boolean {
  return time === undefined || time < EARLIEST || time > now + 600_000;
}
