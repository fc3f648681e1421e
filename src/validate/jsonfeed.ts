import { LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.ts';
import { JSON_FEED_VERSION, toJsonFeedUrl } from '../emit/jsonfeed.ts';
import { AbsoluteUrlSchema, OffsetDateTimeSchema } from '../model/article.ts';
import type { Validator } from '../model/output.ts';
import { nodeAt } from '../read/yamlpath.ts';

const SOURCE = 'validate:jsonfeed';

const TextSchema = z.string().min(1);
const LanguageSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag with hyphens, e.g. "en" or "zh-CN"');

/** JSON Feed 1.1 "authors" entry as `emitJsonFeed` writes it: a name, plus a page when known. */
const AuthorSchema = z.strictObject({
  /** The author's name. */
  name: TextSchema,
  /** The author's page. */
  url: AbsoluteUrlSchema.optional(),
});

/** One item: the fields of JSON Feed 1.1 §"Items" that we promise. */
const ItemSchema = z.strictObject({
  /** Unique and stable over time (spec: "id"): the article guid. */
  id: z.string().regex(/^(?:tag:|urn:|https?:\/\/)\S+$/, 'a tag:, urn: or http(s) URI'),
  /** Canonical URL of the article. */
  url: AbsoluteUrlSchema,
  /** Headline, plain text. */
  title: TextSchema,
  /** Article HTML. */
  content_html: TextSchema,
  /** Plain-text summary. */
  summary: TextSchema,
  /** Main image URL. */
  image: AbsoluteUrlSchema.optional(),
  /** RFC 3339 with offset. */
  date_published: OffsetDateTimeSchema,
  /** RFC 3339 with offset. */
  date_modified: OffsetDateTimeSchema,
  /** Bylines or the publisher. */
  authors: z.array(AuthorSchema).min(1),
  /** Section names. */
  tags: z.array(TextSchema).min(1).optional(),
  /** BCP 47 language of the item. */
  language: LanguageSchema,
});

/** The JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/) with exactly the fields we promise. */
const JsonFeedSchema = z.strictObject({
  /** Exactly the 1.1 version URL (readers pick the rules by it). */
  version: z.literal(JSON_FEED_VERSION),
  /** Feed title. */
  title: TextSchema,
  /** The publication's home page. */
  home_page_url: AbsoluteUrlSchema,
  /** Where this document is served. */
  feed_url: AbsoluteUrlSchema,
  /** Feed description. */
  description: TextSchema,
  /** BCP 47 language of the publication. */
  language: LanguageSchema,
  /** The publisher. */
  authors: z.array(AuthorSchema).min(1),
  /** The articles, possibly none. */
  items: z.array(ItemSchema),
});

/** Keys whose values are URLs in JSON Feed 1.1; readers resolve none of them against anything. */
const URL_KEYS = new Set(['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon', 'url', 'external_url', 'image', 'banner_image', 'avatar']);
/** Keys whose values are RFC 3339 dates. */
const DATE_KEYS = new Set(['date_published', 'date_modified']);
/** An ISO 8601 local date or date-time: no offset, so every reader guesses the zone. */
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

type PathSegment = string | number;
type Report = (severity: Severity, ruleId: string, message: string, at?: readonly PathSegment[]) => Diagnostic;

/** Checks `feed.json`: JSON syntax, the promised JSON Feed 1.1 shape, and the publishing rules. */
export const validateJsonFeed: Validator = (file, site) => {
  const path = `dist/${file.path}`;
  const origin = file.sources.join(', ') || undefined;
  const locate = positionFinder(file.text);
  const report: Report = (severity, ruleId, message, at) => diagnostic(severity, path, SOURCE, ruleId, message, at === undefined ? {} : locate(at), origin);

  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [diagnostic('error', path, SOURCE, 'invalid-json', `not valid JSON (${reason}); regenerate the file or fix the syntax`, jsonErrorPosition(file.text, error), origin)];
  }
  try {
    return checkParsed(value, site, report);
  } catch (error) {
    // Only pathological input gets here (e.g. nesting deep enough to exhaust the stack); never throw.
    return [report('error', 'schema', `could not be checked (${error instanceof Error ? error.message : String(error)}); regenerate the file with emitJsonFeed`)];
  }
};

