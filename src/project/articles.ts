/** Full articles for a project build's later steps: from the cache's store, or built again from their sources. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config.ts';
import { readSourceBytes, type ListedSource } from '../io.ts';
import type { Article } from '../model/article.ts';
import type { ArticleContext } from '../pipeline/article.ts';
import type { ReferenceFacts } from '../validate/consistency.ts';
import { readStoredArticle, type CacheDirs, type CacheEntry } from './cache.ts';
import { loadHeavy } from './lazy.ts';
import type { JobPlaces } from './process.ts';

/**
 * The full articles (and their JSON-LD facts) the feeds are built from, from the cache's store; a
 * missing or unreadable stored article is rebuilt from its source.
 */
export async function loadArticles(
  selection: readonly { source: string; hash: string }[],
  dirs: CacheDirs,
  site: SiteConfig,
  sources: readonly ListedSource[],
  context: ArticleContext,
): Promise<{ article: Article; references: ReferenceFacts[] }[]> {
  const loaded = [];
  for (const { source, hash } of selection) {
    let stored = readStoredArticle(dirs, hash);
    if (stored === undefined) {
      const listed = sources.find((s) => s.path === source);
      const { buildArticle } = await loadHeavy();
      const built = listed ? buildArticle({ path: source, bytes: await readSourceBytes(listed.absolute) }, site, context) : undefined;
      if (!built?.article) throw new Error(`the cached article for ${source} is missing and the source no longer reads; delete the cache folder and build again`);
      stored = { article: built.article, references: built.references };
    }
    loaded.push(stored);
  }
  return loaded;
}

/**
 * Leaves the staging folders holding only what the kept articles wrote. A rejected source's files are
 * removed; where a rejected source wrote over a kept article's paths, the kept one is built again.
 */
export async function restageKept(
  ordered: readonly { source: ListedSource; entry: CacheEntry }[],
  rejected: ReadonlySet<string>,
  kept: readonly CacheEntry[],
  site: SiteConfig,
  context: ArticleContext,
  places: JobPlaces,
): Promise<void> {
  const rebuild = new Set<CacheEntry>();
  for (const [list, staging] of [['outputs', places.staging], ['partnerOutputs', places.partnerStaging]] as const) {
    const keptPaths = new Map<string, CacheEntry>();
    for (const entry of kept) for (const [file] of entry[list]) keptPaths.set(file, entry);
    for (const { source, entry } of ordered) {
      if (!rejected.has(source.path)) continue;
      for (const [file] of entry[list]) {
        const owner = keptPaths.get(file);
        if (owner) rebuild.add(owner);
        else rmSync(path.join(staging, ...file.split('/')), { force: true });
      }
    }
  }
  if (rebuild.size === 0) return;
  const { processSource } = await loadHeavy();
  for (const { source, entry } of ordered) {
    if (!rebuild.has(entry)) continue;
    const bytes = await readSourceBytes(source.absolute);
    processSource({ path: source.path, hash: entry.hash, stamp: entry.stamp, bytes }, site, context, places);
  }
}
