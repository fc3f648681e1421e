/**
 * `dist/manifest.json`: what has been published, kept with the outputs so that versions survive
 * across builds and machines. Agencies and aggregators keep the highest version of each guid, so a
 * version, once sent, must never be sent again for different content.
 */
import { z } from 'zod';
import { ArticleIdSchema, OffsetDateTimeSchema } from './article.ts';

/** The manifest format this tool writes and reads. */
export const MANIFEST_FORMAT = 'syndicate-manifest/1';

/** One article's publication record. */
export const ManifestRecordSchema = z.strictObject({
  /** The article id (`dist/articles/<id>/`). */
  id: ArticleIdSchema,
  /** Its guid in every format; never changes. */
  guid: z.string().min(1),
  /** Source file it was last read from. */
  source: z.string().min(1),
  /** NewsML-G2 / ninjs version: 1, then +1 for each change of content. */
  version: z.number().int().positive(),
  /** Hash of the article's content as read (formatting of the source does not count). */
  contentHash: z.string().min(1),
  /** When the story was first published (its `datePublished` then). */
  firstCreated: OffsetDateTimeSchema,
  /** When this version was issued: the source's `Updated:` time, else the build time that first saw it. */
  versionCreated: OffsetDateTimeSchema,
  /** `usable`, or `withdrawn` once a withdrawal has been sent. */
  status: z.enum(['usable', 'withdrawn']),
  /** Why this version was issued (absent for version 1). */
  signal: z.enum(['update', 'correction', 'withdrawal']).optional(),
  /** The correction text this version carries, so a new correction is told from an edit that keeps an old one. */
  correction: z.string().min(1).optional(),
  /** The embargo time, when the story has one. */
  embargo: OffsetDateTimeSchema.optional(),
  /** Files of this article in the output folder. */
  files: z.array(z.string().min(1)),
  /** True when the source file has disappeared: the record is kept so the version is not reused. */
  sourceMissing: z.literal(true).optional(),
});

/** The whole manifest: records sorted by id. */
export const ManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  articles: z.array(ManifestRecordSchema),
});

/** One article's publication record. */
export type ManifestRecord = z.infer<typeof ManifestRecordSchema>;
/** The manifest. */
export type Manifest = z.infer<typeof ManifestSchema>;
