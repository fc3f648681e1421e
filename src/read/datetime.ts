import { Temporal } from 'temporal-polyfill';
import { daysInMonth, formatLocalSeconds, formatZonedSeconds, isInZonedSpan, isRealWallClock, toLocalSeconds, toOffsetLookup, toZonedInstant } from '../model/zoned.ts';
import { toOneSpaced } from './spaces.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A wall-clock time as printed in wire copy, before a time zone is applied. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Seconds, when the source writes them (wire copy never does). */
  second?: number;
}

/** Outcome of resolving a wall time in a zone: the RFC 3339 value, and a note when the zone made it ambiguous. */
export type ZonedResult =
  | {
      ok: true;
      value: string;
      /**
       * Set when the zone made the wall time ambiguous or non-existent: what was chosen (the caller adds
       * how to say otherwise in its format), and for an overlap the other instant the time could mean.
       */
      note?: { ruleId: 'ambiguous-local-time' | 'nonexistent-local-time'; message: string; alternative?: string };
    }
  | { ok: false; ruleId: 'impossible-date' | 'missing-time-zone'; message: string };

/**
 * Parses the wire-copy timestamp format `Sep 04, 2024 09:03 PM` (also full month names and
 * 24-hour `21:03`). Returns undefined when the text is not in that shape at all.
 */
export function parseWireTime(text: string): WallTime | undefined {
  // The spaces of a date are layout: a no-break space or a double space pasted into it still reads (docs/text.md).
  const m = /^([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2})(?: ?([AaPp])\.?[Mm]\.?)?$/.exec(toOneSpaced(text));
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return undefined;
  let hour = Number(m[4]);
  const meridiem = m[6]?.toLowerCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return { year: Number(m[3]), month, day: Number(m[2]), hour, minute: Number(m[5]) };
}

/**
 * Resolves a wall time in an IANA zone to RFC 3339 with that zone's offset. Impossible calendar
 * values (Sep 31, 25:00) are refused. In a DST gap the time is moved forward (as clocks were) and in
 * an overlap the earlier offset is chosen; both cases return a note saying which offset was used.
 */
export function toZonedRfc3339(wall: WallTime, timeZone: string | undefined): ZonedResult {
  const clock = { ...wall, second: wall.second ?? 0 };
  const plainChecked = [wall.year, wall.month, wall.day, wall.hour, wall.minute, clock.second].every(Number.isSafeInteger);
  if (plainChecked ? !isRealWallClock(clock) : !isTemporalWallTime(clock)) {
    const seconds = wall.second === undefined ? '' : `:${pad(wall.second)}`;
    const stamp = `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}${seconds}`;
    return { ok: false, ruleId: 'impossible-date', message: `${stamp} is not a real date and time (${whyImpossible(wall)}); correct it` };
  }
  if (timeZone === undefined) {
    // No default zone: a wrong guess would misdate every story, so the time is refused where it is written.
    const seconds = wall.second === undefined ? '' : `:${pad(wall.second)}`;
    const stamp = `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}${seconds}`;
    return {
      ok: false,
      ruleId: 'missing-time-zone',
      message: `${stamp} has no UTC offset and site.json has no "timeZone" to read it in; add the zone the newsroom's clocks show to site.json, e.g. "timeZone": "Europe/London"`,
    };
  }
  const resolved = (plainChecked ? resolveWithIntl(clock, timeZone) : undefined) ?? resolveWithTemporal(clock, timeZone);
  if (resolved.later === undefined) return { ok: true, value: resolved.value };
  const plain = resolved.plain;
  if (resolved.later === 'none') {
    return {
      ok: true,
      value: resolved.value,
      note: {
        ruleId: 'nonexistent-local-time',
        message: `${plain} does not exist in ${timeZone} (clocks jumped forward); read as ${resolved.value}`,
      },
    };
  }
  return {
    ok: true,
    value: resolved.value,
    note: {
      ruleId: 'ambiguous-local-time',
      message: `${plain} happens twice in ${timeZone} (clocks went back); read as the earlier ${resolved.value}, not the later ${resolved.later}`,
      alternative: resolved.later,
    },
  };
}

/**
 * A real wall time resolved in a zone: the RFC 3339 value chosen, the wall time as written in notes
 * (`2024-03-10T02:30:00`), and what else it could mean: the later instant of an overlap, `'none'` in a
 * gap, undefined when the wall time names exactly one instant.
 */
interface Resolved {
  value: string;
  plain: string;
  later?: string | 'none';
}

/**
 * The wall time's possible instants as Temporal finds them with disambiguation 'earlier' and 'later', each
 * kept only when it really shows that wall time (so none in a gap, two in an overlap); the chosen one is
 * what disambiguation 'compatible' gives: the earlier instant in an overlap, the later in a gap.
 */
function resolveWithTemporal(wall: Required<WallTime>, timeZone: string): Resolved {
  const plain = Temporal.PlainDateTime.from(wall, { overflow: 'reject' });
  const candidates: Temporal.ZonedDateTime[] = [];
  for (const disambiguation of ['earlier', 'later'] as const) {
    const z = plain.toZonedDateTime(timeZone, { disambiguation });
    if (z.toPlainDateTime().equals(plain) && !candidates.some((f) => f.equals(z))) candidates.push(z);
  }
  // Without a third conversion: outside gaps and overlaps both candidates are the same instant.
  const chosen = candidates.length === 0 ? plain.toZonedDateTime(timeZone, { disambiguation: 'later' }) : candidates[0]!;
  const value = chosen.toString({ timeZoneName: 'never', smallestUnit: 'second' });
  const later = candidates.length === 0 ? 'none' : candidates[1]?.toString({ timeZoneName: 'never', smallestUnit: 'second' });
  return { value, plain: plain.toString(), ...(later !== undefined ? { later } : {}) };
}

