import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.ts';
import { AbsoluteUrlSchema, ArticleIdSchema, PersonSchema, type Image } from '../model/article.ts';
import { toFrontMatterRfc3339 } from './datetime.ts';
import { nodeAt } from './yamlpath.ts';

/** A photo given in front matter; matched in order to the photo captions found in the text. */
export const FrontMatterImageSchema = z.strictObject({
  /** Absolute URL of the image file. */
  url: AbsoluteUrlSchema,
  /** Pixel width. */
  width: z.number().int().positive().optional(),
  /** Pixel height. */
  height: z.number().int().positive().optional(),
  /** MIME type; guessed from the URL's extension when absent. */
  type: z.string().regex(/^image\/[a-z0-9.+-]+$/, 'a MIME type such as "image/jpeg"').optional(),
  /** File size in bytes (lets RSS carry an `enclosure`, which requires a length). */
  bytes: z.number().int().positive().optional(),
  /** Caption, when the text has no `Photo:` paragraph for this image. */
  caption: z.string().min(1).optional(),
  /** Credit, when the text has none for this image. */
  credit: z.string().min(1).optional(),
  /** Photographer or agency name (schema.org `creator`, NewsML-G2 `creator`). */
  creator: z.string().min(1).optional(),
  /** Copyright notice of the image. */
  copyright: z.string().min(1).optional(),
});

/** The optional YAML block at the top of an article: what plain wire copy cannot say. */
export const FrontMatterSchema = z.strictObject({
  /** Overrides the id taken from the file name. */
  id: ArticleIdSchema.optional(),
  /** Canonical URL; overrides the permalink pattern. */
  url: AbsoluteUrlSchema.optional(),
  /** Summary; defaults to the first body paragraph. */
  description: z.string().min(1).optional(),
  /** Place line, e.g. "BEIJING". */
  dateline: z.string().min(1).optional(),
  /** Keywords. */
  keywords: z.array(z.string().min(1)).optional(),
  /** Authors: names, or `{ name, url }`; overrides a `By` line. */
  authors: z.array(z.union([z.string().min(1).transform((name) => ({ name })), PersonSchema.strict()])).optional(),
  /** One image (shorthand for a one-element `images`). */
  image: FrontMatterImageSchema.optional(),
  /** Images, in the order of the photo captions in the text. */
  images: z.array(FrontMatterImageSchema).optional(),
  /** What was wrong in an earlier version: the next version is a correction, and readers are told. */
  correction: z.string().trim().min(1).optional(),
  /** `withdrawn` withdraws the story (NewsML-G2 `stat:canceled`); `published`, the default, keeps it published. */
  status: z.enum(['published', 'withdrawn']).optional(),
  /** Why the story is withdrawn; required with `status: withdrawn`. */
  reason: z.string().trim().min(1).optional(),
  /** Not to be published before this time: RFC 3339 with offset, or a local time in the site's zone. */
  embargo: z.string().min(1).optional(),
});

/** The lifecycle fields of an article, from its front matter. */
export interface Lifecycle {
  correction?: string;
  status?: 'withdrawn';
  withdrawalReason?: string;
  embargo?: string;
}

/**
 * Corrections, withdrawals and embargoes from front matter (wire copy and Markdown alike). A withdrawal
 * needs a reason (subscribers are told why); an embargo is read like `date`, in the site's zone.
 */
export function toLifecycle(fm: FrontMatter, keyLines: Record<string, number>, timeZone: string, file: string, source: string, diagnostics: Diagnostic[]): Lifecycle {
  const at = (key: string) => ({ line: keyLines[key] ?? 1, column: 1 });
  const lifecycle: Lifecycle = {};
  if (fm.correction !== undefined) lifecycle.correction = fm.correction.replace(/\s+/g, ' ');
  if (fm.status === 'withdrawn') {
    lifecycle.status = 'withdrawn';
    if (fm.reason === undefined) {
      diagnostics.push(diagnostic('error', file, source, 'withdrawal-without-reason', '`status: withdrawn` needs a `reason: …` saying why; partners receive it with the withdrawal', at('status')));
    } else {
      lifecycle.withdrawalReason = fm.reason.replace(/\s+/g, ' ');
    }
  } else if (fm.reason !== undefined) {
    diagnostics.push(diagnostic('warning', file, source, 'reason-without-withdrawal', '`reason:` is only used with `status: withdrawn`; remove it or withdraw the story', at('reason')));
  }
  if (fm.embargo !== undefined) {
    const zoned = toFrontMatterRfc3339(fm.embargo, timeZone);
    if (zoned === undefined) {
      diagnostics.push(diagnostic('error', file, source, 'unrecognised-date', `\`embargo: ${fm.embargo}\` is not a date and time; write RFC 3339 with an offset ("2024-09-05T08:00:00+08:00") or a local time in the site's zone ("2024-09-05 08:00")`, at('embargo')));
    } else if (!zoned.ok) {
      diagnostics.push(diagnostic('error', file, source, zoned.ruleId, `\`embargo:\` ${zoned.message}`, at('embargo')));
    } else {
      if (zoned.note) diagnostics.push(diagnostic('warning', file, source, zoned.note.ruleId, `\`embargo:\` ${zoned.note.message}`, at('embargo')));
      lifecycle.embargo = zoned.value;
    }
  }
  return lifecycle;
}

