import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { AbsoluteUrlSchema, ArticleIdSchema, PersonSchema } from '../model/article.ts';
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
});

/** Parsed front matter. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** Front matter found at the top of a source, and the line where the body starts (0-based index). */
export interface FrontMatterResult {
  data: FrontMatter;
  bodyStart: number;
  diagnostics: Diagnostic[];
  /** 1-based line of each top-level key, for later diagnostics about its value. */
  keyLines: Record<string, number>;
}

/**
 * Reads a `---` … `---` YAML block when the first line is `---`. Syntax errors and schema
 * violations become diagnostics with the line in the article file.
 */
export function readFrontMatter(lines: readonly string[], file: string, source: string): FrontMatterResult {
  const empty: FrontMatterResult = { data: {}, bodyStart: 0, diagnostics: [], keyLines: {} };
  if (lines[0]?.trim() !== '---') return empty;
  const close = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) {
    return { ...empty, diagnostics: [diagnostic('error', file, source, 'unclosed-front-matter', 'front matter starts with "---" on line 1 but has no closing "---" line; add one after the last key', { line: 1, column: 1 })] };
  }
  const firstLine = 2; // the YAML text starts on the file's line 2
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const result: FrontMatterResult = { data: {}, bodyStart: close + 1, diagnostics: [], keyLines: {} };
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
  const parsed = FrontMatterSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) {
    result.data = parsed.data;
    return result;
  }
  result.diagnostics = parsed.error.issues.map((issue) => {
    const node = nodeAt(doc.contents as Node | null, issue.path.map(String));
    const position = node?.range ? at(node.range[0]) : { line: 1, column: 1 };
    const key = issue.path.join('.') || '(front matter)';
    const what =
      issue.code === 'unrecognized_keys'
        ? `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed keys are ${Object.keys(FrontMatterSchema.shape).join(', ')}`
        : `expected ${issue.message}`;
    return diagnostic('error', file, source, 'invalid-front-matter', `front matter "${key}": ${what}`, position);
  });
  return result;
}
