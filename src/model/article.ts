import { z } from 'zod';

/** RFC 3339 date-time with seconds and an explicit UTC offset (`2024-09-04T21:03:00+08:00`). */
export const OffsetDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/, 'an RFC 3339 date-time with offset');

/**
 * An absolute http(s) URL, written exactly as the WHATWG URL parser normalises it, so that every
 * output carries the same string and nothing needs escaping beyond XML/JSON rules (a space or `<`
 * in a path would be percent-encoded by the parser, so such a URL is refused with its fixed form).
 */
export const AbsoluteUrlSchema = z.string().superRefine((value, ctx) => {
  const parsed = /^https?:\/\//i.test(value) && URL.canParse(value) ? new URL(value) : undefined;
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: 'an absolute http(s) URL such as "https://example.com/page"' });
  } else if (parsed.href !== value) {
    ctx.addIssue({ code: 'custom', message: `a URL in normalised form: write "${parsed.href}"` });
  }
});

/** Article ids are URL- and path-safe slugs; they name `dist/articles/<id>/`. */
export const ArticleIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens (at most 100)');

/** A person credited with the story. */
export const PersonSchema = z.object({
  /** The name only, as readers see it ("Liu Caiyu"). */
  name: z.string().min(1),
  /** Profile page, when the source or front matter gives one. */
  url: AbsoluteUrlSchema.optional(),
});

/** A photo that belongs to the story; `url` is absent when the source only has the caption. */
export const ImageSchema = z.object({
  /** Where the image file is; never invented: absent when the source does not say. */
  url: AbsoluteUrlSchema.optional(),
  /** Pixel width, when known. */
  width: z.number().int().positive().optional(),
  /** Pixel height, when known. */
  height: z.number().int().positive().optional(),
  /** MIME type of the file, when known (from front matter or the URL's extension). */
  contentType: z.string().regex(/^image\/[a-z0-9.+-]+$/).optional(),
  /** Size of the file in bytes, when known (RSS `enclosure` requires it). */
  byteLength: z.number().int().positive().optional(),
  /** Caption text, plain. */
  caption: z.string().min(1),
  /** Credit line ("Liu Caiyu/GT"), when known. */
  credit: z.string().min(1).optional(),
  /** The photographer or agency as a name, when front matter gives it (never parsed out of a credit line). */
  creator: z.string().min(1).optional(),
  /** Copyright notice of the image, when front matter gives it. */
  copyright: z.string().min(1).optional(),
});

/** The canonical article: every reader produces it, every emitter consumes only it. */
export const ArticleSchema = z.object({
  /** Stable id from the file name or front matter, never from the headline. */
  id: ArticleIdSchema,
  /** Globally unique, stable identifier used as RSS guid, Atom id, NewsML-G2 guid and JSON-LD `@id` base. */
  guid: z.string().regex(/^(?:tag:|urn:|https?:\/\/)\S+$/),
  /** Source file the article was read from, relative to the project (for diagnostics). */
  source: z.string().min(1),
  /** Canonical public URL of the story. */
  url: AbsoluteUrlSchema,
  /** The headline, plain text. */
  headline: z.string().min(1),
  /** Section path, outermost first (`CHINA / SOCIETY` → China, Society). */
  sections: z.array(z.string().min(1)),
  /** First publication time with the publication's offset. */
  datePublished: OffsetDateTimeSchema,
  /** Last update time with offset, when the source has one. */
  dateModified: OffsetDateTimeSchema.optional(),
  /** Bylines; empty when the story has none (the publisher is then the author). */
  authors: z.array(PersonSchema),
  /** Place line ("BEIJING"), when known. */
  dateline: z.string().min(1).optional(),
  /** Keywords from front matter. */
  keywords: z.array(z.string().min(1)),
  /** Plain-text summary: front matter `description`, else the first body paragraph. */
  description: z.string().min(1),
  /**
   * Plain text of each body block (paragraph, heading, list item, code block), in order: JSON-LD
   * `articleBody` and `wordCount`, and the default description. Never parsed back into HTML.
   */
  paragraphs: z.array(z.string().min(1)).min(1),
  /**
   * The body as a sanitised HTML fragment, which every HTML output uses (feeds' content, ninjs body,
   * NewsML-G2's XHTML body). Readers guarantee it is also well-formed XML in XHTML syntax: elements
   * from a small allowlist (`p`, `h1`–`h6`, lists, `blockquote`, `pre`, `code`, `em`, `strong`, `a`,
   * `img`, `br`, `hr`, `table`, `thead`, `tbody`, `tr`, `th`, `td`, `del`, `sup`), void elements self-closed, attributes double-quoted, only the five XML
   * entities or numeric references, absolute http(s) `href`/`src`, no scripts or event handlers.
   * Wire copy gives one `<p>` per paragraph.
   */
  bodyHtml: z.string().min(1),
  /** Photos, in order of appearance. */
  images: z.array(ImageSchema),
  /** BCP 47 language tag of the text. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
  /** Front matter `correction:`: what was wrong in an earlier version, said to readers and partners. */
  correction: z.string().min(1).optional(),
  /** Front matter `status: withdrawn`: the story is withdrawn (NewsML-G2 `stat:canceled`); absent for a published story. */
  status: z.literal('withdrawn').optional(),
  /** Front matter `reason:`, why a withdrawn story was withdrawn. */
  withdrawalReason: z.string().min(1).optional(),
  /** Front matter `embargo:`: not to be published before this time (RFC 3339 with the publication's offset). */
  embargo: OffsetDateTimeSchema.optional(),
  /**
   * Set by the build from `dist/manifest.json`, never by readers: the NewsML-G2/ninjs version (absent
   * means 1) and why the latest version was issued (absent for version 1). With a version above 1,
   * `dateModified` is that version's time: the source's `Updated:`, else the build time it was first seen.
   */
  version: z.number().int().min(2).optional(),
  signal: z.enum(['update', 'correction', 'withdrawal']).optional(),
});

/** The canonical article model. */
export type Article = z.infer<typeof ArticleSchema>;
/** A credited person. */
export type Person = z.infer<typeof PersonSchema>;
/** A photo of an article. */
export type Image = z.infer<typeof ImageSchema>;

/** What the feed order depends on: an article, or a summary of one. */
export type ArticleOrderKey = Pick<Article, 'id' | 'datePublished'>;

/** Newest first, ties broken by id: the one order every feed uses. */
export function compareArticles(a: ArticleOrderKey, b: ArticleOrderKey): number {
  const byDate = Date.parse(b.datePublished) - Date.parse(a.datePublished);
  return byDate !== 0 ? byDate : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A copy of `articles` in {@link compareArticles} order, parsing each date once (archives sort tens of thousands). */
export function sortArticles<T extends ArticleOrderKey>(articles: readonly T[]): T[] {
  const keyed = articles.map((article) => ({ article, time: Date.parse(article.datePublished) }));
  keyed.sort((a, b) => b.time - a.time || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  return keyed.map((k) => k.article);
}

/** The time an article last changed: `dateModified` when present, else `datePublished`. */
export function lastModified(article: Article): string {
  return article.dateModified ?? article.datePublished;
}
