/**
 * Versions across builds: an article's content compared with its record in the previous manifest
 * decides its version, the time of that version and why it was issued. Pure (the build time is passed in).
 */
import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { lastModified, type Article } from '../model/article.ts';
import type { ManifestRecord } from '../model/manifest.ts';

/** A record before the build knows which files it wrote. */
export type Revision = Omit<ManifestRecord, 'files'>;

/**
 * Hash of what the article says, as read: every field except where it was read from and the
 * version fields the build sets. Readers normalise spacing and line breaks, so re-wrapping a
 * paragraph or re-indenting front matter does not count as a change.
 */
export function toContentHash(article: Article): string {
  const { source: _source, version: _version, signal: _signal, ...content } = article;
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

/**
 * The article's version given its previous record: unchanged content keeps the record; changed
 * content gets the next version, timed by the source's `Updated:` when that is newer than the last
 * version, else by the build time (in the publication's zone), and a signal: `withdrawal` when it has
 * just been withdrawn, `correction` when it carries a new correction, else `update`.
 */
export function toRevision(article: Article, previous: ManifestRecord | undefined, now: string, timeZone: string): Revision {
  const contentHash = toContentHash(article);
  const status = article.status === 'withdrawn' ? 'withdrawn' : 'usable';
  const carried = {
    ...(article.correction !== undefined ? { correction: article.correction } : {}),
    ...(article.embargo !== undefined ? { embargo: article.embargo } : {}),
  };
  const base = { id: article.id, guid: article.guid, source: article.source, contentHash, status, ...carried } as const;
  if (previous === undefined) {
    return { ...base, version: 1, firstCreated: article.datePublished, versionCreated: lastModified(article) };
  }
  if (previous.contentHash === contentHash) {
    const { files: _files, sourceMissing: _missing, ...kept } = previous;
    return { ...kept, source: article.source };
  }
  const updated = article.dateModified;
  const versionCreated = updated !== undefined && Date.parse(updated) > Date.parse(previous.versionCreated) ? updated : toZoned(now, timeZone);
  const signal =
    status === 'withdrawn' && previous.status !== 'withdrawn'
      ? 'withdrawal'
      : article.correction !== undefined && article.correction !== previous.correction
        ? 'correction'
        : 'update';
  return { ...base, version: previous.version + 1, firstCreated: previous.firstCreated, versionCreated, signal };
}

/** The article as its version is published: version, signal and that version's time as `dateModified`. */
export function applyRevision(article: Article, revision: Revision): Article {
  if (revision.version === 1) return article;
  return { ...article, version: revision.version, ...(revision.signal ? { signal: revision.signal } : {}), dateModified: revision.versionCreated };
}

/** Whether an embargo still holds at the build time. */
export function isEmbargoed(article: { embargo?: string | undefined }, now: string): boolean {
  return article.embargo !== undefined && Date.parse(now) < Date.parse(article.embargo);
}

/** Whether feeds, the news sitemap and JSON-LD carry the article (or its version record) at build time `now`. */
export function isListed(article: { status?: string | undefined; embargo?: string | undefined }, now: string): boolean {
  // Kept beside isEmbargoed, away from the emitters: a no-op rebuild asks it of every cached entry.
  return article.status !== 'withdrawn' && !isEmbargoed(article, now);
}

/** An instant written with the publication's offset, to the second, like every other date of the article. */
function toZoned(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}
