import { describe, expect, it } from 'vitest';
import { emitJsonLd, formatJsonLd } from '../../src/emit/jsonld.ts';
import { validateFile } from '../helpers/validate.ts';
import { makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { embedJsonLd } from '../helpers/readback.ts';

/**
 * JSON-LD pasted into `<script type="application/ld+json">`: formatJsonLd escapes what would end the
 * element or open a comment in it (HTML §13.2.5, script data states), and U+2028/U+2029; the validator
 * refuses a file where any of them is raw, so a regression in the emitter cannot reach dist/.
 */

const site = makeSite();
const HEADLINE = 'x </script ><!--<script> </SCRIPT/ & \u2028 \u2029 y';
const [file] = emitJsonLd([makeRichArticle({ headline: HEADLINE })], site);

describe('JSON-LD inside an HTML script element', () => {
  it('is written with \\u escapes only, and parses out of the page as the same value', () => {
    expect(file!.text).toContain('"headline": "x \\u003c/script \\u003e\\u003c!--\\u003cscript\\u003e \\u003c/SCRIPT/ \\u0026 \\u2028 \\u2029 y"');
    const embedded = embedJsonLd(file!.text);
    expect(embedded.scripts).toHaveLength(1);
    expect(JSON.parse(embedded.scripts[0]!)).toEqual(JSON.parse(file!.text));
    expect(embedded.afterIntact).toBe(true);
    expect(validateFile(file!, site).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the parse5 check can fail: raw, the same text breaks the page', () => {
    const raw = `${JSON.stringify({ headline: HEADLINE }, null, 2)}\n`;
    const embedded = embedJsonLd(raw);
    expect(embedded.scripts.length !== 1 || embedded.scripts[0] !== raw || !embedded.afterIntact).toBe(true);
  });

  it.each([
    ['</script', '\\u003c/script'],
    ['<!--', '\\u003c!--'],
    ['U+2028', '\\u2028'],
    ['U+2029', '\\u2029'],
  ])('the validator refuses a raw %s (unsafe-for-html, with its line)', (_name, escape) => {
    const raw = escape.startsWith('\\u20') ? JSON.parse(`"${escape}"`) as string : escape.replace('\\u003c', '<');
    const text = file!.text.replace(escape, raw);
    expect(text).not.toBe(file!.text);
    const errors = validateFile({ ...file!, text }, site).filter((d) => d.ruleId === 'unsafe-for-html');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.severity).toBe('error');
    expect(errors[0]!.line).toBeGreaterThan(1);
    expect(errors[0]!.message).toMatch(/formatJsonLd/);
  });

  it('formatJsonLd round-trips any string value exactly', () => {
    const value = { a: HEADLINE, b: ['\u0000\u001f', '\uD800', '😀'] };
    expect(JSON.parse(formatJsonLd(value))).toEqual(value);
  });
});
