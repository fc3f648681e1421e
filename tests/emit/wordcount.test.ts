import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toWordCount } from '../../src/emit/jsonld.ts';
import { PARAMS } from '../helpers/arbitraries.ts';

// The rule as the JSON-LD's wordCount has always counted: one pattern for every paragraph.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const WORD_CHAR = String.raw`[[\p{L}\p{N}\p{M}]--[${CJK}]]`;
const WORD = new RegExp(String.raw`[${CJK}]|${WORD_CHAR}+(?:['’.\-]${WORD_CHAR}+)*`, 'gv');
const reference = (paragraphs: readonly string[]) => paragraphs.reduce((sum, p) => sum + (p.match(WORD)?.length ?? 0), 0);

/** Characters of the blocks the fast path covers, the joiners, and a few from outside them (CJK, Greek, marks, astral). */
const latin = fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c));
const punctuation = fc.integer({ min: 0x2000, max: 0x206f }).map((c) => String.fromCharCode(c));
const joiner = fc.constantFrom("'", '’', '.', '-', ' ');
const outside = fc.constantFrom('中', 'ひ', 'カ', 'α', '\u0301', '𝟘', '\u3000', '٣', 'é');
const paragraph = (withOutside: boolean) =>
  fc
    .array(withOutside ? fc.oneof(latin, punctuation, joiner, joiner, outside) : fc.oneof(latin, punctuation, joiner, joiner), { maxLength: 60 })
    .map((chars) => chars.join(''));

describe('toWordCount', () => {
  it('property: counts like the one Unicode pattern, for paragraphs in the fast blocks and beyond them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(paragraph(false), paragraph(true)), { maxLength: 4 }), (paragraphs) => {
        expect(toWordCount(paragraphs)).toBe(reference(paragraphs));
      }),
      { ...PARAMS, numRuns: 3000 },
    );
  });

  it('treats every character of the fast blocks as the Unicode pattern does, alone and between letters', () => {
    for (const [from, to] of [[0x0000, 0x02ff], [0x2000, 0x206f]] as const) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        for (const text of [ch, `a${ch}b`, `${ch}${ch}`, `1${ch}`]) expect(toWordCount([text]), `U+${c.toString(16)} in ${JSON.stringify(text)}`).toBe(reference([text]));
      }
    }
  });

  it('counts words, and each CJK character as one', () => {
    expect(toWordCount(["O'Hara's well-known 5.3 percent — “quoted”…", '关税 and カタカナ'])).toBe(5 + 2 + 1 + 4);
  });
});
