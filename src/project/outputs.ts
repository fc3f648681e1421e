/** What the cache says the output folders hold, and whether they still do. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PARTNERS_INDEX } from '../model/partners.ts';
import { hashText, type CacheEntry, type CacheIndex, type OutputStamp } from './cache.ts';

/** The two folders a build writes. */
export type Folder = 'public' | 'partner';

/** Files to write (new or with another hash) and files to delete in one folder, from one index to the next. */
export interface OutputChanges {
  changed: string[];
  removed: string[];
}

/**
 * What changed in one folder between two indexes. Only entries whose output list is not the very same
 * array as before (a source built again, added or gone) and the folder's shared files are compared:
 * an entry taken from the cache keeps its list, and a path belongs to one entry at a time in each
 * index, so a file can only move between compared entries. A one-article rebuild of a large archive
 * thus compares a handful of files instead of every file of the folder.
 */
export function toOutputChanges(before: CacheIndex, after: CacheIndex, folder: Folder): OutputChanges {
  const listOf = (entry: CacheEntry) => (folder === 'public' ? entry.outputs : entry.partnerOutputs);
  const had = new Map<string, string>();
  const wanted = new Map<string, string>();
  for (const [source, entry] of Object.entries(after.entries)) {
    const old = before.entries[source];
    if (old && listOf(old) === listOf(entry)) continue;
    for (const [file, hash] of listOf(entry)) wanted.set(file, hash);
    if (old) for (const [file, hash] of listOf(old)) had.set(file, hash);
  }
  for (const [source, old] of Object.entries(before.entries)) if (!(source in after.entries)) for (const [file, hash] of listOf(old)) had.set(file, hash);
  const shared = (index: CacheIndex): OutputStamp[] => (folder === 'public' ? (index.feeds?.outputs ?? []) : index.partnerIndex ? [index.partnerIndex] : []);
  for (const [file, hash] of shared(after)) wanted.set(file, hash);
  for (const [file, hash] of shared(before)) had.set(file, hash);
  return {
    changed: [...wanted].filter(([file, hash]) => had.get(file) !== hash).map(([file]) => file),
    removed: [...had.keys()].filter((file) => !wanted.has(file)),
  };
}

/** How many files an index describes in one folder. */
export function countOutputs(index: CacheIndex, folder: Folder): number {
  // Paths are unique across entries and feeds (ids are unique, and feeds have their own names).
  let count = folder === 'public' ? (index.feeds?.outputs.length ?? 0) : index.partnerIndex ? 1 : 0;
  for (const entry of Object.values(index.entries)) count += (folder === 'public' ? entry.outputs : entry.partnerOutputs).length;
  return count;
}

/**
 * Whether the folders still hold what the index says the last build wrote, checked on the state, the
 * feeds and the partners' index (every build rewrites them when anything changes): a folder replaced by
 * hand or by a checkout of another branch makes the build clean instead of trusting the cache.
 * `stateText` is the state file, which the caller has read already.
 */
export function outputsMatch(index: CacheIndex, folders: { public: string; partner: string }, stateText: string | undefined): boolean {
  if (index.state === undefined || stateText === undefined || hashText(stateText) !== index.state) return false;
  const expected: [string, string][] = (index.feeds?.outputs ?? []).map(([file, hash]) => [path.join(folders.public, ...file.split('/')), hash]);
  if (index.partnerIndex) expected.push([path.join(folders.partner, PARTNERS_INDEX), index.partnerIndex[1]]);
  try {
    return expected.every(([file, hash]) => hashText(readFileSync(file, 'utf8')) === hash);
  } catch {
    return false;
  }
}
