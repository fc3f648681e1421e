/**
 * The house rules of syndicate's JSON-LD (`articles/<id>/article.jsonld`): the @graph syndicate writes,
 * its links, and what makes it safe to paste into a page. The schema.org vocabulary and Google's Article
 * recommendations are the standard layer's (standard/jsonld).
 */
import { z } from 'zod';
import { AbsoluteUrlSchema, OffsetDateTimeSchema } from '../../model/article.ts';
import {
  GUID,
  LOCAL_DATE,
  LanguageSchema,
  TextSchema,
  describeIssue,
  describeValue,
  formatPath,
  isRecord,
  lookUp,
  pathKey,
  schemaIssues,
  walk,
  type IssueWording,
  type PathSegment,
} from '../json/shapes.ts';
import type { Finding } from '../rule.ts';
import type { HOUSE_JSONLD_RULES } from '../rules/house-json.ts';

type JsonLdRule = (typeof HOUSE_JSONLD_RULES)[number]['id'];


/** An absolute URL whose fragment is `#<fragment>` (`<site url>#organization`, `<article url>#article`). */
function idEndingWith(fragment: RegExp, example: string) {
  return AbsoluteUrlSchema.refine((id) => fragment.test(id), { message: `an @id ending in "${example}"` });
}

/** A node reference: an object with `@id` only, resolved within the graph. */
const RefSchema = z.strictObject({ '@id': AbsoluteUrlSchema });

/** A pixel length as the emitter writes it: QuantitativeValue with UN/CEFACT unit `E37` (pixel). */
const PixelsSchema = z.strictObject({
  '@type': z.literal('QuantitativeValue'),
  value: z.number().int().positive(),
  unitCode: z.literal('E37'),
});

/** An Organization given by name only (a copyright holder or image creator other than the publisher). */
const NamedOrganizationSchema = z.strictObject({ '@type': z.literal('Organization'), name: TextSchema });

