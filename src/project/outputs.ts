/** What the cache says the output folders hold, and whether they still do. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PARTNERS_INDEX } from '../model/partners.ts';
import { hashText, type CacheIndex } from './cache.ts';

/** The two folders a build writes. */
export type Folder = 'public' | 'partner';

/** Every file an index describes in one folder, with its hash. */
export function outputsOf(index: CacheIndex, folder: Folder): Map<string, string> {
  const files = new Map<string, string>();
  if (folder === 'public') {
    for (const entry of Object.values(index.entries)) for (const [file, hash] of entry.outputs) files.set(file, hash);
    for (const [file, hash] of index.feeds?.outputs ?? []) files.set(file, hash);
  } else {
    for (const entry of Object.values(index.entries)) for (const [file, hash] of entry.partnerOutputs) files.set(file, hash);
    if (index.partnerIndex) files.set(index.partnerIndex[0], index.partnerIndex[1]);
  }
  return files;
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
