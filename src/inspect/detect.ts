/** Which format a file is, decided by its content alone (never its name), for `syndicate validate`. */
import type { OutputFormat } from '../model/output.ts';
import { PARTNERS_FORMAT } from '../model/partners.ts';
import { LEGACY_MANIFEST_FORMAT, STATE_FILE, STATE_FORMAT } from '../model/state.ts';
import { HTML_TAGS, isAbsoluteUrl } from '../validate/html.ts';

/** The namespaces that identify XML formats. */
export const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  nar: 'http://iptc.org/std/nar/2006-10-01/',
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/** The formats `validate` recognises and checks with the build's own validator. */
export type DetectedFormat = Extract<OutputFormat, 'rss' | 'atom' | 'newsml' | 'sitemap' | 'jsonfeed' | 'jsonld' | 'ninjs' | 'state' | 'partners'>;

/** What a file was found to be: a format the build's validators check, an HTML page, or nothing known. */
export type Detection =
  | { kind: 'format'; format: DetectedFormat; syntax: 'xml' | 'json' }
  | { kind: 'html' }
  | { kind: 'unknown'; reason: string };

/** The root element of an XML document as a light scan of its start tag finds it. */
export interface XmlRoot {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' for none), from the `xmlns` / `xmlns:prefix` attributes on the root itself. */
  namespace: string;
}

/**
 * Detects a file's format from its text. XML by root element and namespace: RSS 2.0 `<rss>`, Atom
 * `<feed>` in the Atom namespace, NewsML-G2 `<newsMessage>`, `<newsItem>` or `<packageItem>` in the
 * IPTC NAR namespace, a sitemap `<urlset>`. JSON by shape: JSON Feed `version`, schema.org JSON-LD
 * `@context`, ninjs `$schema` / `uri` + `type`, the build's versions state and partners' index. HTML by doctype or first
 * tag. Text that is JSON or XML but does not parse is still recognised by its markers, so that the
 * format's validator can report where it breaks.
 */
export function detectFormat(text: string): Detection {
  if (text.includes('\u0000')) return { kind: 'unknown', reason: 'it holds NUL characters, so it is a binary file rather than text' };
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') return { kind: 'unknown', reason: 'it is empty' };
  if (body.startsWith('{') || body.startsWith('[')) return detectJson(body);
  if (body.startsWith('<')) return detectMarkup(body);
  return { kind: 'unknown', reason: 'it is neither XML, JSON nor HTML' };
}

function detectMarkup(body: string): Detection {
  const start = skipProlog(body);
  if (/^<!doctype\s+html[\s>]/i.test(body.slice(start))) return { kind: 'html' };
  const root = readXmlRoot(body, start);
  if (root === undefined) return { kind: 'unknown', reason: 'it starts with "<" but no element follows' };
  const { name, namespace } = root;
  if (name === 'rss' && namespace === '') return xml('rss');
  if (name === 'feed' && namespace === NAMESPACES.atom) return xml('atom');
  if ((name === 'newsMessage' || name === 'newsItem' || name === 'packageItem') && namespace === NAMESPACES.nar) return xml('newsml');
  if (name === 'urlset' && namespace === NAMESPACES.sitemap) return xml('sitemap');
  if (namespace === NAMESPACES.xhtml || (namespace === '' && HTML_TAGS.has(name.toLowerCase()))) return { kind: 'html' };
  if (name === 'RDF') return { kind: 'unknown', reason: 'it is RSS 1.0 (RDF), which syndicate does not check; only RSS 2.0 is' };
  if (name === 'entry' && namespace === NAMESPACES.atom) return { kind: 'unknown', reason: 'it is a standalone Atom entry document; syndicate checks Atom feeds' };
  const where = namespace === '' ? 'in no namespace' : `in namespace ${namespace}`;
  return { kind: 'unknown', reason: `its root element <${name}> ${where} is not one of RSS 2.0 <rss>, Atom <feed>, NewsML-G2 <newsMessage>/<newsItem>/<packageItem> or sitemap <urlset>` };
}

function xml(format: DetectedFormat): Detection {
  return { kind: 'format', format, syntax: 'xml' };
}

function json(format: DetectedFormat): Detection {
  return { kind: 'format', format, syntax: 'json' };
}

/** Skips the XML declaration, processing instructions, comments, whitespace and a non-HTML doctype. */
function skipProlog(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return text.length;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return text.length;
      i = end + 3;
    } else if (/^<!doctype/i.test(text.slice(i, i + 9)) && !/^<!doctype\s+html[\s>]/i.test(text.slice(i, i + 15))) {
      // XML 1.0 §2.8: a doctype may hold an internal subset in [ ]; the declaration ends at the ">" after it.
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      let end = close;
      if (bracket >= 0 && bracket < close) {
        const subsetEnd = text.indexOf(']', bracket);
        end = subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
      }
      if (end < 0) return text.length;
      i = end + 1;
    } else {
      return i;
    }
  }
}

