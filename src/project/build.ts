/**
 * Building a project folder: the CLI's build. The same steps as the in-memory {@link build}
 * (buildArticle per source, then buildFeeds) with what a large archive needs around them: a cache of
 * what each source gave, worker threads for the sources that changed, articles kept on disk rather
 * than in memory, and output written through a staging folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_MAX_ARTICLE_BYTES, type SiteConfig } from '../config.ts';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { toRecentArticles } from '../emit/scopes.ts';
import {
  acquireOutputLock,
  commitStagedChanges,
  discardStaging,
  listSources,
  readCodeFingerprint,
  readPreviousManifest,
  readSourceBytes,
  recoverOutputs,
  swapInStaging,
  toStagingDir,
  writeStagedFiles,
  type ListedSource,
} from '../io.ts';
import { acceptArticles } from '../pipeline/accept.ts';
import type { ArticleContext, BuildStage } from '../pipeline/article.ts';
import { readManifest, toManifestFile } from '../pipeline/manifest.ts';
import type { Revision } from '../pipeline/revision.ts';
import { checkPublicationDates } from '../pipeline/schedule.ts';
import { selectFeedArticles } from '../pipeline/select.ts';
import {
  CACHE_FORMAT,
  hashFeedInput,
  hashSource,
  hashText,
  prepareStore,
  removeStored,
  readCacheIndex,
  toCacheDirs,
  toCacheKey,
  writeCacheIndex,
  type CacheEntry,
  type CacheIndex,
  type FeedsEntry,
  type OutputStamp,
} from './cache.ts';
import { loadArticles, restageKept } from './articles.ts';
import { countOutputs, outputsMatch, outputsOf } from './outputs.ts';
import type { JobPlaces, JobResult, SourceJob } from './process.ts';
import { isCurrent } from './reuse.ts';

/** Sources per batch sent to a worker: small enough to balance the load, large enough to keep messages few. */
const BATCH = 32;

