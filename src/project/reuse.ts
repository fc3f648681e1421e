/** Whether a cached entry can stand for its source in this build. */
import type { StateRecord } from '../model/state.ts';
import type { ArticleContext } from '../pipeline/article.ts';
import { toPlacement, type Revision } from '../pipeline/revision.ts';
import type { CacheEntry } from './cache.ts';

/**
 * Whether a cached entry still describes what this build would make of its source: its version record
 * is the one the previous state holds, and its files go where they went (an embargo has not lifted since).
 */
export function isCurrent(entry: CacheEntry, context: ArticleContext): boolean {
  if (entry.summary === undefined || entry.revision === undefined) return true;
  const record = context.previous(entry.summary.id);
  if (record === undefined || !sameRevision(entry.revision, record)) return false;
  return entry.placement === toPlacement(entry.revision, context.now);
}

function sameRevision(revision: Revision, record: StateRecord): boolean {
  const { sourceMissing: _missing, ...rest } = record;
  const keys = new Set([...Object.keys(revision), ...Object.keys(rest)]);
  return [...keys].every((key) => (revision as Record<string, unknown>)[key] === (rest as Record<string, unknown>)[key]);
}
