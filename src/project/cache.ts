/**
 * The build cache: what each source file gave last time, keyed by a hash of its path and bytes, valid
 * only for the same tool version, configuration and output folder. It lives in its own folder
 * (default `.syndicate-cache/`) and is only a speed-up: deleting it costs one clean build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Article } from '../model/article.ts';
import type { ArticleSummary } from '../pipeline/article.ts';
import type { Placement, Revision } from '../pipeline/revision.ts';
import type { ReferenceFacts } from '../validate/consistency.ts';

/** Bumped whenever the cache's layout or meaning changes (4: summaries carry the story's `language`). */
export const CACHE_FORMAT = 4;
const INDEX = 'index.json';

/** An output file as the cache remembers it: its path under the output folder and the hash of its text. */
export type OutputStamp = [path: string, hash: string];

/** What one source file gave: everything a build needs from it except the article and file texts. */
export interface CacheEntry {
  /** Hash of the source's path and bytes ({@link hashSource}). */
  hash: string;
  /** The `stat` stamp the hash was computed for. */
  stamp: string;
  /** False when no reader handles the file. */
  supported: boolean;
  /** True when reading reported an error. */
  failed: boolean;
  readDiagnostics: Diagnostic[];
  outputDiagnostics: Diagnostic[];
  /** Present when the article could be read. */
  summary?: ArticleSummary;
  /** Its version record (present with `summary`): the entry is reused only while the state still says the same. */
  revision?: Revision;
  /** Where its files went at the build time it was made for (present with `summary`). */
  placement?: Placement;
  /** The article's own files in the public output folder. */
  outputs: OutputStamp[];
  /** Its files in the partner folder. */
  partnerOutputs: OutputStamp[];
}

/** The feeds as last written. */
export interface FeedsEntry {
  /** Hash of what the feeds were built from ({@link hashFeedInput}). */
  key: string;
  outputs: OutputStamp[];
  diagnostics: Diagnostic[];
}

/** The cache index: valid for one tool version, configuration and set of folders. */
export interface CacheIndex {
  format: number;
  key: string;
  /** By source path. */
  entries: Record<string, CacheEntry>;
  feeds?: FeedsEntry;
  /** The partner folder's index as last written (absent: no partner folder). */
  partnerIndex?: OutputStamp;
  /** Hash of the state file as last written. */
  state?: string;
}

/** What the article store keeps per source hash: the full article and its JSON-LD facts, for rebuilding feeds. */
export interface StoredArticle {
  article: Article;
  references: ReferenceFacts[];
}

/**
 * The key every entry of a cache depends on: tool version, cache format, configuration and where the
 * build reads and writes (absolute, and as diagnostics name them: cached findings carry those names).
 */
export function toCacheKey(toolVersion: string, site: SiteConfig, places: Record<string, string>): string {
  // Rule settings change only how findings are reported, which is decided after the cache (report/severity.ts).
  return sha256(JSON.stringify({ toolVersion, format: CACHE_FORMAT, site: { ...site, rules: undefined }, places }));
}

/** The hash an entry is keyed by: the source's path (ids and diagnostics depend on it) and its bytes. */
export function hashSource(sourcePath: string, bytes: Uint8Array): string {
  return shorten(createHash('sha256').update(sourcePath).update('\0').update(bytes).digest());
}

/** The hash of an output file's text. */
export function hashText(text: string): string {
  return sha256(text);
}

/**
 * The key of the feeds: the articles they are built from (each in its version) and which of them the
 * news sitemap lists (the only thing the build time changes).
 */
export function hashFeedInput(selection: readonly { source: string; hash: string }[], recent: readonly string[]): string {
  return sha256(JSON.stringify({ selection: selection.map((s) => [s.source, s.hash]), recent }));
}

function sha256(text: string): string {
  return shorten(createHash('sha256').update(text).digest());
}

// 128 bits of SHA-256 in base64url (22 characters): collisions are out of reach for any archive, and
// the index of a 100,000-article archive stays a few megabytes smaller to read on every build.
function shorten(digest: Buffer): string {
  return digest.subarray(0, 16).toString('base64url');
}

/** The cache folder's parts. */
export interface CacheDirs {
  root: string;
  /** `<root>/articles/<hash>.json`: {@link StoredArticle} per source hash. */
  store: string;
}

/** The folders of a cache rooted at `root` (absolute). */
export function toCacheDirs(root: string): CacheDirs {
  return { root, store: path.join(root, 'articles') };
}

/**
 * Reads the index when it exists and matches `key`; otherwise undefined (a clean build follows). Also
 * returns the index's modification time: a source modified at or after it may have changed without
 * its stat stamp changing (the "racy" case git guards against), so it is re-hashed.
 */
export function readCacheIndex(dirs: CacheDirs, key: string): { index: CacheIndex; writtenAtMs: number } | undefined {
  const file = path.join(dirs.root, INDEX);
  try {
    const writtenAtMs = statSync(file).mtimeMs;
    const index = JSON.parse(readFileSync(file, 'utf8')) as CacheIndex;
    if (index.format !== CACHE_FORMAT || index.key !== key || typeof index.entries !== 'object') return undefined;
    return { index, writtenAtMs };
  } catch {
    return undefined;
  }
}

/** Writes the index atomically (temporary file and rename). */
export function writeCacheIndex(dirs: CacheDirs, index: CacheIndex): void {
  mkdirSync(dirs.root, { recursive: true });
  const file = path.join(dirs.root, INDEX);
  writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(index));
  renameSync(`${file}.tmp-${process.pid}`, file);
}

/** Stores an article under its source hash. */
export function writeStoredArticle(dirs: CacheDirs, hash: string, stored: StoredArticle): void {
  writeFileSync(path.join(dirs.store, `${hash}.json`), JSON.stringify(stored));
}

/** Reads a stored article; undefined when it is missing or unreadable. */
export function readStoredArticle(dirs: CacheDirs, hash: string): StoredArticle | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dirs.store, `${hash}.json`), 'utf8')) as StoredArticle;
  } catch {
    return undefined;
  }
}

/** Prepares the store folder; a cache for another key is emptied first (the promise settles when the old store is deleted). */
export function prepareStore(dirs: CacheDirs, fresh: boolean): Promise<void> {
  if (!fresh || !existsSync(dirs.store)) {
    mkdirSync(dirs.store, { recursive: true });
    return Promise.resolve();
  }
  // Deleting tens of thousands of stored articles takes seconds on some file systems: the old store is
  // moved aside at once and deleted while the build runs (with any left by an interrupted build).
  const stale = readdirSync(dirs.root).filter((name) => name.startsWith(STALE)).map((name) => path.join(dirs.root, name));
  const aside = mkdtempSync(path.join(dirs.root, STALE));
  renameSync(dirs.store, path.join(aside, 'articles'));
  mkdirSync(dirs.store, { recursive: true });
  return Promise.all([aside, ...stale].map((dir) => rm(dir, { recursive: true, force: true }))).then(() => undefined);
}

/** Prefix of the folders an old store is moved into before it is deleted. */
const STALE = 'stale-';

/** Deletes the stored articles of these source hashes (sources that changed or went away). */
export function removeStored(dirs: CacheDirs, hashes: readonly string[]): void {
  for (const hash of hashes) rmSync(path.join(dirs.store, `${hash}.json`), { force: true });
}
