import { describe, expect, it } from 'vitest';
import { toBuildTime } from '../src/commands/build.ts';

const clock = () => new Date('2030-01-02T03:04:05.678Z');
const noClock = () => {
  throw new Error('the clock must not be read');
};

describe('toBuildTime (the only source of "now")', () => {
  it('takes --now first, keeping its offset', () => {
    expect(toBuildTime('2024-09-05T12:00:00+08:00', '0', noClock)).toEqual({ ok: true, value: '2024-09-05T12:00:00+08:00' });
  });

  it('then SOURCE_DATE_EPOCH (seconds since 1970, as UTC)', () => {
    expect(toBuildTime(undefined, '1725455000', noClock)).toEqual({ ok: true, value: '2024-09-04T13:03:20Z' });
  });

  it('then the clock, to whole seconds', () => {
    expect(toBuildTime(undefined, undefined, clock)).toEqual({ ok: true, value: '2030-01-02T03:04:05Z' });
    expect(toBuildTime(undefined, '', clock)).toEqual({ ok: true, value: '2030-01-02T03:04:05Z' });
  });

  it.each(['2024-09-05', '2024-09-05T12:00:00', 'now', '2024-13-45T99:00:00Z'])('refuses --now %s', (flag) => {
    expect(toBuildTime(flag, undefined, noClock)).toMatchObject({ ok: false });
  });

  it.each(['-1', '1.5', 'abc'])('refuses SOURCE_DATE_EPOCH %s', (epoch) => {
    expect(toBuildTime(undefined, epoch, noClock)).toMatchObject({ ok: false });
  });
});
