import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { daysInMonth, formatZonedSeconds, isRealWallClock, toOffsetLookup, toOffsetSeconds, toZonedInstant } from '../../src/model/zoned.ts';
import { toZoned } from '../../src/pipeline/revision.ts';
import { toFrontMatterRfc3339, toZonedRfc3339, type WallTime, type ZonedResult } from '../../src/read/datetime.ts';
import { PARAMS } from '../helpers/arbitraries.ts';

/**
 * The plain date code (src/model/zoned.ts, and what src/read/datetime.ts and src/pipeline/revision.ts do
 * with it) against Temporal, which it replaced on the per-article path: every zone Node knows, random
 * instants from 1700 to 9998, wall times on both sides of and inside DST gaps and overlaps, and years
 * outside that span (where the code hands over to Temporal). The references below are the Temporal code
 * the readers ran before.
 */

const ALL_ZONES = Intl.supportedValuesOf('timeZone');
const zone = fc.oneof(fc.constantFrom(...ALL_ZONES), fc.constantFrom('UTC', 'Etc/GMT-14', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'Africa/Casablanca', 'Pacific/Apia', 'America/Caracas', 'Antarctica/Troll'));
const SECONDS = { min: Date.UTC(1700, 0, 1) / 1000, max: Date.UTC(9998, 11, 31) / 1000 };
const RECENT = { min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 };
const instant = fc.oneof(fc.integer(SECONDS), fc.integer(RECENT), fc.integer(RECENT));
const RUNS = { ...PARAMS, numRuns: 4000 };

