/**
 * URI and IRI references as the W3C Feed Validation Service reads them (`validators.py` rfc2396,
 * rfc2396_full, rfc3987): RFC 2396's character repertoire, tag: URIs (RFC 4151), URNs (RFC 8141) and
 * urn:uuid: (RFC 4122) checked by their own grammar, http/ftp URLs needing a host.
 */

/** Why a reference was refused, or `unregistered-scheme` for a syntactically fine one with an unknown scheme. */
export type UriProblem =
  /** A tag: URI that does not follow RFC 4151 (W3C InvalidTAG). */
  | 'tag'
  /** A urn: that does not follow RFC 8141 (W3C InvalidURN). */
  | 'urn'
  /** A urn:uuid: that is not a UUID (W3C InvalidUUID). */
  | 'uuid'
  /** An ASCII character a URI may not contain (W3C InvalidUriChar); see {@link UriVerdict.char}. */
  | 'char'
  /** Non-ASCII characters where a URI (not an IRI) is required (W3C UriNotIri). */
  | 'not-ascii'
  /** Not a URI reference of the required form: relative where it must be absolute, no host (the caller's error class). */
  | 'syntax'
  /** Fine, but the scheme is not registered with IANA (W3C SchemeNotIANARegistered, a warning). */
  | 'unregistered-scheme';

/** The outcome of {@link checkUri}. */
export interface UriVerdict {
  /** Undefined when the reference is acceptable. */
  readonly problem?: UriProblem | undefined;
  /** The offending character, for `char`. */
  readonly char?: string | undefined;
  /** The scheme, for `unregistered-scheme`. */
  readonly scheme?: string | undefined;
}

/** How strict a reference must be. */
export interface UriOptions {
  /** An absolute URI with a scheme (W3C rfc2396_full); otherwise relative references pass. */
  readonly absolute: boolean;
  /** An IRI (RFC 3987): non-ASCII characters are allowed (Atom); otherwise they are not (RSS). */
  readonly iri: boolean;
}

