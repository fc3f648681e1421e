import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { CANONICAL_URL_ROLE, MEDIA_TOPIC_URI, NINJS_STANDARD } from '../emit/ninjs.ts';
import { AbsoluteUrlSchema, ArticleIdSchema, OffsetDateTimeSchema } from '../model/article.ts';
import type { Validator } from '../model/output.ts';

const SOURCE = 'validate:ninjs';

const TextSchema = z.string().min(1);
const LanguageSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "en" or "zh-CN"');
/** The form of a stable guid, as the Article model requires it (`tag:`, `urn:` or http(s) URI, no spaces). */
const GUID = /^(?:tag:|urn:|https?:\/\/)\S+$/;
const GuidSchema = z.string().regex(GUID, 'a tag:, urn: or http(s) URI without spaces');

/** A Media Topic: its English name and its http://cv.iptc.org/newscodes/mediatopic/<8 digits> URI. */
const MediaTopicSubjectSchema = z.strictObject({
  name: TextSchema,
  uri: z.string().regex(new RegExp(`^${MEDIA_TOPIC_URI.replace(/[.]/g, '\\.')}\\d{8}$`), `a Media Topic URI such as "${MEDIA_TOPIC_URI}14000000"`),
});

/** A keyword from front matter: an uncontrolled subject, name only. */
const KeywordSubjectSchema = z.strictObject({ name: TextSchema });

/** The one file of a photo, named like its NewsML-G2 rendition. */
const RenditionSchema = z.strictObject({
  name: z.literal('highRes'),
  href: AbsoluteUrlSchema,
  contentType: z.string().regex(/^image\/[a-z0-9.+-]+$/, 'an image MIME type such as "image/jpeg"').optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  sizeInBytes: z.number().int().positive().optional(),
});

/** A photo with a URL as an associated picture object. */
const PictureSchema = z.strictObject({
  name: z.string().regex(/^photo-[1-9]\d*$/, 'the photo\'s position, e.g. "photo-1"'),
  uri: GuidSchema,
  type: z.literal('picture'),
  copyrightNotice: TextSchema.optional(),
  language: LanguageSchema,
  descriptions: z.tuple([z.strictObject({ role: z.literal('caption'), contentType: z.literal('text/plain'), value: TextSchema })]),
  by: TextSchema.optional(),
  renditions: z.tuple([RenditionSchema]),
});

/**
 * The ninjs 3.1 properties syndicate promises in `articles/<id>/ninjs.json`, and nothing else: a strict
 * subset of IPTC's schema (whose property names it shares), pinned to what `toNinjs` writes.
 */
export const NinjsSchema = z.strictObject({
  /** The article's guid. */
  uri: GuidSchema,
  /** A text story. */
  type: z.literal('text'),
  /** Everything the model knows. */
  representationType: z.literal('full'),
  /** A positive integer as a string. */
  version: z.string().regex(/^[1-9]\d*$/, 'a positive integer as a string, e.g. "1"'),
  /** RFC 3339 with the publisher's offset. */
  firstCreated: OffsetDateTimeSchema,
  /** RFC 3339 with offset: the last modification, else the publication. */
  versionCreated: OffsetDateTimeSchema,
  /** RFC 3339 with offset: the publication. */
  contentCreated: OffsetDateTimeSchema,
  /** Always usable (no embargo or withdrawal yet). */
  pubStatus: z.literal('usable'),
  /** site.json copyright holder. */
  copyrightHolder: TextSchema,
  /** site.json copyright notice. */
  copyrightNotice: TextSchema,
  /** BCP 47 language tag. */
  language: LanguageSchema,
  /** The plain-text summary. */
  descriptions: z.tuple([z.strictObject({ role: z.literal('summary'), contentType: z.literal('text/plain'), value: TextSchema })]),
  /** The body as HTML paragraphs. */
  bodies: z.tuple([z.strictObject({ role: z.literal('main'), contentType: z.literal('text/html'), value: TextSchema })]),
  /** The headline, plain text. */
  headlines: z.tuple([z.strictObject({ role: z.literal('main'), value: TextSchema })]),
  /** Media Topics then keywords; absent when there are none. */
  subjects: z.array(z.union([MediaTopicSubjectSchema, KeywordSubjectSchema])).min(1).optional(),
  /** The byline; absent when the story has none. */
  by: TextSchema.optional(),
  /** The article id. */
  slugline: ArticleIdSchema,
  /** The dateline's place, when known. */
  located: TextSchema.optional(),
  /** Photos with a URL; absent when none has. */
  associations: z.array(PictureSchema).min(1).optional(),
  /** The canonical URL of the story's web page. */
  altIds: z.tuple([z.strictObject({ role: z.literal(CANONICAL_URL_ROLE), value: AbsoluteUrlSchema })]),
  /** ninjs 3.1 and its schema URI. */
  standard: z.strictObject({ name: z.literal(NINJS_STANDARD.name), version: z.literal(NINJS_STANDARD.version), schema: z.literal(NINJS_STANDARD.schema) }),
});

