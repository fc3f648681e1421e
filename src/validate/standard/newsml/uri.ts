/**
 * Is a value a URI reference? XML Schema's anyURI (NewsML-G2's IRIType) is checked as libxml2 checks it:
 * characters a URI would have to percent-encode (spaces, non-ASCII, `<>"{}|\^`'`) are let through, as
 * an IRI allows, and what remains must parse as an RFC 3986 URI or relative reference. What fails is
 * structure: a `%` not followed by two hex digits, a second `#`, brackets outside a host, a port that
 * is not digits, a first relative segment with a colon.
 */

const ALPHA = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const HEX = /[0-9A-Fa-f]/;
// RFC 3986 §2.2–2.3, plus the characters libxml2 rewrites to `_` before parsing (IRI characters).
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const SUB_DELIMS = /[!$&'()*+,;=]/;

/** True when `c` needs no percent-encoding for libxml2 (it rewrites these to `_`, an unreserved character). */
function isLetThrough(code: number): boolean {
  return code < 32 || code >= 127 || ' <>"{}|\\^`\''.includes(String.fromCharCode(code));
}

/** A cursor over the value: each parser advances it and says whether its production matched. */
class Cursor {
  index = 0;
  constructor(readonly text: string) {}
  /** The character under the cursor, '' at the end. */
  char(): string {
    return this.text[this.index] ?? '';
  }
  at(offset: number): string {
    return this.text[this.index + offset] ?? '';
  }
  get done(): boolean {
    return this.index >= this.text.length;
  }
}

function isUnreserved(c: Cursor): boolean {
  const ch = c.char();
  return ch !== '' && (UNRESERVED.test(ch) || isLetThrough(ch.charCodeAt(0)));
}

function isPctEncoded(c: Cursor): boolean {
  return c.char() === '%' && HEX.test(c.at(1)) && HEX.test(c.at(2));
}

/** Advances over one unreserved, sub-delim or percent-encoded character, or over `extra`. */
function step(c: Cursor, extra: string): boolean {
  if (isPctEncoded(c)) {
    c.index += 3;
    return true;
  }
  const ch = c.char();
  if (ch !== '' && (isUnreserved(c) || SUB_DELIMS.test(ch) || extra.includes(ch))) {
    c.index += 1;
    return true;
  }
  return false;
}

/** RFC 3986 §3.3: a pchar is unreserved, pct-encoded, sub-delims, ':' or '@'. */
function pchars(c: Cursor, noColon = false): void {
  while (step(c, noColon ? '@' : ':@'));
}

/** `*( "/" segment )`. */
function segments(c: Cursor): void {
  while (c.char() === '/') {
    c.index += 1;
    pchars(c);
  }
}

/** §3.2: [ userinfo "@" ] host [ ":" port ]. */
function authority(c: Cursor): boolean {
  const start = c.index;
  while (step(c, ':'));
  if (c.char() === '@') c.index += 1;
  else c.index = start;
  if (c.char() === '[') {
    // §3.2.2 IP-literal: libxml2 only looks for the closing bracket.
    const close = c.text.indexOf(']', c.index);
    if (close < 0) return false;
    c.index = close + 1;
  } else {
    while (step(c, ''));
  }
  if (c.char() === ':') {
    c.index += 1;
    if (!DIGIT.test(c.char())) return false;
    while (DIGIT.test(c.char())) c.index += 1;
  }
  return true;
}

/** §3.4–3.5: [ "?" query ] [ "#" fragment ], then the end of the value. */
function tail(c: Cursor): boolean {
  if (c.char() === '?') {
    c.index += 1;
    while (step(c, ':@/?'));
  }
  if (c.char() === '#') {
    c.index += 1;
    while (step(c, ':@/?'));
  }
  return c.done;
}

/** §3: scheme ":" hier-part [ "?" query ] [ "#" fragment ]. */
function absoluteUri(text: string): boolean {
  const c = new Cursor(text);
  if (!ALPHA.test(c.char())) return false;
  while (ALPHA.test(c.char()) || DIGIT.test(c.char()) || (c.char() !== '' && '+-.'.includes(c.char()))) c.index += 1;
  if (c.char() !== ':') return false;
  c.index += 1;
  if (c.char() === '/' && c.at(1) === '/') {
    c.index += 2;
    if (!authority(c)) return false;
    segments(c);
  } else if (c.char() === '/') {
    c.index += 1;
    pchars(c);
    segments(c);
  } else {
    pchars(c);
    segments(c);
  }
  return tail(c);
}

/** §4.2: relative-part [ "?" query ] [ "#" fragment ]; its first segment has no colon. */
function relativeRef(text: string): boolean {
  const c = new Cursor(text);
  if (c.char() === '/' && c.at(1) === '/') {
    c.index += 2;
    if (!authority(c)) return false;
    segments(c);
  } else if (c.char() === '/') {
    c.index += 1;
    pchars(c);
    segments(c);
  } else {
    pchars(c, true);
    segments(c);
  }
  return tail(c);
}

/** True when `value` (whitespace already collapsed) is an anyURI for libxml2: a URI or a relative reference. */
export function isUriReference(value: string): boolean {
  return value === '' || absoluteUri(value) || relativeRef(value);
}
