import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.ts';
import { AbsoluteUrlSchema, ArticleIdSchema, PersonSchema, type Image } from '../model/article.ts';
import { toCarriedValue } from '../model/chars.ts';
import { toFrontMatterRfc3339 } from './datetime.ts';
import { toOneLine, toOneSpaced } from './spaces.ts';
import { toControlWarning } from './text.ts';
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
  /**
   * Overrides the id taken from the file name. Any text here: {@link toArticleId} checks it against
   * {@link ArticleIdSchema} and says what is wrong with it (`invalid-id`, at the `id:` line).
   */
  id: z.string().optional(),
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
  correction: z.string().transform(toOneLine).pipe(z.string().min(1)).optional(),
  /** `withdrawn` withdraws the story (NewsML-G2 `stat:canceled`); `published`, the default, keeps it published. */
  status: z.enum(['published', 'withdrawn']).optional(),
  /** Why the story is withdrawn; required with `status: withdrawn`. */
  reason: z.string().transform(toOneLine).pipe(z.string().min(1)).optional(),
  /** Not to be published before this time: RFC 3339 with offset, or a local time in the site's zone. */
  embargo: z.string().min(1).optional(),
  /** BCP 47 language of the story (`fr`, `zh-Hans`, `ar`); defaults to the site's. Checked by `toArticleLanguage`. */
  language: z.string().min(1).optional(),
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
export function toLifecycle(fm: FrontMatter, keyLines: Record<string, number>, timeZone: string | undefined, file: string, source: string, diagnostics: Diagnostic[]): Lifecycle {
  const at = (key: string) => ({ line: keyLines[key] ?? 1, column: 1 });
  const lifecycle: Lifecycle = {};
  if (fm.correction !== undefined) lifecycle.correction = fm.correction;
  if (fm.status === 'withdrawn') {
    lifecycle.status = 'withdrawn';
    if (fm.reason === undefined) {
      diagnostics.push(diagnostic('error', file, source, 'withdrawal-without-reason', '`status: withdrawn` needs a `reason: …` saying why; partners receive it with the withdrawal', at('status')));
    } else {
      lifecycle.withdrawalReason = fm.reason;
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
      if (zoned.note) diagnostics.push(diagnostic('warning', file, source, zoned.note.ruleId, `\`embargo:\` ${zoned.note.message}; ${offsetFix('embargo', zoned.note.alternative)}`, at('embargo')));
      lifecycle.embargo = zoned.value;
    }
  }
  return lifecycle;
}

/** How to override the choice made for a front-matter time in a DST gap or overlap: write it with an offset. */
export function offsetFix(key: string, alternative: string | undefined): string {
  return alternative === undefined
    ? `if another time was meant, write it with its offset (\`${key}: 2024-03-10T03:30:00-04:00\` form)`
    : `if the later one was meant, write \`${key}: ${alternative}\``;
}

/** Unicode spaces other than U+0020 (tabs are spaces already): text in a value, but layout where YAML expects indentation or separation. */
const UNICODE_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF]/;
const INDENTATION = new RegExp(`^(?:[ ]|${UNICODE_SPACE.source})+`);
/** `key:` or `-` (after list dashes) and the white space after it. */
const SEPARATION = new RegExp(`^((?:-[ ]+)*(?:[^\\s:#"'-][^:#]*:|-))((?:[ ]|${UNICODE_SPACE.source})+)`);

/**
 * A front-matter line with the Unicode spaces of its YAML layout made ASCII: the indentation, and the
 * separation after a `key:` or `-` that starts the line (YAML 1.2 §6.1 and §6.2 allow only spaces
 * there, and an editor pasting from the web brings no-break spaces). Spaces inside values stay.
 */
