/** What the cache says the output folder holds, and whether it still does. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashText, type CacheIndex } from './cache.ts';

/** Every output file an index describes, with its hash. */
export function outputsOf(index: CacheIndex): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of Object.values(index.entries)) for (const [file, hash] of entry.outputs) files.set(file, hash);
  for (const [file, hash] of index.feeds?.outputs ?? []) files.set(file, hash);
  if (index.manifest) files.set(index.manifest[0], index.manifest[1]);
  return files;
}

/** How many files an index describes. */
export function countOutputs(index: CacheIndex): number {
  // Paths are unique across entries, feeds and the manifest (the manifest validator checks it).
  let count = (index.feeds?.outputs.length ?? 0) + (index.manifest ? 1 : 0);
  for (const entry of Object.values(index.entries)) count += entry.outputs.length;
  return count;
}

/**
 * Whether the output folder still holds what the index says the last build wrote, checked on the
 * feeds and the manifest (every build rewrites them when anything changes): an output folder replaced
 * by hand or by a checkout of another branch makes the build clean instead of trusting the cache.
 * `manifestText` is the output folder's manifest, which the caller has read already.
 */
export function outputsMatch(index: CacheIndex, outAbsolute: string, manifestText: string | undefined): boolean {
  const feeds = index.feeds?.outputs ?? [];
  if (feeds.length === 0 && index.manifest === undefined) return false;
  if (index.manifest !== undefined && (manifestText === undefined || hashText(manifestText) !== index.manifest[1])) return false;
  try {
    return feeds.every(([file, hash]) => hashText(readFileSync(path.join(outAbsolute, ...file.split('/')), 'utf8')) === hash);
  } catch {
    return false;
  }
}