/**
 * {@link resolveWithTemporal}'s answer computed with Intl and plain arithmetic ({@link toZonedInstant}, the
 * polyfill's own steps), two to three times cheaper; undefined outside the span src/model/zoned.ts handles
 * or for a zone Intl does not know, where Temporal answers (or throws) as before.
 */
function resolveWithIntl(wall: Required<WallTime>, timeZone: string): Resolved | undefined {
  const local = toLocalSeconds(wall);
  if (!isInZonedSpan(local)) return undefined;
  try {
    const offsets = toOffsetLookup(timeZone);
    const candidates: number[] = [];
    for (const disambiguation of ['earlier', 'later'] as const) {
      const instant = toZonedInstant(local, offsets, disambiguation);
      if (instant === undefined) return undefined;
      if (instant + offsets(instant) === local && !candidates.includes(instant)) candidates.push(instant);
    }
    const chosen = candidates[0] ?? toZonedInstant(local, offsets, 'later');
    if (chosen === undefined) return undefined;
    const value = formatZonedSeconds(chosen, offsets);
    const second = candidates[1];
    const later = candidates.length === 0 ? 'none' : second !== undefined ? formatZonedSeconds(second, offsets) : undefined;
    return { value, plain: formatLocalSeconds(local), ...(later !== undefined ? { later } : {}) };
  } catch {
    return undefined;
  }
}

/** Whether Temporal takes the fields as a real date and time (fields that are not all integers). */
function isTemporalWallTime(wall: Required<WallTime>): boolean {
  try {
    Temporal.PlainDateTime.from(wall, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** RFC 3339 with offset (seconds optional, fractions accepted), or a local ISO-like time without offset. */
const FRONT_MATTER_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a front-matter time in the publication's zone. Two forms:
 *
 * - with an offset, RFC 3339 §5.6 (`2024-09-04T21:03:00+08:00`, `2024-09-04T13:03:00Z`; seconds may be
 *   left out, fractions are dropped): the instant is kept and written with the publication's offset at
 *   that instant, so every date of a publication carries its zone, as wire copy's do;
 * - without an offset (`2024-09-04T21:03`, `2024-09-04 21:03:05`): a wall-clock time read in the zone
 *   exactly like a wire-copy time, DST gaps and overlaps included ({@link toZonedRfc3339}).
 *
 * Returns undefined when the text has neither form.
 */
export function toFrontMatterRfc3339(text: string, timeZone: string | undefined): ZonedResult | undefined {
  const m = FRONT_MATTER_TIME.exec(text.trim());
  if (!m) return undefined;
  const wall: WallTime = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
  if (m[6] !== undefined) wall.second = Number(m[6]);
  const offset = m[8];
  if (offset === undefined) return toZonedRfc3339(wall, timeZone);
  // A time with its offset needs no zone to be read; without a site zone it is written in UTC.
  timeZone ??= 'UTC';
  const impossible: ZonedResult = { ok: false, ruleId: 'impossible-date', message: `${text.trim()} is not a real date and time with a valid offset; correct it` };
  // The calendar is checked on its own (Sep 31, 25:00), then the offset, so both give impossible-date.
  const clock = { ...wall, second: wall.second ?? 0 };
  if (!isRealWallClock(clock)) return impossible;
  const offsetMatch = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (offsetMatch && (Number(offsetMatch[2]) > 23 || Number(offsetMatch[3]) > 59)) return impossible;
  // The instant, then its wall time in the publication's zone. Plain arithmetic is exact for a fixed
  // offset (RFC 3339 §4.2: local time = UTC + offset); only the zone's offset needs its rules.
  const offsetSeconds = offsetMatch ? (offsetMatch[1] === '-' ? -1 : 1) * (Number(offsetMatch[2]) * 3600 + Number(offsetMatch[3]) * 60) : 0;
  const instant = toLocalSeconds(clock) - offsetSeconds;
  if (isInZonedSpan(instant)) {
    try {
      return { ok: true, value: formatZonedSeconds(instant, toOffsetLookup(timeZone)) };
    } catch {
      // A zone Intl does not know: Temporal answers (or throws) as before.
    }
  }
  const stamp = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${offset.toUpperCase() === 'Z' ? 'Z' : offset}`;
  let temporal: Temporal.Instant;
  try {
    temporal = Temporal.Instant.from(stamp);
  } catch {
    return impossible;
  }
  return { ok: true, value: temporal.toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never', smallestUnit: 'second' }) };
}

/** Calendar date parts of an RFC 3339 value as written (in its own offset, not the machine's zone). */
export function datePartsOf(rfc3339: string): { yyyy: string; mm: string; dd: string } {
  return { yyyy: rfc3339.slice(0, 4), mm: rfc3339.slice(5, 7), dd: rfc3339.slice(8, 10) };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Which part of a wall time is out of range, in words (`September has 30 days`). */
function whyImpossible(wall: WallTime): string {
  if (wall.month < 1 || wall.month > 12) return `there is no month ${wall.month}`;
  const days = daysInMonth(wall.year, wall.month);
  const name = MONTH_NAMES[wall.month - 1];
  if (wall.day < 1 || wall.day > days) return `${name} ${wall.year} has ${days} days`;
  if (wall.hour > 23) return 'hours go from 00 to 23';
  if (wall.minute > 59) return 'minutes go from 00 to 59';
  return 'seconds go from 00 to 59';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