/**
 * The root element's local name and namespace, read from its start tag only (`<a:feed xmlns:a="…">`).
 * A namespace declared on the root is the only way a feed's root gets one, so nothing else is parsed:
 * a document broken further down is still recognised, and its validator says where it breaks.
 */
export function readXmlRoot(text: string, start = skipProlog(text)): XmlRoot | undefined {
  const tag = /^<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)/.exec(text.slice(start, start + 200));
  if (!tag) return undefined;
  const qname = tag[1]!;
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const name = colon < 0 ? qname : qname.slice(colon + 1);
  const attributes = new Map<string, string>();
  const attribute = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  attribute.lastIndex = start + tag[0].length;
  for (let m = attribute.exec(text); m; m = attribute.exec(text)) attributes.set(m[1]!, m[2] ?? m[3] ?? '');
  const namespace = attributes.get(prefix === '' ? 'xmlns' : `xmlns:${prefix}`) ?? '';
  return { name, namespace };
}

function detectJson(body: string): Detection {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return detectBrokenJson(body);
  }
  if (Array.isArray(value)) {
    // A JSON-LD document may be an array of top-level nodes (JSON-LD 1.1 §9.2); each carries its context.
    return value.length > 0 && value.every((node) => isObject(node) && isSchemaOrgContext(node['@context']))
      ? json('jsonld')
      : { kind: 'unknown', reason: 'it is a JSON array, and not of schema.org JSON-LD nodes' };
  }
  if (!isObject(value)) return { kind: 'unknown', reason: 'it is JSON but not an object' };
  if (value['format'] === STATE_FORMAT) return json('state');
  if (value['format'] === PARTNERS_FORMAT) return json('partners');
  if (value['format'] === LEGACY_MANIFEST_FORMAT) {
    return { kind: 'unknown', reason: `it is the manifest earlier versions of syndicate kept in the output folder; a build moves it to the versions state (${STATE_FILE} in the input folder) and stops writing it` };
  }
  if (typeof value['version'] === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(value['version'])) return json('jsonfeed');
  if ('@context' in value) {
    return isSchemaOrgContext(value['@context']) ? json('jsonld') : { kind: 'unknown', reason: 'it is JSON-LD whose @context is not schema.org' };
  }
  if (isNinjs(value)) return json('ninjs');
  return { kind: 'unknown', reason: 'it is a JSON object that is not a JSON Feed, schema.org JSON-LD, ninjs, syndicate versions state or partners\' index' };
}

/** Markers of each JSON format, for text that does not parse: its validator then reports the syntax error with its line. */
const BROKEN_JSON_MARKERS: readonly [DetectedFormat, RegExp][] = [
  ['state', /"format"\s*:\s*"syndicate-state\//],
  ['partners', /"format"\s*:\s*"syndicate-partners\//],
  ['jsonfeed', /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//],
  ['jsonld', /"@context"\s*:\s*(?:\[[^\]]*)?"https?:\/\/schema\.org/],
  ['ninjs', /"\$schema"\s*:\s*"[^"]*ninjs/],
];

function detectBrokenJson(body: string): Detection {
  for (const [format, marker] of BROKEN_JSON_MARKERS) if (marker.test(body)) return json(format);
  if (/^\{\s*"uri"\s*:/.test(body) && /"type"\s*:/.test(body)) return json('ninjs');
  return { kind: 'unknown', reason: 'it looks like JSON but does not parse, and nothing in it says which format it is' };
}

/** `https://schema.org` (or http, with or without "/"), alone, in a context array, or as an object's `@vocab`. */
function isSchemaOrgContext(context: unknown): boolean {
  if (typeof context === 'string') return /^https?:\/\/schema\.org\/?$/.test(context);
  if (Array.isArray(context)) return context.some(isSchemaOrgContext);
  return isObject(context) && isSchemaOrgContext(context['@vocab']);
}

/** ninjs: a `$schema` naming ninjs, or the `uri` every ninjs object has (1.x: required) with a `type`. */
function isNinjs(value: Record<string, unknown>): boolean {
  if (typeof value['$schema'] === 'string' && /ninjs/i.test(value['$schema'])) return true;
  return typeof value['uri'] === 'string' && typeof value['type'] === 'string' && (isAbsoluteUrl(value['uri']) || /^(?:tag|urn):/.test(value['uri']));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