/** Options of a project build. */
export interface ProjectBuildOptions {
  /** Working directory that relative paths are resolved against (and shown relative to). */
  cwd: string;
  /** Input folder (holding `articles/`), relative to `cwd`. */
  inputDir: string;
  /** Output folder, relative to `cwd`. */
  outDir: string;
  /** The validated site configuration. */
  site: SiteConfig;
  /** The tool's version: part of the cache key, so an upgrade rebuilds everything. */
  toolVersion: string;
  /** The build time (RFC 3339 with offset), decided by the CLI. */
  now: string;
  /** Cache folder relative to `cwd`; undefined for a build without a persistent cache. */
  cacheDir?: string | undefined;
  /** Worker threads to use when there is enough to build (default: the machine's available parallelism). */
  workers?: number | undefined;
  /** Fewer sources to build than this are built on the main thread, as starting workers would cost more (default 64). */
  parallelThreshold?: number | undefined;
  /** The worker script (default: the compiled `worker.js` beside this module). */
  workerScript?: URL | undefined;
  /** `--keep-going`: write the articles without errors, leave out (and list) those with errors; the result still has the errors. */
  keepGoing?: boolean | undefined;
  /** `--reset-versions`: ignore a missing or previous manifest and start every version at 1. */
  resetVersions?: boolean | undefined;
  /** Called as sources are done, for a progress bar. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What a project build did. */
export interface ProjectBuildResult {
  /** Articles in the output. */
  articles: number;
  /** Files the output folder holds after the build (unchanged when there were errors). */
  files: number;
  /** Files written or replaced, and files deleted, by this build. */
  written: number;
  removed: number;
  /** Every finding, sorted by file and position (cached findings are reported again). */
  diagnostics: Diagnostic[];
  /** `clean` when the output folder was built from scratch, `incremental` when the cache was used. */
  mode: 'clean' | 'incremental';
  /** Sources taken from the cache, and sources built. */
  reused: number;
  built: number;
  /** Worker threads started (0: everything ran on the main thread). */
  workers: number;
  /** Sources left out because of their own errors (`keepGoing`), sorted. */
  rejected: string[];
  /** True when the output folder now holds this build's result (false: errors stopped it, nothing was written). */
  committed: boolean;
  /** What was done to finish or undo an interrupted earlier build. */
  recovered: string[];
  /** Wall time per phase and summed CPU time per stage, in ms, for `--verbose` and the benchmark. */
  timings: Record<string, number>;
}

/** Builds the project's output folder, reusing the cache for unchanged sources. Never writes a partial output folder. */
export async function buildProject(options: ProjectBuildOptions): Promise<ProjectBuildResult> {
  const lock = acquireOutputLock(options.outDir, options.cwd);
  if (!lock.ok) {
    const busy = diagnostic('error', options.outDir, 'build', 'output-locked', `another build (process ${lock.holder}) is writing this output folder; wait for it to finish, or run the builds one after another`);
    return { articles: 0, files: 0, written: 0, removed: 0, diagnostics: [busy], mode: 'clean', reused: 0, built: 0, workers: 0, rejected: [], committed: false, recovered: [], timings: {} };
  }
  try {
    return await buildLocked(options);
  } finally {
    lock.release();
  }
}

async function buildLocked(options: ProjectBuildOptions): Promise<ProjectBuildResult> {
  const { cwd, site, now } = options;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const t = performance.now();
    timings[phase] = (timings[phase] ?? 0) + t - mark;
    mark = t;
  };
  const recovered = await recoverOutputs(options.outDir, cwd);
  const { articlesPath, sources, diagnostics: inputDiagnostics } = await listSources(options.inputDir, cwd);
  const outAbsolute = path.resolve(cwd, options.outDir);
  const persistent = options.cacheDir !== undefined;
  const dirs = toCacheDirs(persistent ? path.resolve(cwd, options.cacheDir as string) : mkdtempSync(path.join(tmpdir(), 'syndicate-cache-')));
  const found = readPreviousManifest(options.outDir, cwd);
  // Without a persistent cache no index is read or written, so the tool's code is not hashed either.
  const key = persistent ? toCacheKey(`${options.toolVersion}+${await readCodeFingerprint()}`, site, outAbsolute) : '';
  let prior = persistent ? readCacheIndex(dirs, key) : undefined;
  if (prior && !outputsMatch(prior.index, outAbsolute, found.text)) prior = undefined;
  // The manifest this tool wrote and validated last time (outputsMatch compared it with the hash in the
  // cache index) is not checked against its schema again: on a large archive that is most of a no-op rebuild.
  const trusted = prior?.index.manifest !== undefined;
  const previous = readManifest({ ...found, reset: options.resetVersions }, options.outDir, trusted);
  const context: ArticleContext = { now, previous: (id) => previous.records.get(id) };
  const mode = prior ? 'incremental' : 'clean';
  prepareStore(dirs, !prior);
  const staging = toStagingDir(options.outDir, cwd);
  await discardStaging(staging);
  lap('list');