/** Keys whose values are ninjs date-times (`format: date-time`). */
const DATE_KEYS = new Set(['firstCreated', 'versionCreated', 'contentCreated', 'embargoedUntil', 'expires']);
/** A date or date-time without UTC offset: ninjs's `date-time` format needs one, and receivers would guess the zone. */
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
/** A start tag in body HTML (escaped text holds no raw `<`, so `&lt;a href=…&gt;` in a paragraph is not one). */
const HTML_START_TAG = /<[A-Za-z][^<>]*>/g;
/** An `href`/`src` attribute of a start tag, with its value in one of the three quoting styles. */
const HTML_URL_ATTRIBUTE = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

type PathSegment = string | number;
type Report = (ruleId: string, message: string, at?: readonly PathSegment[]) => Diagnostic;
/** Records a finding of a specific rule at a path, so that the generic schema finding there is not repeated. */
type Claim = (at: readonly PathSegment[], finding: Diagnostic) => void;

/** Validates one `ninjs.json`: JSON syntax, the promised ninjs shape, absolute URLs, offsets and stable uris. */
export const validateNinjs: Validator = (file) => {
  const path = `dist/${file.path}`;
  const origin = file.sources.join(', ') || undefined;
  const locate = positionFinder(file.text);
  const report: Report = (ruleId, message, at) => diagnostic('error', path, SOURCE, ruleId, message, at === undefined ? {} : locate(at), origin);

  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [diagnostic('error', path, SOURCE, 'invalid-json', `not valid JSON (${reason}); regenerate the file or fix the syntax`, jsonErrorPosition(file.text, error), origin)];
  }
  try {
    return checkParsed(value, report);
  } catch (error) {
    // Only pathological input gets here (nesting deep enough to exhaust the stack); never throw.
    return [report('schema', `could not be checked (${error instanceof Error ? error.message : String(error)}); regenerate the file with emitNinjs`)];
  }
};

function checkParsed(value: unknown, report: Report): Diagnostic[] {
  const found: Diagnostic[] = [];
  /** Paths a specific rule has reported; the generic schema finding for them would only repeat it. */
  const claimed = new Set<string>();
  const claim: Claim = (at, d) => {
    claimed.add(JSON.stringify(at));
    found.push(d);
  };

  walk(value, [], (key, node, at) => {
    if (typeof node !== 'string') return;
    if (DATE_KEYS.has(key) && LOCAL_DATE.test(node)) {
      claim(at, report('date-offset', `${formatPath(at)} "${node}" has no UTC offset; write RFC 3339 with the publisher's offset, e.g. "2024-09-04T21:03:00+08:00"`, at));
    }
    if (key === 'href' && !AbsoluteUrlSchema.safeParse(node).success) {
      claim(at, report('relative-url', `${formatPath(at)} "${node}" is not an absolute http(s) URL in normalised form; receivers resolve nothing in ninjs, so write the full URL (check the image URL in front matter)`, at));
    }
  });

  if (isRecord(value)) {
    checkUris(value, report, claim);
    checkCanonicalUrl(value, report, claim);
    found.push(...checkBodyUrls(value, report));
  }

  const parsed = NinjsSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
      if (claimed.has(JSON.stringify(at))) continue;
      found.push(report('schema', `${formatPath(at)}: ${describeIssue(issue, lookUp(value, at))}`, at));
    }
  }
  return found;
}

/**
 * `uri` is the article's stable guid, the same in every format, and each associated photo's uri is that guid
 * followed by ":" and the association's name (its NewsML-G2 picture item guid), so identities never depend
 * on a headline or on the order of files.
 */
function checkUris(item: Record<string, unknown>, report: Report, claim: Claim): void {
  const uri = item['uri'];
  if (typeof uri === 'string' && !GUID.test(uri)) {
    claim(['uri'], report('uri-stable', `uri "${uri}" is not a stable guid; use the article's guid (a tag:, urn: or http(s) URI without spaces, built from site.json "guidPrefix" and the article id)`, ['uri']));
  }
  const associations = item['associations'];
  if (!Array.isArray(associations)) return;
  const seen = new Set<string>();
  associations.forEach((association, index) => {
    if (!isRecord(association)) return;
    const at = ['associations', index, 'uri'];
    const own = association['uri'];
    const name = association['name'];
    if (typeof own !== 'string') return;
    // Compared with the item's uri only when that one is sound: a broken item uri is reported once, above.
    const expected = typeof uri === 'string' && GUID.test(uri) && typeof name === 'string' ? `${uri}:${name}` : undefined;
    if (!GUID.test(own) || (expected !== undefined && own !== expected)) {
      claim(at, report('uri-stable', `${formatPath(at)} "${own}" is not the photo's stable guid${expected === undefined ? '' : ` "${expected}"`}; a photo is identified by the article's guid and its position ("<uri>:photo-<n>"), as in NewsML-G2`, at));
    } else if (seen.has(own)) {
      claim(at, report('uri-stable', `${formatPath(at)} "${own}" is used by another association; every photo needs its own uri`, at));
    }
    seen.add(own);
  });
}

