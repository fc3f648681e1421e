/**
 * RFC 3986 §6.2.2 syntax-based normalization, for telling whether an Atom id is written in the form
 * that makes character-by-character comparison safe (RFC 4287 §4.2.6.1): lower-case scheme and host,
 * no default port, dot segments removed, an empty path as "/", percent-encoding in upper case and only
 * where needed.
 */

const DEFAULT_PORTS: Readonly<Record<string, string>> = { ftp: '21', http: '80', https: '443', gopher: '70', news: '119', nntp: '119', telnet: '23' };
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** The normalized form of an absolute URI, or undefined when it cannot be normalized (bad percent-encoding). */
export function canonicalUri(value: string): string | undefined {
  const m = /^([^:/?#]+):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(value);
  if (!m) return undefined;
  const scheme = (m[1] as string).toLowerCase();
  const authority = m[2];
  const rawPath = normalizePercent(m[3] as string);
  const query = m[4] === undefined ? undefined : normalizePercent(m[4]);
  const fragment = m[5] === undefined ? undefined : normalizePercent(m[5]);
  if (rawPath === null || query === null || fragment === null) return undefined;
  let path = rawPath;
  let out = `${scheme}:`;
  if (authority !== undefined) {
    const host = normalizeAuthority(authority, DEFAULT_PORTS[scheme]);
    if (host === undefined) return undefined;
    out += `//${host}`;
    path = removeDotSegments(path === '' ? '/' : path);
  }
  out += path;
  if (query !== undefined) out += `?${query}`;
  if (fragment !== undefined) out += `#${fragment}`;
  return out;
}

function normalizeAuthority(authority: string, defaultPort: string | undefined): string | undefined {
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at) : undefined;
  let host = (at >= 0 ? authority.slice(at + 1) : authority).toLowerCase();
  const port = /:(\d*)$/.exec(host);
  if (port) {
    host = host.slice(0, port.index);
    if (port[1] !== '' && port[1] !== defaultPort) host += `:${Number(port[1])}`;
  }
  if (host.startsWith('[') !== host.includes(']')) return undefined;
  return userinfo !== undefined && userinfo !== '' && userinfo !== ':' ? `${userinfo}@${host}` : host;
}

/** Upper-case hex digits, unreserved characters decoded; null when a "%" is not followed by two hex digits. */
function normalizePercent(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '%') {
      out += c;
      continue;
    }
    const hex = text.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
    const decoded = String.fromCharCode(parseInt(hex, 16));
    out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
    i += 2;
  }
  return out;
}

/** RFC 3986 §5.2.4. */
function removeDotSegments(path: string): string {
  const output: string[] = [];
  const segments = path.split('/');
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (segment === '.') {
      if (last) output.push('');
    } else if (segment === '..') {
      if (output.length > 1) output.pop();
      if (last) output.push('');
    } else {
      output.push(segment);
    }
  }
  return output.join('/');
}
