import type { BodyNode, ParentNode } from './nodes.ts';
import { shorten, type Removal } from './removals.ts';

/** The class a fenced code block gets (```ts → `language-ts`); other info strings are dropped. */
export const LANGUAGE_CLASS = /^language-[\w+#.-]+$/;

/** Containers whose whitespace-only text (the "\n" between their children) only separates blocks. */
export const BLOCK_CONTAINERS: ReadonlySet<string> = new Set(['blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr']);

/**
 * Resolves `href`/`src` against the article's canonical URL (feeds need absolute URLs; a relative
 * link means "on our site"), unwraps links and removes images whose URL is not http(s) (reported),
 * drops an odd code class, and normalises spaces in text as wire copy does (tabs, line breaks inside
 * a paragraph, runs of spaces; no-break and other Unicode spaces are kept), except inside `<pre>`.
 */
export function policeTree(parent: ParentNode, baseUrl: string, removals: Removal[], inPre = false): void {
  const children: BodyNode[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      const separator = /^\s*$/.test(child.value) && child.value.includes('\n') && (parent.type === 'root' || BLOCK_CONTAINERS.has(parent.tagName));
      if (!inPre && !separator) child.value = normaliseSpaces(child.value);
      children.push(child);
      continue;
    }
    if (child.tagName === 'code' && child.attributes.class !== undefined && !LANGUAGE_CLASS.test(child.attributes.class)) delete child.attributes.class;
    if (child.tagName === 'a' || child.tagName === 'img') {
      const key = child.tagName === 'a' ? 'href' : 'src';
      const value = child.attributes[key] ?? '';
      const checked = resolveUrl(value, baseUrl);
      if (checked.ok) {
        child.attributes[key] = checked.url;
      } else {
        const what = `${child.tagName === 'a' ? 'link to' : 'image'} "${shorten(value)}"`;
        // A bare URL the WHATWG parser refuses ("http://e.1") was never written as a link: it stays text.
        if (!child.bare) removals.push({ ruleId: checked.ruleId, line: child.line, what });
        if (child.tagName === 'a') {
          // The link text stays, as plain text.
          policeTree(child, baseUrl, removals, inPre);
          children.push(...child.children);
        }
        continue;
      }
    }
    policeTree(child, baseUrl, removals, inPre || child.tagName === 'pre');
    children.push(child);
  }
  parent.children = children;
}

/**
 * Wire copy's normalisation, applied to a text node: tabs become spaces, line breaks (with the white
 * space at the ends of the lines) and runs of spaces one space. No-break, ideographic and other Unicode
 * spaces inside a line are the editor's text and stay (docs/text.md).
 */
export function normaliseSpaces(text: string): string {
  // Each step only where it has something to do: most text has no line break and no double space.
  let result = text.includes('\t') ? text.replace(/\t/g, ' ') : text;
  if (result.includes('\n')) result = joinLines(result);
  return result.includes('  ') ? result.replace(/ {2,}/g, ' ') : result;
}

/**
 * Every run of white space (JavaScript's `\s`) that holds a line break becomes one space, as
 * `replace(/\s*\n\s*\/g, ' ')` does; the regular expression may start at any character and is slow on
 * the long texts of whole blocks. `trim` removes exactly `\s`; lines left empty belong to the run.
 */
function joinLines(text: string): string {
  const lines = text.split('\n');
  const last = lines.length - 1;
  return lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line, i) => line !== '' || i === 0 || i === last)
    .join(' ');
}


/** Schemes that run code or smuggle content in the URL itself (HTML §7.1.5, feedvalidator's SecurityRisk). */
const SCRIPT_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:']);

/** An http(s) URL made absolute, or why the URL cannot stay. */
export function resolveUrl(value: string, baseUrl: string): { ok: true; url: string } | { ok: false; ruleId: 'unsafe-url' | 'unsupported-url' } {
  if (value.trim() === '') return { ok: false, ruleId: 'unsupported-url' };
  // The WHATWG parser also sees through what browsers ignore (tabs and newlines inside "java\tscript:").
  let url: URL;
  try {
    url = new URL(value, baseUrl);
  } catch {
    return { ok: false, ruleId: 'unsupported-url' };
  }
  // Markdown percent-encodes a destination's spaces (`<  javascript:…>` arrives as `%20%20javascript:…`),
  // which makes it a harmless relative link, but it was meant as a script: say so, and drop it.
  if (SCRIPT_SCHEMES.has(schemeOf(decodePercent(value)))) return { ok: false, ruleId: 'unsafe-url' };
  if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, url: url.href };
  return { ok: false, ruleId: SCRIPT_SCHEMES.has(url.protocol) ? 'unsafe-url' : 'unsupported-url' };
}

/** `value` with percent-escapes decoded (left as it is where they do not decode). */
function decodePercent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The scheme the WHATWG URL parser would read from `value` on its own (`javascript:`), or '' for a relative reference. */
function schemeOf(value: string): string {
  try {
    return new URL(value).protocol;
  } catch {
    return '';
  }
}
