/** Which format a file is, decided by its content alone (never its name), for `syndicate validate`. */
import { SaxesParser } from 'saxes';
import { PARTNERS_FORMAT } from '../model/partners.ts';
import { LEGACY_MANIFEST_FORMAT, STATE_FILE, STATE_FORMAT } from '../model/state.ts';
import { HTML_ELEMENTS } from '../validate/standard/feeds/checks/vocabulary.ts';
import { isNinjsProperty } from '../validate/standard/ninjs/index.ts';
import type { ValidatedFormat } from '../validate/rule.ts';

/** The namespaces that identify XML formats. */
export const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  nar: 'http://iptc.org/std/nar/2006-10-01/',
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/** The formats `validate` recognises, each checked by its standard layer (and the house layer with `--profile syndicate`). */
export type DetectedFormat = Exclude<ValidatedFormat, 'html'>;

/** What a file was found to be: a format the build's validators check, an HTML page, or nothing known. */
export type Detection =
  | { kind: 'format'; format: DetectedFormat; syntax: 'xml' | 'json' }
  | { kind: 'html' }
  | { kind: 'unknown'; reason: string };

/** The root element of an XML document. */
export interface XmlRoot {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' for none). */
  namespace: string;
}

/** The roots of the NewsML-G2 item types and message (NewsML-G2 2.35 XSD global elements). */
const NEWSML_ROOTS = new Set(['newsMessage', 'newsItem', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);

/** The RDF namespace of RSS 1.0 and 0.90's `<rdf:RDF>` root. */
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** The namespaces of RSS 1.0 and RSS 0.90 channels. */
const RSS1_CHANNELS = ['http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/'];
/** Atom 0.3's namespace (obsolete; reported as such by the Atom checks). */
const ATOM03 = 'http://purl.org/atom/ns#';

/**
 * Detects a file's format from its text. XML by root element and namespace: RSS 2.0 `<rss>`, Atom
 * `<feed>` in the Atom namespace, NewsML-G2 `<newsMessage>`, `<newsItem>` or `<packageItem>` in the
 * IPTC NAR namespace, a sitemap `<urlset>`. JSON by shape: JSON Feed `version`, schema.org JSON-LD
 * `@context`, ninjs by its declaration or its shape, the build's versions state and partners' index. HTML by doctype or first
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
  if (/^(?:<\?[^]*?\?>\s*|<!--[^]*?-->\s*)*<!doctype\s+html[\s>]/i.test(body)) return { kind: 'html' };
  const root = readXmlRoot(body);
  if (root === undefined) return { kind: 'unknown', reason: 'it starts with "<" but no element can be read' };
  const { name, namespace } = root;
  // The feed checks report a document element in the wrong namespace (or none) at its line, as the W3C
  // validator does (InvalidNamespace, MissingNamespace): such a file is a broken feed, not an unknown file.
  if (name === 'rss') return xml('rss');
  if (name === 'RDF' && namespace === RDF) {
    return RSS1_CHANNELS.some((ns) => body.includes(ns)) ? xml('rss1') : { kind: 'unknown', reason: 'it is an RDF document, but not RSS 1.0 or 0.90 (no channel in their namespaces)' };
  }
  if (name === 'feed') return xml('atom');
  // An Atom Entry Document (RFC 4287 §4.1.2), in Atom's namespace, 0.3's or none.
  if (name === 'entry' && (namespace === NAMESPACES.atom || namespace === ATOM03 || namespace === '')) return xml('atom');
  if (NEWSML_ROOTS.has(name) && namespace === NAMESPACES.nar) return xml('newsml');
  if ((name === 'urlset' || name === 'sitemapindex') && namespace === NAMESPACES.sitemap) return xml('sitemap');
  if (namespace === NAMESPACES.xhtml || (namespace === '' && HTML_ELEMENTS.has(name.toLowerCase()))) return { kind: 'html' };
  const where = namespace === '' ? 'in no namespace' : `in namespace ${namespace}`;
  return {
    kind: 'unknown',
    reason: `its root element <${name}> ${where} is not one of RSS <rss>, RSS 1.0 <rdf:RDF>, Atom <feed> or <entry>, a NewsML-G2 item or message, or a sitemap <urlset>/<sitemapindex>`,
  };
}

function xml(format: DetectedFormat): Detection {
  return { kind: 'format', format, syntax: 'xml' };
}

function json(format: DetectedFormat): Detection {
  return { kind: 'format', format, syntax: 'json' };
}

/**
 * The root element's local name and namespace, as a conforming parser (saxes) reads them, stopping at the
 * root's start tag: a document broken further down is still recognised, and its check says where it breaks.
 */
export function readXmlRoot(text: string): XmlRoot | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let root: XmlRoot | undefined;
  const found = new Error('root read');
  parser.on('opentag', (tag) => {
    root = { name: tag.local, namespace: tag.uri };
    throw found;
  });
  // The prolog's errors (an undeclared entity in a DOCTYPE, say) do not hide the root.
  parser.on('error', () => undefined);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error !== found) return root;
  }
  return root;
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
  // The ninjs declaration block (1.x "$standard", 2.x/3.x "standard"): its name "ninjs" or its schema URL.
  ['ninjs', /"\$?standard"\s*:\s*\{[^{}]*"(?:name"\s*:\s*"ninjs"|schema"\s*:\s*"[^"]*ninjs)/i],
];

function detectBrokenJson(body: string): Detection {
  for (const [format, marker] of BROKEN_JSON_MARKERS) if (marker.test(body)) return json(format);
  // ninjs by its shape: the required "uri" first, and the other keys that can be read mostly ninjs properties.
  if (/^\{\s*"uri"\s*:/.test(body)) {
    const keys = [...body.matchAll(/[{,]\s*"((?:[^"\\]|\\.)*)"\s*:/g)].map((m) => m[1] ?? '').filter((key) => key !== 'uri');
    if (mostlyNinjs(keys)) return json('ninjs');
  }
  return { kind: 'unknown', reason: 'it looks like JSON but does not parse, and nothing in it says which format it is' };
}

/** `https://schema.org` (or http, with or without "/"), alone, in a context array, or as an object's `@vocab`. */
function isSchemaOrgContext(context: unknown): boolean {
  if (typeof context === 'string') return /^https?:\/\/schema\.org\/?$/.test(context);
  if (Array.isArray(context)) return context.some(isSchemaOrgContext);
  return isObject(context) && isSchemaOrgContext(context['@vocab']);
}

/**
 * ninjs, as its versions define it: declared by a `$schema` naming ninjs, or by the block every version has
 * for it — `$standard` in 1.3–1.x, `standard` in 2.x and 3.x, `{ "name": "ninjs", "version", "schema" }`
 * (ninjs-schema_1.3 … _3.3.json) — whose name is "ninjs" or whose schema URL names ninjs. Undeclared, by the
 * shape all of them require: `uri` is the one required property of every version (1.0 "required": true,
 * 2.x and 3.x "required": ["uri"]; `type` is optional everywhere), and every version closes the object
 * (additionalProperties / unevaluatedProperties false), so the other keys are ninjs properties — at least
 * half of them, so that a typo still reaches the ninjs checks, while a package.json, a JSON Feed or a
 * JSON-LD node (no `uri`, or keys of their own) does not.
 */
function isNinjs(value: Record<string, unknown>): boolean {
  if (typeof value['$schema'] === 'string' && /ninjs/i.test(value['$schema'])) return true;
  for (const container of ['standard', '$standard']) {
    const declared = value[container];
    if (!isObject(declared)) continue;
    const name = declared['name'];
    const schema = declared['schema'];
    if ((typeof name === 'string' && name.trim().toLowerCase() === 'ninjs') || (typeof schema === 'string' && /ninjs/i.test(schema))) return true;
  }
  return typeof value['uri'] === 'string' && mostlyNinjs(Object.keys(value).filter((key) => key !== 'uri'));
}

/** True when at least half of `keys` (all of none) are top-level properties of some ninjs version. */
function mostlyNinjs(keys: readonly string[]): boolean {
  return 2 * keys.filter(isNinjsProperty).length >= keys.length;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
