/**
 * Versions across builds: an article's content compared with its record in the previous manifest
 * decides its version, the time of that version and why it was issued. Pure (the build time is passed in).
 */
import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { lastModified, type Article } from '../model/article.ts';
import { formatZonedSeconds, isInZonedSpan, isRealWallClock, toLocalSeconds, toOffsetLookup } from '../model/zoned.ts';
import type { StateRecord } from '../model/state.ts';

/** An article's record as this build sees it (a vanished source has a record, but no revision). */
export type Revision = Omit<StateRecord, 'sourceMissing'>;

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
 * just been withdrawn, `correction` when it carries a new correction, else `update`. `source` is the
 * source's path relative to the input folder (the state never depends on where the build ran);
 * `public` turns true at the first build time at which the story is listed, and stays true.
 */
export function toRevision(article: Article, previous: StateRecord | undefined, now: string, timeZone: string, source: string): Revision {
  const contentHash = toContentHash(article);
  const status = article.status === 'withdrawn' ? 'withdrawn' : 'usable';
  const listedNow = isListed(article, now);
  const carried = {
    ...(article.correction !== undefined ? { correction: article.correction } : {}),
    ...(article.embargo !== undefined ? { embargo: article.embargo } : {}),
  };
  const base = { id: article.id, guid: article.guid, source, contentHash, status, ...carried } as const;
  if (previous === undefined) {
    return { ...base, version: 1, firstCreated: article.datePublished, versionCreated: lastModified(article), public: listedNow };
  }
  const wasPublic = previous.public || listedNow;
  if (previous.contentHash === contentHash) {
    const { sourceMissing: _missing, ...kept } = previous;
    return { ...kept, source, public: wasPublic };
  }
  const updated = article.dateModified;
  const versionCreated = updated !== undefined && Date.parse(updated) > Date.parse(previous.versionCreated) ? updated : toZoned(now, timeZone);
  const signal =
    status === 'withdrawn' && previous.status !== 'withdrawn'
      ? 'withdrawal'
      : article.correction !== undefined && article.correction !== previous.correction
        ? 'correction'
        : 'update';
  return { ...base, version: previous.version + 1, firstCreated: previous.firstCreated, versionCreated, signal, public: wasPublic };
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

/** Where a story's files go at a build time: on the web, held for partners under embargo, or withdrawn. */
export type Placement = 'public' | 'embargoed' | 'withdrawn';

/**
 * Where the story's files go at build time `now`. A withdrawn story's text goes nowhere (its files are
 * withdrawal notices); an embargoed one's goes only to partners until a build after its embargo.
 */
export function toPlacement(article: { status?: string | undefined; embargo?: string | undefined }, now: string): Placement {
  if (article.status === 'withdrawn') return 'withdrawn';
  return isEmbargoed(article, now) ? 'embargoed' : 'public';
}

/** RFC 3339 with an offset, as `--now` takes it (seconds and their fraction optional). */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An instant written with the publication's offset, to the second, like every other date of the article.
 * The instant is read with plain arithmetic (exact for a fixed offset; a fraction of a second only ever
 * adds to the whole second, which Temporal keeps) and written by src/model/zoned.ts; anything else
 * (another shape, a year outside 1700–9998, a zone Intl does not know) goes to Temporal as before.
 */
export function toZoned(instant: string, timeZone: string): string {
  const m = RFC3339.exec(instant);
  if (m) {
    const clock = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
    const offset = m[7] === undefined ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 3600 + Number(m[9]) * 60);
    const seconds = toLocalSeconds(clock) - offset;
    if (isRealWallClock(clock) && Number(m[8] ?? 0) <= 23 && Number(m[9] ?? 0) <= 59 && isInZonedSpan(seconds)) {
      try {
        return formatZonedSeconds(seconds, toOffsetLookup(timeZone));
      } catch {
        // A zone Intl does not know: Temporal answers (or throws) as before.
      }
    }
  }
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}
