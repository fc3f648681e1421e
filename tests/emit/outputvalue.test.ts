import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEEDS_CLEANING, UNCARRIED, stripXmlIllegal } from '../../src/model/chars.ts';
import { toOutputValue } from '../../src/emit/xmltext.ts';
import { PARAMS, XML_ILLEGAL_IN_FILES } from '../helpers/arbitraries.ts';
import { makeRichArticle, makeSite } from '../helpers/fixtures.ts';

/** toOutputValue as first written (map everything, then compare, scan every text): the reference the allocation-free walk must equal. */
function reference<T>(value: T): T {
  if (typeof value === 'string') return (NEEDS_CLEANING.test(value) ? stripXmlIllegal(value).replace(UNCARRIED, '') : value) as T;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => reference(item));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, reference(item)] as const);
    return (entries.some(([key, item]) => item !== (value as Record<string, unknown>)[key]) ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/** Strings that are mostly clean, sometimes not (controls, C1, noncharacters, lone surrogates). */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...XML_ILLEGAL_IN_FILES, '\u0085', '\uFFFD', '\uFDD0', '\uD83F\uDFFE', '\uD800', 'x\uDC00y') },
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 4 }), tie('tree'), { maxKeys: 4 }),
}));

describe('toOutputValue', () => {
  it('property: the same value as mapping everything, and the very same object when nothing changes', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const expected = reference(value);
        const actual = toOutputValue(value);
        expect(actual).toStrictEqual(expected);
        // Identity is part of the contract: unchanged parts are shared, changed ones are copies.
        expect(actual === value).toBe(expected === value);
      }),
      { ...PARAMS, numRuns: 3000 },
    );
  });

  it('returns a clean article and site themselves, and copies only the changed path', () => {
    const article = makeRichArticle();
    expect(toOutputValue(article)).toBe(article);
    expect(toOutputValue(makeSite())).toStrictEqual(makeSite());
    const dirty = makeRichArticle({ headline: 'a\u0001b' });
    const clean = toOutputValue(dirty);
    expect(clean.headline).toBe('ab');
    expect(clean.images).toBe(dirty.images);
  });

  it('property: long texts too, asked again and again (clean ones are remembered)', () => {
    const long = fc.tuple(fc.string({ minLength: 250, maxLength: 300 }), fc.option(fc.constantFrom(...XML_ILLEGAL_IN_FILES, '\u0085', '\uD800'), { nil: undefined }), fc.nat(300)).map(([base, bad, at]) => (bad === undefined ? base : `${base.slice(0, at)}${bad}${base.slice(at)}`));
    fc.assert(
      fc.property(fc.array(long, { minLength: 1, maxLength: 4 }), (texts) => {
        for (let round = 0; round < 3; round++) for (const t of texts) expect(toOutputValue(t)).toBe(reference(t));
      }),
      { ...PARAMS, numRuns: 500 },
    );
    const clean = 'x'.repeat(300);
    const dirty = `${clean}\u0001`;
    for (let round = 0; round < 3; round++) {
      expect(toOutputValue(clean)).toBe(clean);
      expect(toOutputValue(dirty)).toBe(clean);
    }
  });

  it('keeps the holes of a sparse array', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = ['a', , 'b\u0001'];
    const result = toOutputValue(sparse);
    expect(1 in result).toBe(false);
    expect(result).toStrictEqual(reference(sparse));
  });
});