/** A section path: `"China / Society"` (levels separated by `/`) or a list (`[China, Society]`). */
const SectionSchema = z.union([
  z
    .string()
    .min(1)
    .transform((text) => text.split('/').map((part) => part.trim()))
    .refine((parts) => parts.every((part) => part !== ''), 'section names separated by "/", none empty ("China / Society")'),
  z.array(z.string().trim().min(1, 'a non-empty section name')).min(1, 'at least one section name'),
]);

/**
 * Front matter of a Markdown article (`.md`): required, as Markdown has no header lines. The wire keys
 * plus what a wire header says; the dates are checked and zoned by the reader, which knows the site.
 */
export const MarkdownFrontMatterSchema = FrontMatterSchema.extend({
  /** The headline, plain text on one line (line breaks become spaces). Required. */
  headline: z
    .string()
    .transform((text) => text.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'a non-empty headline'))
    .optional(),
  /** First publication: RFC 3339 with offset, or a local `YYYY-MM-DDTHH:MM[:SS]` in the site's zone. Required. */
  date: z.string().min(1).optional(),
  /** Last update, same forms as `date`. */
  updated: z.string().min(1).optional(),
  /** Section path, outermost first: `"China / Society"` or `[China, Society]`. */
  section: SectionSchema.optional(),
});

/** Parsed front matter. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;
/** Parsed front matter of a Markdown article. */
export type MarkdownFrontMatter = z.infer<typeof MarkdownFrontMatterSchema>;

/** Front matter found at the top of a source, and the line where the body starts (0-based index). */
export interface FrontMatterResult<T = FrontMatter> {
  data: T;
  /** 0-based index of the first line after the closing `---` (0 when there is no front matter). */
  bodyStart: number;
  diagnostics: Diagnostic[];
  /** 1-based line of each top-level key, for later diagnostics about its value. */
  keyLines: Record<string, number>;
  /** True when the source starts with a `---` block (closed or not). */
  present: boolean;
}

/**
 * Reads a `---` … `---` YAML block when the first line is `---`, checked against `schema` (strict:
 * unknown keys are errors). Syntax errors and schema violations become diagnostics with the line
 * in the article file.
 */
export function readFrontMatter<S extends z.ZodObject>(lines: readonly string[], file: string, source: string, schema: S): FrontMatterResult<z.output<S>> {
  const empty = { data: {} as z.output<S>, bodyStart: 0, diagnostics: [] as Diagnostic[], keyLines: {}, present: false };
  if (lines[0]?.trim() !== '---') return empty;
  const close = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) {
    return { ...empty, present: true, diagnostics: [diagnostic('error', file, source, 'unclosed-front-matter', 'front matter starts with "---" on line 1 but has no closing "---" line; add one after the last key', { line: 1, column: 1 })] };
  }
  const firstLine = 2; // the YAML text starts on the file's line 2
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const result: FrontMatterResult<z.output<S>> = { ...empty, bodyStart: close + 1, present: true };
  if (doc.errors.length > 0) {
    result.diagnostics = doc.errors.map((e) =>
      diagnostic('error', file, source, 'malformed-front-matter', `front matter is not valid YAML: ${e.message.split('\n')[0]}; fix the syntax`, at(e.pos[0])),
    );
    return result;
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    result.diagnostics = [diagnostic('error', file, source, 'malformed-front-matter', 'front matter must be a YAML mapping of `key: value` lines', at(doc.contents.range?.[0] ?? 0))];
    return result;
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) result.keyLines[String(pair.key.value)] = at(pair.key.range[0]).line;
    }
  }
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (parsed.success) {
    result.data = parsed.data;
    return result;
  }
  result.diagnostics = parsed.error.issues.map((issue) => {
    // An unknown key is reported on its own line; any other problem on the value's node.
    const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path.map(String), issue.keys[0]] : issue.path.map(String);
    const node = issue.code === 'unrecognized_keys' ? keyNodeAt(doc.contents as Node | null, path) : nodeAt(doc.contents as Node | null, path);
    const position = node?.range ? at(node.range[0]) : { line: 1, column: 1 };
    const key = issue.path.join('.') || '(front matter)';
    const what =
      issue.code === 'unrecognized_keys'
        ? `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed keys are ${Object.keys(schema.shape).join(', ')}`
        : `expected ${issue.message}`;
    return diagnostic('error', file, source, 'invalid-front-matter', `front matter "${key}": ${what}`, position);
  });
  return result;
}

