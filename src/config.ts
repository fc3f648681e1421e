import { Temporal } from 'temporal-polyfill';
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { AbsoluteUrlSchema } from './model/article.ts';
import { OUTPUT_CHOICES } from './model/output.ts';
import { checkSectionLabel } from './model/sections.ts';
import { isRecord } from './validate/standard/jsonld/json.ts';
import { editDistance } from './validate/standard/jsonld/suggest.ts';
import { nodeAt } from './read/yamlpath.ts';
import { RULE_LEVELS, checkRuleSetting } from './report/severity.ts';

/** An IANA time-zone name that the time-zone database knows (`Asia/Shanghai`, `UTC`). */
const TimeZoneSchema = z.string().refine(isIanaTimeZone, {
  message: 'an IANA time-zone name such as "Asia/Shanghai" (UTC offsets and abbreviations are not accepted)',
});

/** A site-level URL that paths are resolved against: absolute and ending in `/`. */
const BaseUrlSchema = AbsoluteUrlSchema.refine((u) => u.endsWith('/'), { message: 'a URL ending in "/"' });

/** A whole number of pixels, for the logo's size. */
const PixelsSchema = z.number().int().positive();

/** An IPTC Media Topic reference (https://cv.iptc.org/newscodes/mediatopic/). */
export const MediaTopicSchema = z.strictObject({
  qcode: z.string().regex(/^medtop:\d{8}$/, 'a Media Topic qcode such as "medtop:14000000"').meta({ description: 'Media Topic qcode.', examples: ['medtop:14000000'] }),
  name: z.string().min(1).meta({ description: "The topic's English name as IPTC publishes it.", examples: ['society'] }),
});

/**
 * Default of `language` when site.json names none. A language is a fact about the publication, but
 * every format states one (Google News sitemap `news:language` is required), so the build assumes
 * English and says so in one warning ({@link readSiteConfig}) rather than leaving formats out.
 */
export const DEFAULT_LANGUAGE = 'en';

/** Default of `permalink`: the article page the build writes itself (`articles/<id>/index.html`), under `url`. */
export const DEFAULT_PERMALINK = 'articles/{id}/';

/** Default of `feed.limit`: the newest 50 articles in each feed. */
export const DEFAULT_FEED_LIMIT = 50;

/**
 * The year in the default `guidPrefix` (`tag:<host>,2025:article:`). RFC 4151 §2.1 asks for a date at
 * which the tagging entity owned the domain; the build cannot know it and must not read a clock, and a
 * guid must never change once readers have it, so the year is a constant: set `guidPrefix` to be exact.
 */
export const DEFAULT_GUID_YEAR = 2025;