function toYamlLayout(line: string): string {
  if (!UNICODE_SPACE.test(line)) return line;
  const indentation = INDENTATION.exec(line)?.[0] ?? '';
  const rest = line.slice(indentation.length);
  const separated = SEPARATION.exec(rest);
  const after = separated === null ? rest : `${separated[1]!}${' '.repeat(separated[2]!.length)}${rest.slice(separated[0].length)}`;
  return ' '.repeat(indentation.length) + after;
}

/** A section path: `"China / Society"` (levels separated by `/`) or a list (`[China, Society]`). */
const SectionSchema = z.union([
  z
    .string()
    .min(1)
    // A section name is a label that files share, so any white space in it is one space (docs/text.md).
    .transform((text) => text.split('/').map(toOneSpaced))
    .refine((parts) => parts.every((part) => part !== ''), 'section names separated by "/", none empty ("China / Society")'),
  z.array(z.string().transform(toOneSpaced).pipe(z.string().min(1, 'a non-empty section name'))).min(1, 'at least one section name'),
]);

/**
 * Front matter of a Markdown article (`.md`): required, as Markdown has no header lines. The wire keys
 * plus what a wire header says; the dates are checked and zoned by the reader, which knows the site.
 */
export const MarkdownFrontMatterSchema = FrontMatterSchema.extend({
  /** The headline, plain text on one line (line breaks become spaces). Required. */
  headline: z
    .string()
    // Line breaks and ASCII spaces are layout; no-break and ideographic spaces are the editor's (docs/text.md).
    .transform(toOneLine)
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
 * in the article file. `raw` are the lines as written (before tabs became spaces), to refuse tab
 * indentation, which YAML forbids (YAML 1.2 §6.1) and the space normalisation would otherwise hide.
 * A syntax error gives one diagnostic (the first: later ones usually follow from it).
 */
export function readFrontMatter<S extends z.ZodObject>(
  lines: readonly string[],
  file: string,
  source: string,
  schema: S,
  raw: readonly string[] = lines,
): FrontMatterResult<z.output<S>> {
  const empty = { data: {} as z.output<S>, bodyStart: 0, diagnostics: [] as Diagnostic[], keyLines: {}, present: false };
  if (lines[0]?.trim() !== '---') return empty;
  const close = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) {
    return { ...empty, present: true, diagnostics: [diagnostic('error', file, source, 'unclosed-front-matter', 'front matter starts with "---" on line 1 but has no closing "---" line; add one after the last key', { line: 1, column: 1 })] };
  }
  const result: FrontMatterResult<z.output<S>> = { ...empty, bodyStart: close + 1, present: true };
  const malformed = (message: string, position: Position) => {
    result.diagnostics = [diagnostic('error', file, source, 'malformed-front-matter', message, position)];
    return result;
  };
  for (let i = 1; i < close; i++) {
    const indent = /^[ \t]*/.exec(raw[i] ?? '')![0];
    if (indent.includes('\t') && (raw[i] ?? '').trim() !== '') {
      return malformed(`front matter line ${i + 1} is indented with a tab, which YAML does not allow; indent with spaces only (two per level)`, { line: i + 1, column: indent.indexOf('\t') + 1 });
    }
  }
  const firstLine = 2; // the YAML text starts on the file's line 2
  const counter = new LineCounter();
  const yamlLines = lines.slice(1, close).map(toYamlLayout);
  const doc = parseDocument(yamlLines.join('\n'), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const error = doc.errors[0];
  if (error !== undefined) {
    const position = at(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      // The key as written on the duplicate's line, and the nearest earlier line with the same key at the same indentation.
      const here = yamlLines[position.line - firstLine] ?? '';
      const key = /^\s*(?:-\s+)?["']?([^"':]+)["']?\s*:/.exec(here)?.[1]?.trim();
      const indent = /^\s*/.exec(here)![0].length;
      let first = -1;
      for (let i = position.line - firstLine - 1; key !== undefined && i >= 0 && first < 0; i--) {
        const other = /^(\s*)(?:-\s+)?["']?([^"':]+)["']?\s*:/.exec(yamlLines[i]!);
        if (other && other[1]!.length === indent && other[2]!.trim() === key) first = i;
      }
      const where = first >= 0 ? ` (first on line ${first + firstLine})` : '';
      return malformed(`front matter has the key ${key === undefined ? '' : `"${key}" `}twice${where}; keep one of them`, position);
    }
    return malformed(`front matter is not valid YAML on line ${position.line}: ${error.message.split('\n')[0]}; ${yamlHint(error.code)}`, position);
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return malformed('front matter must be a YAML mapping of `key: value` lines, one key per line', at(doc.contents.range?.[0] ?? 0));
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) result.keyLines[String(pair.key.value)] = at(pair.key.range[0]).line;
    }
  }
  let value: unknown;
  try {
    // toJS throws on an alias to no anchor (`*x`) and on alias bombs (more than 100 alias expansions).
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    return malformed(`front matter cannot be read: ${(e as Error).message.split('\n')[0]}; write the values out instead of using YAML anchors and aliases (& and *)`, { line: firstLine, column: 1 });
  }
  // YAML escapes ("\x07", "\uFFFD") can bring in what decoding removed from the raw text: removed too, with a warning at the key.
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const carried = toCarriedValue(item);
      if (carried === item) continue;
      (value as Record<string, unknown>)[key] = carried;
      result.diagnostics.push(toControlWarning(toStrings(item).join(' '), file, source, result.keyLines[key] ?? firstLine, `front matter \`${key}\``));
    }
  }
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) {
    result.data = parsed.data;
    return result;
  }
  result.diagnostics = [...result.diagnostics, ...parsed.error.issues.map((issue) => {
    // An unknown key is reported on its own line; any other problem on the value's node.
    const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path.map(String), issue.keys[0]] : issue.path.map(String);
    const node = issue.code === 'unrecognized_keys' ? keyNodeAt(doc.contents as Node | null, path) : nodeAt(doc.contents as Node | null, path);
    const position = node?.range ? at(node.range[0]) : { line: 1, column: 1 };
    const key = issue.path.join('.') || '(front matter)';
    const what =
      issue.code === 'unrecognized_keys'
        ? `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed keys are ${Object.keys(schema.shape).join(', ')}`
        : describeIssue(issue);
    return diagnostic('error', file, source, 'invalid-front-matter', `front matter "${key}": ${what}`, position);
  })];
  return result;
}

