/**
 * The versions state (`input/versions.json` by default): what has been published, kept apart from the
 * public output folder and committed by the user, so that versions survive across builds and machines.
 * Agencies and aggregators keep the highest version of each guid, so a version, once sent, must never be
 * sent again for different content. It is build state: it never goes into the public folder.
 */
import { z } from 'zod';
import { ArticleIdSchema, OffsetDateTimeSchema } from './article.ts';
import { isBuildTime } from './time.ts';

/** The state format this tool writes and reads. */
export const STATE_FORMAT = 'syndicate-state/1';

/** Default name of the state file, in the input folder. */
export const STATE_FILE = 'versions.json';

/** Name of the manifest earlier versions kept in the output folder. */
export const LEGACY_MANIFEST_FILE = 'manifest.json';

/** The format of the `dist/manifest.json` earlier versions kept in the output folder (read once, to migrate). */
export const LEGACY_MANIFEST_FORMAT = 'syndicate-manifest/1';

/** One article's publication record. */
export const StateRecordSchema = z.strictObject({
  /** The article id (`articles/<id>/` in the output folders). */
  id: ArticleIdSchema,
  /** Its guid in every format; never changes. */
  guid: z.string().min(1),
  /** Source file it was last read from, relative to the input folder (`articles/world/harbour.txt`). */
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
  /**
   * True once the story has been in the public output folder (its embargo passed at a build time): a
   * later withdrawal then leaves a notice there too, since readers may hold it.
   */
  public: z.boolean(),
  /** True when the source file has disappeared: the record is kept so the version is not reused. */
  sourceMissing: z.literal(true).optional(),
});

/** The whole state: the build time it stands for and the records sorted by id. */
export const StateSchema = z.strictObject({
  format: z.literal(STATE_FORMAT),
  /**
   * The build time the outputs were last made for. Only the news sitemap and embargoes depend on the
   * build time; it moves only when one of them would change, so `build --check` rebuilds exactly this
   * moment and passes later when nothing else changed.
   */
  builtAt: z.string().refine(isBuildTime, 'an RFC 3339 date-time with offset'),
  articles: z.array(StateRecordSchema),
});

/** One article's publication record. */
export type StateRecord = z.infer<typeof StateRecordSchema>;
/** The versions state. */
export type State = z.infer<typeof StateSchema>;
