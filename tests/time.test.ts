import { describe, expect, it } from 'vitest';
import { toInstant, toRfc822Instant } from '../src/model/time.ts';

describe('instants never depend on the machine time zone', () => {
  it('reads RFC 3339 only with an explicit offset', () => {
    expect(toInstant('2024-09-04T21:03:00+08:00')).toBe(Date.UTC(2024, 8, 4, 13, 3));
    expect(toInstant(' 2024-09-04T13:03:00Z ')).toBe(Date.UTC(2024, 8, 4, 13, 3));
    expect(toInstant('2024-09-04T13:03:00.250Z')).toBe(Date.UTC(2024, 8, 4, 13, 3, 0, 250));
    expect(toInstant('2024-09-04T21:03:00')).toBeUndefined();
    expect(toInstant('2024-09-04')).toBeUndefined();
  });

  it('reads RFC 822 only with a named or numeric zone', () => {
    expect(toRfc822Instant('Wed, 04 Sep 2024 13:03:00 GMT')).toBe(Date.UTC(2024, 8, 4, 13, 3));
    expect(toRfc822Instant('Wed, 04 Sep 2024 21:03:00 +0800')).toBe(Date.UTC(2024, 8, 4, 13, 3));
    expect(toRfc822Instant('Wed, 04 Sep 2024 13:03:00')).toBeUndefined();
  });
});
