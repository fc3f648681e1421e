/**
 * BCP 47 (RFC 5646 §2.1) well-formedness of a language tag, subtag by subtag: the syntax JSON Feed's
 * `language` and ninjs's `language` ("should follow IETF BCP47") ask for. Registry membership (whether
 * "xx" is a registered language) is not checked.
 */

/** RFC 5646 §2.2.8: the grandfathered tags, well-formed although they do not follow the grammar. */
const GRANDFATHERED = new Set([
  'en-gb-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo', 'i-pwn', 'i-tao',
  'i-tay', 'i-tsu', 'sgn-be-fr', 'sgn-be-nl', 'sgn-ch-de', 'art-lojban', 'cel-gaulish', 'no-bok', 'no-nyn', 'zh-guoyu', 'zh-hakka',
  'zh-min', 'zh-min-nan', 'zh-xiang',
]);

/** True for a well-formed BCP 47 language tag (RFC 5646 §2.1), case-insensitively. */
export function isLanguageTag(tag: string): boolean {
  const lower = tag.toLowerCase();
  if (GRANDFATHERED.has(lower)) return true;
  const subtags = lower.split('-');
  if (subtags.some((s) => s === '' || !isAlphanumeric(s))) return false;
  let i = 0;
  // privateuse = "x" 1*("-" (1*8alphanum)) may stand alone.
  if (subtags[0] === 'x') return isPrivateUse(subtags, 0);
  const language = subtags[i++] as string;
  // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA.
  if (!isAlpha(language) || language.length < 2 || language.length > 8) return false;
  if (language.length <= 3) {
    // extlang = 3ALPHA *2("-" 3ALPHA).
    for (let n = 0; n < 3 && i < subtags.length && isAlpha(subtags[i] as string) && (subtags[i] as string).length === 3; n++) i++;
  }
  // script = 4ALPHA.
  if (i < subtags.length && isAlpha(subtags[i] as string) && (subtags[i] as string).length === 4) i++;
  // region = 2ALPHA / 3DIGIT.
  if (i < subtags.length && isRegion(subtags[i] as string)) i++;
  // variant = 5*8alphanum / (DIGIT 3alphanum).
  while (i < subtags.length && isVariant(subtags[i] as string)) i++;
  // extension = singleton 1*("-" (2*8alphanum)), singleton any alphanumeric but "x".
  while (i < subtags.length && (subtags[i] as string).length === 1 && subtags[i] !== 'x') {
    i++;
    const start = i;
    while (i < subtags.length && (subtags[i] as string).length >= 2 && (subtags[i] as string).length <= 8) i++;
    if (i === start) return false;
  }
  if (i < subtags.length && subtags[i] === 'x') return isPrivateUse(subtags, i);
  return i === subtags.length;
}

function isPrivateUse(subtags: readonly string[], at: number): boolean {
  const rest = subtags.slice(at + 1);
  return rest.length > 0 && rest.every((s) => s.length >= 1 && s.length <= 8);
}

function isRegion(s: string): boolean {
  return (s.length === 2 && isAlpha(s)) || (s.length === 3 && isDigits(s));
}

function isVariant(s: string): boolean {
  return (s.length >= 5 && s.length <= 8) || (s.length === 4 && isDigits(s.charAt(0)));
}

function isAlpha(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Lower-case ASCII letters and digits only (the tag was lower-cased first). */
function isAlphanumeric(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}