  try {
    // Sources whose stat stamp is unchanged (and not modified as late as the index) are taken as they are.
    const entries = new Map<string, CacheEntry>();
    const candidates: ListedSource[] = [];
    for (const source of sources) {
      const old = prior?.index.entries[source.path];
      if (old && prior && old.stamp === source.stamp && source.mtimeMs < prior.writtenAtMs && isCurrent(old, context)) entries.set(source.path, old);
      else candidates.push(source);
    }
    const reusedByStamp = entries.size;
    const total = sources.length;
    let done = reusedByStamp;
    options.onProgress?.(done, total);

    const places: JobPlaces = { staging, cache: dirs };
    const threshold = options.parallelThreshold ?? 64;
    const limit = site.limits?.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
    const size = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.ceil(candidates.length / BATCH)));
    const pool = candidates.length >= threshold ? new (await import('./pool.ts')).WorkerPool(size, { site, places, now, previous: [...previous.records.values()] }, options.workerScript) : undefined;
    // Loaded only when something is to be built: a no-op rebuild never loads the readers and emitters.
    const processLocally = pool || candidates.length === 0 ? undefined : (await import('./process.ts')).processSource;
    const cpu: Partial<Record<BuildStage, number>> = {};
    const collect = (results: JobResult[]) => {
      for (const { path: source, entry, timings: t } of results) {
        entries.set(source, entry);
        for (const [stage, ms] of Object.entries(t) as [BuildStage, number][]) cpu[stage] = (cpu[stage] ?? 0) + ms;
      }
      done += results.length;
      options.onProgress?.(done, total);
    };
    const pending: Promise<void>[] = [];
    let built = 0;
    try {
      for (let i = 0; i < candidates.length; i += BATCH) {
        const batch = candidates.slice(i, i + BATCH);
        const jobs: SourceJob[] = [];
        await Promise.all(
          batch.map(async (source) => {
            // A file over the size limit is not read: it is refused by its size (a stray multi-gigabyte export costs nothing).
            const oversize = source.size > limit;
            const bytes = oversize ? new Uint8Array(0) : await readSourceBytes(source.absolute);
            const hash = hashSource(source.path, oversize ? new TextEncoder().encode(`oversize ${source.stamp}`) : bytes);
            const old = prior?.index.entries[source.path];
            if (old && old.hash === hash && isCurrent(old, context)) entries.set(source.path, { ...old, stamp: source.stamp });
            else jobs.push({ path: source.path, hash, stamp: source.stamp, bytes, ...(oversize ? { size: source.size } : {}) });
          }),
        );
        done += batch.length - jobs.length;
        built += jobs.length;
        if (jobs.length === 0) continue;
        if (pool) pending.push(pool.run(jobs).then(collect));
        else collect(jobs.map((job) => (processLocally as NonNullable<typeof processLocally>)(job, site, context, places)));
      }
      await Promise.all(pending);
    } finally {
      await pool?.close();
    }
    lap('articles');
    Object.assign(timings, cpu);

    // The same decisions as the in-memory build, on the entries.
    const ordered = sources.map((s) => ({ source: s, entry: entries.get(s.path) as CacheEntry }));
    const { accepted, diagnostics } = acceptArticles(
      ordered.map(({ source, entry }) => ({ source: source.path, id: entry.summary?.id, failed: entry.failed })),
      articlesPath,
    );
    diagnostics.push(...inputDiagnostics, ...previous.diagnostics);
    for (const { entry } of ordered) diagnostics.push(...entry.readDiagnostics);
    let kept = ordered.filter(({ source, entry }) => entry.summary !== undefined && accepted.has(source.path)).map(({ entry }) => entry);
    for (const entry of kept) diagnostics.push(...entry.outputDiagnostics);
    const dated = checkPublicationDates(kept.map((entry) => entry.summary as NonNullable<CacheEntry['summary']>), now);
    diagnostics.push(...dated);
    // --keep-going: sources with errors of their own are left out (and listed); their findings do not
    // stop the build. Anything else (feeds, manifest, configuration) still does.
    const rejected = new Set<string>();
    const excused = new Set<Diagnostic>();
    if (options.keepGoing) {
      const duplicates = new Set(diagnostics.filter((d) => d.ruleId === 'duplicate-id').map((d) => d.file));
      for (const { source, entry } of ordered) {
        const own = [...entry.readDiagnostics, ...(accepted.has(source.path) ? [...entry.outputDiagnostics, ...dated.filter((d) => d.file === source.path)] : [])];
        if (!duplicates.has(source.path) && !own.some((d) => d.severity === 'error')) continue;
        rejected.add(source.path);
        for (const d of own) excused.add(d);
        const why = diagnostic('error', source.path, 'build', 'rejected-article', 'left out of this build (--keep-going) because of its errors, reported with it; the other articles were written. Fix them and build again');
        excused.add(why);
        diagnostics.push(why);
      }
      for (const d of diagnostics) if (d.ruleId === 'duplicate-id') excused.add(d);
      kept = kept.filter((entry) => !rejected.has(entry.summary?.source ?? ''));
    }

    let feeds: FeedsEntry | undefined;
    const listed = kept.filter((entry) => entry.summary?.listed);
    if (listed.length > 0) {
      const summaries = listed.map((entry) => ({ ...(entry.summary as NonNullable<CacheEntry['summary']>), hash: entry.hash }));
      const selection = selectFeedArticles(summaries, site, now);
      const recent = toRecentArticles(summaries, Date.parse(now)).map((s) => s.source);
      const feedKey = hashFeedInput(selection, recent);
      if (prior?.index.feeds?.key === feedKey) {
        feeds = prior.index.feeds;
      } else {
        const stored = await loadArticles(selection, dirs, site, sources, context);
        const { buildFeeds } = await import('../pipeline/feeds.ts');
        const made = buildFeeds(
          stored.map((s) => s.article),
          site,
          now,
          stored.flatMap((s) => s.references),
        );
        writeStagedFiles(staging, made.outputs);
        feeds = { key: feedKey, outputs: made.outputs.map((o): OutputStamp => [o.path, hashText(o.text)]), diagnostics: made.diagnostics };
      }
      diagnostics.push(...feeds.diagnostics);
    }
    // Every source as last time (same paths, same hashes), each with the record the manifest holds.
    const sameSources = prior !== undefined && built === 0 && Object.keys(prior.index.entries).length === total;
    let manifest: OutputStamp | undefined;
    if (trusted && sameSources && prior?.index.manifest) {
      // Every source as last time, each with the record the manifest holds: the manifest would be the same bytes.
      manifest = prior.index.manifest;
    } else if (kept.length > 0) {
      const made = toManifestFile(
        kept.map((entry) => ({ revision: entry.revision as Revision, files: entry.outputs.map(([file]) => file) })),
        previous.records,
        options.outDir,
        rejected,
      );
      const { validateManifest } = await import('../validate/manifest.ts');
      diagnostics.push(...made.diagnostics, ...validateManifest(made.file, site));
      manifest = [made.file.path, hashText(made.file.text)];
      if (prior?.index.manifest?.[1] !== manifest[1]) writeStagedFiles(staging, [made.file]);
    }
    lap('feeds');

    const sorted = sortDiagnostics(diagnostics);
    const result: ProjectBuildResult = {
      articles: kept.length,
      files: 0,
      written: 0,
      removed: 0,
      diagnostics: sorted,
      mode,
      reused: total - built,
      built,
      workers: pool ? size : 0,
      rejected: [],
      committed: false,
      recovered,
      timings,
    };
    result.rejected = [...rejected].sort();
    if (sorted.some((d) => d.severity === 'error' && !excused.has(d)) || kept.length === 0) {
      await discardStaging(staging);
      result.files = prior ? countOutputs(prior.index) : 0;
      lap('write');
      return result;
    }
    if (rejected.size > 0) await restageKept(ordered, rejected, kept, staging, site, context, places);

    const next: CacheIndex = { format: CACHE_FORMAT, key, entries: {}, ...(feeds ? { feeds } : {}), ...(manifest ? { manifest } : {}) };
    // Rejected sources are not cached: their files are not in the output folder.
    for (const { source, entry } of ordered) if (!rejected.has(source.path)) next.entries[source.path] = entry;
    result.files = countOutputs(next);
    const sameOutputs = sameSources && feeds === prior?.index.feeds && manifest?.[1] === prior?.index.manifest?.[1];
    if (!prior) {
      await swapInStaging(options.outDir, cwd, staging);
      result.written = result.files;
    } else if (sameOutputs) {
      // Every source as before and the same feeds and manifest: nothing to compare or write.
      await discardStaging(staging);
    } else {
      const wanted = outputsOf(next);
      const had = outputsOf(prior.index);
      const changed = [...wanted].filter(([file, hash]) => had.get(file) !== hash).map(([file]) => file);
      const removed = [...had.keys()].filter((file) => !wanted.has(file));
      if (changed.length > 0 || removed.length > 0) await commitStagedChanges(options.outDir, cwd, staging, changed, removed);
      else await discardStaging(staging);
      result.written = changed.length;
      result.removed = removed.length;
    }
    result.committed = true;
    lap('write');
    // A no-op rebuild (every source matched by its stamp as well, so no stamp to update) leaves the index as it is.
    const unchanged = sameOutputs && reusedByStamp === total;
    if (persistent && !unchanged) {
      writeCacheIndex(dirs, next);
      // Stored articles of sources that changed or went away are no longer referenced.
      const live = new Set(Object.values(next.entries).map((e) => e.hash));
      if (prior) removeStored(dirs, Object.values(prior.index.entries).map((e) => e.hash).filter((hash) => !live.has(hash)));
    }
    lap('cache');
    return result;
  } catch (error) {
    await discardStaging(staging);
    throw error;
  } finally {
    if (!persistent) rmSync(dirs.root, { recursive: true, force: true });
  }
}
