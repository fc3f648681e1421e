/**
 * Inline styles in feed HTML: readers keep simple presentational declarations and strip the rest
 * (positioning, behaviours, `url()` and `expression()` values), so a style outside that subset is
 * reported (W3C DangerousStyleAttr).
 */

// CSS 2.1 properties for colour, fonts, text, boxes and tables; not position, z-index, content or behaviours.
const SAFE_PROPERTIES = new Set(
  (
    'azimuth background background-color border border-bottom border-bottom-color border-bottom-style border-bottom-width border-collapse ' +
    'border-color border-left border-left-color border-left-style border-left-width border-right border-right-color border-right-style ' +
    'border-right-width border-spacing border-style border-top border-top-color border-top-style border-top-width border-width clear color ' +
    'cursor direction display elevation float font font-family font-size font-style font-variant font-weight height letter-spacing ' +
    'line-height list-style-type margin margin-bottom margin-left margin-right margin-top overflow padding padding-bottom padding-left ' +
    'padding-right padding-top pause pause-after pause-before pitch pitch-range richness speak speak-header speak-numeral ' +
    'speak-punctuation speech-rate stress text-align text-decoration text-indent unicode-bidi vertical-align voice-family volume ' +
    'white-space width'
  ).split(' '),
);

// Keywords allowed in the shorthand box properties (colour names, styles, positions).
const SAFE_KEYWORDS = new Set(
  (
    'aqua auto black block blue bold both bottom brown center collapse dashed dotted fuchsia gray green !important italic left lime ' +
    'maroon medium none navy normal nowrap olive pointer purple red right solid silver teal top transparent underline white yellow'
  ).split(' '),
);

// A colour or a length: #rgb, rgb(…), or a short number with a unit.
const SAFE_VALUE = /^(?:#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d?\.?\d?\d(?:cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$/;

/** The parts of `style` readers would strip: the whole style when it is not simple declarations, else unsafe properties and values. */
export function unsafeStyles(style: string): string[] {
  if (!hasSimpleCharacters(style)) return [style];
  const declarations = style.split(';');
  const unsafe: string[] = [];
  for (const [index, declaration] of declarations.entries()) {
    if (declaration.trim() === '' && index === declarations.length - 1) continue;
    const colon = declaration.indexOf(':');
    if (colon < 0 || declaration.indexOf(':', colon + 1) >= 0) return [style];
    const property = declaration.slice(0, colon).trim().toLowerCase();
    if (!/^[-\w]+$/.test(property)) return [style];
    const value = declaration.slice(colon + 1).trim().toLowerCase();
    if (!SAFE_PROPERTIES.has(property)) {
      if (!unsafe.includes(property)) unsafe.push(property);
    } else if (['background', 'border', 'margin', 'padding'].includes(property.split('-')[0] as string)) {
      for (const keyword of value.split(/\s+/)) {
        if (keyword !== '' && !SAFE_KEYWORDS.has(keyword) && !SAFE_VALUE.test(keyword) && !unsafe.includes(keyword)) unsafe.push(keyword);
      }
    }
  }
  return unsafe;
}

/** Letters, digits, white space and `:,;#%.!`, hyphens inside words, simple quoted words and parenthesised numbers. */
function hasSimpleCharacters(style: string): boolean {
  for (let i = 0; i < style.length; i++) {
    const c = style[i] as string;
    if (/[:,;#%.\sa-zA-Z0-9!]/.test(c)) continue;
    if (c === '-' && /\w/.test(style[i - 1] ?? '') && /\w/.test(style[i + 1] ?? '')) continue;
    if (c === "'" || c === '"') {
      const close = style.indexOf(c, i + 1);
      if (close < 0 || !/^[\s\w]+$/.test(style.slice(i + 1, close))) return false;
      i = close;
      continue;
    }
    if (c === '(') {
      const close = style.indexOf(')', i + 1);
      if (close < 0 || !/^[\d,\s]+$/.test(style.slice(i + 1, close))) return false;
      i = close;
      continue;
    }
    return false;
  }
  return true;
}
