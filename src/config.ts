import { Temporal } from 'temporal-polyfill';
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { AbsoluteUrlSchema } from './model/article.ts';
import { OUTPUT_CHOICES } from './model/output.ts';
import { checkSectionLabel } from './model/sections.ts';
import { nodeAt } from './read/yamlpath.ts';
import { RULE_LEVELS, checkRuleSetting } from './report/severity.ts';

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
  /**
   * BCP 47 language of the publication ("en", "zh-CN"), and of every story whose front matter names
   * none; canonicalised like front matter `language` (`en-gb` → `en-GB`), so the two compare as strings.
   */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i, 'a BCP 47 language tag with hyphens, e.g. "en" or "zh-CN"')
    .transform((tag, ctx) => {
      try {
        return Intl.getCanonicalLocales(tag)[0]!;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'a BCP 47 language tag with hyphens, e.g. "en" or "zh-CN"' });
        return z.NEVER;
      }
    }),
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
  /** Section name as articles carry it (wire copy's cased name, Markdown's as written, or a `sections` label, e.g. "Society") → IPTC Media Topic. */
  mediaTopics: z.record(z.string().min(1), MediaTopicSchema),
  /**
   * Optional section labels: slugged section path (`world/uk`, as in the feed paths `sections/<path>/`)
   * → how the last level of that path is written in every output (`"UK"`). A label must slug to that
   * last level, so that it never changes a URL, id or feed path.
   */
  sections: z
    .record(z.string(), z.string().min(1))
    .superRefine((labels, ctx) => {
      for (const [path, label] of Object.entries(labels)) {
        const problem = checkSectionLabel(path, label);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [path], message: problem, input: label });
      }
    })
    .optional(),
  /**
   * What to write (default: everything): any of `jsonld`, `head`, `page` (with the home page), `rss`,
   * `atom`, `jsonfeed`, `sitemap`, `newsml`, `ninjs`. Work for a format left out is not done.
   */
  outputs: z
    .array(z.enum(OUTPUT_CHOICES))
    .min(1)
    .refine((list) => new Set(list).size === list.length, { message: 'a list that names each output once' })
    .optional(),
  /**
   * Per-rule severity (helper G, issue 15): rule id as diagnostics print it without `validate:`
   * (`jsonld/article-image`, `read:wire/photo-without-url`) or the bare id → `off`, `warn` or `error`.
   * Only warnings can be lowered; applied by src/report/severity.ts.
   */
  rules: z
    .record(z.string(), z.enum(RULE_LEVELS))
    .superRefine((rules, ctx) => {
      for (const [name, level] of Object.entries(rules)) {
        const problem = checkRuleSetting(name, level);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: problem, input: level });
      }
    })
    .optional(),
  /** Optional safety limits on the input. */
  limits: z
    .strictObject({
      /** Largest article file read, in bytes (default {@link DEFAULT_MAX_ARTICLE_BYTES}); a bigger one is a `file-too-large` error. */
      maxArticleBytes: z.number().int().positive().optional(),
    })
    .optional(),
});

/**
 * Default of `limits.maxArticleBytes`: 1 MiB. The longest real stories are under 100 kB of text, so
 * a bigger file is a paste accident, an export with embedded images, or not an article at all.
 */
export const DEFAULT_MAX_ARTICLE_BYTES = 1_048_576;

/** The validated publication configuration. */
export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** Result of reading `site.json`: the config when it is valid, and what was wrong otherwise. */
export interface ConfigResult {
  config?: SiteConfig;
  diagnostics: Diagnostic[];
}

/** Parses and validates the text of `site.json`; every bad field becomes its own diagnostic with its line. */
export function readSiteConfig(text: string, file: string): ConfigResult {
  const body = text.replace(/^\uFEFF/, '');
  const lines = new LineCounter();
  // YAML 1.2 is a superset of JSON: its parser gives us the position of every key for diagnostics.
  const doc = parseDocument(body, { lineCounter: lines, prettyErrors: false });
  if (body.trim() === '') {
    return { diagnostics: [diagnostic('error', file, 'config', 'invalid-json', 'the file is empty; write the publication\'s settings as a JSON object (see docs/configuration.md)', { line: 1, column: 1 })] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    // Our own scan finds the offset: V8's message gives "at position N" on Node 20 but not always later.
    const offset = jsonErrorOffset(body);
    const where = lines.linePos(offset);
    const reason = (error as Error).message.replace(/,? ?(?:in JSON )?at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return {
      diagnostics: [
        diagnostic('error', file, 'config', 'invalid-json', `not valid JSON at line ${where.line}, column ${where.col} (${reason}); fix the syntax there (a missing comma or quote, or a trailing comma, is the usual cause)`, { line: where.line, column: where.col }),
      ],
    };
  }
  const parsed = SiteConfigSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { config: parsed.data, diagnostics: [] };
  // One diagnostic per field: a value failing two checks (not a URL, so not ending in "/") needs one fix.
  const seen = new Set<string>();
  const issues = parsed.error.issues.filter((issue) => {
    const key = JSON.stringify(issue.path);
    if (issue.code !== 'unrecognized_keys' && seen.has(key)) return false;
    if (issue.code !== 'unrecognized_keys') seen.add(key);
    return true;
  });
  return {
    diagnostics: issues.map((issue) => {
      const path = issue.path.map(String);
      // An unknown field is reported at its own key, any other problem at the value.
      const node = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? keyNodeAt(doc.contents as Node | null, path, issue.keys[0]) : nodeAt(doc.contents as Node | null, path);
      const where = node?.range ? lines.linePos(node.range[0]) : undefined;
      const field = path.length > 0 ? `"${path.join('.')}"` : 'the top level';
      return diagnostic('error', file, 'config', 'invalid-config', `${field}: ${describeIssue(issue)}`, where ? { line: where.line, column: where.col } : {});
    }),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return `is required; add it (expected ${article(issue.expected)})`;
    const got = Array.isArray(issue.input) ? 'an array' : issue.input === null ? 'null' : typeof issue.input === 'object' ? 'an object' : `a ${typeof issue.input}`;
    return `expected ${article(issue.expected)}, not ${got}; correct the value`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove or correct them (see docs/configuration.md)`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty; fill it in';
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}; correct the value`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `must be at most ${String(issue.maximum)}; correct the value`;
  return `expected ${issue.message.replace(/^Invalid string: must match pattern .*$/, 'a valid value')}`;
}

/** The key node `key` of the mapping at `path` (the `"titel"` of `"titel": …`), or the mapping when it is not found. */
function keyNodeAt(root: Node | null, path: readonly string[], key: string): Node | undefined {
  const parent = nodeAt(root, path);
  const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
  return pair && isScalar(pair.key) ? pair.key : parent;
}

function article(type: string): string {
  return type === 'object' ? 'an object' : type === 'array' ? 'an array' : type === 'int' ? 'a whole number' : `a ${type}`;
}

/**
 * Offset of the first JSON syntax error in `text` (RFC 8259), or the end of the text. Called only
 * after JSON.parse failed; a small recursive-descent scan, so the position does not depend on the
 * wording of V8's messages, which changed between Node versions.
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (at: number): never => {
    throw at;
  };
  const literal = (word: string) => {
    for (const c of word) if (text[i++] !== c) fail(i - 1);
  };
  const string = () => {
    if (text[i] !== '"') fail(i);
    // An unterminated string is reported where it opens, which is where the missing quote belongs.
    const start = i++;
    for (;;) {
      if (i >= text.length) fail(start);
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail(i);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(i);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(i);
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 1000) fail(i);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail(i);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(i);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(i);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : text.length;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : text.length;
  }
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
