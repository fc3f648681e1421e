/** `<loc>`: an absolute http(s) URL of at most 2,048 characters (Sitemaps 0.9, "loc" and "Entity escaping"). */
import type { Finding } from '../../rule.ts';
import type { SitemapRuleId } from '../../rules/sitemap.ts';
import { textOf, type XmlElement } from '../../xml/tree.ts';
import { at, describe } from './text.ts';

const MAX_LENGTH = 2048;

/** Checks a `<loc>` element's URL. */
export function checkLoc(loc: XmlElement, findings: Finding<SitemapRuleId>[]): void {
  const value = textOf(loc).trim();
  if (value.length > MAX_LENGTH) {
    findings.push({ rule: 'loc-too-long', message: `<loc> is ${value.length.toLocaleString('en')} characters; the protocol allows at most 2,048 ("${describe(value, 60)}")`, at: at(loc) });
  }
  const problem = urlProblem(value);
  if (problem !== undefined) findings.push({ rule: 'loc-url', message: `<loc> "${describe(value)}" ${problem}`, at: at(loc) });
}

/** Why `value` is not an absolute http(s) URL a crawler can fetch, or undefined. */
function urlProblem(value: string): string | undefined {
  if (value === '') return 'is empty; give the absolute URL of the page';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return 'has a space or control character; percent-encode it (a space is %20)';
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return 'is a relative URL; sitemaps give the full URL, with its protocol and host, e.g. "https://www.example.com/page.html"';
  if (!URL.canParse(value)) return 'is not a valid URL';
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `uses the ${url.protocol.slice(0, -1)} scheme; sitemap URLs are http or https`;
  if (url.hostname === '') return 'has no host; give the full URL, e.g. "https://www.example.com/page.html"';
  return undefined;
}