const zonedOf = (seconds: number, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(seconds * 1000).toZonedDateTimeISO(timeZone);
const written = (z: Temporal.ZonedDateTime) => z.toString({ timeZoneName: 'never', smallestUnit: 'second' });

/** A wall time at or near one of the zone's transitions (the gap or overlap itself, or just either side), else a random one. */
const nearTransition = fc
  .record({ timeZone: zone, seconds: fc.integer(RECENT), shift: fc.integer({ min: -7200, max: 7200 }), step: fc.constantFrom(0, 1, 60, 900, 1800, 3600) })
  .map(({ timeZone, seconds, shift, step }) => {
    const next = zonedOf(seconds, timeZone).getTimeZoneTransition('next') ?? zonedOf(seconds, timeZone);
    // Wall-clock arithmetic from the wall time shown at the transition, or just before it: lands in gaps and overlaps.
    const from = shift % 2 === 0 ? next.toPlainDateTime() : next.subtract({ seconds: 1 }).toPlainDateTime();
    const pick = from.add({ seconds: step === 0 ? shift : Math.round(shift / step) * step });
    return { timeZone, wall: { year: pick.year, month: pick.month, day: pick.day, hour: pick.hour, minute: pick.minute, second: pick.second } };
  });

/** The readers' former Temporal code for a wall time (src/read/datetime.ts before it used src/model/zoned.ts). */
function referenceZoned(wall: WallTime, timeZone: string): ZonedResult {
  let plain: Temporal.PlainDateTime;
  try {
    plain = Temporal.PlainDateTime.from({ ...wall, second: wall.second ?? 0 }, { overflow: 'reject' });
  } catch {
    return { ok: false, ruleId: 'impossible-date', message: 'n/a' };
  }
  const candidates: Temporal.ZonedDateTime[] = [];
  for (const disambiguation of ['earlier', 'later'] as const) {
    const z = plain.toZonedDateTime(timeZone, { disambiguation });
    if (z.toPlainDateTime().equals(plain) && !candidates.some((f) => f.equals(z))) candidates.push(z);
  }
  const chosen = candidates.length === 0 ? plain.toZonedDateTime(timeZone, { disambiguation: 'later' }) : candidates[0]!;
  const value = written(chosen);
  if (candidates.length === 1) return { ok: true, value };
  if (candidates.length === 0) {
    return { ok: true, value, note: { ruleId: 'nonexistent-local-time', message: `${plain.toString()} does not exist in ${timeZone} (clocks jumped forward); read as ${value}` } };
  }
  const later = written(candidates[1]!);
  return {
    ok: true,
    value,
    note: { ruleId: 'ambiguous-local-time', message: `${plain.toString()} happens twice in ${timeZone} (clocks went back); read as the earlier ${value}, not the later ${later}`, alternative: later },
  };
}

/** The impossible-date message is compared separately (it names the wrong field); everything else must match exactly. */
function comparable(result: ZonedResult): ZonedResult {
  return result.ok ? result : { ...result, message: 'n/a' };
}

describe('src/model/zoned.ts against Temporal', () => {
  it('property: the offset at an instant, in every zone', () => {
    fc.assert(
      fc.property(instant, zone, (seconds, timeZone) => {
        expect(toOffsetSeconds(seconds, timeZone)).toBe(zonedOf(seconds, timeZone).offsetNanoseconds / 1e9);
      }),
      RUNS,
    );
  });

  it('property: an instant written in a zone (offset rounded to the minute as Temporal writes it)', () => {
    fc.assert(
      fc.property(instant, zone, (seconds, timeZone) => {
        expect(formatZonedSeconds(seconds, toOffsetLookup(timeZone))).toBe(written(zonedOf(seconds, timeZone)));
      }),
      RUNS,
    );
  });

  it('writes LMT offsets rounded half away from zero, as Temporal does', () => {
    const amsterdam1850 = Date.UTC(1850, 0, 1) / 1000;
    expect(formatZonedSeconds(amsterdam1850, toOffsetLookup('Europe/Amsterdam'))).toBe('1850-01-01T00:17:30+00:18');
    expect(formatZonedSeconds(amsterdam1850, toOffsetLookup('Africa/Monrovia'))).toBe(written(zonedOf(amsterdam1850, 'Africa/Monrovia')));
    expect(formatZonedSeconds(Date.UTC(1900, 0, 1) / 1000, toOffsetLookup('Asia/Shanghai'))).toBe('1900-01-01T08:05:43+08:06');
  });

  it('property: the instant of a wall time with disambiguation earlier and later, at and around transitions', () => {
    fc.assert(
      fc.property(nearTransition, ({ timeZone, wall }) => {
        const plain = Temporal.PlainDateTime.from(wall);
        const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) / 1000;
        for (const disambiguation of ['earlier', 'later'] as const) {
          expect(toZonedInstant(local, toOffsetLookup(timeZone), disambiguation)).toBe(plain.toZonedDateTime(timeZone, { disambiguation }).epochMilliseconds / 1000);
        }
      }),
      RUNS,
    );
  });

  it('knows the real dates and times, as Temporal does', () => {
    fc.assert(
      fc.property(
        fc.record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 0, max: 13 }), day: fc.integer({ min: 0, max: 32 }), hour: fc.integer({ min: 0, max: 25 }), minute: fc.integer({ min: 0, max: 61 }), second: fc.integer({ min: 0, max: 61 }) }),
        (wall) => {
          let real = true;
          try {
            Temporal.PlainDateTime.from(wall, { overflow: 'reject' });
          } catch {
            real = false;
          }
          expect(isRealWallClock(wall)).toBe(real);
          if (wall.month >= 1 && wall.month <= 12) expect(daysInMonth(wall.year, wall.month)).toBe(Temporal.PlainYearMonth.from({ year: wall.year, month: wall.month }).daysInMonth);
        },
      ),
      RUNS,
    );
  });
});

