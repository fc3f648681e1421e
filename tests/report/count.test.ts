// Counts in every message: singular for one, digits grouped as the rule table groups them, whatever the locale.
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/report/count.ts';

describe('formatCount', () => {
  it('says 1 file, 0 files, 15,029 files', () => {
    expect(formatCount(1, 'file')).toBe('1 file');
    expect(formatCount(0, 'file')).toBe('0 files');
    expect(formatCount(15029, 'file')).toBe('15,029 files');
    expect(formatCount(1_234_567, 'warning')).toBe('1,234,567 warnings');
  });
});
