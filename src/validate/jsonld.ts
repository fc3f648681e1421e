import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { AbsoluteUrlSchema, OffsetDateTimeSchema } from '../model/article.ts';
import type { Validator } from '../model/output.ts';

const SOURCE = 'validate:jsonld';

const TextSchema = z.string().min(1);

/** A pixel length as `toNewsArticle` writes it: QuantitativeValue with UN/CEFACT unit `E37` (pixel). */
const PixelsSchema = z.strictObject({
  '@type': z.literal('QuantitativeValue'),
  value: z.number().int().positive(),
  unitCode: z.literal('E37'),
});

/** The publisher's logo: Google (AMP-era rules still applied by tools) wants its URL and pixel size. */
const LogoSchema = z.strictObject({
  '@type': z.literal('ImageObject'),
  url: AbsoluteUrlSchema,
  width: PixelsSchema,
  height: PixelsSchema,
});

/** The publishing Organization, with the `@id` other nodes refer to it by. */
const PublisherSchema = z.strictObject({
  '@type': z.literal('Organization'),
  '@id': AbsoluteUrlSchema,
  name: TextSchema,
  url: AbsoluteUrlSchema,
  logo: LogoSchema,
});

/** A byline: the name only, plus a profile URL when known. */
const PersonSchema = z.strictObject({
  '@type': z.literal('Person'),
  name: TextSchema,
  url: AbsoluteUrlSchema.optional(),
});

/** The publisher standing in as author when the story has no byline. */
const AuthorOrganizationSchema = z.strictObject({
  '@type': z.literal('Organization'),
  '@id': AbsoluteUrlSchema,
  name: TextSchema,
  url: AbsoluteUrlSchema,
});

/** A story photo with a URL, caption and, when known, size, credit and MIME type. */
const ImageObjectSchema = z.strictObject({
  '@type': z.literal('ImageObject'),
  url: AbsoluteUrlSchema,
  contentUrl: AbsoluteUrlSchema,
  width: PixelsSchema.optional(),
  height: PixelsSchema.optional(),
  caption: TextSchema,
  creditText: TextSchema.optional(),
  encodingFormat: z.string().regex(/^image\/[a-z0-9.+-]+$/, 'an image MIME type such as "image/jpeg"').optional(),
});

/** The schema.org NewsArticle fields syndicate promises in `articles/<id>/article.jsonld`, and nothing else. */
export const NewsArticleJsonLdSchema = z.strictObject({
  /** Always the https context (schema-dts `WithContext`). */
  '@context': z.literal('https://schema.org'),
  /** Always NewsArticle (the only type on which `dateline` is defined). */
  '@type': z.literal('NewsArticle'),
  /** `<url>#article`. */
  '@id': AbsoluteUrlSchema.refine((id) => id.endsWith('#article'), { message: 'the article URL followed by "#article"' }),
  /** Plain-text headline. */
  headline: TextSchema,
  /** RFC 3339 with the publisher's offset. */
  datePublished: OffsetDateTimeSchema,
  /** RFC 3339 with offset; equals `datePublished` when the story was never updated. */
  dateModified: OffsetDateTimeSchema,
  /** One Person per byline, or the publisher Organization. */
  author: z.array(z.discriminatedUnion('@type', [PersonSchema, AuthorOrganizationSchema])).min(1),
  /** The publisher with name and logo. */
  publisher: PublisherSchema,
  /** The canonical page. */
  mainEntityOfPage: z.strictObject({ '@type': z.literal('WebPage'), '@id': AbsoluteUrlSchema }),
  /** Canonical URL of the story. */
  url: AbsoluteUrlSchema,
  /** Sections, outermost first; absent when the story has none. */
  articleSection: z.array(TextSchema).min(1).optional(),
  /** BCP 47 language tag. */
  inLanguage: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "en" or "zh-CN"'),
  /** Plain-text summary. */
  description: TextSchema,
  /** Plain-text body, paragraphs separated by a blank line. */
  articleBody: TextSchema,
  /** Photos that have a URL; absent when none has. */
  image: z.array(ImageObjectSchema).min(1).optional(),
  /** The publisher by `@id`, or another Organization by name. */
  copyrightHolder: z.union([
    z.strictObject({ '@id': AbsoluteUrlSchema }),
    z.strictObject({ '@type': z.literal('Organization'), name: TextSchema }),
  ]),
  /** The site's copyright notice. */
  copyrightNotice: TextSchema,
  /** Keywords; absent when there are none. */
  keywords: z.array(TextSchema).min(1).optional(),
  /** Place line, when known. */
  dateline: TextSchema.optional(),
  /** The article's guid (`tag:`, `urn:` or http(s) URI). */
  identifier: z.string().regex(/^(?:tag:|urn:|https?:\/\/)\S+$/, 'a tag:, urn: or http(s) URI'),
});

