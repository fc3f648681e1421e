/**
 * The rebuild that finds nothing to do. After a build that wrote its folders without errors, a small
 * record says what it was built from (every source's stat stamp, the cache key), what the output
 * folders held afterwards (stat stamps of the files the build checks on every run: the state, the
 * feeds, the partner index), until when its time-dependent decisions hold, and what it reported. A
 * later build with the same sources, the same key and untouched files, before that instant, reports
 * the same findings and writes nothing, without reading the cache index, the state or the articles.
 * Anything else takes the full path, which is always right; this one only has to be sure.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { ListedSource } from '../io.ts';
import { NEWS_WINDOW_MS } from '../emit/scopes.ts';
import { FUTURE_DATE_LIMITS } from '../pipeline/schedule.ts';
import { hashText, type CacheDirs } from './cache.ts';

/** Bumped whenever the record's layout or meaning changes. */
const FORMAT = 2;
const FILE = 'unchanged.json';
// The outcome (every finding: megabytes on a large archive) is kept apart and read only once the small
// record has shown that nothing changed; a build with something to do never parses it.
const OUTCOME = 'unchanged-outcome.json';

/** What a build with nothing to do reports: the last build's outcome. */
export interface UnchangedOutcome {
  articles: number;
  files: number;
  partnerFiles: number;
  nextEmbargo?: string | undefined;
  diagnostics: Diagnostic[];
}

/** The record a build leaves for the next one. */
interface UnchangedRecord {
  format: number;
  key: string;
  /** Hash of every source's path and stat stamp, in order. */
  sources: string;
  /** The build time it was made at. */
  now: string;
  /** The first instant (epoch ms) at which a decision that depends on the build time changes; null: none. */
  until: number | null;
  /** True when a finding's text names the build time: then only the same build time gives the same report. */
  nowInFindings: boolean;
  /** Stat stamps of the files the full path checks on every run. */
  files: [absolute: string, stamp: string][];
  /** Hash of the outcome file's text: a record never replays another build's outcome. */
  outcome: string;
}

/** What a story contributes to the time-dependent decisions: its publication instant and embargo. */
export interface TimedStory {
  datePublished: string;
  embargo?: string | undefined;
}

/**
 * The first instant after `now` at which a decision that depends on the build time changes: an embargo
 * lifts (placement, listing), a story enters or leaves the news sitemap's window, or crosses the
 * future-date checks' thresholds. Null when there is none.
 */
export function toDecisionHorizon(stories: readonly TimedStory[], now: string): number | null {
  const at = Date.parse(now);
  let first = Infinity;
  const consider = (instant: number) => {
    if (instant > at && instant < first) first = instant;
  };
  for (const story of stories) {
    const published = Date.parse(story.datePublished);
    consider(published);
    consider(published + NEWS_WINDOW_MS);
    for (const limit of FUTURE_DATE_LIMITS) consider(published - limit);
    if (story.embargo !== undefined) consider(Date.parse(story.embargo));
  }
  return first === Infinity ? null : first;
}

/** The stat stamp the record compares: size, modification time and inode. */
function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return undefined;
  }
}

function hashSources(sources: readonly ListedSource[]): string {
  return hashText(sources.map((s) => `${s.path}\0${s.stamp}`).join('\n'));
}

/**
 * The last build's outcome when nothing it depends on has changed: same key, same sources (none
 * modified since the record was written), the checked output files untouched, and a build time from
 * the record's own up to (not including) its horizon. Undefined otherwise.
 */
export function readUnchanged(dirs: CacheDirs, key: string, sources: readonly ListedSource[], now: string): UnchangedOutcome | undefined {
  const file = path.join(dirs.root, FILE);
  let record: UnchangedRecord;
  // When the record was written, by the file system's clock: a source modified as late as that may have
  // changed without changing its stamp, so it is read again.
  let writtenAtMs: number;
  try {
    writtenAtMs = statSync(file).mtimeMs;
    record = JSON.parse(readFileSync(file, 'utf8')) as UnchangedRecord;
  } catch {
    return undefined;
  }
  if (record.format !== FORMAT || record.key !== key) return undefined;
  const at = Date.parse(now);
  if (record.nowInFindings ? now !== record.now : at < Date.parse(record.now) || (record.until !== null && at >= record.until)) return undefined;
  if (sources.some((s) => s.mtimeMs >= writtenAtMs) || hashSources(sources) !== record.sources) return undefined;
  if (record.files.some(([file, stamp]) => stampOf(file) !== stamp)) return undefined;
  try {
    const text = readFileSync(path.join(dirs.root, OUTCOME), 'utf8');
    return hashText(text) === record.outcome ? (JSON.parse(text) as UnchangedOutcome) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the record: the build about to run may change what it describes. */
export function forgetUnchanged(dirs: CacheDirs): void {
  rmSync(path.join(dirs.root, FILE), { force: true });
}

/** Writes the record of a build that committed its folders without errors. */
export function writeUnchanged(
  dirs: CacheDirs,
  record: { key: string; sources: readonly ListedSource[]; now: string; until: number | null; files: readonly string[]; outcome: UnchangedOutcome },
): void {
  const files: [string, string][] = [];
  for (const file of record.files) {
    const stamp = stampOf(file);
    if (stamp === undefined) return;
    files.push([file, stamp]);
  }
  const nowInFindings = record.outcome.diagnostics.some((d) => d.message.includes(record.now));
  const outcome = JSON.stringify(record.outcome);
  writeAtomically(path.join(dirs.root, OUTCOME), outcome);
  const written: UnchangedRecord = {
    format: FORMAT,
    key: record.key,
    sources: hashSources(record.sources),
    now: record.now,
    until: record.until,
    nowInFindings,
    files,
    outcome: hashText(outcome),
  };
  writeAtomically(path.join(dirs.root, FILE), JSON.stringify(written));
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