/** The canonical URL (altIds role "canonical-url") must be absolute: it is what receivers link to. */
function checkCanonicalUrl(item: Record<string, unknown>, report: Report, claim: Claim): void {
  const altIds = item['altIds'];
  if (!Array.isArray(altIds)) return;
  altIds.forEach((altId, index) => {
    if (!isRecord(altId) || altId['role'] !== CANONICAL_URL_ROLE || typeof altId['value'] !== 'string') return;
    const at = ['altIds', index, 'value'];
    if (!AbsoluteUrlSchema.safeParse(altId['value']).success) {
      claim(at, report('relative-url', `${formatPath(at)} "${altId['value']}" is not an absolute http(s) URL in normalised form; the canonical URL must be the story's full public address (check site.json "url" and "permalink")`, at));
    }
  });
}

/** standards.md §10 applied to ninjs bodies: links and images inside the HTML are absolute, or receivers break them. */
function checkBodyUrls(item: Record<string, unknown>, report: Report): Diagnostic[] {
  const bodies = item['bodies'];
  if (!Array.isArray(bodies)) return [];
  return bodies.flatMap((body, index) => {
    if (!isRecord(body) || typeof body['value'] !== 'string') return [];
    const at = ['bodies', index, 'value'];
    const attributes = [...body['value'].matchAll(HTML_START_TAG)].flatMap((tag) => [...tag[0].matchAll(HTML_URL_ATTRIBUTE)]);
    return attributes.flatMap((match) => {
      const url = decodeHtmlAttribute(match[1] ?? match[2] ?? match[3] ?? '');
      return /^https?:\/\//i.test(url) && URL.canParse(url)
        ? []
        : [report('relative-url', `${formatPath(at)} has ${match[0].trim()}, which is not an absolute http(s) URL; write the full URL in the article's HTML`, at)];
    });
  });
}

function decodeHtmlAttribute(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Node's JSON.parse messages carry "position N"; turn it into a 1-based line and column. */
function jsonErrorPosition(text: string, error: unknown): { line?: number; column?: number } {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return {};
  const before = text.slice(0, Number(match[1]));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/**
 * Returns a function giving the line and column of the value at a JSON path (or of its closest existing
 * ancestor). YAML 1.2 is a superset of JSON and its parser keeps source ranges; the document is parsed
 * only when a position is first asked for.
 */
function positionFinder(text: string): (at: readonly PathSegment[]) => { line?: number; column?: number } {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  return (at) => {
    try {
      if (!parsed) {
        const lines = new LineCounter();
        parsed = { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }), lines };
      }
      let current: Node | undefined = (parsed.doc.contents as Node | null) ?? undefined;
      for (const segment of at) {
        let next: unknown;
        if (isMap(current)) next = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))?.value;
        else if (isSeq(current) && typeof segment === 'number') next = current.items[segment];
        if (!(isMap(next) || isSeq(next) || isScalar(next))) break;
        current = next;
      }
      if (!current?.range) return {};
      const { line, col } = parsed.lines.linePos(current.range[0]);
      return { line, column: col };
    } catch {
      return {};
    }
  };
}

/** Calls `visit` for every property value in the tree with its key and path; array items get the array's key. */
function walk(value: unknown, at: PathSegment[], visit: (key: string, node: unknown, at: PathSegment[]) => void, key = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (Array.isArray(item) || isRecord(item)) walk(item, [...at, index], visit, key);
      else visit(key, item, [...at, index]);
    });
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (Array.isArray(v) || isRecord(v)) walk(v, [...at, k], visit, k);
      else visit(k, v, [...at, k]);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `associations[0].renditions[0].href`; the root is "the top level". */
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

function describeIssue(issue: z.core.$ZodIssue, actual: { found: boolean; value?: unknown }): string {
  if (issue.code === 'invalid_type') {
    if (!actual.found) return `is required; add it (expected ${issue.expected})`;
    return `expected ${issue.expected} but found ${describeValue(actual.value)}; correct the value`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: not among the ninjs properties syndicate promises; remove it (or add it to NinjsSchema)`;
  }
  if (issue.code === 'invalid_value') return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}; correct the value`;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'must not be empty; leave the field out instead';
  if (issue.code === 'too_big' && issue.origin === 'array') return `must hold exactly ${issue.maximum} item(s); remove the others`;
  if (issue.code === 'invalid_union') return 'expected a Media Topic {"name", "uri": "http://cv.iptc.org/newscodes/mediatopic/<code>"} or a keyword {"name"}; correct the value';
  if (issue.code === 'invalid_format' || issue.code === 'custom') return `expected ${issue.message}; correct the value`;
  return `${issue.message}; correct the value`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
