/**
 * RFC 3986 URI syntax (Appendix A), checked by one pass over the text: what JSON Schema's `format: "uri"`
 * means, and what every ninjs schema asks of `uri`, `href` and the other identifier properties. Only the
 * generic syntax is checked; no scheme-specific rules, no network.
 */

/** True for a complete URI (RFC 3986 §3: a scheme, `:`, then the hierarchical part, query and fragment). */
export function isUri(text: string): boolean {
  const colon = schemeEnd(text);
  if (colon === -1) return false;
  const hash = text.indexOf('#', colon + 1);
  const end = hash === -1 ? text.length : hash;
  // RFC 3986 §3.5: a fragment is pchar / "/" / "?" (so never a second "#").
  if (hash !== -1 && !allOf(text, hash + 1, text.length, isQueryChar)) return false;
  const question = text.indexOf('?', colon + 1);
  const pathEnd = question === -1 || question > end ? end : question;
  // RFC 3986 §3.4: a query is pchar / "/" / "?".
  if (pathEnd < end && !allOf(text, pathEnd + 1, end, isQueryChar)) return false;
  return isHierPart(text, colon + 1, pathEnd);
}

/** True for an absolute URI or a relative reference (RFC 3986 §4.1 URI-reference). */
export function isUriReference(text: string): boolean {
  if (schemeEnd(text) !== -1) return isUri(text);
  // RFC 3986 §4.2: the first segment of a relative reference has no ":" (it would read as a scheme).
  let stop = 0;
  while (stop < text.length && !'/?#'.includes(text.charAt(stop))) stop++;
  if (text.slice(0, stop).includes(':')) return false;
  // Behind a scheme, the relative part reads as the same hier-part, query and fragment (RFC 3986 §4.2).
  return isUri(`x:${text}`);
}

/** The index of the `:` ending a valid scheme (RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )), or -1. */
function schemeEnd(text: string): number {
  if (!isAlpha(text.charCodeAt(0))) return -1;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return i;
    if (!(isAlpha(c) || isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e)) return -1;
  }
  return -1;
}

/** RFC 3986 §3: hier-part = "//" authority path-abempty / path-absolute / path-rootless / path-empty. */
function isHierPart(text: string, start: number, end: number): boolean {
  if (text.startsWith('//', start) && start + 2 <= end) {
    const slash = text.indexOf('/', start + 2);
    const authorityEnd = slash === -1 || slash > end ? end : slash;
    return isAuthority(text.slice(start + 2, authorityEnd)) && isPath(text, authorityEnd, end);
  }
  // path-absolute, path-rootless and path-empty are all segments of pchar separated by "/".
  return isPath(text, start, end);
}

/** Segments of pchar separated by "/" (RFC 3986 §3.3). */
function isPath(text: string, start: number, end: number): boolean {
  return allOf(text, start, end, (c) => c === 0x2f || isPathChar(c));
}

/** RFC 3986 §3.2: authority = [ userinfo "@" ] host [ ":" port ]. */
function isAuthority(authority: string): boolean {
  const at = authority.indexOf('@');
  let host = authority;
  if (at !== -1) {
    // userinfo = *( unreserved / pct-encoded / sub-delims / ":" ), so no second "@".
    if (!allOf(authority, 0, at, (c) => isUnreserved(c) || isSubDelim(c) || c === 0x3a)) return false;
    host = authority.slice(at + 1);
  }
  let port = '';
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close === -1 || !isIpLiteral(host.slice(1, close))) return false;
    const rest = host.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return false;
    port = rest.slice(1);
  } else {
    const colon = host.indexOf(':');
    if (colon !== -1) {
      port = host.slice(colon + 1);
      host = host.slice(0, colon);
    }
    // reg-name = *( unreserved / pct-encoded / sub-delims ); an IPv4 address is a reg-name too.
    if (!allOf(host, 0, host.length, (c) => isUnreserved(c) || isSubDelim(c))) return false;
  }
  // RFC 3986 §3.2.3: port = *DIGIT.
  return allOf(port, 0, port.length, isDigit);
}

/** RFC 3986 §3.2.2: IP-literal = "[" ( IPv6address / IPvFuture ) "]" (the brackets removed). */
function isIpLiteral(inside: string): boolean {
  if (inside.startsWith('v') || inside.startsWith('V')) {
    // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ).
    const dot = inside.indexOf('.');
    return dot > 1 && allOf(inside, 1, dot, isHex) && dot + 1 < inside.length && allOf(inside, dot + 1, inside.length, (c) => isUnreserved(c) || isSubDelim(c) || c === 0x3a, false);
  }
  return isIpv6(inside);
}

/** RFC 3986 §3.2.2 IPv6address: eight h16 groups, or fewer around one "::", the last two possibly an IPv4 address. */
export function isIpv6(text: string): boolean {
  const double = text.indexOf('::');
  if (double !== -1 && text.indexOf('::', double + 1) !== -1) return false;
  const head = double === -1 ? text : text.slice(0, double);
  const tail = double === -1 ? '' : text.slice(double + 2);
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const all = [...headGroups, ...tailGroups];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const group = all[i] as string;
    if (i === all.length - 1 && group.includes('.')) {
      if (!isIpv4(group)) return false;
      count += 2;
    } else if (group.length >= 1 && group.length <= 4 && allOf(group, 0, group.length, isHex)) count += 1;
    else return false;
  }
  return double === -1 ? count === 8 : count <= 7;
}

/** RFC 3986 §3.2.2 IPv4address: four dec-octets 0–255 without leading zeros. */
function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:\d|[1-9]\d|1\d\d|2[0-4]\d|25[0-5])$/.test(p));
}

/** RFC 3986 §3.4 and §3.5: query and fragment characters. */
function isQueryChar(c: number): boolean {
  return isPathChar(c) || c === 0x2f || c === 0x3f;
}

/** RFC 3986 §3.3: pchar = unreserved / pct-encoded / sub-delims / ":" / "@" (pct-encoded checked by allOf). */
function isPathChar(c: number): boolean {
  return isUnreserved(c) || isSubDelim(c) || c === 0x3a || c === 0x40;
}

/**
 * True when every character of text[start, end) passes `test`, reading "%" HEXDIG HEXDIG (RFC 3986 §2.1) as
 * one allowed character when `percent` is true.
 */
function allOf(text: string, start: number, end: number, test: (c: number) => boolean, percent = true): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (percent && c === 0x25) {
      if (i + 2 >= end || !isHex(text.charCodeAt(i + 1)) || !isHex(text.charCodeAt(i + 2))) return false;
      i += 2;
    } else if (!test(c)) return false;
  }
  return true;
}

/** RFC 3986 §2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~". */
function isUnreserved(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e;
}

/** RFC 3986 §2.2: sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "=". */
function isSubDelim(c: number): boolean {
  return c === 0x21 || c === 0x24 || (c >= 0x26 && c <= 0x2c) || c === 0x3b || c === 0x3d;
}

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
