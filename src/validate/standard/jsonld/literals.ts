/**
 * The literal kinds schema.org's data types name (Date, DateTime, Time, Number, Integer, Boolean, URL),
 * recognised in the strings and numbers JSON-LD carries. Each pattern is anchored and built from
 * fixed-width or single-quantifier parts, so none backtracks on long input.
 */

/** What an ISO 8601 date or date-time string gives. */
export interface IsoDate {
  /** True when a time of day is given. */
  readonly hasTime: boolean;
  /** True when a UTC offset (`Z`, `+08:00`) is given. */
  readonly hasZone: boolean;
  /** True for a complete calendar date (year, month and day). */
  readonly completeDate: boolean;
}

// ISO 8601 extended format, as schema.org writes it ([-]CCYY-MM-DDThh:mm:ss[Z|(+|-)hh:mm]): reduced
// precision (year, year-month), optional seconds and fraction, offsets as Z, ±hh, ±hhmm or ±hh:mm.
const ISO_DATE = /^([+-]?\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?)?)?)?$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = new Set(['true', 'false', 'True', 'False', 'https://schema.org/True', 'https://schema.org/False', 'http://schema.org/True', 'http://schema.org/False']);

/** The ISO 8601 date or date-time `text` is, or undefined when it is neither (or names an impossible day or time). */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, zone, zoneHour, zoneMinute] = match;
  if (month !== undefined && !inRange(month, 1, 12)) return undefined;
  if (day !== undefined && !inRange(day, 1, daysIn(Number(year), Number(month)))) return undefined;
  if (hour !== undefined && !validTime(hour, minute, second)) return undefined;
  if (zoneHour !== undefined && (!inRange(zoneHour, 0, 23) || (zoneMinute !== undefined && !inRange(zoneMinute, 0, 59)))) return undefined;
  return { hasTime: hour !== undefined, hasZone: zone !== undefined, completeDate: day !== undefined };
}

/** True for an ISO 8601 time of day (`hh:mm[:ss[.f]][zone]`), as schema.org's Time. */
export function isIsoTime(text: string): boolean {
  const match = ISO_TIME.exec(text);
  if (match === null) return false;
  const [, hour, minute, second, , zoneHour, zoneMinute] = match;
  return validTime(hour, minute, second) && (zoneHour === undefined || inRange(zoneHour, 0, 23)) && (zoneMinute === undefined || inRange(zoneMinute, 0, 59));
}

/** True for a number written as text (`"42"`, `"-1.5e3"`), as schema.org's Number accepts. */
export function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim());
}

/** True for schema.org's Boolean as text (`True`, `False`, their schema.org URLs, and JSON's spellings). */
export function isBooleanText(text: string): boolean {
  return BOOLEAN.has(text.trim());
}

/** True when `text` can be a URL: absolute, or a reference resolved against the page (no spaces or controls). */
export function isUrlText(text: string): boolean {
  if (text.length === 0 || hasSpaceOrControl(text)) return false;
  return URL.canParse(text, 'https://base.invalid/');
}

/** True for an absolute http or https URL, which a crawler can fetch. */
export function isCrawlableUrl(text: string): boolean {
  if (hasSpaceOrControl(text) || !URL.canParse(text)) return false;
  const protocol = new URL(text).protocol;
  return protocol === 'http:' || protocol === 'https:';
}

/** True when `text` has a URL scheme (`https:`, `data:`), so is not a relative reference. */
export function hasScheme(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text);
}

function hasSpaceOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return true;
  }
  return false;
}

function validTime(hour: string | undefined, minute: string | undefined, second: string | undefined): boolean {
  // ISO 8601 §4.2.3: 24:00 ends a day; seconds run to 60 for a leap second.
  if (hour === '24') return minute === '00' && (second === undefined || second === '00');
  return inRange(hour, 0, 23) && inRange(minute, 0, 59) && (second === undefined || inRange(second, 0, 60));
}

function inRange(digits: string | undefined, low: number, high: number): boolean {
  const n = Number(digits);
  return digits !== undefined && n >= low && n <= high;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