/** The key node of the last step of a key path (the `title` in `title: x`), or the deepest node found on the way. */
function keyNodeAt(root: Node | null, path: readonly string[]): Node | undefined {
  const parent = nodeAt(root, path.slice(0, -1));
  const last = path.at(-1);
  if (isMap(parent) && last !== undefined) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return parent;
}

/** A photo caption found in the article text (wire copy's `… Photo: credit` paragraphs). */
export interface PhotoCaption {
  caption: string;
  credit: string;
  /** 1-based line of the caption paragraph. */
  line: number;
}

const EXTENSION_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };

/**
 * Joins the photo captions found in the text with the images given in front matter (`images`, or the
 * one `image`), in order. A caption without a URL is kept (caption and credit are facts) with a
 * warning; a URL is never invented. Markdown has no caption paragraphs, so there every image comes
 * from front matter and needs its own `caption`.
 */
export function toFrontMatterImages(
  photos: readonly PhotoCaption[],
  fm: FrontMatter,
  keyLines: Record<string, number>,
  file: string,
  source: string,
  diagnostics: Diagnostic[],
): Image[] {
  const given = fm.images ?? (fm.image ? [fm.image] : []);
  const keyLine = keyLines.images ?? keyLines.image;
  const images: Image[] = [];
  const count = Math.max(photos.length, given.length);
  for (let i = 0; i < count; i++) {
    const photo = photos[i];
    const meta = given[i];
    const caption = photo?.caption ?? meta?.caption;
    if (caption === undefined) {
      const where = source === 'read:wire' ? ' and no "Photo:" paragraph in the text' : '';
      diagnostics.push(diagnostic('error', file, source, 'image-without-caption', `front matter image ${i + 1} (${meta?.url}) has no caption${where}; add \`caption:\` to it`, keyLine === undefined ? {} : { line: keyLine, column: 1 }));
      continue;
    }
    const image: Image = { caption };
    const credit = photo?.credit ?? meta?.credit;
    if (credit !== undefined) image.credit = credit;
    if (meta) {
      image.url = meta.url;
      if (meta.width !== undefined) image.width = meta.width;
      if (meta.height !== undefined) image.height = meta.height;
      const type = meta.type ?? EXTENSION_TYPES[/\.([a-z0-9]+)(?:[?#].*)?$/i.exec(meta.url)?.[1]?.toLowerCase() ?? ''];
      if (type !== undefined) image.contentType = type;
      if (meta.bytes !== undefined) image.byteLength = meta.bytes;
      if (meta.creator !== undefined) image.creator = meta.creator;
      if (meta.copyright !== undefined) image.copyright = meta.copyright;
    } else {
      diagnostics.push(
        diagnostic('warning', file, source, 'photo-without-url', `photo "${caption.slice(0, 50)}…" (credit ${credit ?? 'unknown'}) has no image URL, so it is left out of JSON-LD images and NewsML-G2 picture items; add \`image: { url: … }\` in front matter`, { line: photo!.line, column: 1 }),
      );
    }
    images.push(image);
  }
  return images;
}

/**
 * The article id: front matter `id`, else the file name without folders and extension
 * (`input/articles/world/a.md` → `a`). Undefined, with an `invalid-id` error (at `position`), when the name cannot be one.
 */
export function toArticleId(file: string, fm: FrontMatter, source: string, diagnostics: Diagnostic[], position: Position = {}): string | undefined {
  if (fm.id !== undefined) return fm.id;
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  if (ArticleIdSchema.safeParse(base).success) return base;
  diagnostics.push(diagnostic('error', file, source, 'invalid-id', `the file name "${base}" cannot be an article id (lowercase letters, digits and inner hyphens, at most 100); rename the file or set \`id:\` in front matter`, position));
  return undefined;
}
