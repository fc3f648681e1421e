/**
 * E-mail addresses: an RFC 2822 §3.4.1 addr-spec as the W3C Feed Validation Service accepts it
 * (`validators.py` addr_spec), and RSS's "address (Real Name)" form (RSS Profile, data types: email).
 */

const LOCAL = /^[A-Za-z0-9_\-+.']+$/;
const LABEL = /^[A-Za-z0-9-]+$/;
const TOP_LABEL = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
// Addresses whose domain is unusual but plausible (the W3C validator resolves those; we cannot).
const LENIENT = /^[\w.%+-]+@[A-Za-z][\w.-]+$/;

/** True for `local@domain.tld` (a dotted domain, or a dotted IPv4 address before the last label). */
export function isAddrSpec(value: string): boolean {
  const at = value.indexOf('@');
  if (at > 0 && LOCAL.test(value.slice(0, at))) {
    const labels = value.slice(at + 1).split('.');
    const last = labels.pop() as string;
    if (labels.length > 0 && labels.every((l) => LABEL.test(l)) && TOP_LABEL.test(last)) return true;
  }
  return LENIENT.test(value);
}

/**
 * The address an RSS e-mail element gives: the text before a trailing "(comment)" or inside "<…>",
 * after an optional `mailto:` (RFC 2822 §3.4 name-addr and comments).
 */
export function addressOf(value: string): string {
  let text = value.trim();
  if (text.endsWith(')')) {
    const open = text.lastIndexOf('(');
    if (open >= 0) text = text.slice(0, open).trim();
  }
  const angle = /<([^<>]*)>\s*$/.exec(text);
  if (angle) text = (angle[1] as string).trim();
  return text;
}

/** True when `value` contains `<addr-spec>` (an e-mail address in angle brackets, as in "Name <a@b.c>"). */
export function containsBracketedAddress(value: string): boolean {
  for (const m of value.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)) if (isAddrSpec(m[1] as string)) return true;
  return false;
}