describe('the readers and the build read times exactly as with Temporal', () => {
  it('property: wire and local front-matter times (toZonedRfc3339), notes included, at and around transitions', () => {
    fc.assert(
      fc.property(nearTransition, fc.boolean(), ({ timeZone, wall }, withSeconds) => {
        const { second, ...minutes } = wall;
        const time: WallTime = withSeconds ? { ...minutes, second } : minutes;
        expect(comparable(toZonedRfc3339(time, timeZone))).toStrictEqual(referenceZoned(time, timeZone));
      }),
      RUNS,
    );
  });

  it('property: any wall time, also outside 1700–9998 and impossible ones', () => {
    fc.assert(
      fc.property(
        fc.record({ year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1690, max: 1710 }), fc.integer({ min: 9990, max: 9999 })), month: fc.integer({ min: 1, max: 13 }), day: fc.integer({ min: 1, max: 32 }), hour: fc.integer({ min: 0, max: 24 }), minute: fc.integer({ min: 0, max: 59 }) }),
        zone,
        (wall, timeZone) => {
          expect(comparable(toZonedRfc3339(wall, timeZone))).toStrictEqual(referenceZoned(wall, timeZone));
        },
      ),
      RUNS,
    );
  });

  it('accepts the zone names Temporal accepts, no more (Intl also takes ICU legacy names)', () => {
    const wall = { year: 2024, month: 9, day: 4, hour: 21, minute: 3 };
    for (const name of ['PST', 'ACT', 'GMT+8', 'Not/AZone']) {
      expect(() => toZonedRfc3339(wall, name), name).toThrow(RangeError);
      expect(() => toFrontMatterRfc3339('2024-09-04T21:03:00+08:00', name), name).toThrow(RangeError);
      expect(() => toZoned('2024-09-04T21:03:00+08:00', name), name).toThrow(RangeError);
    }
    for (const name of ['asia/shanghai', 'US/Pacific', 'EST5EDT', '+08:00', 'Etc/GMT+8', 'utc']) {
      expect(comparable(toZonedRfc3339(wall, name)), name).toStrictEqual(referenceZoned(wall, name));
      expect(toFrontMatterRfc3339('2024-09-04T21:03:00+08:00', name), name).toStrictEqual({ ok: true, value: written(Temporal.Instant.from('2024-09-04T21:03:00+08:00').toZonedDateTimeISO(name)) });
    }
  });

  it('explains an impossible date as before', () => {
    expect(toZonedRfc3339({ year: 2023, month: 2, day: 29, hour: 1, minute: 0 }, 'Asia/Shanghai')).toStrictEqual({
      ok: false,
      ruleId: 'impossible-date',
      message: '2023-02-29 01:00 is not a real date and time (February 2023 has 28 days); correct it',
    });
    expect(toZonedRfc3339({ year: 2024, month: 2, day: 29, hour: 1, minute: 0 }, 'Asia/Shanghai')).toStrictEqual({ ok: true, value: '2024-02-29T01:00:00+08:00' });
  });

  it('property: front-matter times with an offset, in any zone', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.constantFrom('Z', 'offset', '-00:00'),
        fc.boolean(),
        zone,
        (seconds, offsetMinutes, form, withSeconds, timeZone) => {
          const wholeMinute = withSeconds ? seconds : seconds - (((seconds % 60) + 60) % 60);
          const offset = form === 'Z' ? 'Z' : form === '-00:00' ? '-00:00' : `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`;
          const shift = form === 'offset' ? offsetMinutes * 60 : 0;
          const local = new Date((wholeMinute + shift) * 1000).toISOString().slice(0, withSeconds ? 19 : 16);
          const text = `${local}${offset}`;
          const expected = written(Temporal.Instant.from(text).toZonedDateTimeISO(timeZone));
          expect(toFrontMatterRfc3339(text, timeZone)).toStrictEqual({ ok: true, value: expected });
        },
      ),
      RUNS,
    );
  });

  it('property: the build time written in the publication zone (a new version\'s time)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), fc.constantFrom('', '.5', '.123456789'), zone, (seconds, offsetMinutes, fraction, timeZone) => {
        const sign = offsetMinutes < 0 ? '-' : '+';
        const offset = `${sign}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`;
        const now = `${new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19)}${fraction}${offsetMinutes === 0 && fraction === '' ? 'Z' : offset}`;
        expect(toZoned(now, timeZone)).toBe(written(Temporal.Instant.from(now).toZonedDateTimeISO(timeZone)));
      }),
      RUNS,
    );
    expect(toZoned('2024-12-31T12:00+08:00', 'America/New_York')).toBe('2024-12-30T23:00:00-05:00');
    expect(toZoned('0010-06-01T12:00:00Z', 'Europe/Paris')).toBe(written(Temporal.Instant.from('0010-06-01T12:00:00Z').toZonedDateTimeISO('Europe/Paris')));
    expect(() => toZoned('2024-12-31T12:00:00+08:00', 'Not/AZone')).toThrow(RangeError);
  });
});