/** Google's tools warn above this many characters (https://developers.google.com/search/docs/appearance/structured-data/article). */
const HEADLINE_MAX = 110;

/** Keys whose string values are URLs (IRIs) and must be absolute: crawlers resolve nothing in JSON-LD. */
const URL_KEYS = new Set(['@id', 'url', 'contentUrl', 'sameAs', 'thumbnailUrl', 'embedUrl', 'mainEntityOfPage', 'image', 'logo']);
/** Keys whose values are schema.org Date/DateTime values. */
const DATE_KEYS = new Set(['datePublished', 'dateModified', 'dateCreated', 'uploadDate', 'expires']);
/** A date or date-time without a UTC offset (ISO 8601 local time): ambiguous for every consumer. */
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

type PathSegment = string | number;

/** Validates one `article.jsonld`: JSON syntax, the promised NewsArticle shape, and publishing rules. */
export const validateJsonLd: Validator = (file) => {
  const path = `dist/${file.path}`;
  const origin = file.sources.join(', ') || undefined;
  const report: Report = (severity, ruleId, message, where = {}) => diagnostic(severity, path, SOURCE, ruleId, message, where, origin);

  const found: Diagnostic[] = [];
  found.push(...findUnsafeForHtml(file.text).map(({ line, column, char }) =>
    report(
      'error',
      'unsafe-for-html',
      `raw "${char}" in JSON-LD: inside <script type="application/ld+json"> "</script" or "<!--" would break the page; write it as ${escapeOf(char)} (formatJsonLd does this)`,
      { line, column },
    ),
  ));

  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [...found, report('error', 'invalid-json', `not valid JSON (${reason}); regenerate the file or fix the syntax`, jsonErrorPosition(file.text, error))];
  }
  try {
    found.push(...checkParsed(value, file.text, report));
  } catch (error) {
    // Only pathological input gets here (e.g. nesting deep enough to exhaust the stack); never throw.
    found.push(report('error', 'schema', `could not be checked (${error instanceof Error ? error.message : String(error)}); regenerate the file with formatJsonLd`));
  }
  return found;
};

type Report = (severity: 'error' | 'warning', ruleId: string, message: string, where?: { line?: number; column?: number }) => Diagnostic;

/** The rules that need the parsed value: offsets, absolute URLs, the promised shape, headline length, image. */
function checkParsed(value: unknown, text: string, report: Report): Diagnostic[] {
  const found: Diagnostic[] = [];

  const locate = positionFinder(text);
  const claimed = new Set<string>();

  walk(value, [], (key, node, at) => {
    if (typeof node !== 'string') return;
    if (DATE_KEYS.has(key) && LOCAL_DATE.test(node)) {
      claimed.add(pathKey(at));
      found.push(report('error', 'date-offset', `${formatPath(at)} "${node}" has no UTC offset; write it as RFC 3339 with the publisher's offset, e.g. "2024-09-04T21:03:00+08:00"`, locate(at)));
    }
    if (URL_KEYS.has(key)) {
      if (!AbsoluteUrlSchema.safeParse(node).success) {
        claimed.add(pathKey(at));
        found.push(report('error', 'relative-url', `${formatPath(at)} "${node}" is not an absolute http(s) URL; consumers resolve nothing in JSON-LD, so write the full URL (check site.json "url" and the front matter)`, locate(at)));
      }
    }
  });

  const parsed = NewsArticleJsonLdSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
      if (claimed.has(pathKey(at))) continue; // a specific rule already said it better
      found.push(report('error', 'schema', `${formatPath(at)}: ${describeIssue(issue, lookUp(value, at))}`, locate(at)));
    }
  }

  if (isRecord(value)) {
    const headline = value['headline'];
    if (typeof headline === 'string' && [...headline].length > HEADLINE_MAX) {
      found.push(
        report('warning', 'headline-length', `headline is ${[...headline].length} characters; Google's tools warn above ${HEADLINE_MAX}: shorten it or set a shorter headline in front matter`, locate(['headline'])),
      );
    }
    const image = value['image'];
    if (image === undefined || (Array.isArray(image) && image.length === 0)) {
      found.push(report('warning', 'missing-image', 'no image: Google recommends at least one crawlable image for articles; add an image URL in front matter'));
    }
  }
  return found;
}

