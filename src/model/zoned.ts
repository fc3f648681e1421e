/**
 * Wall-clock times and instants in IANA time zones without Temporal's per-call overhead, for the code that
 * runs once per article (reading a wire or front-matter time, timing a new version). temporal-polyfill
 * reads a zone's offsets from `Intl.DateTimeFormat`; here the same formatter (same locale and options)
 * is asked directly, and wall times are resolved with the polyfill's own steps, so every result equals
 * Temporal's (tests/read/zoned.test.ts compares them on random instants, zones and DST transitions).
 * Only instants between 1700 and 9998 are handled: callers fall back to Temporal outside that span (where
 * the polyfill clamps its samples to 1653, and where years need more than four digits). Temporal is still
 * asked once per zone name whether it is a zone, so both accept the same names.
 */
import { Temporal } from 'temporal-polyfill';

/** A wall-clock time: calendar date and time of day, without a zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY = 86_400;
/** The span handled here, in epoch seconds: 1700-01-01 to 9999-01-01 (UTC). */
const FIRST = Date.UTC(1700, 0, 1) / 1000;
const LAST = Date.UTC(9999, 0, 1) / 1000;

/** Days in a month of the proleptic Gregorian (ISO 8601) calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether the fields name a real ISO date and time, as `Temporal.PlainDateTime.from(…, { overflow:
 * 'reject' })` decides for integer fields (seconds 0–59: a leap second is not a wall time).
 */
export function isRealWallClock(wall: WallClock): boolean {
  const { year, month, day, hour, minute, second } = wall;
  if (![year, month, day, hour, minute, second].every(Number.isSafeInteger)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

/** The wall time as seconds since 1970-01-01T00:00, read as if it were UTC ("local seconds"). */
export function toLocalSeconds(wall: WallClock): number {
  const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (wall.year >= 100 || wall.year < 0) return ms / 1000;
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes them as written.
  const date = new Date(ms);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return date.getTime() / 1000;
}

/** Whether `seconds` (epoch or local) lies in the span this module handles. */
export function isInZonedSpan(seconds: number): boolean {
  return seconds >= FIRST && seconds < LAST;
}

// One formatter per zone name, as temporal-polyfill keeps one (queryNamedTimeZoneRecord): same locale
// and options, so the offsets are computed from exactly the fields the polyfill reads.
const formatters = new Map<string, Intl.DateTimeFormat>();

function toFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Only the zones Temporal accepts (asked once per name): Intl also takes ICU's legacy names (`PST`,
    // `ACT`), which Temporal refuses with a RangeError, as this does then.
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    formatter = new Intl.DateTimeFormat('en-u-hc-h23', {
      calendar: 'iso8601',
      timeZone,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** A zone's offset from UTC in seconds at an instant (epoch seconds). */
export type OffsetLookup = (epochSeconds: number) => number;

/**
 * The offsets of `timeZone`, each instant asked of Intl once: resolving one wall time asks for the same
 * instants several times. Make one per question (it keeps every answer it gave). Throws a RangeError
 * for a zone Intl does not know.
 */
export function toOffsetLookup(timeZone: string): OffsetLookup {
  toFormatter(timeZone);
  const known = new Map<number, number>();
  return (epochSeconds) => {
    let offset = known.get(epochSeconds);
    if (offset === undefined) {
      offset = toOffsetSeconds(epochSeconds, timeZone);
      known.set(epochSeconds, offset);
    }
    return offset;
  };
}

/**
 * The offset of `timeZone` from UTC in seconds at the instant `epochSeconds` (an integer), from the wall
 * time `Intl.DateTimeFormat` shows for it. Throws a RangeError for a zone Intl does not know.
 */
export function toOffsetSeconds(epochSeconds: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of toFormatter(timeZone).formatToParts(epochSeconds * 1000)) {
    if (part.type !== 'literal' && part.type !== 'era') fields[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = fields;
  return toLocalSeconds({ year, month, day, hour, minute, second }) - epochSeconds;
}

/**
 * The instants whose wall time is `local` (local seconds) in the zone of `offsets`, earlier first: one,
 * two in an overlap, none in a gap. temporal-polyfill's steps (IntlTimeZone's possible instants): the
 * offsets a day before and a day after decide, and between them the offset at each candidate.
 */
function toPossibleInstants(local: number, offsets: OffsetLookup): number[] {
  const before = offsets(local - DAY);
  const after = offsets(local + DAY);
  if (before === after) return [local - before];
  const near = offsets(local - before);
  if (near === offsets(local - after)) return [local - near];
  return before > after ? [local - before, local - after] : [];
}

/**
 * The instant (epoch seconds) Temporal gives for the wall time `local` (local seconds) in the zone of
 * `offsets` with disambiguation 'earlier' or 'later' (temporal-polyfill's getSingleInstantFor): in an
 * overlap the first or the second; in a gap the wall time moved back or forward by the gap's length.
 * Undefined when Temporal would throw (a gap longer than a day) or nothing is found.
 */
export function toZonedInstant(local: number, offsets: OffsetLookup, disambiguation: 'earlier' | 'later'): number | undefined {
  const possible = toPossibleInstants(local, offsets);
  if (possible.length === 1) return possible[0];
  if (possible.length > 1) return possible[disambiguation === 'later' ? 1 : 0];
  const gap = offsets(local + DAY) - offsets(local - DAY);
  if (gap > DAY) return undefined;
  const shifted = toPossibleInstants(local + (disambiguation === 'earlier' ? -gap : gap), offsets);
  return disambiguation === 'earlier' ? shifted[0] : shifted.at(-1);
}

/**
 * The instant as RFC 3339 in the zone of `offsets`, to the second, exactly as Temporal writes
 * `instant.toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never', smallestUnit: 'second' })`:
 * the wall time in the zone's exact offset, then that offset rounded to the minute, half away from zero
 * (an LMT offset of +08:05:43 is written +08:06).
 */
export function formatZonedSeconds(epochSeconds: number, offsets: OffsetLookup): string {
  const offset = offsets(epochSeconds);
  return `${formatLocalSeconds(epochSeconds + offset)}${formatOffsetMinutes(Math.sign(offset) * Math.round(Math.abs(offset) / 60))}`;
}

/** Local seconds as `YYYY-MM-DDTHH:MM:SS` (four-digit years, as Temporal writes years 0–9999). */
export function formatLocalSeconds(local: number): string {
  // toISOString is exact for whole seconds (an integer number of milliseconds) and writes four digits for years 0–9999.
  return new Date(local * 1000).toISOString().slice(0, 19);
}

function formatOffsetMinutes(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
