import { Temporal } from 'temporal-polyfill';
import { LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { AbsoluteUrlSchema } from './model/article.ts';
import { nodeAt } from './read/yamlpath.ts';

/** An IANA time-zone name that the time-zone database knows (`Asia/Shanghai`, `UTC`). */
const TimeZoneSchema = z.string().refine(isIanaTimeZone, {
  message: 'an IANA time-zone name such as "Asia/Shanghai" (UTC offsets and abbreviations are not accepted)',
});

/** A site-level URL that paths are resolved against: absolute and ending in `/`. */
const BaseUrlSchema = AbsoluteUrlSchema.refine((u) => u.endsWith('/'), { message: 'a URL ending in "/"' });

/** An IPTC Media Topic reference (https://cv.iptc.org/newscodes/mediatopic/). */
export const MediaTopicSchema = z.strictObject({
  /** Media Topic qcode, e.g. `medtop:14000000`. */
  qcode: z.string().regex(/^medtop:\d{8}$/, 'a Media Topic qcode such as "medtop:14000000"'),
  /** The topic's English name as IPTC publishes it, e.g. `society`. */
  name: z.string().min(1),
});

/** `input/site.json`: everything about the publication that articles do not say themselves. */
export const SiteConfigSchema = z.strictObject({
  /** Publication name ("Global Times"). */
  name: z.string().min(1),
  /** Home page of the publication; article permalinks are resolved against it. */
  url: BaseUrlSchema,
  /** BCP 47 language of the articles ("en", "zh-CN"). */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag with hyphens, e.g. "en" or "zh-CN"'),
  /** IANA time zone in which wire-copy times without offset are read. */
  timeZone: TimeZoneSchema,
  /** Publisher logo for JSON-LD (Google: a URL plus the pixel size). */
  logo: z.strictObject({
    url: AbsoluteUrlSchema,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  /** Rights statement carried by every output. */
  copyright: z.strictObject({
    /** Who holds the copyright ("Global Times"). */
    holder: z.string().min(1),
    /** The notice readers see ("Copyright 2024 Global Times. All rights reserved."). */
    notice: z.string().min(1),
  }),
  /** Feed-level metadata. */
  feed: z.strictObject({
    /** Feed title. */
    title: z.string().min(1),
    /** Feed description / subtitle. */
    description: z.string().min(1),
    /** Public URL at which the contents of `dist/` are served; feed self links are resolved against it. */
    baseUrl: BaseUrlSchema,
    /** Most items in one feed (the site feeds and every section feed), newest first; ties broken by id. */
    limit: z.number().int().min(1).max(10_000).default(50),
  }),
  /**
   * How an article's canonical URL is made when front matter gives none: a path or URL resolved
   * against `url`, with `{id}`, `{yyyy}`, `{mm}`, `{dd}` (publication date in the publication's zone)
   * and `{section}` (the first section, lowercased and hyphenated).
   */
  permalink: z.string().regex(/\{id\}/, 'a pattern that contains "{id}", e.g. "/page/{yyyy}{mm}/{id}.shtml"'),
  /**
   * URL pattern of the publisher's section pages, resolved against `url`, with `{path}` = the
   * slugged section path (`china/society`). Used for JSON-LD breadcrumbs; without it no
   * BreadcrumbList is emitted (section page URLs are never guessed).
   */
  sectionPermalink: z.string().regex(/\{path\}/, 'a pattern that contains "{path}", e.g. "/{path}/"').optional(),
  /** Prefix of every article's guid, followed by the article id: a `tag:` URI (RFC 4151) or `urn:` prefix. */
  guidPrefix: z.string().regex(/^(?:tag:[a-z0-9.-]+,\d{4}(?:-\d{2}(?:-\d{2})?)?:|urn:[a-z0-9][a-z0-9-]{0,31}:)\S*$/, 'a "tag:<domain>,<year>:" or "urn:<nid>:" prefix'),
  /** NewsML-G2 settings. */
  newsml: z.strictObject({
    /** The party that provides the items (NewsML-G2 `itemMeta/provider`). */
    provider: z.strictObject({ name: z.string().min(1), uri: AbsoluteUrlSchema }),
  }),
  /** Section name (as it appears after title-casing, e.g. "Society") → IPTC Media Topic. */
  mediaTopics: z.record(z.string().min(1), MediaTopicSchema),
});

/** The validated publication configuration. */
export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** Result of reading `site.json`: the config when it is valid, and what was wrong otherwise. */
export interface ConfigResult {
  config?: SiteConfig;
  diagnostics: Diagnostic[];
}

/** Parses and validates the text of `site.json`; every bad field becomes its own diagnostic with its line. */
export function readSiteConfig(text: string, file: string): ConfigResult {
  const lines = new LineCounter();
  // YAML 1.2 is a superset of JSON: its parser gives us the position of every key for diagnostics.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    // V8 reports "… at position N"; turn the offset into a line and column.
    const offset = /at position (\d+)/.exec(message)?.[1];
    const where = offset === undefined ? undefined : lines.linePos(Number(offset));
    return {
      diagnostics: [
        diagnostic('error', file, 'config', 'invalid-json', `not valid JSON (${message.replace(/ in JSON at position.*$/, '')}); fix the syntax`, where ? { line: where.line, column: where.col } : {}),
      ],
    };
  }
  const parsed = SiteConfigSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data, diagnostics: [] };
  return {
    diagnostics: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const node = nodeAt(doc.contents as Node | null, path);
      const where = node?.range ? lines.linePos(node.range[0]) : undefined;
      const field = path.length > 0 ? `"${path.join('.')}"` : 'the top level';
      return diagnostic('error', file, 'config', 'invalid-config', `${field}: ${describeIssue(issue)}`, where ? { line: where.line, column: where.col } : {});
    }),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required; add it (expected ${issue.expected})`;
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove or correct them`;
  return `expected ${issue.message.replace(/^Invalid string: must match pattern .*$/, 'a valid value')}`;
}

/** True when the IANA time-zone database (via Temporal) knows the name; offsets like "+08:00" are refused. */
export function isIanaTimeZone(name: string): boolean {
  if (!/^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC|Etc\/[A-Za-z0-9+-]+)$/.test(name)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}