// RFC 2396 §2: unreserved, reserved and escape characters, plus "#" (W3C urichars_re).
const URI_CHARS = new Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ;/?:@&=+$.-_!~*'()%,#");
// RFC 4151 §2.1 tagging entity and specific characters (the specific part takes RFC 2396 pchars, "/" and "?").
const TAG_SPECIFIC = new Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ;/?:@&=+$.-_!~*'()%,");
const TAG_NAME_CHARS = new Set('0123456789abcdefghijklmnopqrstuvwxyz.-');
const TAG_LOCAL_CHARS = new Set('0123456789abcdefghijklmnopqrstuvwxyz.-_');
// RFC 2141 §2.2 NSS characters besides %-escapes.
const URN_NSS = /^(?:[a-zA-Z0-9()+,.:=@;$_!*'-]|%[0-9A-Fa-f]{2})+$/;
const URN_NID = /^[a-zA-Z0-9][a-zA-Z0-9-]{1,31}$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*$/;

// IANA's permanent URI schemes as the W3C validator lists them, and the later common ones (https is there).
const IANA_SCHEMES = new Set([
  'aaa', 'aaas', 'acap', 'cap', 'cid', 'crid', 'data', 'dav', 'dict', 'dns', 'fax', 'file', 'ftp', 'geo', 'go', 'gopher', 'h323', 'http', 'https',
  'iax', 'icap', 'im', 'imap', 'info', 'ipp', 'iris', 'iris.beep', 'iris.lwz', 'iris.xpc', 'iris.xpcs', 'ldap', 'magnet', 'mailto', 'mid', 'modem',
  'msrp', 'msrps', 'mtqp', 'mupdate', 'news', 'nfs', 'nntp', 'opaquelocktoken', 'pop', 'pres', 'prospero', 'rtsp', 'service', 'shttp', 'sip', 'sips',
  'sms', 'snmp', 'soap.beep', 'soap.beeps', 'tag', 'tel', 'telnet', 'tftp', 'thismessage', 'tip', 'tv', 'urn', 'vemmi', 'wais', 'ws', 'wss',
  'xmlrpc.beep', 'xmlrpc.beeps', 'xmpp', 'z39.50r', 'z39.50s',
]);

/** Checks `value` as a URI reference; see {@link UriOptions}. */
export function checkUri(value: string, options: UriOptions): UriVerdict {
  const colon = value.indexOf(':');
  const scheme = (colon >= 0 ? value.slice(0, colon) : value).toLowerCase();
  if (scheme === 'tag') return isTagUri(value) ? {} : { problem: 'tag' };
  if (scheme === 'urn') {
    if (value.slice(0, 9).toLowerCase() === 'urn:uuid:' && !UUID.test(value.slice(9))) return { problem: 'uuid' };
    return isUrn(value) ? {} : { problem: 'urn' };
  }
  if (!matchesSyntax(value, options)) {
    for (const c of value) {
      if (c.charCodeAt(0) < 128 && !URI_CHARS.has(c)) return { problem: 'char', char: c };
    }
    return { problem: /[^\u0000-\u007f]/.test(value) && !options.iri ? 'not-ascii' : 'syntax' };
  }
  // An http or ftp URL names its host (RFC 2616 §3.2.2, RFC 1738 §3.2).
  if (scheme === 'http' || scheme === 'ftp') {
    return /^\w+:\/\/[^/]/.test(value) ? {} : { problem: 'syntax' };
  }
  if (colon >= 0 && /^[a-z]+$/.test(scheme) && !IANA_SCHEMES.has(scheme)) return { problem: 'unregistered-scheme', scheme };
  return {};
}

/**
 * RFC 2396 syntax with its character repertoire: `scheme:` then `//` and the rest for an absolute URI;
 * for a reference, an optional scheme, up to two slashes and an optional IPv6 literal. In an IRI every
 * non-ASCII character stands for the ASCII its IDNA or percent-encoding gives.
 */
function matchesSyntax(value: string, options: UriOptions): boolean {
  const text = options.iri ? value.replace(/[^\u0000-\u007f]/g, 'a') : value;
  let i = 0;
  const colon = text.indexOf(':');
  const hasScheme = colon > 0 && SCHEME.test(text.slice(0, colon));
  // "/" is a URI character, so the optional "//" needs no step of its own.
  if (options.absolute) return hasScheme && colon + 1 < text.length && allUriChars(text, colon + 1);
  if (hasScheme) i = colon + 1;
  if (text.startsWith('//', i)) i += 2;
  else if (text.startsWith('/', i)) i += 1;
  if (text[i] === '[') {
    const close = text.indexOf(']', i);
    if (close < 0 || !/^[0-9A-Fa-f:]+$/.test(text.slice(i + 1, close))) return false;
    i = close + 1;
  }
  return allUriChars(text, i);
}

function allUriChars(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (!URI_CHARS.has(text[i] as string)) return false;
  return true;
}

/** RFC 4151 §2.1: `tag:` authority `,` date `:` specific [`#` fragment], the authority a DNS name or an e-mail address. */
export function isTagUri(value: string): boolean {
  if (!value.startsWith('tag:')) return false;
  const comma = value.indexOf(',', 4);
  if (comma < 0) return false;
  const authority = value.slice(4, comma);
  const at = authority.indexOf('@');
  const local = at >= 0 ? authority.slice(0, at) : undefined;
  const domain = at >= 0 ? authority.slice(at + 1) : authority;
  if (local !== undefined && (local.length === 0 || ![...local].every((c) => TAG_LOCAL_CHARS.has(c)))) return false;
  if (domain.length === 0 || ![...domain].every((c) => TAG_NAME_CHARS.has(c))) return false;
  const rest = value.slice(comma + 1);
  const date = /^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?:/.exec(rest);
  if (!date) return false;
  const specific = rest.slice(date[0].length);
  const hash = specific.indexOf('#');
  const parts = hash >= 0 ? [specific.slice(0, hash), specific.slice(hash + 1)] : [specific];
  return parts.every((part) => [...part].every((c) => TAG_SPECIFIC.has(c)));
}

/** RFC 2141 §2: `urn:` NID `:` NSS. */
export function isUrn(value: string): boolean {
  if (value.slice(0, 4).toLowerCase() !== 'urn:') return false;
  const colon = value.indexOf(':', 4);
  if (colon < 0) return false;
  return URN_NID.test(value.slice(4, colon)) && URN_NSS.test(value.slice(colon + 1));
}

/** True when `value` names a host: `scheme://host…` or `//host…` (the W3C validator's test for RelativeSelf). */
export function hasAuthority(value: string): boolean {
  return /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/\/[^/?#]/.test(value);
}

/** An http(s) URL whose host is a dotted name or address (W3C httpURL): what RSS enclosures are fetched from. */
export function isHttpUrl(value: string): boolean {
  const m = /^https?:\/\/([^/:?#]*)(?::\d+)?(?:\/|$)/i.exec(value);
  if (!m) return false;
  const labels = (m[1] as string).split('.');
  const last = labels.pop() as string;
  if (labels.length === 0 || !labels.every((l) => /^[A-Za-z0-9-]+$/.test(l)) || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(last)) return false;
  return allUriChars(value, value.indexOf(':') + 1);
}
