/** Media types (RFC 2045 §5.1): `type/subtype` tokens and `; attribute=value` parameters. */

// RFC 2045 §5.1 token: any CHAR except SPACE, CTLs and tspecials.
const TOKEN = /^[^\s()<>,;:\\"/[\]?=]+$/;

/** True for a media type such as `text/html; charset="utf-8"`. */
export function isMediaType(value: string): boolean {
  const semicolon = value.indexOf(';');
  const type = semicolon >= 0 ? value.slice(0, semicolon) : value;
  const slash = type.indexOf('/');
  if (slash < 0 || !TOKEN.test(type.slice(0, slash)) || !TOKEN.test(type.slice(slash + 1))) return false;
  if (semicolon < 0) return true;
  return parametersAreValid(value.slice(semicolon));
}

/** `(; attribute=value)*` where a value is a token or a quoted string; white space around ";" allowed. */
function parametersAreValid(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (text[i] !== ';') return false;
    i++;
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    const eq = text.indexOf('=', i);
    if (eq < 0 || !TOKEN.test(text.slice(i, eq))) return false;
    i = eq + 1;
    if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) return false;
      i++;
    } else {
      const start = i;
      while (i < text.length && TOKEN.test(text[i] as string)) i++;
      if (i === start) return false;
    }
  }
  return true;
}