/** One finding per line that holds a raw `<`, `>` or `&`, at its first such character. */
function findUnsafeForHtml(text: string): { line: number; column: number; char: string }[] {
  return text.split('\n').flatMap((lineText, index) => {
    const column = lineText.search(/[<>&]/);
    return column < 0 ? [] : [{ line: index + 1, column: column + 1, char: lineText.charAt(column) }];
  });
}

function escapeOf(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Node's JSON.parse messages carry "position N"; turn it into a 1-based line and column. */
function jsonErrorPosition(text: string, error: unknown): { line?: number; column?: number } {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return {};
  const before = text.slice(0, Number(match[1]));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/**
 * Returns a function giving the line and column of the value at a JSON path (or of its closest
 * existing ancestor). YAML 1.2 is a superset of JSON, and the yaml parser keeps source ranges.
 * The document is parsed only when a position is first asked for.
 */
function positionFinder(text: string): (at: readonly PathSegment[]) => { line?: number; column?: number } {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  return (at) => {
    try {
      if (!parsed) {
        const lines = new LineCounter();
        parsed = { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }), lines };
      }
      const node = nodeAt(parsed.doc.contents as Node | null, at);
      if (!node?.range) return {};
      const { line, col } = parsed.lines.linePos(node.range[0]);
      return { line, column: col };
    } catch {
      return {};
    }
  };
}

function nodeAt(root: Node | null, at: readonly PathSegment[]): Node | undefined {
  let current: Node | undefined = root ?? undefined;
  for (const segment of at) {
    let next: unknown;
    if (isMap(current)) next = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))?.value;
    else if (isSeq(current) && typeof segment === 'number') next = current.items[segment];
    if (!isNodeLike(next)) break;
    current = next;
  }
  return current;
}

function isNodeLike(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}

/** Calls `visit` for every property value in the tree with its key and path; array items get the array's key. */
function walk(value: unknown, at: PathSegment[], visit: (key: string, node: unknown, at: PathSegment[]) => void, key = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemPath = [...at, index];
      if (!Array.isArray(item) && !isRecord(item)) visit(key, item, itemPath);
      else walk(item, itemPath, visit, key);
    });
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      const childPath = [...at, k];
      if (Array.isArray(v) || isRecord(v)) walk(v, childPath, visit, k);
      else visit(k, v, childPath);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathKey(at: readonly PathSegment[]): string {
  return JSON.stringify(at);
}

/** `author[0].name`; the root is "the top level". */
function formatPath(at: readonly PathSegment[]): string {
  if (at.length === 0) return 'the top level';
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The value at a path, or `{ found: false }` when the path does not exist (zod 4 leaves `issue.input` out). */
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

/** What each union-valued field may hold, for messages (zod only says "Invalid input"). */
const UNION_SHAPES: Record<string, string> = {
  author: '{"@type": "Person", "name": …} or the publisher {"@type": "Organization", "@id", "name", "url"}',
  copyrightHolder: '{"@id": "<site url>#organization"} or {"@type": "Organization", "name": …}',
};

function describeIssue(issue: z.core.$ZodIssue, actual: { found: boolean; value?: unknown }): string {
  if (issue.code === 'invalid_type') {
    if (!actual.found) return `is required; add it (expected ${issue.expected})`;
    return `expected ${issue.expected} but found ${describeValue(actual.value)}; correct the value`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: not among the fields syndicate promises; remove it (or add it to NewsArticleJsonLdSchema)`;
  }
  if (issue.code === 'invalid_value') return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}; correct the value`;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'must not be empty; leave the field out instead';
  if (issue.code === 'invalid_union') return `expected ${UNION_SHAPES[String(issue.path[0])] ?? 'one of the allowed shapes'}; correct the value`;
  if (issue.code === 'invalid_format' || issue.code === 'custom') return `expected ${issue.message}; correct the value`;
  return `${issue.message}; correct the value`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