function checkParsed(value: unknown, site: SiteConfig, report: Report): Diagnostic[] {
  const found: Diagnostic[] = [];
  /** Paths (and `path + key` for unknown keys) a specific rule has reported; the schema stays quiet about them. */
  const claimed = new Set<string>();

  walk(value, [], (key, node, at) => {
    if (key === 'author' && at.length > 0) {
      // JSON Feed 1.1 §"Changes": `author` is deprecated; 1.1 readers look at `authors` only.
      claimed.add(pathKey(at));
      const owner = at.length === 1 ? 'the feed' : `${formatPath(at.slice(0, -1))}`;
      found.push(report('warning', 'authors-deprecated-author', `${owner} has the singular "author", deprecated in JSON Feed 1.1; put every author in the "authors" array and remove "author"`, at));
      return 'skip';
    }
    if (typeof node !== 'string') return;
    if (URL_KEYS.has(key) && !isAbsoluteUrl(node)) {
      claimed.add(pathKey(at));
      found.push(report('error', 'relative-url', `${formatPath(at)} "${node}" is not an absolute http(s) URL; JSON Feed readers resolve nothing, so write the full URL (check site.json "url", "feed.baseUrl" and the front matter)`, at));
    }
    if (DATE_KEYS.has(key) && LOCAL_DATE.test(node)) {
      claimed.add(pathKey(at));
      found.push(report('error', 'date-offset', `${formatPath(at)} "${node}" has no UTC offset; JSON Feed dates are RFC 3339: write it with the publisher's offset, e.g. "2024-09-04T21:03:00+08:00"`, at));
    }
    if (key === 'content_html') found.push(...checkContentHtml(node, at, report));
  });

  if (isRecord(value)) {
    const feedUrl = value['feed_url'];
    const expected = toJsonFeedUrl(site);
    if (typeof feedUrl === 'string' && isAbsoluteUrl(feedUrl) && feedUrl !== expected) {
      found.push(report('error', 'feed-url', `feed_url "${feedUrl}" is not where this file is served; set it to "${expected}" (site.json "feed.baseUrl" + "feed.json") so readers can follow a moved feed`, ['feed_url']));
    }
    const items = value['items'];
    if (Array.isArray(items)) {
      const seen = new Map<string, number>();
      items.forEach((item: unknown, index) => {
        if (!isRecord(item) || typeof item['id'] !== 'string') return;
        const first = seen.get(item['id']);
        if (first === undefined) seen.set(item['id'], index);
        else {
          found.push(report('error', 'duplicate-id', `items[${index}].id "${item['id']}" repeats items[${first}].id; every item needs its own stable id (the article guid, never the headline)`, ['items', index, 'id']));
        }
      });
    }
  }

  const parsed = JsonFeedSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
      if (claimed.has(pathKey(at))) continue; // a specific rule already said it better
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.filter((k) => !claimed.has(pathKey([...at, k])));
        if (keys.length === 0) continue;
        found.push(report('error', 'schema', `${formatPath(at)}: unknown field(s) ${keys.map((k) => `"${k}"`).join(', ')}: not among the JSON Feed 1.1 fields syndicate promises; remove it (or add it to JsonFeedSchema)`, at));
        continue;
      }
      found.push(report('error', 'schema', `${formatPath(at)}: ${describeIssue(issue, lookUp(value, at))}`, at));
    }
  }
  return found;
}

/** True for `http://host…` / `https://host…`. */
function isAbsoluteUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/i.test(value);
}

/**
 * `unsafe-content` and `relative-url` inside `content_html`: readers strip or refuse script-like
 * markup (the same list the W3C Feed Validation Service flags in RSS/Atom content), and resolve
 * relative links against their own host.
 */