/** Every string inside a front-matter value. */
function toStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(toStrings);
  return [];
}

/** What to do about a YAML syntax error, by the `yaml` package's error code. */
function yamlHint(code: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value that contains ": " must be quoted (headline: "China: the story"), and a key nested under another must be indented by spaces under it';
    case 'BAD_INDENT':
      return 'a "[" or "{" list must be closed on the same line ("]" or "}"), and nested keys indented by the same number of spaces; quote a value that is text starting with "[" or "{"';
    case 'MISSING_CHAR':
      return 'close the quote or bracket, or quote the whole value';
    case 'BAD_SCALAR_START':
      return 'a value starting with @, ` or another reserved character must be quoted ("@handle")';
    case 'UNEXPECTED_TOKEN':
      return 'put the whole value in one pair of quotes';
    default:
      return 'fix the syntax (quoting the value in double quotes often helps)';
  }
}

/** A zod finding in words: what the value should have been, without zod's "Invalid input:" preamble. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const want = issue.expected === 'string' ? 'text' : issue.expected === 'array' ? 'a list ([a, b] or "- " lines)' : issue.expected === 'object' ? 'a mapping of `key: value` lines' : `a ${issue.expected}`;
    if (issue.input === undefined) return `is required; add it (${want})`;
    const got = Array.isArray(issue.input) ? 'a list' : issue.input === null ? 'an empty value' : typeof issue.input === 'object' ? 'a mapping' : `a ${typeof issue.input}`;
    // YAML reads 2024, true or 1.5 as numbers and booleans; quoting keeps them text.
    const quote = issue.expected === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'boolean') ? `; put it in quotes ("${String(issue.input)}")` : '';
    const oneLine = issue.expected === 'string' && Array.isArray(issue.input) ? '; write it on one line, in quotes if it starts with "[" or "- "' : '';
    return `expected ${want}, not ${got}${quote}${oneLine}`;
  }
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') return 'expected one of the forms this key allows (see docs/input.md), not this value';
  return `expected ${issue.message}`;
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
 * (`input/articles/world/a.md` → `a`). Undefined, with an `invalid-id` error, when it cannot be one:
 * the id names the folder `dist/articles/<id>/` and ends every guid, so it is never repaired silently
 * (a path like `../x` must not leave `dist/`, and a changed id would be a new story to partners).
 * The error is at the `id:` line, or at line 1 for a file name (no line holds it).
 */
