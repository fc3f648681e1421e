import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// xmlbuilder2's own sanitiser, which `invalidCharReplacement: ''` runs on every string it is given.
import { sanitizeInput } from 'xmlbuilder2/lib/builder/dom.js';
import { toXmlbuilderText } from '../../src/emit/xmltext.ts';
import { PARAMS, XML_ILLEGAL_IN_FILES } from '../helpers/arbitraries.ts';

/** Strings rich in what XML forbids: controls, lone and paired surrogates, U+FFFE/U+FFFF, `&`, beside ordinary text. */
const xmlHostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...XML_ILLEGAL_IN_FILES, '\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D\uDE00', '&', '&amp;', 'a', '\t', '\n', '\r', '\uFFFD', '\u0085'), { maxLength: 12 }).map((parts) => parts.join('')),
);

describe('toXmlbuilderText', () => {
  it('property: the text xmlbuilder2 would have kept with invalidCharReplacement "" (NewsML-G2 no longer sets it)', () => {
    fc.assert(
      fc.property(xmlHostile, (text) => {
        expect(toXmlbuilderText(text)).toBe(sanitizeInput(text.replace(/&/g, '&amp;'), ''));
      }),
      { ...PARAMS, numRuns: 2000 },
    );
  });

  it('drops what XML forbids and escapes every ampersand', () => {
    expect(toXmlbuilderText('a\u0001&b\uD800\uFFFF\uD83D\uDE00')).toBe('a&amp;b\uD83D\uDE00');
    expect(toXmlbuilderText('clean & simple')).toBe('clean &amp; simple');
  });
});
