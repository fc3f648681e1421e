import { describe, expect, it } from 'vitest';
import { readByline, toUniqueNames } from '../../src/read/byline.ts';
import { BYLINES, LEDES } from './byline-cases.ts';

describe('readByline', () => {
  it.each(LEDES)('leaves a sentence that starts with "By" alone: %s', (text) => {
    expect(readByline(text)).toBeUndefined();
  });

  it.each(BYLINES)('recognises $text', ({ text, names, place }) => {
    expect(readByline(text)).toEqual(place === undefined ? { names } : { names, place });
  });

  it('needs "By" and a space at the start, in title or upper case', () => {
    expect(readByline('by Zhang Wei')).toBeUndefined();
    expect(readByline('Bylines are short')).toBeUndefined();
    expect(readByline('Zhang Wei')).toBeUndefined();
    expect(readByline('By')).toBeUndefined();
    expect(readByline('By  Zhang Wei')).toEqual({ names: ['Zhang Wei'] });
  });

  it('refuses digits, sentence punctuation, a trailing period and lower-case words that are no particle', () => {
    for (const text of ['By Zhang Wei 2', 'By Zhang Wei; Li Na', 'By Zhang Wei: Beijing', 'By "Zhang Wei"', 'By Zhang Wei (Beijing)', 'By Zhang wei', 'By de Gaulle', 'By Ludwig van']) {
      expect(readByline(text), text).toBeUndefined();
    }
  });

  it('keeps to a short line: at most 10 names of at most 7 words, a place of at most 4', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `Name ${'ABCDEFGHIJKLMNOP'[i]}`).join(', ');
    expect(readByline(`By ${names(10)}`)?.names).toHaveLength(10);
    expect(readByline(`By ${names(11)}`)).toBeUndefined();
    expect(readByline('By Aa Bb Cc Dd Ee Ff Gg')?.names).toEqual(['Aa Bb Cc Dd Ee Ff Gg']);
    expect(readByline('By Aa Bb Cc Dd Ee Ff Gg Hh')).toBeUndefined();
    // A place that is no place stays part of what is judged as a name (and fails there).
    expect(readByline('By Zhang Wei in the capital')).toBeUndefined();
    expect(readByline('By Zhang Wei in Aa Bb Cc Dd Ee')).toBeUndefined();
    expect(readByline(`By ${'Abcdefghij '.repeat(20).trim()}`)).toBeUndefined();
  });

  it('reads "in" as the place only at the end of the last name', () => {
    expect(readByline('By Zhang Wei in Beijing and Li Na')).toBeUndefined();
    expect(readByline('By Li Na in Hong Kong')).toEqual({ names: ['Li Na'], place: 'Hong Kong' });
  });
});

describe('toUniqueNames', () => {
  it('keeps the first of each name and lists the repeated ones once', () => {
    expect(toUniqueNames(['A', 'B', 'A', 'A'])).toEqual({ names: ['A', 'B'], repeated: ['A'] });
    expect(toUniqueNames(['A', 'B'])).toEqual({ names: ['A', 'B'], repeated: [] });
  });
});