/** `<site url>#website`: the publication's site. */
const WebSiteNodeSchema = z.strictObject({
  '@type': z.literal('WebSite'),
  '@id': idEndingWith(/#website$/, '#website'),
  url: AbsoluteUrlSchema,
  name: TextSchema,
  inLanguage: LanguageSchema,
  /** The Organization node. */
  publisher: RefSchema,
});

/** `<site url>#organization`: the publisher, with its logo (URL and pixel size, as Google's logo rules want). */
const OrganizationNodeSchema = z.strictObject({
  '@type': z.literal('Organization'),
  '@id': idEndingWith(/#organization$/, '#organization'),
  name: TextSchema,
  url: AbsoluteUrlSchema,
  logo: z.strictObject({
    '@type': z.literal('ImageObject'),
    '@id': idEndingWith(/#logo$/, '#logo'),
    url: AbsoluteUrlSchema,
    contentUrl: AbsoluteUrlSchema,
    width: PixelsSchema,
    height: PixelsSchema,
    caption: TextSchema,
  }).optional(),
});

/** The canonical page of the story; its `@id` is the article URL. */
const WebPageNodeSchema = z
  .strictObject({
    '@type': z.literal('WebPage'),
    '@id': AbsoluteUrlSchema,
    url: AbsoluteUrlSchema,
    /** The headline. */
    name: TextSchema,
    /** The WebSite node. */
    isPartOf: RefSchema,
    inLanguage: LanguageSchema,
    datePublished: OffsetDateTimeSchema,
    dateModified: OffsetDateTimeSchema,
    /** The BreadcrumbList node, when the site configures section pages. */
    breadcrumb: RefSchema.optional(),
    /** The article's first photo with a URL. */
    primaryImageOfPage: RefSchema.optional(),
    description: TextSchema,
  })
  .refine((page) => page['@id'] === page.url, { message: 'an @id equal to the page url (the canonical article URL)', path: ['@id'] });

/** schema.org CorrectionComment (a Comment, so `text` and `datePublished` are its own CreativeWork properties). */
const CorrectionCommentSchema = z.strictObject({
  '@type': z.literal('CorrectionComment'),
  /** What was wrong, plain text. */
  text: TextSchema,
  /** RFC 3339 with offset: when the corrected version was issued. */
  datePublished: OffsetDateTimeSchema,
});

/** `<url>#article`: everything the story says about itself; other nodes by reference. */
const NewsArticleNodeSchema = z
  .strictObject({
    '@type': z.literal('NewsArticle'),
    '@id': idEndingWith(/#article$/, '#article'),
    /** Plain-text headline. */
    headline: TextSchema,
    /** RFC 3339 with the publisher's offset. */
    datePublished: OffsetDateTimeSchema,
    /** RFC 3339 with offset; equals `datePublished` when the story was never updated. */
    dateModified: OffsetDateTimeSchema,
    /** The correction notice, when the story was corrected: what was wrong, and when the correction was issued. */
    correction: CorrectionCommentSchema.optional(),
    /** Person nodes (one per byline) or the Organization node. */
    author: z.array(RefSchema).min(1),
    /** The Organization node. */
    publisher: RefSchema,
    /** The WebPage node. */
    mainEntityOfPage: RefSchema,
    /** The WebPage node. */
    isPartOf: RefSchema,
    /** Canonical URL of the story. */
    url: AbsoluteUrlSchema,
    /** Sections, outermost first; absent when the story has none. */
    articleSection: z.array(TextSchema).min(1).optional(),
    inLanguage: LanguageSchema,
    /** Plain-text summary. */
    description: TextSchema,
    /** Plain-text body, paragraphs separated by a blank line. */
    articleBody: TextSchema,
    /** ImageObject nodes of the photos that have a URL; absent when none has. */
    image: z.array(RefSchema).min(1).optional(),
    /** The Organization node, or another Organization by name. */
    copyrightHolder: z.union([RefSchema, NamedOrganizationSchema]),
    copyrightNotice: TextSchema,
    /** Year of `datePublished` in its own offset. */
    copyrightYear: z.number().int().min(1000).max(9999),
    /** Keywords; absent when there are none. */
    keywords: z.array(TextSchema).min(1).optional(),
    /** Place line, when known. */
    dateline: TextSchema.optional(),
    /** The article's guid (`tag:`, `urn:` or http(s) URI). */
    identifier: z.string().regex(GUID, 'a tag:, urn: or http(s) URI'),
    /** Words in `articleBody`. */
    wordCount: z.number().int().nonnegative(),
  })
  // (An @id not ending in "#article" is already reported by the field's own check.)
  .refine((article) => !article['@id'].endsWith('#article') || article['@id'] === `${article.url}#article`, {
    message: 'an @id equal to the article url followed by "#article"',
    path: ['@id'],
  });

/** `<url>#image-<n>`: a photo with a URL; size, credit, creator, notice and MIME type when known. */
const ImageObjectNodeSchema = z.strictObject({
  '@type': z.literal('ImageObject'),
  '@id': idEndingWith(/#image-[1-9]\d*$/, '#image-<n>'),
  url: AbsoluteUrlSchema,
  contentUrl: AbsoluteUrlSchema,
  width: PixelsSchema.optional(),
  height: PixelsSchema.optional(),
  caption: TextSchema,
  creditText: TextSchema.optional(),
  /** A Person node, the Organization node, or another Organization by name. */
  creator: z.union([RefSchema, NamedOrganizationSchema]).optional(),
  copyrightNotice: TextSchema.optional(),
  encodingFormat: z.string().regex(/^image\/[a-z0-9.+-]+$/, 'an image MIME type such as "image/jpeg"').optional(),
});

/** One breadcrumb step: Google wants `position`, `name` and `item` (the page's URL). */
const ListItemSchema = z.strictObject({
  '@type': z.literal('ListItem'),
  position: z.number().int().positive(),
  name: TextSchema,
  item: AbsoluteUrlSchema,
});

/** `<url>#breadcrumb`: Home, each section page, the story; positions 1..n in order. */
const BreadcrumbListNodeSchema = z
  .strictObject({
    '@type': z.literal('BreadcrumbList'),
    '@id': idEndingWith(/#breadcrumb$/, '#breadcrumb'),
    itemListElement: z.array(ListItemSchema).min(2),
  })
  .refine((list) => list.itemListElement.every((item, i) => item.position === i + 1), {
    message: 'positions 1, 2, 3, … in order',
    path: ['itemListElement'],
  });

/** `<site url>#/schema/person/<slug>`: a byline or photographer; `url` when known (Google: `url` or `sameAs`). */
const PersonNodeSchema = z.strictObject({
  '@type': z.literal('Person'),
  '@id': idEndingWith(/#\/schema\/person\/[^/]+$/, '#/schema/person/<slug>'),
  name: TextSchema,
  url: AbsoluteUrlSchema.optional(),
});

const NodeSchema = z.discriminatedUnion('@type', [
  NewsArticleNodeSchema,
  WebPageNodeSchema,
  ImageObjectNodeSchema,
  BreadcrumbListNodeSchema,
  WebSiteNodeSchema,
  OrganizationNodeSchema,
  PersonNodeSchema,
]);

/** Node types that each graph has exactly once; BreadcrumbList at most once; ImageObject and Person any number. */
const EXACTLY_ONCE = ['NewsArticle', 'WebPage', 'WebSite', 'Organization'] as const;
const AT_MOST_ONCE = ['BreadcrumbList'] as const;

/** What each reference must resolve to, by `<node type>.<property>`. */
const REFERENCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'WebSite.publisher': ['Organization'],
  'WebPage.isPartOf': ['WebSite'],
  'WebPage.breadcrumb': ['BreadcrumbList'],
  'WebPage.primaryImageOfPage': ['ImageObject'],
  'NewsArticle.author': ['Person', 'Organization'],
  'NewsArticle.publisher': ['Organization'],
  'NewsArticle.mainEntityOfPage': ['WebPage'],
  'NewsArticle.isPartOf': ['WebPage'],
  'NewsArticle.image': ['ImageObject'],
  'NewsArticle.copyrightHolder': ['Organization', 'Person'],
  'ImageObject.creator': ['Person', 'Organization'],
};

/**
 * The schema.org `@graph` syndicate promises in `articles/<id>/article.jsonld`, and nothing else:
 * the node shapes above, each required type exactly once, `@id`s unique, every node but the
 * NewsArticle linked from another, and every `{"@id"}` reference resolving to a node of a type in
 * the property's range. Unresolved references carry `params.ruleId = "dangling-reference"`.
 */
export const JsonLdGraphSchema = z
  .strictObject({
    /** Always the https context (schema-dts `Graph`). */
    '@context': z.literal('https://schema.org'),
    '@graph': z.array(NodeSchema).min(1),
  })
  // Runs even when a node is malformed, so one broken field does not hide a missing node or a dangling link.
  .superRefine((graph, ctx) => checkLinks(graph, ctx), { when: () => true });

type Issue = { message: string; path: PathSegment[]; ruleId?: string };

function checkLinks(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  for (const { message, path, ruleId } of findLinkIssues(value)) {
    ctx.addIssue({ code: 'custom', message, path, input: undefined, params: { graph: true, ...(ruleId !== undefined ? { ruleId } : {}) } });
  }
}

/** A node of the graph (top level or embedded) with its `@type` and its path. */
interface Located {
  node: Record<string, unknown>;
  type: string | undefined;
  at: PathSegment[];
}

/** Graph-level rules on raw input (never assumes the node shapes held): counts, unique ids, resolution, linkage. */
function findLinkIssues(value: unknown): Issue[] {
  const graph = isRecord(value) ? value['@graph'] : undefined;
  if (!Array.isArray(graph)) return [];
  const issues: Issue[] = [];
  const top = graph.flatMap((node, i): Located[] => (isRecord(node) ? [{ node, type: typeOf(node), at: ['@graph', i] }] : []));

  for (const type of EXACTLY_ONCE) {
    const count = top.filter((n) => n.type === type).length;
    if (count !== 1) issues.push({ path: ['@graph'], message: `${count === 0 ? 'has no' : `has ${count}`} ${type} node${count === 0 ? '' : 's'}; the graph holds exactly one` });
  }
  for (const type of AT_MOST_ONCE) {
    const count = top.filter((n) => n.type === type).length;
    if (count > 1) issues.push({ path: ['@graph'], message: `has ${count} ${type} nodes; the graph holds at most one` });
  }

  const defined = new Map<string, Located>();
  const nodes = definitions(graph, ['@graph']);
  for (const located of nodes) {
    const id = located.node['@id'];
    if (typeof id !== 'string') continue;
    if (defined.has(id)) issues.push({ path: [...located.at, '@id'], message: `"${id}" is already the @id of ${formatPath(defined.get(id)!.at)}; every node needs its own @id` });
    else defined.set(id, located);
  }

  const referenced = new Set<string>();
  for (const { node, type, at } of nodes) {
    for (const [key, child] of Object.entries(node)) {
      (Array.isArray(child) ? child : [child]).forEach((item, i) => {
        if (!isReference(item)) return;
        const where = Array.isArray(child) ? [...at, key, i] : [...at, key];
        const id = item['@id'];
        referenced.add(id);
        const target = defined.get(id);
        if (target === undefined) {
          issues.push({ path: [...where, '@id'], ruleId: 'dangling-reference', message: `refers to "${id}", which is no node of the graph; add the node or correct the @id` });
          return;
        }
        const expected = type === undefined ? undefined : REFERENCE_TYPES[`${type}.${key}`];
        if (expected !== undefined && (target.type === undefined || !expected.includes(target.type))) {
          issues.push({ path: [...where, '@id'], message: `refers to a ${target.type ?? 'node without @type'} (${formatPath(target.at)}), but ${type}.${key} must refer to ${expected.join(' or ')}` });
        }
      });
    }
  }
  for (const { node, type, at } of top) {
    const id = node['@id'];
    if (type !== 'NewsArticle' && typeof id === 'string' && !referenced.has(id)) {
      issues.push({ path: [...at, '@id'], message: `the ${type ?? 'node'} "${id}" is not referenced by any other node; link it by @id or leave it out` });
    }
  }
  return issues;
}

/** Every node definition (an object with `@id` and more) in the tree, with its path. */
function definitions(value: unknown, at: PathSegment[]): Located[] {
  const found: Located[] = [];
  collectDefinitions(value, [...at], found);
  return found;
}

/** Depth first, a node before what it contains; `path` is extended and restored in place, copied only for a definition. */
function collectDefinitions(value: unknown, path: PathSegment[], found: Located[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      collectDefinitions(value[i], path, found);
      path.pop();
    }
    return;
  }
  if (!isRecord(value)) return;
  if (typeof value['@id'] === 'string' && !isReference(value)) found.push({ node: value, type: typeOf(value), at: [...path] });
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'object' || v === null) continue;
    path.push(k);
    collectDefinitions(v, path, found);
    path.pop();
  }
}

function isReference(value: unknown): value is { '@id': string } {
  return isRecord(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1;
}

function typeOf(node: Record<string, unknown>): string | undefined {
  const type = node['@type'];
  return typeof type === 'string' ? type : undefined;
}

/** Keys whose string values are URLs (IRIs) and must be absolute: crawlers resolve nothing in JSON-LD. */
const URL_KEYS = new Set(['@id', 'url', 'contentUrl', 'sameAs', 'thumbnailUrl', 'embedUrl', 'mainEntityOfPage', 'image', 'logo', 'item']);
/** Keys whose values are schema.org Date/DateTime values. */
const DATE_KEYS = new Set(['datePublished', 'dateModified', 'dateCreated', 'uploadDate', 'expires']);

/**
 * Checks one `article.jsonld` against what syndicate promises of its parsed value: dates with offsets,
 * absolute URLs, the promised graph and its links. {@link findUnsafeForHtml} checks its text.
 */
export function checkJsonLdHouse(value: unknown): Finding<JsonLdRule>[] {
  const found: Finding<JsonLdRule>[] = [];
  const claimed = new Set<string>();
  walk(value, (key, node, at) => {
    if (typeof node !== 'string') return;
    if (DATE_KEYS.has(key) && LOCAL_DATE.test(node)) {
      claimed.add(pathKey(at));
      found.push({ rule: 'date-offset', message: `${describePath(value, at)} "${node}" has no UTC offset; write it as RFC 3339 with the publisher's offset, e.g. "2024-09-04T21:03:00+08:00"`, at: { path: [...at] } });
    }
    if (URL_KEYS.has(key) && !AbsoluteUrlSchema.safeParse(node).success) {
      claimed.add(pathKey(at));
      found.push({ rule: 'relative-url', message: `${describePath(value, at)} "${node}" is not an absolute http(s) URL in normalised form; consumers resolve nothing in JSON-LD, so write the full URL (check site.json "url" and the front matter)`, at: { path: [...at] } });
    }
  });
  for (const { issue, at } of schemaIssues(JsonLdGraphSchema, value, claimed)) {
    const rule = issue.code === 'custom' && issue.params?.['ruleId'] === 'dangling-reference' ? 'dangling-reference' : 'schema';
    found.push({ rule, message: `${describePath(value, at)}: ${describeIssue(issue, lookUp(value, at), WORDING)}`, at: { path: at } });
  }
  found.push(...findImageAdvice(value));
  return found;
}

/** Google Article docs: images should be at least 50,000 pixels when width and height are multiplied. */
const IMAGE_MIN_PIXELS = 50_000;

/**
 * What Google recommends of an article's images that the source did not let syndicate state: their size
 * (`image-size`) and a credit, creator or notice (`image-licence`), each one warning listing every case,
 * naming what to add in front matter. Whether there is an image at all is the standard layer's `article-image`.
 */
function findImageAdvice(value: unknown): Finding<JsonLdRule>[] {
  const graph = isRecord(value) ? value['@graph'] : undefined;
  if (!Array.isArray(graph)) return [];
  const articleIndex = graph.findIndex((node) => isRecord(node) && node['@type'] === 'NewsArticle');
  const article = graph[articleIndex];
  if (!isRecord(article)) return [];
  const byId = new Map(definitions(graph, ['@graph']).map((d) => [d.node['@id'] as string, d] as const));
  const field = article['image'];
  const images = (Array.isArray(field) ? field : field === undefined ? [] : [field]).flatMap((item, i): { node: Record<string, unknown>; at: PathSegment[] }[] => {
    if (isReference(item)) {
      const target = byId.get(item['@id']);
      return target ? [{ node: target.node, at: target.at }] : [];
    }
    return isRecord(item) ? [{ node: item, at: ['@graph', articleIndex, 'image', ...(Array.isArray(field) ? [i] : [])] }] : [];
  });
  const found: Finding<JsonLdRule>[] = [];
  // Only the story's images: the publisher logo follows its own rules (AMP-era "fit in 600×60"), not the 50,000 px one.
  const unsized = images.flatMap(({ node, at }) => {
    const width = pixelsOf(node['width']);
    const height = pixelsOf(node['height']);
    if (width === undefined || height === undefined) return [{ at, text: `${nameOfImage(node)} has no ${width === undefined && height === undefined ? 'width and height' : width === undefined ? 'width' : 'height'}` }];
    return width * height < IMAGE_MIN_PIXELS ? [{ at, text: `${nameOfImage(node)} is ${width}×${height} = ${width * height} pixels` }] : [];
  });
  if (unsized[0] !== undefined) {
    found.push({ rule: 'image-size', message: `${unsized.map((u) => u.text).join('; ')}: Google wants images of at least ${IMAGE_MIN_PIXELS} pixels (width × height); give width and height in front matter, or use a larger image`, at: { path: unsized[0].at } });
  }
  // Google image licence metadata: contentUrl plus at least one of creator, creditText, copyrightNotice, license.
  const unlicensed = images.filter(({ node }) => !['creditText', 'creator', 'copyrightNotice', 'license'].some((k) => node[k] !== undefined));
  if (unlicensed[0] !== undefined) {
    found.push({
      rule: 'image-licence',
      message: `${unlicensed.map(({ node }) => nameOfImage(node)).join(', ')} ${unlicensed.length === 1 ? 'has' : 'have'} no credit, creator or copyright notice, so Google shows no licence details; add "credit", "creator" or "copyright" for the photo in front matter (or a "Photo:" credit in the text)`,
      at: { path: unlicensed[0].at },
    });
  }
  return found;
}

/** A pixel length written as QuantitativeValue (`{"value": 1200}`) or a bare number. */
function pixelsOf(value: unknown): number | undefined {
  const n = isRecord(value) ? value['value'] : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function nameOfImage(node: Record<string, unknown>): string {
  const url = node['contentUrl'] ?? node['url'];
  return `image ${typeof url === 'string' ? url : typeof node['@id'] === 'string' ? node['@id'] : '(no URL)'}`;
}

/**
 * `unsafe-for-html` on the raw text, parsed or not: one finding per line that holds a raw `<`, `>`, `&`,
 * U+2028 or U+2029, at its first such character.
 */
export function findUnsafeForHtml(text: string): Finding<JsonLdRule>[] {
  const found: Finding<JsonLdRule>[] = [];
  const unsafe = /[<>&\u2028\u2029]/g;
  let lastLine = -2;
  for (let m = unsafe.exec(text); m !== null; m = unsafe.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index);
    if (lineStart === lastLine) continue;
    lastLine = lineStart;
    const char = m[0];
    found.push({
      rule: 'unsafe-for-html',
      message:
        char === '\u2028' || char === '\u2029'
          ? // JSON allows them raw (RFC 8259 §7), but JavaScript before ES2019 ends a string literal at them, and pages do inline JSON-LD into scripts.
            `raw ${escapeOf(char).replace('\\u', 'U+').toUpperCase()} in JSON-LD: a script that inlines the JSON would break on it; write it as ${escapeOf(char)} (formatJsonLd does this)`
          : `raw "${char}" in JSON-LD: inside <script type="application/ld+json"> "</script" or "<!--" would break the page; write it as ${escapeOf(char)} (formatJsonLd does this)`,
      at: { offset: m.index },
    });
  }
  return found;
}

function escapeOf(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The path with the type of the graph node it is in, so messages say which node: `NewsArticle @graph[0].headline`. */
function describePath(value: unknown, at: readonly PathSegment[]): string {
  const index = at[0] === '@graph' ? at[1] : undefined;
  const graph = isRecord(value) ? value['@graph'] : undefined;
  const node = typeof index === 'number' && Array.isArray(graph) ? graph[index] : undefined;
  const type = isRecord(node) ? typeOf(node) : undefined;
  return type === undefined ? formatPath(at) : `${type} ${formatPath(at)}`;
}

/** What each union-valued field may hold, for messages (zod only says "Invalid input"). */
const UNION_SHAPES: Record<string, string> = {
  copyrightHolder: '{"@id": "<site url>#organization"} or {"@type": "Organization", "name": …}',
  creator: '{"@id": "<a Person or Organization node>"} or {"@type": "Organization", "name": …}',
};

/** JSON-LD's own wording of zod findings: the node types and union shapes syndicate writes, and the graph rules' sentences. */
const WORDING: IssueWording = {
  promised: 'fields',
  schema: 'JsonLdGraphSchema',
  specific: (issue, actual) => {
    if (issue.code === 'invalid_union') {
      if (issue.discriminator === '@type') {
        return `${actual.found ? `${describeValue(actual.value)} is` : 'is missing:'} not a node type syndicate writes; expected one of NewsArticle, WebPage, ImageObject, BreadcrumbList, WebSite, Organization, Person`;
      }
      const key = [...issue.path].reverse().find((p): p is string => typeof p === 'string');
      return `expected ${(key !== undefined ? UNION_SHAPES[key] : undefined) ?? 'one of the allowed shapes'}; correct the value`;
    }
    // Graph-level findings are whole sentences; field refinements name what was expected.
    if (issue.code === 'custom' && issue.params?.['graph'] === true) return issue.message;
    return undefined;
  },
};