/** The text of `input/site.json` as people write it: only `name` and `url` are required (docs/configuration.md). */
export const SiteConfigInputSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'The JSON Schema of this file, for editors (e.g. "./node_modules/syndicate/lib/site.schema.json"); ignored by the build.' }),
  name: z.string().min(1).meta({ description: "The publication's name.", examples: ['Global Times'] }),
  url: BaseUrlSchema.meta({ description: "The publication's home page, ending in \"/\"; article permalinks are resolved against it.", examples: ['https://news.example.com/'] }),
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
    })
    .optional()
    .meta({
      description: `BCP 47 language of the publication, and of every story whose front matter names none; canonicalised (en-gb → en-GB). Default "${DEFAULT_LANGUAGE}", with a warning until it is set.`,
      examples: ['en', 'zh-CN'],
    }),
  timeZone: TimeZoneSchema.optional().meta({
    description: 'IANA time zone in which times written without a UTC offset are read (every wire-copy time). No default: a story with such a time is an error until it is set; times with an offset are then written in UTC.',
    examples: ['Asia/Shanghai', 'Europe/London'],
  }),
  logo: z
    .strictObject({
      url: AbsoluteUrlSchema.meta({ description: "The logo image's absolute URL.", examples: ['https://news.example.com/logo.png'] }),
      width: PixelsSchema.meta({ description: 'Width in pixels, a whole number.', examples: [600] }),
      height: PixelsSchema.meta({ description: 'Height in pixels, a whole number.', examples: [60] }),
    })
    .optional()
    .meta({ description: "Publisher logo for JSON-LD (Google: a URL plus the pixel size). Without it the publisher has no logo, with one warning." }),
  copyright: z
    .strictObject({
      holder: z.string().min(1).optional().meta({ description: 'Who holds the copyright. Default: `name`.', examples: ['Global Times'] }),
      notice: z.string().min(1).optional().meta({ description: 'The notice readers see. Default: "Copyright <holder>".', examples: ['Copyright 2024 Global Times. All rights reserved.'] }),
    })
    .optional()
    .meta({ description: 'Rights statement carried by every output.' }),
  feed: z
    .strictObject({
      title: z.string().min(1).optional().meta({ description: 'Feed title. Default: `name`.' }),
      description: z.string().min(1).optional().meta({ description: 'Feed description / subtitle. Default: none (RSS, which requires one, repeats the title).' }),
      baseUrl: BaseUrlSchema.optional().meta({ description: 'Public URL at which the output folder is served, ending in "/"; feed self links are resolved against it. Default: `url`.', examples: ['https://news.example.com/syndication/'] }),
      limit: z.number().int().min(1).max(10_000).optional().meta({ description: `Most items in one feed (the site feeds and every section feed), newest first; ties broken by id. Default ${DEFAULT_FEED_LIMIT}.`, examples: [50] }),
    })
    .optional()
    .meta({ description: 'Feed-level metadata.' }),
  permalink: z
    .string()
    .regex(/\{id\}/, 'a pattern that contains "{id}", e.g. "/page/{yyyy}{mm}/{id}.shtml"')
    .optional()
    .meta({
      description: `How an article's canonical URL is made when front matter gives none: a path or URL resolved against \`url\`, with {id}, {yyyy}, {mm}, {dd} (publication date in the publication's zone) and {section} (the first section, lowercased and hyphenated). Default "${DEFAULT_PERMALINK}" (the page the build writes).`,
      examples: ['/page/{yyyy}{mm}/{id}.shtml'],
    }),
  sectionPermalink: z
    .string()
    .regex(/\{path\}/, 'a pattern that contains "{path}", e.g. "/{path}/"')
    .optional()
    .meta({ description: "URL pattern of the publisher's section pages, resolved against `url`, with {path} = the slugged section path (china/society). Used for JSON-LD breadcrumbs; without it none are written (section page URLs are never guessed).", examples: ['/{path}/'] }),
  guidPrefix: z
    .string()
    .regex(/^(?:tag:[a-z0-9.-]+,\d{4}(?:-\d{2}(?:-\d{2})?)?:|urn:[a-z0-9][a-z0-9-]{0,31}:)\S*$/, 'a "tag:<domain>,<year>:" or "urn:<nid>:" prefix')
    .optional()
    .meta({
      description: `Prefix of every article's guid, followed by the article id: a tag: URI (RFC 4151) or urn: prefix. Default "tag:<host of url>,${DEFAULT_GUID_YEAR}:article:". Guids must never change once published: set it before the first deploy if the default does not suit.`,
      examples: ['tag:globaltimes.cn,2024:article:'],
    }),
  newsml: z
    .strictObject({
      provider: z
        .strictObject({
          name: z.string().min(1).meta({ description: "The provider's name.", examples: ['Global Times'] }),
          uri: AbsoluteUrlSchema.meta({ description: "The provider's URI.", examples: ['https://www.globaltimes.cn/'] }),
        })
        .meta({ description: 'The party that provides the items (NewsML-G2 itemMeta/provider).' }),
    })
    .optional()
    .meta({ description: 'NewsML-G2 settings. Without `newsml.provider` no NewsML-G2 is written, with one warning.' }),
  mediaTopics: z
    .record(z.string().min(1), MediaTopicSchema)
    .optional()
    .meta({ description: 'Section name as articles carry it (e.g. "Society") → IPTC Media Topic, for NewsML-G2 and ninjs subjects. Without it no story has a Media Topic, with one warning.' }),
  sections: z
    .record(z.string(), z.string().min(1))
    .superRefine((labels, ctx) => {
      for (const [path, label] of Object.entries(labels)) {
        const problem = checkSectionLabel(path, label);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [path], message: problem, input: label });
      }
    })
    .optional()
    .meta({ description: 'Section labels: slugged section path (world/uk) → how the last level is written in every output ("UK"); a label must slug to that last level.', examples: [{ 'world/uk': 'UK' }] }),
  articles: z
    .string()
    .min(1)
    .optional()
    .meta({
      description: 'The folder holding the articles (read recursively), relative to the folder of this file. Default "articles". `--articles DIR` on the command line replaces it.',
      examples: ['stories', '../content/news'],
    }),
  outputs: z
    .array(z.enum(OUTPUT_CHOICES))
    .min(1)
    .refine((list) => new Set(list).size === list.length, { message: 'a list that names each output once' })
    .optional()
    .meta({ description: `What to write (default: everything): any of ${OUTPUT_CHOICES.join(', ')}. Work for a format left out is not done.`, examples: [['page', 'rss']] }),
  rules: z
    .record(z.string(), z.enum(RULE_LEVELS))
    .superRefine((rules, ctx) => {
      for (const [name, level] of Object.entries(rules)) {
        const problem = checkRuleSetting(name, level);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: problem, input: level });
      }
    })
    .optional()
    .meta({
      description: 'Severity per rule: the rule id as diagnostics print it without "validate:" (jsonld/article-image, read:wire/photo-without-url) or the bare id, set to off, warn or error. Only warnings can be lowered (docs/warnings.md).',
      examples: [{ 'jsonld/article-image': 'off' }],
    }),
  limits: z
    .strictObject({
      maxArticleBytes: z.number().int().positive().optional().meta({ description: 'Largest article file read, in bytes (default 1048576); a bigger one is a file-too-large error.' }),
    })
    .optional()
    .meta({ description: 'Safety limits on the input.' }),
});