function checkContentHtml(html: string, at: readonly PathSegment[], report: Report): Diagnostic[] {
  const found: Diagnostic[] = [];
  const what = formatPath(at);
  for (const tag of scanHtmlTags(html)) {
    if (/^(?:script|iframe|object|embed)$/i.test(tag.name)) {
      found.push(report('error', 'unsafe-content', `${what} contains <${tag.name}>; feed readers strip it or reject the item. Remove it from the article HTML`, at));
    }
    for (const [name, attrValue] of tag.attrs) {
      if (/^on/i.test(name)) {
        found.push(report('error', 'unsafe-content', `${what} has an event-handler attribute ${name} on <${tag.name}>; remove it from the article HTML`, at));
      } else if (/^(?:href|src)$/i.test(name)) {
        if (/^\s*(?:javascript|vbscript|data):/i.test(attrValue)) {
          found.push(report('error', 'unsafe-content', `${what} <${tag.name} ${name}="${attrValue.slice(0, 40)}"> uses a script or data URL; link to an https URL instead`, at));
        } else if (!isAbsoluteUrl(attrValue.trim())) {
          found.push(report('error', 'relative-url', `${what} <${tag.name} ${name}="${attrValue}"> is not absolute; feed readers resolve it against their own host. Write an absolute https URL`, at));
        }
      }
    }
  }
  return found;
}

interface HtmlTag {
  name: string;
  attrs: [string, string][];
}

const TAG = /<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Start tags and their attributes (character references decoded) in an HTML fragment. */
function scanHtmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const match of html.matchAll(TAG)) {
    const attrs: [string, string][] = [];
    for (const a of (match[2] ?? '').matchAll(ATTRIBUTE)) attrs.push([a[1] ?? '', decodeHtml(a[2] ?? a[3] ?? a[4] ?? '')]);
    tags.push({ name: match[1] ?? '', attrs });
  }
  return tags;
}

/** Decodes the character references an attribute may use, so `&#106;avascript:` is seen as `javascript:`. */
function decodeHtml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Node's JSON.parse messages carry "position N"; turn it into a 1-based line and column. */
function jsonErrorPosition(text: string, error: unknown): { line?: number; column?: number } {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return {};
  const before = text.slice(0, Number(match[1]));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/**
 * The line and column of the value at a JSON path (or of its closest existing ancestor). YAML 1.2 is
 * a superset of JSON and its parser keeps source ranges; the text is parsed only when first needed.
 */
function positionFinder(text: string): (at: readonly PathSegment[]) => { line?: number; column?: number } {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  return (at) => {
    try {
      if (!parsed) {
        const lines = new LineCounter();
        parsed = { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }), lines };
      }
      const node = nodeAt(parsed.doc.contents as Node | null, at.map(String));
      if (!node?.range) return {};
      const { line, col } = parsed.lines.linePos(node.range[0]);
      return { line, column: col };
    } catch {
      return {};
    }
  };
}

/** Calls `visit` for every property value with its key and path; array items get the array's key. `'skip'` skips a subtree. */
function walk(value: unknown, at: PathSegment[], visit: (key: string, node: unknown, at: PathSegment[]) => 'skip' | void, key = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemPath = [...at, index];
      if (!Array.isArray(item) && !isRecord(item)) visit(key, item, itemPath);
      else walk(item, itemPath, visit, key);
    });
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      const childPath = [...at, k];
      if (visit(k, v, childPath) === 'skip') continue;
      if (Array.isArray(v) || isRecord(v)) walk(v, childPath, visit, k);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathKey(at: readonly PathSegment[]): string {
  return JSON.stringify(at);
}

/** `items[0].authors[1].url`; the root is "the top level". */
function formatPath(at: readonly PathSegment[]): string {
  if (at.length === 0) return 'the top level';
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The value at a path, or `{ found: false }` (zod 4 leaves `issue.input` out). */
function lookUp(value: unknown, at: readonly PathSegment[]): { found: boolean; value?: unknown } {
  let current = value;
  for (const segment of at) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
    } else {
      if (!isRecord(current) || !Object.hasOwn(current, segment)) return { found: false };
      current = current[segment];
    }
  }
  return { found: true, value: current };
}

function describeIssue(issue: z.core.$ZodIssue, actual: { found: boolean; value?: unknown }): string {
  if (issue.code === 'invalid_type') {
    if (!actual.found) return `is required; add it (expected ${issue.expected})`;
    return `expected ${issue.expected} but found ${describeValue(actual.value)}; correct the value`;
  }
  if (issue.code === 'invalid_value') return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}; correct the value`;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'must not be empty; leave the field out instead';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty; write the text or leave the field out';
  if (issue.code === 'invalid_format' || issue.code === 'custom') return `expected ${issue.message}; correct the value`;
  return `${issue.message}; correct the value`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