export function toArticleId(file: string, fm: FrontMatter, keyLines: Record<string, number>, source: string, diagnostics: Diagnostic[]): string | undefined {
  const RULE = 'lowercase ASCII letters, digits and inner hyphens, at most 100 characters';
  if (fm.id !== undefined) {
    if (ArticleIdSchema.safeParse(fm.id).success) return fm.id;
    const suggestion = suggestId(fm.id);
    const fix = suggestion === undefined ? 'write an id such as `id: harbour-night-shift`' : `write e.g. \`id: ${suggestion}\``;
    diagnostics.push(diagnostic('error', file, source, 'invalid-id', `\`id: ${JSON.stringify(fm.id)}\` cannot be an article id: ${whyNotId(fm.id)}; an id is ${RULE} (it names the folder dist/articles/<id>/). ${capitalise(fix)}`, { line: keyLines.id ?? 1, column: 1 }));
    return undefined;
  }
  const name = file.slice(file.lastIndexOf('/') + 1);
  const extension = /\.[^.]*$/.exec(name)?.[0] ?? '';
  const base = name.slice(0, name.length - extension.length);
  if (ArticleIdSchema.safeParse(base).success) return base;
  const suggestion = suggestId(base);
  const fix = suggestion === undefined ? 'rename the file (e.g. "harbour-night-shift' + extension + '") or set `id: …` in front matter' : `rename the file to "${suggestion}${extension}" or set \`id: ${suggestion}\` in front matter`;
  diagnostics.push(diagnostic('error', file, source, 'invalid-id', `the file name "${base}" cannot be the article id, which defaults to it: ${whyNotId(base)}; an id is ${RULE}. ${capitalise(fix)}`, { line: 1, column: 1 }));
  return undefined;
}

/** The first reason, in words, why `text` is not an article id. */
function whyNotId(text: string): string {
  if (text === '') return 'it is empty';
  if (/^[\\/]|^[A-Za-z]:[\\/]/.test(text)) return 'it is an absolute path, and would place files outside dist/';
  if (text.split(/[\\/]/).includes('..')) return 'it contains "..", and would place files outside dist/articles/';
  if (/[\\/]/.test(text)) return 'it contains a path separator ("/" or "\\"), and would place files in a subfolder';
  if ([...text].length > 100) return `it is ${[...text].length} characters long, over 100`;
  if (/\s/.test(text)) return 'it contains spaces';
  if (/[A-Z]/.test(text)) return 'it contains upper-case letters';
  if (/[^\x00-\x7f]/.test(text)) return 'it contains characters outside a-z, 0-9 and "-" (accented letters and other scripts are not allowed)';
  if (/[^a-z0-9-]/.test(text)) return `it contains ${JSON.stringify(/[^a-z0-9-]/.exec(text)![0])}, which is not a lowercase letter, digit or hyphen`;
  return 'it starts or ends with a hyphen';
}

/** A valid id close to `text` (`Über Story!` → `uber-story`), or undefined when nothing usable is left. */
export function suggestId(text: string): string | undefined {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 100)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? undefined : slug;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