/** What people write in site.json, before defaults. */
export type SiteConfigInput = z.input<typeof SiteConfigInputSchema>;

/** `input/site.json` with every default applied: everything about the publication that articles do not say themselves. */
export const SiteConfigSchema = SiteConfigInputSchema.transform(({ $schema: _, ...input }) => {
  const holder = input.copyright?.holder ?? input.name;
  return {
    ...input,
    language: input.language ?? DEFAULT_LANGUAGE,
    copyright: { holder, notice: input.copyright?.notice ?? `Copyright ${holder}` },
    feed: {
      title: input.feed?.title ?? input.name,
      ...(input.feed?.description !== undefined ? { description: input.feed.description } : {}),
      baseUrl: input.feed?.baseUrl ?? input.url,
      limit: input.feed?.limit ?? DEFAULT_FEED_LIMIT,
    },
    permalink: input.permalink ?? DEFAULT_PERMALINK,
    guidPrefix: input.guidPrefix ?? toDefaultGuidPrefix(input.url),
  };
});

/** `tag:<host>,<year>:article:` from the site's URL (RFC 4151 §2.1; the authority is the host name without port). */
export function toDefaultGuidPrefix(url: string): string {
  return `tag:${new URL(url).hostname},${DEFAULT_GUID_YEAR}:article:`;
}

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
  if (parsed.success) {
    // The one default that states a fact about the publication: announced, with how to set it.
    const assumed = isRecord(raw) && raw.language === undefined;
    const notice = diagnostic('warning', file, 'config', 'default-language', `no "language": every story without its own \`language\` is taken to be in English ("${DEFAULT_LANGUAGE}"); add "language": "<BCP 47 tag>" to site.json, e.g. "en" or "fr"`, { line: 1, column: 1 });
    return { config: parsed.data, diagnostics: assumed ? [notice] : [] };
  }
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
  const path = issue.path.map(String);
  const node = schemaNodeAt(path);
  const hint = (node?.description ?? '').replace(/\.$/, '');
  const example = node?.examples?.[0] === undefined ? '' : `, e.g. ${JSON.stringify(node.examples[0])}`;
  if (issue.code === 'invalid_type') {
    const key = path.at(-1);
    if (issue.input === undefined) return `is required; add ${key === undefined ? 'it' : `"${key}"`}${hint ? ` (${hint})` : ''}${example}`;
    const got = Array.isArray(issue.input) ? 'an array' : issue.input === null ? 'null' : typeof issue.input === 'object' ? 'an object' : `a ${typeof issue.input}`;
    return `must be ${article(issue.expected)}, not ${got}${hint ? ` (${hint})` : ''}${example}; correct the value`;
  }
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(node?.properties ?? {});
    const guesses = issue.keys.map((key) => {
      const near = closestKey(key, known);
      return near === undefined ? `"${key}"` : `"${key}" (did you mean "${near}"?)`;
    });
    return `unknown field(s) ${guesses.join(', ')}; correct or remove them (every key: docs/configuration.md)`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return `must not be empty; fill it in${example}`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}; correct the value`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `must be at most ${String(issue.maximum)}; correct the value`;
  return `expected ${issue.message.replace(/^Invalid string: must match pattern .*$/, 'a valid value')}`;
}

/** A node of the site.json JSON Schema, as far as messages read it. */
interface SchemaNode {
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
}

let inputJsonSchema: SchemaNode | undefined;

/** The JSON Schema node of the key at `path` (its description and example make the messages), undefined when there is none. */
function schemaNodeAt(path: readonly string[]): SchemaNode | undefined {
  inputJsonSchema ??= z.toJSONSchema(SiteConfigInputSchema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
  let node: SchemaNode | undefined = inputJsonSchema;
  for (const key of path) {
    if (node === undefined) return undefined;
    const extra: SchemaNode | boolean | undefined = node.additionalProperties;
    node = node.properties?.[key] ?? node.items ?? (typeof extra === 'object' ? extra : undefined);
  }
  return node;
}

/** The known key nearest to a misspelt one (Levenshtein distance at most 2, or a third of its length when longer), if any. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const within = Math.max(2, Math.floor(candidate.length / 3));
    // Exact up to `within`; anything farther comes back as within + 1 and is refused below.
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase(), within + 1);
    if (distance <= within && distance < candidate.length && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
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
